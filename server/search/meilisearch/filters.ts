import { FACETS, selectedValues, type FacetName, type SearchRequest } from '../types';

import { FACET_ATTRIBUTES } from './settings';

// Meilisearch filter expressions (pure). Values are always quoted and escaped, so no value can
// close its string and add a condition of its own.

/** A condition no document meets (every document has a non-empty docId). */
export const NOTHING = 'docId = ""';

/** A filter value as a Meilisearch string literal: backslashes and double quotes escaped. */
export function quoteValue(value: string | number): string {
  return `"${String(value).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** `attr IN ["a", "b"]` (OR within a facet); null for no values. */
export function anyOf(attribute: string, values: readonly (string | number)[]): string | null {
  if (values.length === 0) return null;
  return `${attribute} IN [${[...new Set(values.map(String))].map(quoteValue).join(', ')}]`;
}

/** ANDs the parts that are present, each in parentheses. */
export function allOf(parts: readonly (string | null | undefined)[]): string | null {
  const present = parts.filter((p): p is string => Boolean(p));
  if (present.length === 0) return null;
  return present.map((p) => `(${p})`).join(' AND ');
}

/** A facet's condition: numeric attributes compare as numbers, so their values are checked to be integers. */
export function facetFilter(facet: FacetName, values: readonly string[]): string | null {
  const numeric = facet === 'department' || facet === 'year';
  const clean = numeric ? values.filter((v) => /^-?\d+$/.test(v)) : values;
  // A selected value that cannot exist matches nothing (not everything).
  if (values.length > 0 && clean.length === 0) return NOTHING;
  return numeric
    ? clean.length
      ? `${FACET_ATTRIBUTES[facet]} IN [${[...new Set(clean)].join(', ')}]`
      : null
    : anyOf(FACET_ATTRIBUTES[facet], clean);
}

/** What is public on `today` (yyyy-mm-dd): from its first day, until (not on) its last. */
export function visibilityFilter(today: string): string {
  const day = Number(today.slice(0, 10).replaceAll('-', ''));
  if (!Number.isInteger(day)) throw new Error(`bad date: ${today}`);
  return `publicFromDay <= ${day} AND publicUntilDay > ${day}`;
}

/** Filters of every facet but `except` (a disjunctive facet is counted without its own filter). */
export function facetFilters(request: Omit<SearchRequest, 'q'>, except?: FacetName): (string | null)[] {
  return FACETS.filter((f) => f !== except).map((f) => facetFilter(f, selectedValues(request, f)));
}

/** The facets that have a selection. */
export const activeFacets = (request: Omit<SearchRequest, 'q'>) =>
  FACETS.filter((f) => selectedValues(request, f).length > 0);

/**
 * The queries of one search's facet counts: the main filter (every facet), and per selected facet the
 * same without that facet's own filter, counting only that facet (multi-search, one round trip).
 */
export function facetQueries(
  request: Omit<SearchRequest, 'q'>,
  base: readonly (string | null)[],
): { facet: FacetName | null; filter: string | null; facets: string[] }[] {
  const active = activeFacets(request);
  return [
    {
      facet: null,
      filter: allOf([...base, ...facetFilters(request)]),
      facets: FACETS.filter((f) => !active.includes(f)).map((f) => FACET_ATTRIBUTES[f]),
    },
    ...active.map((facet) => ({
      facet,
      filter: allOf([...base, ...facetFilters(request, facet)]),
      facets: [FACET_ATTRIBUTES[facet]],
    })),
  ];
}
