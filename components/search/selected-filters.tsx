import { PageLink } from '@/components/page-link';
import { FACETS, type FacetName, type FacetValue, type SearchRequest } from '@/server/search/types';
import { clearFiltersHref, FACET_LABELS, hasFilters, selectedOf, toggleFacetHref } from './search-params';

/** The filters in force, each removable by a link, and one link that removes them all. */
export function SelectedFilters({
  request,
  facets,
}: {
  request: SearchRequest;
  facets: Record<FacetName, FacetValue[]>;
}) {
  if (!hasFilters(request)) return null;
  const chips = FACETS.flatMap((facet) =>
    selectedOf(request, facet).map((value) => ({
      facet,
      value,
      label: facets[facet].find((v) => v.value === value)?.label ?? value,
    })),
  );
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-sm" data-testid="selected-filters">
      <span className="text-slate-700">已选条件：</span>
      {chips.map((c) => (
        <PageLink
          key={`${c.facet}-${c.value}`}
          href={toggleFacetHref(request, c.facet, c.value)}
          className="inline-flex items-center gap-1 rounded-full border border-brand-600 bg-brand-50 px-2.5 py-0.5 text-brand-800 hover:bg-brand-100"
        >
          <span className="sr-only">取消筛选：</span>
          {FACET_LABELS[c.facet]}：{c.label}
          <span aria-hidden="true">×</span>
        </PageLink>
      ))}
      <PageLink href={clearFiltersHref(request)} className="text-brand-700 underline">
        清除全部筛选
      </PageLink>
    </div>
  );
}
