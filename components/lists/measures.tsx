import { PageLink } from '@/components/page-link';
import type { MeasureDto } from '@/server/lists/service';

/** The catalog measures applied to a list entry, each linking to its row of the catalog. */
export function MeasureList({ measures }: { measures: MeasureDto[] }) {
  if (measures.length === 0) return <p className="text-sm text-slate-600">未登记适用措施。</p>;
  return (
    <ol className="space-y-3">
      {measures.map((m) => (
        <li key={m.code} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="font-medium text-slate-900">
            <PageLink href={`/catalog#${m.code}`} className="text-brand-700 underline-offset-2 hover:underline">
              <span className="mr-2 font-mono text-xs text-slate-600">{m.code}</span>
              {m.measure}
            </PageLink>
          </p>
          <p className="mt-1 text-slate-800">{m.content}</p>
          <p className="mt-1 text-slate-700">
            <span className="text-slate-600">实施单位：</span>
            {m.implementingUnits.join('、')}
          </p>
          <p className="mt-1 text-slate-700">
            <span className="text-slate-600">法律依据：</span>
            {m.legalBasis}
          </p>
        </li>
      ))}
    </ol>
  );
}
