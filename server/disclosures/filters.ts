import { cleanText, textRule, z } from '../validation';
import { LICENSING_CATEGORIES, PENALTY_CATEGORIES } from '../rules/codes';
import { isIsoDate } from '../rules/dates';
import { toHalfWidth } from '../rules/normalize';

// The filters of the 双公示 lists, as they arrive in a URL. One parser for the pages, the
// CSV downloads and the tRPC procedures, so that all three accept and refuse the same.

export const DISCLOSURE_KINDS = ['licensing', 'penalty'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

export const PAGE_SIZE = 20;
/** Pages are offered up to this many records (500 pages); the total is always exact. */
export const PAGE_WINDOW = 10_000;
/** Pages beyond the first 10,000 records are not offered: narrow the filters instead. */
export const MAX_PAGE = PAGE_WINDOW / PAGE_SIZE;
export const MAX_KEYWORD_LENGTH = 50;
/** A facet takes at most this many values (a URL with more is trimmed with a notice). */
export const MAX_VALUES_PER_FACET = 50;

/** Facets: several values each (repeated URL parameters), OR inside a facet, AND across facets. */
export const FACET_FIELDS = ['department', 'division', 'category'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
export const FILTER_FIELDS = [...FACET_FIELDS, 'from', 'to', 'q'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** List orders; ties are broken by record id in the same direction, so every order is total. */
export const SORTS = ['date-desc', 'date-asc', 'fine-desc', 'fine-asc'] as const;
export type DisclosureSort = (typeof SORTS)[number];
export const DEFAULT_SORT: DisclosureSort = 'date-desc';
export const SORTS_OF_KIND: Record<DisclosureKind, readonly DisclosureSort[]> = {
  penalty: SORTS,
  licensing: ['date-desc', 'date-asc'],
};
/** How each order is named on the page (the date's own name comes from the kind). */
export function sortLabel(kind: DisclosureKind, sort: DisclosureSort): string {
  const date = kind === 'penalty' ? '处罚决定日期' : '许可决定日期';
  switch (sort) {
    case 'date-desc':
      return `${date}从新到旧`;
    case 'date-asc':
      return `${date}从旧到新`;
    case 'fine-desc':
      return '罚款金额从高到低';
    case 'fine-asc':
      return '罚款金额从低到高';
  }
}

export interface DisclosureFilters {
  /** Department codes (departments.code), e.g. scjg. */
  department?: string[];
  /** County-level division codes (GB/T 2260) of the subject. */
  division?: string[];
  /** 许可类别 XK_XKLB or 处罚类别 CF_CFLB values. */
  category?: string[];
  /** Decision date from/to, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Subject name, USCC or document number. */
  q?: string;
}

export interface FilterError {
  field: FilterField | 'page' | 'sort';
  message: string;
}

/** An empty form field means "no filter". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const dateField = (label: string) =>
  optional(
    z
      .string()
      .trim()
      .refine((s) => isIsoDate(s), { message: `${label}不是有效日期，请按“年-月-日”填写，例如 2025-03-01。` }),
  );

/** One value of each facet, as a URL carries it. */
function facetValueSchemas(kind: DisclosureKind): Record<FacetField, z.ZodType<string>> {
  const categories: readonly string[] = kind === 'licensing' ? LICENSING_CATEGORIES : PENALTY_CATEGORIES;
  const categoryLabel = kind === 'licensing' ? '许可类别' : '处罚类别';
  return {
    department: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/, { message: '部门无效，请从列表中选择。' }),
    division: z
      .string()
      .trim()
      .regex(/^5111\d{2}$/, { message: '区县无效，请从列表中选择。' }),
    category: z
      .string()
      .trim()
      .refine((c) => categories.includes(c), { message: `${categoryLabel}无效，请从列表中选择。` }),
  };
}

/** A facet as an API takes it: one value or a list; blanks dropped, duplicates folded. */
function facetListSchema(value: z.ZodType<string>) {
  return z.preprocess(
    (v) => {
      const list = (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter(
        (x) => !(typeof x === 'string' && x.trim() === ''),
      );
      return list.length ? list : undefined;
    },
    z
      .array(value)
      .max(MAX_VALUES_PER_FACET, { message: `每项筛选条件最多选择 ${MAX_VALUES_PER_FACET} 个值。` })
      .transform((list) => [...new Set(list)])
      .optional(),
  );
}

export function filterSchema(kind: DisclosureKind) {
  const values = facetValueSchemas(kind);
  return z.object({
    department: facetListSchema(values.department),
    division: facetListSchema(values.division),
    category: facetListSchema(values.category),
    from: dateField('起始日期'),
    to: dateField('截止日期'),
    q: optional(
      z
        .string()
        .check(textRule('关键词'))
        .transform((s) => toHalfWidth(cleanText(s)).trim())
        .pipe(z.string().max(MAX_KEYWORD_LENGTH, { message: `关键词不能超过 ${MAX_KEYWORD_LENGTH} 个字符。` })),
    ),
  });
}

const pageSchema = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ message: '页码无效。' })
    .int({ message: '页码须为整数。' })
    .min(1, { message: '页码须为正整数。' })
    .max(MAX_PAGE, { message: `最多可翻到第 ${MAX_PAGE} 页，请增加筛选条件缩小范围。` })
    .optional(),
);

function sortSchema(kind: DisclosureKind) {
  const allowed = SORTS_OF_KIND[kind];
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((s): s is DisclosureSort => allowed.includes(s as DisclosureSort), {
        message: `排序方式无效，可选：${allowed.map((s) => sortLabel(kind, s)).join('、')}。`,
      })
      .transform((s) => s as DisclosureSort)
      .optional(),
  );
}

/** The schema tRPC procedures take: filters, sort and page, with the from ≤ to check. */
export function listInputSchema(kind: DisclosureKind) {
  return filterSchema(kind)
    .extend({ page: pageSchema, sort: sortSchema(kind) })
    .refine((f) => !f.from || !f.to || f.from <= f.to, {
      message: '起始日期不能晚于截止日期。',
      path: ['to'],
    });
}

/** Raw query values as a URL or a page gives them (a repeated key gives a list). */
export type RawQuery = Record<string, string | string[] | undefined>;

/** What a list URL asks for, once parsed: always usable as it is. */
export interface ListQuery {
  filters: DisclosureFilters;
  sort: DisclosureSort;
  page: number;
}

const firstOf = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const listOf = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Every field parsed on its own, so that one wrong value is reported beside its field while
 * the others still apply (a wrong facet value drops only that value; a wrong sort falls back
 * to the default). Never throws.
 */
export function parseFilters(kind: DisclosureKind, raw: RawQuery): ListQuery & { errors: FilterError[] } {
  const shape = filterSchema(kind).shape;
  const valueSchemas = facetValueSchemas(kind);
  const filters: DisclosureFilters = {};
  const errors: FilterError[] = [];
  for (const field of FACET_FIELDS) {
    const kept: string[] = [];
    for (const value of listOf(raw[field])) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const result = valueSchemas[field].safeParse(value);
      if (!result.success) {
        const message = result.error.issues[0]?.message ?? '输入无效。';
        if (!errors.some((e) => e.field === field && e.message === message)) errors.push({ field, message });
      } else if (!kept.includes(result.data)) kept.push(result.data);
    }
    if (kept.length > MAX_VALUES_PER_FACET) {
      kept.length = MAX_VALUES_PER_FACET;
      errors.push({ field, message: `每项筛选条件最多选择 ${MAX_VALUES_PER_FACET} 个值，其余未生效。` });
    }
    if (kept.length) filters[field] = kept;
  }
  for (const field of ['from', 'to', 'q'] as const) {
    const result = shape[field].safeParse(firstOf(raw[field]));
    if (result.success) {
      if (result.data !== undefined) filters[field] = result.data;
    } else {
      errors.push({ field, message: result.error.issues[0]?.message ?? '输入无效。' });
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.push({ field: 'to', message: '起始日期不能晚于截止日期，请调整日期范围。' });
    delete filters.to;
  }
  const sort = sortSchema(kind).safeParse(firstOf(raw.sort));
  if (!sort.success) {
    errors.push({
      field: 'sort',
      message: `${sort.error.issues[0]?.message ?? '排序方式无效。'}已按${sortLabel(kind, DEFAULT_SORT)}排列。`,
    });
  }
  const page = pageSchema.safeParse(firstOf(raw.page));
  if (!page.success) errors.push({ field: 'page', message: page.error.issues[0]?.message ?? '页码无效。' });
  return {
    filters,
    sort: sort.success ? (sort.data ?? DEFAULT_SORT) : DEFAULT_SORT,
    page: page.success ? (page.data ?? 1) : 1,
    errors,
  };
}

/** The canonical URL parameters of a list query (defaults left out); parseFilters reads them back. */
export function listQueryToParams(query: ListQuery): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const field of FACET_FIELDS) {
    const values = query.filters[field];
    if (values?.length) params[field] = [...values];
  }
  for (const field of ['from', 'to', 'q'] as const) {
    const value = query.filters[field];
    if (value !== undefined && value !== '') params[field] = value;
  }
  if (query.sort !== DEFAULT_SORT) params.sort = query.sort;
  if (query.page > 1) params.page = String(query.page);
  return params;
}
