'use client';

import { Badge } from '@/components/badge';
import { formatDate } from '@/components/format';
import { Fields } from '@/components/lists/fields';
import { MeasureList } from '@/components/lists/measures';
import { PageLink } from '@/components/page-link';
import type { ListEntryDto } from '@/server/lists/service';

/** One list entry on the list page: the facts, and its measures folded away. */
export function EntryCard({ entry: e, measuresLabel }: { entry: ListEntryDto; measuresLabel: string }) {
  const href = `/lists/${e.listType}/${e.id}`;
  return (
    <article
      id={`entry-${e.id}`}
      aria-labelledby={`entry-${e.id}-title`}
      className="rounded-lg bg-white p-4 shadow-sm"
      data-testid="list-entry"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`entry-${e.id}-title`} className="text-base font-semibold">
          <PageLink href={`/subjects/${e.subject.id}`} className="text-brand-700 hover:underline">
            {e.subject.name}
          </PageLink>
        </h3>
        {e.suspended ? <Badge tone="warning">异议处理中</Badge> : null}
        {e.domain ? <Badge tone="neutral">{e.domain}</Badge> : null}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {e.subject.kindLabel}
        {e.subject.uscc ? ` · 统一社会信用代码 ${e.subject.uscc}` : null}
      </p>
      <p className="mt-2 text-sm text-slate-800">{e.reason}</p>
      <div className="mt-3">
        <Fields
          layout="compact"
          items={[
            ['认定部门', e.departmentName],
            ['认定文号', e.decisionNumber],
            ['列入日期', formatDate(e.listedOn)],
            ['有效期至', formatDate(e.validUntil)],
          ]}
        />
      </div>
      <p className="mt-2 text-sm">
        <span className="text-slate-600">认定依据：</span>
        {e.basis}
      </p>
      {e.suspended ? (
        <p className="mt-2 text-sm text-amber-900">该主体提出的异议正在处理，处理期间暂停实施{measuresLabel}。</p>
      ) : null}
      <details className="mt-3 rounded-md border border-slate-200">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-700">
          适用措施（{e.measures.length} 项）
        </summary>
        <div className="px-3 pb-3">
          <MeasureList measures={e.measures} />
        </div>
      </details>
      <p className="mt-3 text-sm">
        <PageLink href={href} className="text-brand-700 underline">
          查看详情<span className="sr-only">：{e.subject.name}</span>
        </PageLink>
      </p>
    </article>
  );
}
