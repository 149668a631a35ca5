'use client';

import { Badge, toneOfStatus } from '@/components/badge';
import { formatAmount, formatDate } from '@/components/format';
import { PageLink } from '@/components/page-link';
import type { DisclosureKind } from '@/server/disclosures/filters';
import type { DisclosureListItem } from '@/server/disclosures/service';
import { KIND_TEXT } from './kinds';

/** One record of a 双公示 list (a client component: its markup is drawn from data, components/README.md). */
export function ResultRow({ kind, item }: { kind: DisclosureKind; item: DisclosureListItem }) {
  const text = KIND_TEXT[kind];
  return (
    <li className="px-4 py-3" data-testid="result">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="flex flex-wrap items-baseline gap-2">
          <PageLink href={`${text.path}/${item.id}`} className="font-semibold text-brand-700 hover:underline">
            {item.title}
          </PageLink>
          {item.badges.map((b) => (
            <Badge key={b} tone={toneOfStatus(b)}>
              {b}
            </Badge>
          ))}
        </p>
        <time dateTime={item.decisionDate} className="text-sm text-slate-700" data-testid="decision-date">
          {formatDate(item.decisionDate)}
        </time>
      </div>
      <p className="mt-1 text-slate-900">
        <span className="sr-only">行政相对人：</span>
        <span data-testid="subject">{item.subjectName}</span>
      </p>
      <p className="mt-0.5 flex flex-wrap gap-x-3 text-sm text-slate-600">
        <span className="break-all" data-testid="document-number">
          {item.documentNumber}
        </span>
        <span data-testid="department">{item.departmentName}</span>
        {item.fineAmount !== null ? (
          <span data-testid="fine-amount" data-amount={item.fineAmount}>
            罚款 {formatAmount(item.fineAmount)} 万元
          </span>
        ) : null}
        <span>
          <span className="sr-only">{text.categoryLabel}：</span>
          {item.categories.join('、')}
        </span>
      </p>
    </li>
  );
}
