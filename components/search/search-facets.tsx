import { FacetPanel, type FacetGroup } from '@/components/facets/facet-panel';
import { formatCount } from '@/components/format';
import { EXACT_TOTAL_LIMIT, FACETS, type FacetName, type FacetValue, type SearchRequest } from '@/server/search/types';
import { clearFiltersHref, FACET_LABELS, hasFilters, PARAM_OF_FACET, SEARCH_PATH } from './search-params';

/** /search's facets through the shared panel: checkboxes in a GET form that keeps the query and sort. */
export function SearchFacets({
  request,
  facets,
  facetsAreExact,
}: {
  request: SearchRequest;
  facets: Record<FacetName, FacetValue[]>;
  facetsAreExact: boolean;
}) {
  const groups: FacetGroup[] = FACETS.map((facet) => ({
    key: facet,
    param: PARAM_OF_FACET[facet],
    label: FACET_LABELS[facet],
    options: facets[facet],
  }));
  const hidden = [
    ...(request.q ? [{ name: 'q', value: request.q }] : []),
    ...(request.sort === 'date' ? [{ name: 'sort', value: 'date' }] : []),
  ];
  return (
    <FacetPanel
      action={SEARCH_PATH}
      hidden={hidden}
      groups={groups}
      clearHref={hasFilters(request) ? clearFiltersHref(request) : undefined}
      note={
        facetsAreExact ? null : (
          <p className="mt-1 text-xs text-slate-600" data-testid="facets-approximate">
            结果较多，以下数量按前 {formatCount(EXACT_TOTAL_LIMIT)} 条结果统计。
          </p>
        )
      }
    />
  );
}
