import { z } from 'zod';

// Validation at every boundary speaks Chinese: zod's own messages in Simplified Chinese,
// configured once here. Schemas import `z` from this module so the locale is always set.
z.config(z.locales.zhCN());

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
