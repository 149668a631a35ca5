'use client';

import { Badge } from '@/components/badge';
import { formatCount } from '@/components/format';
import { Fields } from '@/components/lists/fields';
import { PageLink } from '@/components/page-link';
import type { CatalogItemDto } from '@/server/catalog/service';

/** One measure of the catalog (a client component: its markup is drawn from data, components/README.md). */
export function CatalogItem({ item: i }: { item: CatalogItemDto }) {
  return (
    <article
      id={i.code}
      aria-labelledby={`${i.code}-title`}
      className="scroll-mt-4 rounded-lg bg-white p-4 shadow-sm target:ring-2 target:ring-brand-600"
      data-testid="catalog-item"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`${i.code}-title`} className="text-base font-semibold text-slate-900">
          <span className="mr-2 font-mono text-sm text-slate-600">{i.code}</span>
          {i.measure}
        </h3>
        <Badge tone={i.kind === 'incentive' ? 'honor' : 'danger'}>{i.kindLabel}</Badge>
        {i.domain ? <Badge tone="neutral">{i.domain}</Badge> : null}
      </div>
      <div className="mt-3">
        <Fields
          items={[
            ['行政单位', i.decidingUnit],
            ['处理措施', i.measure],
            ['适用对象', i.appliesTo],
            ['适用领域', i.domain ?? '各领域通用'],
          ]}
        />
        <div className="mt-2">
          <Fields
            layout="wide"
            items={[
              [i.reasonLabel, i.reason],
              ['措施内容', i.content],
              ['法律依据', i.legalBasis],
              ['联合奖惩实施单位', i.implementingUnits.join('、')],
              ['证据材料', i.evidence],
            ]}
          />
        </div>
      </div>
      <p className="mt-3 text-sm">
        {i.listLabel}中适用本措施、仍在有效期内的名单信息：
        {i.entriesInForce > 0 ? (
          <PageLink href={`/lists/${i.listType}?measure=${i.code}`} className="text-brand-700 underline">
            {formatCount(i.entriesInForce)} 条
          </PageLink>
        ) : (
          '0 条'
        )}
      </p>
    </article>
  );
}
