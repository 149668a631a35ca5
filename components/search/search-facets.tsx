import { formatCount } from '@/components/format';
import { PageLink } from '@/components/page-link';
import { EXACT_TOTAL_LIMIT, FACETS, type FacetName, type FacetValue, type SearchRequest } from '@/server/search/types';
import { FACET_LABELS, toggleFacetHref } from './search-params';

const SHOWN = 6;

/** Facets as links that switch a value on or off: they work without JavaScript. */
export function SearchFacets({
  request,
  facets,
  facetsAreExact,
}: {
  request: SearchRequest;
  facets: Record<FacetName, FacetValue[]>;
  facetsAreExact: boolean;
}) {
  const groups = FACETS.filter((f) => facets[f].length > 0);
  return (
    <section aria-labelledby="facets-heading" id="facets" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="facets-heading" className="text-lg font-semibold">
        筛选条件
      </h2>
      {facetsAreExact ? null : (
        <p className="mt-1 text-xs text-slate-600" data-testid="facets-approximate">
          结果较多，以下数量按前 {formatCount(EXACT_TOTAL_LIMIT)} 条结果统计。
        </p>
      )}
      {groups.length === 0 ? <p className="mt-2 text-sm text-slate-600">没有可用的筛选条件。</p> : null}
      {groups.map((facet) => {
        const values = facets[facet];
        // Selected values stay visible even when they would fall under 更多.
        const shown = values.filter((v, i) => i < SHOWN || v.selected);
        const more = values.filter((v, i) => i >= SHOWN && !v.selected);
        return (
          <div key={facet} className="mt-4" data-testid={`facet-${facet}`}>
            <h3 className="mb-1 text-sm font-semibold text-slate-800">{FACET_LABELS[facet]}</h3>
            <FacetList request={request} facet={facet} values={shown} />
            {more.length ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-sm text-brand-700">
                  更多{FACET_LABELS[facet]}（{more.length}）
                </summary>
                <FacetList request={request} facet={facet} values={more} />
              </details>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function FacetList({ request, facet, values }: { request: SearchRequest; facet: FacetName; values: FacetValue[] }) {
  return (
    <ul className="space-y-0.5">
      {values.map((v) => (
        <li key={v.value}>
          <PageLink
            href={toggleFacetHref(request, facet, v.value)}
            className={`flex items-start gap-2 rounded px-1 py-1 text-sm hover:bg-brand-50 ${v.selected ? 'font-semibold text-brand-800' : 'text-slate-800'}`}
            data-selected={v.selected ? 'true' : 'false'}
          >
            <span
              aria-hidden="true"
              className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-sm border text-xs leading-none ${v.selected ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-500 bg-white'}`}
            >
              {v.selected ? '✓' : ''}
            </span>
            <span className="min-w-0 flex-1">
              <span className="sr-only">{v.selected ? '取消筛选：' : '筛选：'}</span>
              {v.label}
            </span>
            <span className="shrink-0 tabular-nums text-slate-600" data-testid="facet-count">
              {formatCount(v.count)}
              <span className="sr-only">条</span>
            </span>
          </PageLink>
        </li>
      ))}
    </ul>
  );
}
