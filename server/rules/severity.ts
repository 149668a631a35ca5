// Default 失信严重程度 of a penalty from its categories (SPEC §4).

import { PENALTY_CATEGORIES, SEVERITIES, SEVERITY_LABELS, type PenaltyCategory, type Severity } from './codes';
import { toHalfWidth } from './normalize';

/** Categories that alone (or together) make a penalty minor: 警告, 通报批评. */
export const MINOR_CATEGORIES: readonly PenaltyCategory[] = ['警告', '通报批评'];

/** Categories any one of which makes a penalty serious. */
export const SERIOUS_CATEGORIES: readonly PenaltyCategory[] = [
  '吊销许可证件',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '限制开展生产经营活动',
  '降低资质等级',
  '行政拘留',
];

/**
 * Older names departments still write for a current category (行政处罚法 before 2021, and
 * 营业执照 as the licence revoked). Mapping them keeps 吊销营业执照 serious instead of unknown.
 */
const CATEGORY_ALIASES: Readonly<Record<string, PenaltyCategory>> = {
  吊销许可证: '吊销许可证件',
  吊销执照: '吊销许可证件',
  吊销营业执照: '吊销许可证件',
  暂扣许可证: '暂扣许可证件',
  暂扣执照: '暂扣许可证件',
  暂扣营业执照: '暂扣许可证件',
};

const KNOWN = new Set<string>(PENALTY_CATEGORIES);
const SEPARATORS = /[;,、\s]+/;

function isPenaltyCategory(s: string): s is PenaltyCategory {
  return KNOWN.has(s);
}

/**
 * Splits a CF_CFLB value ("警告;罚款", "罚款、没收违法所得", full-width separators too) into known
 * categories and unknown words, each once, in the order written. Callers should warn about unknown words.
 */
export function parsePenaltyCategories(s: string): { categories: PenaltyCategory[]; unknown: string[] } {
  const categories: PenaltyCategory[] = [];
  const unknown: string[] = [];
  for (const word of toHalfWidth(s).split(SEPARATORS)) {
    const w = word.trim();
    if (w === '') continue;
    const category = isPenaltyCategory(w) ? w : CATEGORY_ALIASES[w];
    if (category === undefined) {
      if (!unknown.includes(w)) unknown.push(w);
    } else if (!categories.includes(category)) {
      categories.push(category);
    }
  }
  return { categories, unknown };
}

/**
 * Severity implied by the categories (SPEC §4): serious if any serious category; otherwise minor
 * for a summary-procedure penalty (简易程序) or when only 警告/通报批评 were imposed; general
 * otherwise — including an empty list, which the importer should have refused (CF_CFLB is required).
 */
export function defaultSeverity(
  categories: readonly PenaltyCategory[],
  opts: { summaryProcedure?: boolean } = {},
): Severity {
  if (categories.some((c) => SERIOUS_CATEGORIES.includes(c))) return 'serious';
  if (opts.summaryProcedure === true) return 'minor';
  if (categories.length > 0 && categories.every((c) => MINOR_CATEGORIES.includes(c))) return 'minor';
  return 'general';
}

/** The severity a department stated (CF_SXYZCD or the form) wins over the default. */
export function resolveSeverity(
  categories: readonly PenaltyCategory[],
  explicit?: Severity | null,
  opts: { summaryProcedure?: boolean } = {},
): Severity {
  return explicit ?? defaultSeverity(categories, opts);
}

/**
 * Severity from a CF_SXYZCD cell or form value: 轻微/一般/严重 (also with 失信 or 失信行为
 * after it) or the ids minor/general/serious in any case; null for anything else or empty.
 */
export function parseSeverityLabel(s: string): Severity | null {
  const t = toHalfWidth(s).replace(/\s+/g, '').toLowerCase();
  if (t === '') return null;
  for (const severity of SEVERITIES) {
    const label = SEVERITY_LABELS[severity];
    if (t === severity || t === label || t === `${label}失信` || t === `${label}失信行为`) return severity;
  }
  return null;
}
