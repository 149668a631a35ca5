import { hrefWith, type SearchParamsRecord } from '@/components/query-string';
import { CREDIT_DOMAINS, LIST_TYPES, PENALTY_CATEGORIES, SEVERITIES } from '@/server/rules/codes';
import { classifyCodeQuery } from '@/server/search/codes';
import {
  FACETS,
  HIT_KINDS,
  MAX_QUERY_LENGTH,
  MAX_RESULT_WINDOW,
  PAGE_SIZE,
  REQUEST_KEY_OF_FACET,
  selectedValues,
} from '@/server/search/types';
import type { SearchInput } from '@/server/search/schema';
import type { FacetName, SearchRequest } from '@/server/search/types';

// The /search URL ⇄ SearchRequest, both ways, pure. Bad values are dropped with a Chinese
// notice instead of failing the page: a shared link with a typo still shows results.

export const SEARCH_PATH = '/search';

/** URL parameter of each facet (repeated for several values). */
export const PARAM_OF_FACET: Record<FacetName, string> = {
  kind: 'kind',
  department: 'department',
  division: 'division',
  year: 'year',
  category: 'category',
  severity: 'severity',
  listType: 'list',
  domain: 'domain',
};

export const FACET_LABELS: Record<FacetName, string> = {
  kind: '信息类别',
  department: '部门',
  division: '行政区划',
  year: '年份',
  category: '处罚类别',
  severity: '失信严重程度',
  listType: '名单类型',
  domain: '领域',
};

const MAX_VALUES_PER_FACET = 50;
export const MAX_PAGE = MAX_RESULT_WINDOW / PAGE_SIZE;

const oneOf =
  (allowed: readonly string[]) =>
  (v: string): string | null =>
    allowed.includes(v) ? v : null;
const intIn =
  (min: number, max: number) =>
  (v: string): number | null => {
    if (!/^\d{1,9}$/.test(v)) return null;
    const n = Number(v);
    return n >= min && n <= max ? n : null;
  };

/** How each facet's URL value becomes a request value (null: not a valid value). */
const PARSERS: Record<FacetName, (v: string) => string | number | null> = {
  kind: oneOf(HIT_KINDS),
  department: intIn(1, 2_147_483_647),
  division: (v) => (/^\d{6}$/.test(v) ? v : null),
  year: intIn(1990, 2100),
  category: oneOf(PENALTY_CATEGORIES),
  severity: oneOf(SEVERITIES),
  listType: oneOf(LIST_TYPES),
  domain: oneOf(CREDIT_DOMAINS),
};

/** A value shown back in a notice: short, so that a pasted essay does not fill the page. */
function quoted(value: string): string {
  const chars = Array.from(value.trim());
  return `“${chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : chars.join('')}”`;
}

function all(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export interface ParsedSearchParams {
  /** A request the search core accepts as it is (already valid against its schema). */
  request: SearchInput;
  /** Chinese sentences about what was ignored or corrected. */
  notices: string[];
}

/** Reads /search's parameters. Never throws: what cannot be used is dropped with a notice. */
export function parseSearchParams(params: SearchParamsRecord): ParsedSearchParams {
  const notices: string[] = [];
  const qValues = all(params.q);
  let q = (qValues[0] ?? '').trim();
  if (Array.from(q).length > MAX_QUERY_LENGTH) {
    q = Array.from(q).slice(0, MAX_QUERY_LENGTH).join('').trim();
    notices.push(`查询内容过长，只按前 ${MAX_QUERY_LENGTH} 个字查询。`);
  }
  const request: SearchInput = { q };

  for (const facet of FACETS) {
    const raw = all(params[PARAM_OF_FACET[facet]]);
    const parse = PARSERS[facet];
    const values: (string | number)[] = [];
    const bad: string[] = [];
    for (const v of raw) {
      const parsed = parse(v.trim());
      if (parsed === null) bad.push(v);
      else if (!values.includes(parsed)) values.push(parsed);
    }
    if (bad.length) notices.push(`${FACET_LABELS[facet]}${bad.map(quoted).join('、')}不正确，已忽略。`);
    if (values.length > MAX_VALUES_PER_FACET) {
      values.length = MAX_VALUES_PER_FACET;
      notices.push(`${FACET_LABELS[facet]}最多选择 ${MAX_VALUES_PER_FACET} 项，其余已忽略。`);
    }
    if (values.length) Object.assign(request, { [REQUEST_KEY_OF_FACET[facet]]: values });
  }

  const sort = all(params.sort)[0];
  if (sort === 'date') request.sort = 'date';
  else if (sort !== undefined && sort !== 'relevance') {
    notices.push(`排序方式${quoted(sort)}不正确，已按相关度排序。`);
  }

  const page = all(params.page)[0];
  if (page !== undefined) {
    const n = intIn(1, Number.MAX_SAFE_INTEGER)(page.trim());
    if (n === null) notices.push(`页码${quoted(page)}不正确，已显示第 1 页。`);
    else if (n > MAX_PAGE) {
      request.page = MAX_PAGE;
      notices.push(`最多可查看前 ${MAX_PAGE} 页，已显示第 ${MAX_PAGE} 页；请增加查询词或筛选条件。`);
    } else if (n > 1) request.page = n;
  }
  return { request, notices };
}

/** The selected values of a facet, as URL strings. */
export function selectedOf(request: SearchRequest, facet: FacetName): string[] {
  return selectedValues(request, facet);
}

/** True when any facet filter is set. */
export function hasFilters(request: SearchRequest): boolean {
  return FACETS.some((f) => selectedOf(request, f).length > 0);
}

/** The canonical URL parameters of a request (page 1 and relevance are left out). */
export function requestToParams(request: SearchRequest): SearchParamsRecord {
  const params: SearchParamsRecord = {};
  if (request.q) params.q = request.q;
  for (const facet of FACETS) {
    const values = selectedOf(request, facet);
    if (values.length) params[PARAM_OF_FACET[facet]] = values;
  }
  if (request.sort === 'date') params.sort = 'date';
  if (request.page && request.page > 1) params.page = String(request.page);
  return params;
}

/** The /search URL of a request. */
export function searchHref(request: SearchRequest): string {
  return hrefWith(SEARCH_PATH, requestToParams(request));
}

function withFacet(request: SearchRequest, facet: FacetName, values: string[]): SearchRequest {
  const parse = PARSERS[facet];
  const parsed = values.map(parse).filter((v): v is string | number => v !== null);
  // A changed filter changes the result set: back to page 1.
  return { ...request, page: undefined, [REQUEST_KEY_OF_FACET[facet]]: parsed.length ? parsed : undefined };
}

/** The URL with a facet value switched on, or off when it is on. */
export function toggleFacetHref(request: SearchRequest, facet: FacetName, value: string): string {
  const current = selectedOf(request, facet);
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return searchHref(withFacet(request, facet, values));
}

/** The URL without any facet filter (query and sort kept). */
export function clearFiltersHref(request: SearchRequest): string {
  return searchHref({ q: request.q, sort: request.sort });
}

export function pageHref(request: SearchRequest, page: number): string {
  return searchHref({ ...request, page });
}

export function sortHref(request: SearchRequest, sort: 'relevance' | 'date'): string {
  return searchHref({ ...request, sort: sort === 'date' ? 'date' : undefined, page: undefined });
}

/** The hidden form fields that carry the current filters and sort into a new query. */
export function hiddenFields(request: SearchRequest): { name: string; value: string }[] {
  const params = requestToParams({ ...request, q: '', page: undefined });
  return Object.entries(params).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).map((v) => ({ name, value: v })),
  );
}

/** Set (to `personal_id`) on the address /search redirects an ID-number query to. */
export const REFUSED_PARAM = 'refused';
export const PERSONAL_ID_MESSAGE =
  '为保护个人信息，本站不支持按身份证号码查询。请输入企业名称、统一社会信用代码或决定文书号。';

/** True when any term of the query is a resident ID number: it must never be shown back in full. */
export function isPersonalIdQuery(q: string): boolean {
  return q
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .some((term) => classifyCodeQuery([term]).type === 'personal_id');
}

/** The query as the page may show it (in the title, the box): never a resident ID number. */
export function displayableQuery(q: string): string {
  return isPersonalIdQuery(q) ? '' : q;
}
