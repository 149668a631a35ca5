import type { Db } from '../db/client';
import { ownUscc } from '../rules/uscc';
import { Planner, RARE_LEXEMES_PER_TERM } from './planner';
import * as repo from './repository';
import {
  PLACEHOLDER_NOTICE,
  emptyFacets,
  emptyResult,
  facetValues,
  hitOf,
  loadLabels,
  resolveCode,
} from './result-parts';
import {
  containsPattern,
  facetToken,
  parseQuery,
  prefixPattern,
  termIsExactByLexemes,
  termLexemes,
  titleTermLexemes,
  tsqueryOf,
  type ParsedQuery,
} from './text';
import { createSummaryCache } from '../http/summary-cache';
import {
  EXACT_TOTAL_LIMIT,
  REQUEST_KEY_OF_FACET,
  selectedValues,
  FACETS,
  MAX_RESULT_WINDOW,
  PAGE_SIZE,
  type HitDisplay,
  type HitKind,
  type SearchEngine,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
} from './types';

// The default engine: PostgreSQL (or PGlite) over search_documents.
//
// Work is bounded by design. At most EXACT_TOTAL_LIMIT + 1 matching rows are read for the
// total, the facets and the ranking; when a query matches more, the total is "10,000+",
// facets are counted over those rows, and the page is found class by class (exact name,
// name prefix, name contains, text) walking the date index, so no query scores every hit,
// and none sorts them unless the walk finds the matches old (newestPage).

/**
 * Below this many members a rank class is sorted after an index lookup; above, walked by date.
 * On the 1M database (832,000 documents) a sort costs about 1.2 µs per match and a walk about
 * 1.7 µs per document examined: for matches spread evenly, the two meet near 4,000 matches
 * ("饮服务", 2,371 names that contain it: walked 8.7 ms, sorted 3 ms).
 */
const DATE_WALK_THRESHOLD = 4000;
/**
 * Documents a date walk examines per page of hits before it gives up for a sort: about 8 ms
 * (1M database). Spread evenly, a class past DATE_WALK_THRESHOLD fills a page of 20 within some
 * 4,200 documents; one that does not is old (see newestPage).
 */
const WALK_BUDGET = 5_000;

/**
 * Past the exact limit, grouped cards are ranked from a sample of this many matches per name
 * class: every row read costs (~20 µs on the 1M database), and 2 × 10,001 rows made grouped
 * pages several times slower than flat ones for a page that shows 20 cards.
 */
const GROUP_SAMPLE = 1000;
/**
 * Past the exact limit, the names that contain the query (and the hits that name it only in
 * their text) are sought among at most this many times GROUP_SAMPLE of the query's matches: a
 * bounded sample however rare the class is (1M benchmark: "乐山市", whose hundreds of thousands
 * of name matches nearly all begin with it: grouped page 160–196 ms → 26–28 ms). Exact names
 * and prefixes, which rank first, are read in full from the title index.
 */
const EXAMINED_PER_SAMPLED = 20;

export interface PostgresEngineOptions {
  /** 'auto' lets the planner choose; tests force each plan to prove they agree. */
  plan?: 'auto' | 'index' | 'scan';
  /** Totals are exact up to this many hits (EXACT_TOTAL_LIMIT); tests lower it to reach the broad path. */
  exactTotalLimit?: number;
  /** Rank classes this large are walked by date (DATE_WALK_THRESHOLD); tests lower it to reach every path. */
  dateWalkThreshold?: number;
  /** Documents a date walk examines per page before it sorts instead (WALK_BUDGET); tests lower it to reach both. */
  walkBudget?: number;
  /** Matches read per name class for grouped cards past the exact limit (GROUP_SAMPLE); tests lower it. */
  groupSample?: number;
  /**
   * 'auto' keeps the page (of hits or of cards) in the summary unless the statistics expect the
   * cap to be reached; tests say 'never' to find pages of exact totals class by class, and cards
   * by a read of their own, as a wrong guess would.
   */
  summaryPage?: 'auto' | 'never';
  /**
   * What the engine assumes of the total before the summary has counted it: whether grouped
   * cards, read beside the summary, are ranked as a capped sample, and whether the summary keeps
   * a flat page. 'auto' asks the statistics; tests force each guess, right and wrong, and the
   * band between (both read), to prove that a wrong one costs only time.
   */
  expectCap?: 'auto' | 'always' | 'never' | 'unsure';
  /**
   * Keep the capped summaries of broad queries until public data changes (server/http/summary-cache.ts). The
   * portal's engine does; tests that write rows directly, without announcing the change, do not.
   */
  cacheSummaries?: boolean;
}

export function createPostgresSearchEngine(db: Db, options: PostgresEngineOptions = {}): SearchEngine {
  const resolved = {
    plan: options.plan ?? 'auto',
    exactTotalLimit: options.exactTotalLimit ?? EXACT_TOTAL_LIMIT,
    dateWalkThreshold: options.dateWalkThreshold ?? DATE_WALK_THRESHOLD,
    walkBudget: options.walkBudget ?? WALK_BUDGET,
    groupSample: options.groupSample ?? GROUP_SAMPLE,
    summaryPage: options.summaryPage ?? 'auto',
    expectCap: options.expectCap ?? 'auto',
    cacheSummaries: options.cacheSummaries ?? false,
  };
  const cache = createSummaryCache<repo.Summary>();
  // Only summaries that reached the cap are kept: those are the costly ones, and they never hold
  // a page (a page is kept only below the cap), so one entry serves every page of the query.
  const summarize: Summarize = resolved.cacheSummaries
    ? (db, spec, cap, facets, ranking, page) =>
        cache.get(
          JSON.stringify([spec, cap, facets, ranking]),
          () => repo.summarize(db, spec, cap, facets, ranking, page),
          (summary) => summary.total >= cap && summary.page === null,
        )
    : repo.summarize;
  return { name: 'postgresql', search: (request, today) => search(db, request, today, resolved, summarize) };
}

type Filters = repo.DocumentFilters;

function filtersOf(r: SearchRequest): Filters {
  return {
    kinds: r.kinds,
    departmentIds: r.departmentIds,
    divisionCodes: r.divisionCodes,
    years: r.years,
    categories: r.categories,
    severities: r.severities,
    listTypes: r.listTypes,
    domains: r.domains,
  };
}

type Ranked = { docId: string; titleNorm: string; sortDate: string | null };

/** Filters as groups of facet tokens (OR within a facet, AND across). */
function filterTokenGroups(filters: Filters): string[][] {
  return FACETS.flatMap((facet) => {
    const values = selectedValues(filters, facet);
    return values.length ? [values.map((v) => facetToken(facet, v))] : [];
  });
}

/** The title tokens a name class needs (the whole query must occur in the title). */
function titleTokenGroups(title: repo.TitleCondition | null, nameQuery: string): string[][] {
  if (!title || title.type === 'textOnly' || nameQuery === '') return [];
  return titleTermLexemes(nameQuery).map((l) => [l]);
}

const planners = new WeakMap<Db, Planner>();
function plannerFor(db: Db): Planner {
  let planner = planners.get(db);
  if (!planner) planners.set(db, (planner = new Planner(() => repo.lexemeStatistics(db))));
  return planner;
}

interface Query {
  parsed: ParsedQuery;
  filters: Filters;
  today: string;
  planner: Planner;
  options: Required<PostgresEngineOptions>;
}

/** The match spec of a query (optionally one name class), by index or by scan as the planner says. */
function specFor(query: Query, title: repo.TitleCondition | null, force?: 'index' | 'scan'): repo.MatchSpec {
  const { parsed, filters, today, planner, options } = query;
  const groups = [...filterTokenGroups(filters), ...titleTokenGroups(title, parsed.nameQuery)];
  // Long terms are checked by a substring test anyway, so the index only needs their rarest bigrams.
  const termGroups = parsed.terms.flatMap((t) => planner.rarest(termLexemes(t), RARE_LEXEMES_PER_TERM).map((l) => [l]));
  const lexemes = [...termGroups, ...groups].flat();
  const expected = planner.estimate(parsed.terms, groups);
  const broad = planner.prefersScan(lexemes, expected, options.exactTotalLimit + 1);
  const mode = options.plan !== 'auto' ? options.plan : (force ?? (broad ? 'scan' : 'index'));
  if (mode === 'scan') {
    return { tsquery: null, containsTerms: parsed.terms, columns: filters, title, today };
  }
  return {
    tsquery: tsqueryOf([...new Map([...termGroups, ...groups].map((g) => [g.join('|'), g])).values()]),
    containsTerms: parsed.terms.filter((t) => !termIsExactByLexemes(t)),
    columns: null,
    title,
    today,
  };
}

type Summarize = typeof repo.summarize;

async function search(
  db: Db,
  request: SearchRequest,
  today: string,
  options: Required<PostgresEngineOptions>,
  summarize: Summarize,
): Promise<SearchResult> {
  const limit = options.exactTotalLimit;
  const capped = limit + 1;
  const parsed = parseQuery(request.q);
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const sort = request.sort ?? 'relevance';
  const filters = filtersOf(request);

  const code = await resolveCode(db, parsed);
  if (code === 'placeholder') {
    return emptyResult(parsed, page, null, PLACEHOLDER_NOTICE);
  }
  if (code?.type === 'personal_id') return emptyResult(parsed, page, code, null);
  if (parsed.terms.length === 0) return emptyResult(parsed, page, code, parsed.notice);

  const planner = plannerFor(db);
  await planner.refresh();
  const query: Query = { parsed, filters, today, planner, options };
  const offset = (page - 1) * PAGE_SIZE;
  const activeFacets = FACETS.filter((f) => selectedValues(filters, f).length > 0);
  // The labels do not depend on the matches: read them on other connections meanwhile.
  const labelsRead = loadLabels(db);
  // One statement: the capped total, the counts of every facet without a filter of its own and
  // of the rank classes, and (unless the statistics say the cap will be reached, when it could
  // not be used) the page in rank order.
  const grouped = request.group === 'subject' && sort === 'relevance';
  // What the statistics are sure of: a total past the cap (common lexemes) or below it. Between
  // the two (a lexeme too rare to be tracked: anywhere from none to twice the cap) neither.
  const estimate = planner.estimate(parsed.terms, filterTokenGroups(filters));
  // A full name is rare whatever its rarest bigram's estimate says (Planner.surelyRare).
  const auto = options.expectCap === 'auto';
  const rare = auto && planner.surelyRare(parsed.terms);
  const surelyCapped = auto ? estimate > 2 * capped && !rare : options.expectCap === 'always';
  const surelyExact = auto ? estimate < capped / 2 || rare : options.expectCap === 'never';
  const likelyCapped = options.summaryPage === 'never' || surelyCapped;
  // Cards that may rank every match are ranked in the summary's statement, from the matches it
  // counts (one read of them instead of two); past the cap they are read apart (below).
  const summaryPage: repo.SummaryPage | null = likelyCapped
    ? null
    : grouped
      ? { offset, limit: PAGE_SIZE, grouped: true }
      : { offset, limit: PAGE_SIZE, sort };
  const summaryRead = summarize(
    db,
    specFor(query, null),
    capped,
    FACETS.filter((f) => !activeFacets.includes(f)),
    {
      nameQuery: parsed.nameQuery,
      exactPattern: { prefix: prefixPattern(parsed.nameQuery), contains: containsPattern(parsed.nameQuery) },
    },
    summaryPage,
  );
  // Grouped cards (what /search shows) past the cap do not wait for the summary: they are read on
  // another connection meanwhile when the statistics expect the cap, and read again in the rare
  // case that the summary says otherwise. When the statistics cannot tell (a lexeme too rare to
  // be tracked), both are read meanwhile, each bounded by the cap (the exact ranking with the
  // summary), and the summary picks one. Such lexemes fall on both sides of the cap (1M
  // database: 6 of 11 below, 5 above), so any one guess left about half of them waiting for a
  // second read after the summary; reading both costs CPU instead (fixed 2-character set,
  // grouped: p95 63 → 48 ms; random 2-character substrings, grouped, whose untracked lexemes
  // are mostly past the cap: 30 → 44 ms). A flat page still waits: past the cap it uses the
  // class sizes the summary found.
  const earlySampled = grouped && !surelyExact ? settled(groupedHits(db, query, capped, false, offset)) : null;
  // Disjunctive facets: a facet's own filter does not shrink its counts (one summary each, meanwhile).
  const ownReads = activeFacets.map((facet) => {
    const without: Query = { ...query, filters: { ...filters, [REQUEST_KEY_OF_FACET[facet]]: undefined } };
    return summarize(db, specFor(without, null), capped, [facet], null, null);
  });
  const [main, own] = await Promise.all([summaryRead, Promise.all(ownReads)]).catch(async (error: unknown) => {
    await earlySampled; // settled: never reject; connections back in the pool before we fail
    throw error;
  });
  const totalIsExact = main.total <= limit;
  const total = Math.min(main.total, limit);

  const labels = await labelsRead;
  const counts = [...main.counts];
  let facetsAreExact = totalIsExact;
  for (const summary of own) {
    if (summary.total > limit) facetsAreExact = false;
    counts.push(...summary.counts);
  }
  const facets = emptyFacets();
  for (const facet of FACETS) {
    const own = new Map(counts.filter((c) => c.facet === facet).map((c) => [c.value, c.n]));
    // A facet's own counts may come from a capped sample; the one value selected in it is
    // known exactly when the total is: it is the total (the sample would say less).
    const selected = selectedValues(filters, facet);
    if (totalIsExact && selected.length === 1) own.set(selected[0]!, total);
    facets[facet] = facetValues(own, facet, selectedValues(filters, facet), labels);
  }

  // Past the exact limit the window is the first MAX_RESULT_WINDOW results, whatever the total.
  const windowSize = totalIsExact ? Math.min(total, MAX_RESULT_WINDOW) : MAX_RESULT_WINDOW;
  let pageCount = Math.ceil(windowSize / PAGE_SIZE);
  let hits: SearchHit[];
  let groupCount: number | undefined;
  if (grouped) {
    const page =
      totalIsExact && main.groups
        ? cardHits(query, main.groups)
        : !totalIsExact && earlySampled
          ? unwrap(await earlySampled)
          : await groupedHits(db, query, capped, totalIsExact, offset);
    hits = page.hits;
    groupCount = page.groupCount;
    pageCount = Math.ceil(Math.min(groupCount, MAX_RESULT_WINDOW) / PAGE_SIZE);
  } else if (offset >= windowSize) {
    hits = [];
  } else if (main.page) {
    hits = await hitsOf(db, main.page, parsed, today);
  } else {
    const rows = await broadPage(db, query, sort, offset, main.classes, totalIsExact ? total : null);
    hits = await hitsOf(db, rows, parsed, today);
  }

  return {
    terms: parsed.terms,
    total,
    totalIsExact,
    page,
    pageSize: PAGE_SIZE,
    pageCount,
    hits,
    facets,
    facetsAreExact,
    code,
    ...(groupCount === undefined ? {} : { groupCount }),
    notice:
      parsed.notice ??
      (totalIsExact
        ? null
        : `匹配结果超过 ${limit.toLocaleString('en-US')} 条，仅显示前 ${MAX_RESULT_WINDOW.toLocaleString('en-US')} 条，请增加查询词或筛选条件。`),
  };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A read whose failure is kept for whoever uses its result (nobody, if it turns out not to be needed). */
const settled = <T>(read: Promise<T>): Promise<Settled<T>> =>
  read.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

function unwrap<T>(result: Settled<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * The sizes of the rank classes of a query with more than the exact limit of hits, each
 * capped at `cap` (all that paging needs), without one count per class where possible: a
 * class with `cap` members among the main query's capped matches (`lower`) is known, and
 * one count of the names containing the query gives all three name classes when there are
 * fewer than `cap` of them, leaving the more than `limit` other hits to the text-only class.
 * A class left undefined is counted on its own.
 */
async function classSizes(
  db: Db,
  query: Query,
  lower: ReadonlyMap<number, number>,
  cap: number,
): Promise<(number | undefined)[]> {
  const sizes: (number | undefined)[] = [0, 1, 2, 3].map((c) => ((lower.get(c) ?? 0) >= cap ? cap : undefined));
  const namesAtLeast = [0, 1, 2].reduce((sum, c) => sum + (lower.get(c) ?? 0), 0);
  if (namesAtLeast >= cap || sizes.every((s) => s !== undefined)) return sizes;
  const nq = query.parsed.nameQuery;
  const names = await repo.countNameClasses(
    db,
    specFor(query, { type: 'anyName', pattern: containsPattern(nq) }),
    cap,
    nq,
    prefixPattern(nq),
  );
  if (names.total >= cap) return sizes;
  const textOnly = query.options.exactTotalLimit + 1 - names.total;
  return [names.equals, names.prefix, names.contains, textOnly >= cap ? cap : sizes[3]];
}

/**
 * A page without sorting every hit: for relevance, class by class (exact name, prefix,
 * contains, text only), each newest first; for date, one walk down the date index. For a
 * query with more than EXACT_TOTAL_LIMIT hits `classes` holds lower bounds of the class
 * sizes; with `exactTotal` (the summary expected the cap and kept no page, but the total came
 * out exact) they are the sizes.
 */
async function broadPage(
  db: Db,
  query: Query,
  sort: 'relevance' | 'date',
  offset: number,
  classes: ReadonlyMap<number, number>,
  exactTotal: number | null,
): Promise<Ranked[]> {
  const threshold = query.options.dateWalkThreshold;
  if (sort === 'date') {
    const walk = exactTotal === null || exactTotal >= threshold;
    return newestPage(db, query, null, offset, PAGE_SIZE, walk, undefined);
  }
  const nq = query.parsed.nameQuery;
  const conditions: repo.TitleCondition[] = [
    { type: 'equals', value: nq },
    { type: 'prefix', pattern: prefixPattern(nq), not: nq },
    { type: 'contains', pattern: containsPattern(nq), notPrefix: prefixPattern(nq) },
    { type: 'textOnly', notContains: containsPattern(nq) },
  ];
  const sizes =
    exactTotal !== null
      ? [0, 1, 2, 3].map((c) => classes.get(c) ?? 0)
      : await classSizes(db, query, classes, Math.max(offset + PAGE_SIZE, threshold));
  const out: Ranked[] = [];
  let skip = offset;
  for (const [i, title] of conditions.entries()) {
    const need = PAGE_SIZE - out.length;
    if (need === 0) break;
    // Exact names and name prefixes are found by the title's B-tree, not the text index: names
    // are short, and "equals" or "starts with" is one range of that index.
    const byTitle = title.type === 'equals' || title.type === 'prefix' ? 'scan' : undefined;
    const size =
      sizes[i] ?? (await repo.countMatches(db, specFor(query, title, byTitle), Math.max(skip + need, threshold)));
    if (size <= skip) {
      skip -= size;
      continue;
    }
    // A small class is cheaper through the index and a sort; a large one by walking dates.
    out.push(...(await newestPage(db, query, title, skip, need, size >= threshold, byTitle ?? 'index')));
    skip = 0;
  }
  return out;
}

/**
 * `limit` matches (of one name class, or all) newest first from `offset`: by walking the date
 * index when `walk` (many matches), else by `sorted` (the planner's choice when undefined). A walk that
 * examines WALK_BUDGET documents per page without filling it has met matches that are many but
 * old: the page is then sorted from the index instead (1M database, "食品零售", 16,881 firms whose
 * business scope says so, behind 170,000 newer records: 180 → 60 ms).
 */
async function newestPage(
  db: Db,
  query: Query,
  title: repo.TitleCondition | null,
  offset: number,
  limit: number,
  walk: boolean,
  sorted: 'index' | 'scan' | undefined,
): Promise<Ranked[]> {
  if (walk) {
    const budget = Math.ceil((offset + limit) / PAGE_SIZE) * query.options.walkBudget;
    const rows = await repo.newestMatches(db, specFor(query, title, 'scan'), offset, limit, budget);
    if (rows.length === limit) return rows;
    // Sorted, never walked again: the planner's choice for a broad term would be a scan, which
    // for a date order is the same walk without its budget.
    return repo.newestMatches(db, specFor(query, title, sorted ?? 'index'), offset, limit);
  }
  return repo.newestMatches(db, specFor(query, title, sorted), offset, limit);
}

async function documentsOf(db: Db, rows: readonly Ranked[]): Promise<Map<string, repo.DocumentRow>> {
  return new Map(
    (
      await repo.documentsByIds(
        db,
        rows.map((r) => r.docId),
      )
    ).map((d) => [d.docId, d]),
  );
}

function hitsFrom(
  docs: Map<string, repo.DocumentRow>,
  rows: readonly Ranked[],
  parsed: ParsedQuery,
  today: string,
): SearchHit[] {
  return rows.flatMap((r) => {
    const doc = docs.get(r.docId);
    return doc ? [hitOf({ ...doc, titleNorm: r.titleNorm, display: doc.display as HitDisplay }, parsed, today)] : [];
  });
}

async function hitsOf(db: Db, rows: readonly Ranked[], parsed: ParsedQuery, today: string): Promise<SearchHit[]> {
  return hitsFrom(await documentsOf(db, rows), rows, parsed, today);
}

/**
 * What finds a subject's records in the 双公示 lists: its own USCC, else its public name
 * (an individual business with only the placeholder code); a natural person's name is not public.
 */
function recordListKey(doc: repo.DocumentRow): string | null {
  return ownUscc(doc.subjectUscc) ?? (doc.subjectKind === 'natural_person' ? null : doc.subjectName);
}

/** The list of a subject's records of one kind: the 双公示 list filtered by its USCC (or public name). */
const RECORD_LIST_PATH: Partial<Record<HitKind, string>> = {
  licensing: '/disclosures/licensing',
  penalty: '/disclosures/penalties',
};

/**
 * A page of cards (see repo.groupedPage). Exact totals rank every match. Past the cap the
 * ranking comes from each name class on its own: every exact name (a handful at most), then up
 * to `groupSample` of the prefix, contains and text-only matches each, so a broad term costs
 * a few thousand rows, not twice the cap, and a subject whose name equals the query is never
 * lost to the sample. The sample depends on the query only, so pages never overlap.
 */
async function groupedHits(
  db: Db,
  query: Query,
  cap: number,
  totalIsExact: boolean,
  offset: number,
): Promise<{ hits: SearchHit[]; groupCount: number }> {
  const nq = query.parsed.nameQuery;
  const sample = Math.min(cap, query.options.groupSample);
  const reads: repo.GroupedRead[] = totalIsExact
    ? [{ spec: specFor(query, null), limit: cap }]
    : [
        // Exact names and prefixes by the title's B-tree, as in broadPage.
        { spec: specFor(query, { type: 'equals', value: nq }, 'scan'), limit: cap },
        { spec: specFor(query, { type: 'prefix', pattern: prefixPattern(nq), not: nq }, 'scan'), limit: sample },
        {
          spec: specFor(query, { type: 'contains', pattern: containsPattern(nq), notPrefix: prefixPattern(nq) }),
          limit: sample,
          examine: sample * EXAMINED_PER_SAMPLED,
        },
        {
          spec: specFor(query, { type: 'textOnly', notContains: containsPattern(nq) }),
          limit: sample,
          examine: sample * EXAMINED_PER_SAMPLED,
        },
      ];
  const page = await repo.groupedPage(
    db,
    reads,
    { nameQuery: nq, exactPattern: { prefix: prefixPattern(nq), contains: containsPattern(nq) } },
    offset,
    PAGE_SIZE,
  );
  return cardHits(query, page);
}

/** The hits of a page of cards: each card's lead document, with its subject's other records collapsed under it. */
function cardHits(query: Query, page: repo.GroupedPage): { hits: SearchHit[]; groupCount: number } {
  const rows = page.groups.map((g) => ({ docId: g.docId, titleNorm: g.titleNorm, sortDate: null }));
  // A group's lead document, with its subject, comes with the page.
  const docs = new Map(page.groups.flatMap((g) => (g.document ? [[g.docId, g.document] as const] : [])));
  const hits = hitsFrom(docs, rows, query.parsed, query.today);
  const othersOf = new Map(page.groups.map((g) => [g.docId, g]));
  for (const hit of hits) {
    const group = othersOf.get(hit.docId)!;
    const doc = docs.get(hit.docId);
    const key = group.subjectId === null || !doc ? null : recordListKey(doc);
    hit.collapsed = group.others.map((o) => {
      const path = RECORD_LIST_PATH[o.kind];
      return { kind: o.kind, count: o.n, href: path && key ? `${path}?q=${encodeURIComponent(key)}` : null };
    });
  }
  return { hits, groupCount: page.groupCount };
}
