import { cleanText, textRule, z } from '../validation';
import { LICENSING_CATEGORIES, PENALTY_CATEGORIES } from '../rules/codes';
import { isIsoDate } from '../rules/dates';
import { toHalfWidth } from '../rules/normalize';

// The filters of the 双公示 lists, as they arrive in a URL. One parser for the pages, the
// CSV downloads and the tRPC procedures, so that all three accept and refuse the same.

export const DISCLOSURE_KINDS = ['licensing', 'penalty'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

export const PAGE_SIZE = 20;
/** Totals are exact up to this many records and shown as "10,000+" beyond (as the search does). */
export const COUNT_CAP = 10_000;
/** Pages beyond the first 10,000 records are not offered: narrow the filters instead. */
export const MAX_PAGE = COUNT_CAP / PAGE_SIZE;
export const MAX_KEYWORD_LENGTH = 50;

export const FILTER_FIELDS = ['department', 'division', 'category', 'from', 'to', 'q'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface DisclosureFilters {
  /** Department code (departments.code), e.g. scjg. */
  department?: string;
  /** County-level division code (GB/T 2260) of the subject. */
  division?: string;
  /** 许可类别 XK_XKLB or one 处罚类别 CF_CFLB. */
  category?: string;
  /** Decision date from/to, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Subject name, USCC or document number. */
  q?: string;
}

export interface FilterError {
  field: FilterField | 'page';
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

export function filterSchema(kind: DisclosureKind) {
  const categories: readonly string[] = kind === 'licensing' ? LICENSING_CATEGORIES : PENALTY_CATEGORIES;
  const categoryLabel = kind === 'licensing' ? '许可类别' : '处罚类别';
  return z.object({
    department: optional(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9_]{1,40}$/, { message: '部门无效，请从列表中选择。' }),
    ),
    division: optional(
      z
        .string()
        .trim()
        .regex(/^5111\d{2}$/, { message: '区县无效，请从列表中选择。' }),
    ),
    category: optional(
      z
        .string()
        .trim()
        .refine((c) => categories.includes(c), { message: `${categoryLabel}无效，请从列表中选择。` }),
    ),
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

/** The schema tRPC procedures take: filters and page, with the from ≤ to check. */
export function listInputSchema(kind: DisclosureKind) {
  return filterSchema(kind)
    .extend({ page: pageSchema })
    .refine((f) => !f.from || !f.to || f.from <= f.to, {
      message: '起始日期不能晚于截止日期。',
      path: ['to'],
    });
}

/** Raw query values as a URL or a page gives them (first value of each key). */
export type RawQuery = Record<string, string | undefined>;

/**
 * Every field parsed on its own, so that one wrong value is reported beside its field while
 * the others still apply. Returns the valid filters, the page and the messages.
 */
export function parseFilters(
  kind: DisclosureKind,
  raw: RawQuery,
): { filters: DisclosureFilters; page: number; errors: FilterError[] } {
  const shape = filterSchema(kind).shape;
  const filters: DisclosureFilters = {};
  const errors: FilterError[] = [];
  for (const field of FILTER_FIELDS) {
    const result = shape[field].safeParse(raw[field]);
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
  const page = pageSchema.safeParse(raw.page);
  if (!page.success) errors.push({ field: 'page', message: page.error.issues[0]?.message ?? '页码无效。' });
  return { filters, page: page.success ? (page.data ?? 1) : 1, errors };
}
