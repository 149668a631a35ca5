import { z } from 'zod';

// Validation at every boundary speaks Chinese: zod's own messages in Simplified Chinese,
// configured once here. Schemas import `z` from this module so the locale is always set.
// zod's zh-CN locale names JavaScript types and values (“期望 object，实际接收 undefined”,
// “NaN”, a regular expression): the sentences below replace it for every check that has no
// message of its own, so that no message a person reads says `undefined`, `NaN` or
// `[object Object]` (tests/unit/validation/messages.test.ts runs every schema to prove it).
const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '“是”或“否”（true 或 false）',
  object: '一组字段（对象）',
  array: '列表',
  date: '日期',
  tuple: '列表',
  record: '一组字段（对象）',
  map: '一组字段（对象）',
  set: '列表',
  file: '文件',
};
const SIZE_UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' };
const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮箱地址',
  url: '网址',
  date: '日期（YYYY-MM-DD）',
  datetime: '日期时间',
  time: '时间',
  uuid: 'UUID',
};

const readable: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '缺少此项，请填写。';
      return `格式不正确，应为${TYPE_NAMES[issue.expected] ?? '有效的值'}。`;
    case 'invalid_value':
      return '不是可选的值，请从给定选项中选择。';
    case 'too_big': {
      const unit = SIZE_UNITS[issue.origin ?? ''];
      const max = Number(issue.maximum);
      if (unit) return `不能超过 ${max} ${unit}。`;
      return Number.isFinite(max) ? `不能大于 ${max}。` : '数值过大。';
    }
    case 'too_small': {
      const unit = SIZE_UNITS[issue.origin ?? ''];
      const min = Number(issue.minimum);
      if (unit) return min <= 1 ? '不能为空。' : `至少 ${min} ${unit}。`;
      return Number.isFinite(min) ? `不能小于 ${min}。` : '数值过小。';
    }
    case 'invalid_format':
      return `格式不正确${FORMAT_NAMES[issue.format] ? `，应为${FORMAT_NAMES[issue.format]}` : ''}。`;
    case 'not_multiple_of':
      return '数值不符合要求的间隔。';
    case 'unrecognized_keys':
      return `不支持的参数：${issue.keys.slice(0, 5).join('、')}。`;
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
      return '格式不正确。';
    default:
      return '内容不符合要求。';
  }
};

z.config({ ...z.locales.zhCN(), customError: readable });

export { z };

// ---------------------------------------------------------------------------------------
// The one text rule of the portal. Every string that comes from outside (form, query, path,
// header, file name, import cell, API body) is judged by `textProblem` and, when accepted,
// stored as `cleanText` gives it back. The policy, the same at every door:
//
//   REFUSED (a Chinese message naming the field; nothing is written):
//     - NUL and the other control characters (U+0000–U+001F, U+007F–U+009F), except tab and
//       line breaks — PostgreSQL cannot store NUL (error 22021) and the others are invisible;
//     - a lone UTF-16 surrogate (U+D800–U+DFFF without its pair): not a character at all;
//     - in single-line fields (names, numbers, file names), line breaks (CR, LF, U+2028/9).
//   CLEANED (silently, because the text means the same):
//     - Unicode normalisation to NFC (so “é” typed two ways is one value in search and in
//       duplicate checks);
//     - CRLF and lone CR to LF in multi-line fields.
//
// The import dry run and the commit call the same rule (server/imports/validate.ts), so a
// cell the commit would refuse is refused in the preview too.
// ---------------------------------------------------------------------------------------

export type TextProblem = 'control' | 'surrogate' | 'line-break';

// Control characters other than tab, LF and CR.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Whether `s` holds a UTF-16 code unit of a surrogate pair that has no partner. */
export function hasLoneSurrogate(s: string): boolean {
  // String.prototype.isWellFormed is Node 20+; the loop keeps this usable everywhere.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** What is wrong with `s` under the text rule, or null when it may be accepted. */
export function textProblem(s: string, options: { singleLine?: boolean } = {}): TextProblem | null {
  if (CONTROL.test(s)) return 'control';
  if (hasLoneSurrogate(s)) return 'surrogate';
  if (options.singleLine && LINE_BREAK.test(s)) return 'line-break';
  return null;
}

/** The accepted text as it is stored: NFC, line breaks as LF. Call only after `textProblem` said null. */
export function cleanText(s: string): string {
  const lf = s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  // Pure ASCII is already NFC; skipping it keeps the hot paths (search, API) cheap.
  return /^[\u0000-\u007f]*$/.test(lf) ? lf : lf.normalize('NFC');
}

/** The Chinese sentence for a refused text; `field` is how the user knows the field (label or parameter). */
export function textProblemMessage(field: string, problem: TextProblem): string {
  switch (problem) {
    case 'control':
      return `${field}含有无法显示的控制字符（如空字符），请删除后重新填写。`;
    case 'surrogate':
      return `${field}含有无法识别的字符（不完整的 Unicode 编码），请删除后重新填写。`;
    case 'line-break':
      return `${field}不能换行，请写在一行内。`;
  }
}

/**
 * A zod check adding the text rule to a string schema, keeping its type (so `.trim().min()`
 * still chain): `z.string().check(textRule('单位名称'))`. Refuses per the rule, then cleans.
 */
export function textRule(field: string, options: { singleLine?: boolean } = {}) {
  return z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, options);
    if (problem) ctx.addIssue({ code: 'custom', message: textProblemMessage(field, problem) });
  });
}

/**
 * A string field under the text rule: refused per the rule, then cleaned (NFC, LF) and
 * trimmed. `text('单位名称')` is `z.string()` for values typed by people.
 */
export function text(field: string, options: { singleLine?: boolean; trim?: boolean } = {}) {
  const base = z.string(`${field}应为文本`).check(textRule(field, options)).overwrite(cleanText);
  return options.trim === false ? base : base.trim();
}

export interface TextFault {
  /** Where the string sits in the input: object keys and array indexes. */
  path: (string | number)[];
  problem: TextProblem;
}

/**
 * Walks a parsed input (JSON, a tRPC input, form values) and finds the first string — value
 * or object key — that breaks the text rule. Bytes (files) are not text and are skipped.
 * Keys named like file names are held to the single-line rule.
 */
export function findTextFault(value: unknown, path: (string | number)[] = [], depth = 0): TextFault | null {
  if (depth > 64) return null;
  if (typeof value === 'string') {
    const key = path[path.length - 1];
    const singleLine = typeof key === 'string' && SINGLE_LINE_KEYS.test(key);
    const problem = textProblem(value, { singleLine });
    return problem ? { path, problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const fault = findTextFault(value[i], [...path, i], depth + 1);
      if (fault) return fault;
    }
    return null;
  }
  if (value instanceof Date || value instanceof Blob) return null;
  for (const [k, v] of value instanceof Map ? value.entries() : Object.entries(value)) {
    const key = String(k);
    const problem = textProblem(key, { singleLine: true });
    if (problem) return { path: [...path, key], problem };
    const fault = findTextFault(v, [...path, key], depth + 1);
    if (fault) return fault;
  }
  return null;
}

const SINGLE_LINE_KEYS = /(?:name|Name|idNumber|uscc|phone|Phone|email)$/;

/** A parameter path as the message names it: `records.3.XK_NR`, or `请求` for the whole input. */
export function faultField(path: (string | number)[], label = '参数'): string {
  return path.length ? `${label} ${path.join('.')} ` : '请求内容';
}

/** The Chinese message for a fault found by `findTextFault`. */
export function textFaultMessage(fault: TextFault, label = '参数'): string {
  return textProblemMessage(faultField(fault.path, label), fault.problem);
}
