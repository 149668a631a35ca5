// Masking of personal data on public pages (SPEC §2: an ID number is never shown in full).

import { normalizeCode, toHalfWidth } from './normalize';

const MASK = '*';
/** Characters kept at each end of an ID number (SPEC §2). */
const ID_KEEP_HEAD = 4;
const ID_KEEP_TAIL = 4;

/** An ID number with all but its first 4 and last 4 characters masked; 8 characters or fewer are masked entirely. */
export function maskIdNumber(id: string): string {
  const chars = [...normalizeCode(id)];
  if (chars.length <= ID_KEEP_HEAD + ID_KEEP_TAIL) return MASK.repeat(chars.length);
  return (
    chars.slice(0, ID_KEEP_HEAD).join('') +
    MASK.repeat(chars.length - ID_KEEP_HEAD - ID_KEEP_TAIL) +
    chars.slice(-ID_KEEP_TAIL).join('')
  );
}

/**
 * Two-character surnames that are not also a one-character surname plus a common given-name
 * character. Ambiguous pairs (钟离, 单于, 宗政, 第五 …) are left out on purpose: treating them as
 * one-character surnames masks one character more, never one less.
 */
export const COMPOUND_SURNAMES: readonly string[] = (
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 独孤 端木 ' +
  '南宫 西门 呼延 申屠 澹台 太史 闻人 万俟 赫连 拓跋 司空 濮阳 淳于 公冶 左丘 闾丘 亓官'
).split(' ');

/** Separators inside a name that carry no identity and stay visible (阿依古丽·买买提, John Smith). */
const NAME_SEPARATOR = /^[\s·・•.\-]$/;

/** A natural person's name with only the surname visible: 张三 → 张*, 王小明 → 王**, 欧阳娜娜 → 欧阳**. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  // A two-character name is always surname + given name, even if it reads like 欧阳.
  const surnameLength = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  if (chars.length === 1) return MASK;
  return (
    chars.slice(0, surnameLength).join('') +
    chars
      .slice(surnameLength)
      .map((c) => (NAME_SEPARATOR.test(c) ? c : MASK))
      .join('')
  );
}

/** Optional country code before a mainland mobile number: +86, 0086 or 86. */
const MOBILE = /^(\+86|0086|86)?[\s-]*(1\d{2})[\s-]*(\d{4})[\s-]*(\d{4})$/;
/** Landline with area code: 0833-2123456, (0833)2123456, with an optional extension. */
const LANDLINE = /^\(?(0\d{2,3})\)?[\s-]*(\d{7,8})(?:\s*(?:-|转|ext\.?)\s*(\d{1,6}))?$/i;

/**
 * A phone number as 138****5678: a mobile number keeps its first 3 and last 4 digits, a landline
 * keeps its area code and last 4 digits; anything else keeps only its last 4 characters.
 */
export function maskPhone(phone: string): string {
  const p = toHalfWidth(phone).trim();
  const mobile = MOBILE.exec(p);
  if (mobile) {
    const [, country, head, , tail] = mobile;
    return `${country ? `${country} ` : ''}${head}${MASK.repeat(4)}${tail}`;
  }
  const landline = LANDLINE.exec(p);
  if (landline) {
    const [, area = '', subscriber = '', extension] = landline;
    const masked = MASK.repeat(subscriber.length - 4) + subscriber.slice(-4);
    return `${area}-${masked}${extension ? `-${MASK.repeat(extension.length)}` : ''}`;
  }
  const chars = [...p.replace(/\s+/g, '')];
  if (chars.length <= 4) return MASK.repeat(chars.length);
  return MASK.repeat(chars.length - 4) + chars.slice(-4).join('');
}
