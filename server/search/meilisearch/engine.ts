import type { Meilisearch, SearchParams } from 'meilisearch';
import type { Db } from '../../db/client';
import {
  emptyFacets,
  emptyResult,
  facetValues,
  hitOf,
  loadLabels,
  PLACEHOLDER_NOTICE,
  resolveCode,
} from '../result-parts';
import { parseQuery, rankClassOf, type ParsedQuery } from '../text';
import {
  EXACT_TOTAL_LIMIT,
  FACETS,
  MAX_RESULT_WINDOW,
  PAGE_SIZE,
  type FacetName,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
} from '../types';
import { allOf, anyOf, facetQueries, NOTHING, visibilityFilter } from './filters';
import { selectedValues } from '../types';
import { containsAllTerms, gramQuery, prefixKey, titleKey, MAX_TITLE_PREFIX, type MeiliDocument } from './grams';
import { FACET_ATTRIBUTES, GRAM_ATTRIBUTES, RANK_FIELDS } from './settings';

// Search on Meilisearch with the contract's semantics. Meilisearch finds, filters and counts
// (total and facets, exact up to EXACT_TOTAL_LIMIT); the order is ours: the matches come back
// newest first (small hits: id, normalised title, date), are split into rank classes with
// text.ts's rankClassOf, and only the page's documents are fetched whole. Past the exact limit
// the name classes are asked for separately (by title-key filters and a title-only phrase).

/** A query that needs verification (a term of 3+ characters) and has up to this many candidates is pinned by id: totals and facets exact. */
export const MAX_PINNED_IDS = 2000;

export interface MeilisearchEngineOptions {
  db: Db;
  indexName: string;
  exactTotalLimit?: number;
}

interface RankRow {
  docId: string;
  titleNorm: string;
  sortDay: number;
  searchText?: string;
}

/** How the documents matching the query are selected: a gram query, or pinned ids (q empty). */
export interface Match {
  q: string;
  filter: string | null;
  /** False when the gram query was cut and could not be pinned: page hits are verified, counts are estimates. */
  exact: boolean;
}

const SORT = ['sortDay:desc', 'docId:desc'];
const attribute = (facet: FacetName) => FACET_ATTRIBUTES[facet];

export function createMeilisearchEngine(client: Meilisearch, options: MeilisearchEngineOptions): SearchEngine {
  const limit = options.exactTotalLimit ?? EXACT_TOTAL_LIMIT;
  return { name: 'meilisearch', search: (request, today) => search(client, options, limit, request, today) };
}

/** The match of a parsed query: the gram query, or (for a cut long query) its verified candidates by id. */
export async function matchOf(
  index: (
    q: string,
    params: SearchParams,
  ) => Promise<{ hits: RankRow[]; totalHits?: number; estimatedTotalHits?: number }>,
  parsed: ParsedQuery,
  visibility: string,
  cap: number,
): Promise<Match> {
  const gq = gramQuery(parsed.terms);
  if (!gq.loose) return { q: gq.q, filter: null, exact: true };
  const candidates = await index(gq.q, {
    filter: visibility,
    matchingStrategy: 'all',
    page: 1,
    hitsPerPage: Math.min(cap, MAX_PINNED_IDS),
    attributesToSearchOn: [...GRAM_ATTRIBUTES],
    attributesToRetrieve: ['docId', 'searchText'],
  });
  const total = candidates.totalHits ?? candidates.estimatedTotalHits ?? 0;
  const verified = candidates.hits
    .filter((h) => containsAllTerms(h.searchText ?? '', parsed.terms))
    .map((h) => h.docId);
  if (total > candidates.hits.length) return { q: gq.q, filter: null, exact: false };
  return { q: '', filter: anyOf('docId', verified) ?? NOTHING, exact: true };
}

async function search(
  client: Meilisearch,
  options: MeilisearchEngineOptions,
  limit: number,
  request: SearchRequest,
  today: string,
): Promise<SearchResult> {
  const { db } = options;
  const cap = limit + 1;
  const parsed = parseQuery(request.q);
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const sort = request.sort ?? 'relevance';
  const code = await resolveCode(db, parsed);
  if (code === 'placeholder') return emptyResult(parsed, page, null, PLACEHOLDER_NOTICE);
  if (code?.type === 'personal_id') return emptyResult(parsed, page, code, null);
  if (parsed.terms.length === 0) return emptyResult(parsed, page, code, parsed.notice);

  const index = client.index<MeiliDocument>(options.indexName);
  const visibility = visibilityFilter(today);
  const match = await matchOf((q, params) => index.search<RankRow>(q, params), parsed, visibility, cap);
  const offset = (page - 1) * PAGE_SIZE;

  // One round trip: the ranked matches with the facets without a selection, and each selected facet without its own filter.
  const queries = facetQueries(request, [visibility, match.filter]);
  const response = await client.multiSearch({ queries: rankedSearchQueries(options.indexName, match, queries, cap) });
  const [main, ...disjunctive] = response.results;
  let rows = (main!.hits as unknown as RankRow[]).map((h) => ({ ...h }));
  if (!match.exact) rows = rows.filter((r) => containsAllTerms(r.searchText ?? '', parsed.terms));
  const matched = main!.totalHits ?? main!.estimatedTotalHits ?? rows.length;
  // Unpinned, every match up to the cap came back and was verified: the total is still exact below the limit.
  const totalIsExact = matched <= limit;
  const total = match.exact ? Math.min(matched, limit) : Math.min(rows.length, limit);

  const labels = await loadLabels(db);
  const counts = new Map<FacetName, Map<string, number>>();
  const distributions = [main!, ...disjunctive].map((r) => r.facetDistribution ?? {});
  for (const facet of FACETS) {
    const found = distributions.find((d) => d[attribute(facet)] !== undefined)?.[attribute(facet)] ?? {};
    counts.set(facet, new Map(Object.entries(found)));
  }
  const facets = emptyFacets();
  for (const facet of FACETS)
    facets[facet] = facetValues(counts.get(facet)!, facet, selectedValues(request, facet), labels);

  const windowSize = totalIsExact ? Math.min(total, MAX_RESULT_WINDOW) : MAX_RESULT_WINDOW;
  const pageCount = Math.ceil(windowSize / PAGE_SIZE);
  let pageIds: string[] = [];
  if (offset < windowSize) {
    const broad = matched > limit && sort === 'relevance';
    const ordered = broad
      ? await broadOrder(
          client,
          options.indexName,
          match,
          parsed,
          [visibility, queries[0]!.filter],
          rows,
          offset + PAGE_SIZE,
          cap,
        )
      : sort === 'date'
        ? rows
        : rankOrder(rows, parsed.nameQuery);
    pageIds = ordered.slice(offset, offset + PAGE_SIZE).map((r) => r.docId);
  }
  const hits = await pageDocuments(index, pageIds, parsed, today);

  return {
    terms: parsed.terms,
    total,
    totalIsExact,
    page,
    pageSize: PAGE_SIZE,
    pageCount,
    hits,
    facets,
    // Meilisearch counts facets over every match, so they are exact whenever the match is (pinned or phrase-exact).
    facetsAreExact: match.exact,
    code,
    notice:
      parsed.notice ??
      (totalIsExact
        ? null
        : `匹配结果超过 ${limit.toLocaleString('en-US')} 条，仅显示前 ${MAX_RESULT_WINDOW.toLocaleString('en-US')} 条，请增加查询词或筛选条件。`),
  };
}

/** The multi-search of one page: the ranked matches (small hits, newest first, up to `cap`) with the unselected facets, then one count-only query per selected facet. */
export function rankedSearchQueries(
  indexName: string,
  match: Match,
  queries: ReturnType<typeof facetQueries>,
  cap: number,
): (SearchParams & { indexUid: string })[] {
  return queries.map((query, i) => ({
    indexUid: indexName,
    q: match.q,
    // Only the gram tokens are matched: a phrase of them can never match Chinese text or a stray ASCII word.
    attributesToSearchOn: [...GRAM_ATTRIBUTES],
    matchingStrategy: 'all' as const,
    filter: query.filter ?? undefined,
    facets: query.facets,
    ...(i === 0
      ? {
          page: 1,
          hitsPerPage: cap,
          sort: SORT,
          attributesToRetrieve: match.exact ? RANK_FIELDS : [...RANK_FIELDS, 'searchText'],
        }
      : { page: 1, hitsPerPage: 0 }),
  }));
}

/** Rank classes (exact name, prefix, contains, text only), newest first within each: a stable partition of the date order. */
export function rankOrder<R extends { titleNorm: string }>(rowsNewestFirst: readonly R[], nameQuery: string): R[] {
  const classes: R[][] = [[], [], [], []];
  for (const r of rowsNewestFirst) classes[rankClassOf(r.titleNorm, nameQuery)]!.push(r);
  return classes.flat();
}

/**
 * The first `need` results of a query with more than EXACT_TOTAL_LIMIT matches, class by class:
 * exact and prefix names by their title keys, names containing the query by a title-only phrase,
 * then text-only matches from the newest matches.
 */
async function broadOrder(
  client: Meilisearch,
  indexName: string,
  match: Match,
  parsed: ParsedQuery,
  base: (string | null)[],
  newest: readonly RankRow[],
  need: number,
  cap: number,
): Promise<RankRow[]> {
  const nq = parsed.nameQuery;
  const exactKey = `titleKey = "${titleKey(nq)}"`;
  const prefixable = Array.from(nq).length <= MAX_TITLE_PREFIX;
  const prefix = `titlePrefixKeys = "${prefixKey(nq)}"`;
  const title = gramQuery([nq]);
  const hitsPerPage = Math.min(cap, need);
  const common = {
    indexUid: indexName,
    matchingStrategy: 'all' as const,
    attributesToSearchOn: [...GRAM_ATTRIBUTES],
    sort: SORT,
    page: 1,
    hitsPerPage,
  };
  const { results } = await client.multiSearch({
    queries: [
      { ...common, q: match.q, filter: allOf([...base, exactKey]) ?? undefined, attributesToRetrieve: RANK_FIELDS },
      {
        ...common,
        q: match.q,
        filter: allOf([...base, prefixable ? prefix : NOTHING, `NOT ${exactKey}`]) ?? undefined,
        attributesToRetrieve: RANK_FIELDS,
      },
      {
        ...common,
        q: title.q,
        attributesToSearchOn: ['titleGrams', 'titleUnigrams'],
        filter: allOf([...base, prefixable ? `NOT ${prefix}` : null, `NOT ${exactKey}`]) ?? undefined,
        attributesToRetrieve: RANK_FIELDS,
      },
    ],
  });
  const byClass = results.map((r) => r.hits as unknown as RankRow[]);
  // A title equal to (or starting with) the whole query contains every term, so classes 0 and 1 need no
  // verification; a cut title phrase is verified by the class test, which keeps every list honest.
  const ordered = [0, 1, 2].flatMap((c) => byClass[c]!.filter((r) => rankClassOf(r.titleNorm, nq) === c));
  const textOnly = newest.filter((r) => rankClassOf(r.titleNorm, nq) === 3);
  return [...ordered, ...textOnly];
}

/** The page's documents, whole, in the page's order. */
async function pageDocuments(
  index: ReturnType<Meilisearch['index']>,
  ids: readonly string[],
  parsed: ParsedQuery,
  today: string,
) {
  if (ids.length === 0) return [];
  const found = await index.search<MeiliDocument>('', {
    filter: anyOf('docId', ids) ?? NOTHING,
    limit: ids.length,
    attributesToRetrieve: ['docId', 'kind', 'entityId', 'subjectId', 'titleNorm', 'body', 'display', 'expiresOn'],
  });
  const docs = new Map(found.hits.map((d) => [d.docId, d]));
  return ids.flatMap((id) => {
    const doc = docs.get(id);
    return doc ? [hitOf(doc, parsed, today)] : [];
  });
}
