import type { Db } from '../db/client';
import { LIST_TYPE_LABELS, SEVERITY_LABELS, type ListType, type Severity } from '../rules/codes';
import { classifyCodeQuery } from './codes';
import * as repo from './repository';
import {
  containsPattern,
  highlight,
  parseQuery,
  prefixPattern,
  rankClassOf,
  snippet,
  termIsExactByLexemes,
  tsqueryLiteral,
  type ParsedQuery,
} from './text';
import {
  EXACT_TOTAL_LIMIT,
  FACETS,
  HIT_KIND_LABELS,
  MAX_RESULT_WINDOW,
  PAGE_SIZE,
  type CodeOutcome,
  type FacetName,
  type FacetValue,
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
// name prefix, name contains, text) walking the date index, so no query sorts or scores
// every hit.

const CAPPED = EXACT_TOTAL_LIMIT + 1;
/** Below this many members a rank class is sorted after an index lookup; above, walked by date. */
const DATE_WALK_THRESHOLD = 2000;

export function createPostgresSearchEngine(db: Db): SearchEngine {
  return { name: 'postgresql', search: (request, today) => search(db, request, today) };
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

const FILTER_OF_FACET: Record<FacetName, keyof Filters> = {
  kind: 'kinds',
  department: 'departmentIds',
  division: 'divisionCodes',
  year: 'years',
  category: 'categories',
  severity: 'severities',
  listType: 'listTypes',
  domain: 'domains',
};

function selectedValues(filters: Filters, facet: FacetName): string[] {
  return ((filters[FILTER_OF_FACET[facet]] ?? []) as readonly (string | number)[]).map(String);
}

function valuesOf(row: repo.CandidateRow, facet: FacetName): string[] {
  const one = (v: string | number | null) => (v === null || v === undefined ? [] : [String(v)]);
  switch (facet) {
    case 'kind':
      return [row.kind];
    case 'department':
      return one(row.departmentId);
    case 'division':
      return one(row.divisionCode);
    case 'year':
      return one(row.year);
    case 'category':
      return row.categories;
    case 'severity':
      return one(row.severity);
    case 'listType':
      return one(row.listType);
    case 'domain':
      return one(row.domain);
  }
}

interface Labels {
  departments: Map<string, string>;
  divisions: Map<string, string>;
}

function labelOf(facet: FacetName, value: string, labels: Labels): string {
  switch (facet) {
    case 'kind':
      return HIT_KIND_LABELS[value as HitKind] ?? value;
    case 'department':
      return labels.departments.get(value) ?? value;
    case 'division':
      return labels.divisions.get(value) ?? value;
    case 'year':
      return `${value}年`;
    case 'severity':
      return SEVERITY_LABELS[value as Severity] ?? value;
    case 'listType':
      return LIST_TYPE_LABELS[value as ListType] ?? value;
    default:
      return value;
  }
}

function countFacet(
  rows: readonly repo.CandidateRow[],
  facet: FacetName,
  selected: string[],
  labels: Labels,
): FacetValue[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const v of valuesOf(row, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const v of selected) if (!counts.has(v)) counts.set(v, 0);
  return [...counts.entries()]
    .map(([value, count]) => ({
      value,
      label: labelOf(facet, value, labels),
      count,
      selected: selected.includes(value),
    }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function emptyFacets(): Record<FacetName, FacetValue[]> {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<FacetName, FacetValue[]>;
}

function emptyResult(parsed: ParsedQuery, page: number, code: CodeOutcome | null, notice: string | null): SearchResult {
  return {
    terms: parsed.terms,
    total: 0,
    totalIsExact: true,
    page,
    pageSize: PAGE_SIZE,
    pageCount: 0,
    hits: [],
    facets: emptyFacets(),
    facetsAreExact: true,
    code,
    notice,
  };
}

async function resolveCode(db: Db, parsed: ParsedQuery): Promise<CodeOutcome | 'placeholder' | null> {
  const code = classifyCodeQuery(parsed.rawTerms);
  switch (code.type) {
    case 'none':
      return null;
    case 'placeholder':
      return 'placeholder';
    case 'personal_id':
      return {
        type: 'personal_id',
        message: '为保护个人信息，本站不支持按身份证号码查询。请输入企业名称、统一社会信用代码或决定文书号。',
      };
    case 'uscc': {
      const [subject] = await repo.subjectsByUscc(db, [code.uscc]);
      return subject
        ? { type: 'subject', uscc: code.uscc, subjectId: subject.id, name: subject.name }
        : {
            type: 'unknown_uscc',
            uscc: code.uscc,
            message: `统一社会信用代码 ${code.uscc} 格式正确，但本站暂无该主体的公示信息。`,
          };
    }
    case 'invalid_uscc': {
      const known = await repo.subjectsByUscc(db, code.candidates);
      return {
        type: 'invalid_uscc',
        input: code.input,
        message: code.message,
        suggestions: known.map((s) => ({ uscc: s.uscc!, subjectId: s.id, name: s.name })),
      };
    }
  }
}

type Ranked = { docId: string; titleNorm: string; sortDate: string | null };

const byDateDesc = (a: Ranked, b: Ranked) =>
  (b.sortDate ?? '').localeCompare(a.sortDate ?? '') || (a.docId < b.docId ? 1 : a.docId > b.docId ? -1 : 0);

async function search(db: Db, request: SearchRequest, today: string): Promise<SearchResult> {
  const parsed = parseQuery(request.q);
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const sort = request.sort ?? 'relevance';
  const filters = filtersOf(request);

  const code = await resolveCode(db, parsed);
  if (code === 'placeholder') {
    return emptyResult(
      parsed,
      page,
      null,
      '00000000000000000X 是未取得统一社会信用代码的个体工商户共用的占位代码，请输入名称或工商注册号查询。',
    );
  }
  if (code?.type === 'personal_id') return emptyResult(parsed, page, code, null);
  if (parsed.terms.length === 0) return emptyResult(parsed, page, code, parsed.notice);

  const text: repo.TextCondition = {
    tsquery: tsqueryLiteral(parsed.terms),
    likePatterns: parsed.terms.filter((t) => !termIsExactByLexemes(t)).map(containsPattern),
  };
  const main = await repo.candidates(db, text, filters, today, CAPPED);
  const totalIsExact = main.length <= EXACT_TOTAL_LIMIT;
  const total = Math.min(main.length, EXACT_TOTAL_LIMIT);

  const [departments, divisions] = await Promise.all([repo.departmentLabels(db), repo.divisionLabels(db)]);
  const labels: Labels = {
    departments: new Map(departments.map((d) => [String(d.id), d.name])),
    divisions: new Map(divisions.map((d) => [d.code, d.name])),
  };
  const facets = emptyFacets();
  let facetsAreExact = totalIsExact;
  for (const facet of FACETS) {
    const selected = selectedValues(filters, facet);
    let rows = main;
    if (selected.length > 0) {
      // Disjunctive: a facet's own filter does not shrink its counts.
      rows = await repo.candidates(db, text, { ...filters, [FILTER_OF_FACET[facet]]: undefined }, today, CAPPED);
      if (rows.length > EXACT_TOTAL_LIMIT) facetsAreExact = false;
    }
    facets[facet] = countFacet(rows, facet, selected, labels);
  }

  const offset = (page - 1) * PAGE_SIZE;
  const pageCount = Math.ceil(Math.min(total, MAX_RESULT_WINDOW) / PAGE_SIZE);
  let pageRows: Ranked[] = [];
  if (offset < MAX_RESULT_WINDOW) {
    if (totalIsExact) {
      const ordered =
        sort === 'date'
          ? [...main].sort(byDateDesc)
          : [...main].sort(
              (a, b) =>
                rankClassOf(a.titleNorm, parsed.nameQuery) - rankClassOf(b.titleNorm, parsed.nameQuery) ||
                byDateDesc(a, b),
            );
      pageRows = ordered.slice(offset, offset + PAGE_SIZE);
    } else {
      pageRows = await broadPage(db, parsed, filters, today, sort, offset);
    }
  }

  const docs = new Map(
    (
      await repo.documentsByIds(
        db,
        pageRows.map((r) => r.docId),
      )
    ).map((d) => [d.docId, d]),
  );
  const hits: SearchHit[] = pageRows.flatMap((r) => {
    const doc = docs.get(r.docId);
    if (!doc) return [];
    const stored = doc.display as HitDisplay;
    const expired = doc.kind === 'licensing' && doc.expiresOn !== null && doc.expiresOn < today;
    const display: HitDisplay = { ...stored, badges: expired ? [...stored.badges, '已过期'] : stored.badges };
    return [
      {
        docId: doc.docId,
        kind: doc.kind,
        entityId: doc.entityId,
        subjectId: doc.subjectId,
        display,
        titleSegments: highlight(display.title, parsed.terms),
        snippet: snippet(doc.body, parsed.terms),
        rankClass: rankClassOf(r.titleNorm, parsed.nameQuery),
      },
    ];
  });

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
    notice:
      parsed.notice ??
      (totalIsExact
        ? null
        : `匹配结果超过 ${EXACT_TOTAL_LIMIT.toLocaleString('en-US')} 条，仅显示前 ${MAX_RESULT_WINDOW.toLocaleString('en-US')} 条，请增加查询词或筛选条件。`),
  };
}

/**
 * A page of a query with more than EXACT_TOTAL_LIMIT hits, without sorting them all: for
 * relevance, class by class (exact name, prefix, contains, text only), each newest first;
 * for date, one walk down the date index.
 */
async function broadPage(
  db: Db,
  parsed: ParsedQuery,
  filters: Filters,
  today: string,
  sort: 'relevance' | 'date',
  offset: number,
): Promise<Ranked[]> {
  const indexed: repo.TextCondition = {
    tsquery: tsqueryLiteral(parsed.terms),
    likePatterns: parsed.terms.filter((t) => !termIsExactByLexemes(t)).map(containsPattern),
  };
  // Without the tsquery the planner walks the date index and stops after a page.
  const walk: repo.TextCondition = { tsquery: null, likePatterns: parsed.terms.map(containsPattern) };
  if (sort === 'date') return repo.newestMatches(db, walk, filters, today, null, offset, PAGE_SIZE);

  const nq = parsed.nameQuery;
  const classes: repo.TitleCondition[] = [
    { type: 'equals', value: nq },
    { type: 'prefix', pattern: prefixPattern(nq), not: nq },
    { type: 'contains', pattern: containsPattern(nq), notPrefix: prefixPattern(nq) },
    { type: 'textOnly', notContains: containsPattern(nq) },
  ];
  const out: Ranked[] = [];
  let skip = offset;
  for (const title of classes) {
    const need = PAGE_SIZE - out.length;
    if (need === 0) break;
    const size = await repo.countMatches(
      db,
      indexed,
      filters,
      today,
      title,
      Math.max(skip + need, DATE_WALK_THRESHOLD),
    );
    if (size <= skip) {
      skip -= size;
      continue;
    }
    // A small class is cheaper through the text index and a sort; a large one by walking dates.
    const rows = await repo.newestMatches(
      db,
      size < DATE_WALK_THRESHOLD ? indexed : walk,
      filters,
      today,
      title,
      skip,
      need,
    );
    out.push(...rows);
    skip = 0;
  }
  return out;
}
