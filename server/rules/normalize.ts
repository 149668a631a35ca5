// Text normalisation for codes and names (SPEC §2, §9: full-width vs half-width brackets
// must never make a company unfindable).

/** Unicode whitespace plus zero-width characters that survive copy-paste from Word or web pages. */
const INVISIBLE_OR_SPACE = /[\s\u200B-\u200D\u2060\uFEFF]+/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Unicode whitespace without the zero-width characters (those are dropped, not turned into spaces). */
const SPACE_RUN = /\s+/g;

/** Full-width ASCII block U+FF01–U+FF5E maps to U+0021–U+007E by a fixed offset. */
const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (U+FF01–U+FF5E) to half-width and the ideographic space U+3000 to a space. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ');
}

/** Canonical form of an identifier (USCC, ID number, registration number): half-width, upper-case, no whitespace. */
export function normalizeCode(s: string): string {
  return toHalfWidth(s).replace(INVISIBLE_OR_SPACE, '').toUpperCase();
}

// Bracket variants people type in company names: ASCII, full-width, lenticular 【】,
// tortoise-shell 〔〕, white lenticular 〖〗, small-form ﹙﹚, square []. For matching they are all one.
const OPENING_BRACKETS = /[(（【〔〖﹙［[]/g;
const CLOSING_BRACKETS = /[)）】〕〗﹚］\]]/g;
/** Interpuncts in transliterated minority and foreign names (阿依古丽·买买提) typed with look-alike dots. */
const INTERPUNCTS = /[·・•‧∙⋅･]/g;
const DOUBLE_QUOTES = /[“”„‟＂〝〞]/g;
const SINGLE_QUOTES = /[‘’‛＇]/g;

/**
 * Matching key for a name: two spellings of the same name give the same key.
 * Half-width, every bracket form as ASCII `(` `)`, one interpunct, straight quotes,
 * no whitespace at all, ASCII letters lower-case. Never shown to people; use displayName for that.
 */
export function normalizeName(s: string): string {
  return toHalfWidth(s)
    .replace(INVISIBLE_OR_SPACE, '')
    .replace(OPENING_BRACKETS, '(')
    .replace(CLOSING_BRACKETS, ')')
    .replace(INTERPUNCTS, '·')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** CJK ideographs (URO, extension A, compatibility, extensions B–H): a name containing one is a Chinese name. */
const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\u{20000}-\u{323AF}]/u;

/**
 * The form in which a name is stored and shown: trimmed, whitespace runs collapsed to one space,
 * full-width letters and digits half-width, and round brackets in the form official names use —
 * full-width （） with no spaces around them in a Chinese name, ASCII () in a name without Chinese.
 */
export function displayName(s: string): string {
  const collapsed = s
    .replace(ZERO_WIDTH, '')
    .replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(SPACE_RUN, ' ')
    .trim();
  if (CJK.test(collapsed)) {
    return collapsed
      .replace(/\s*[(（﹙]\s*/g, '（')
      .replace(/\s*[)）﹚]\s*/g, '）')
      .trim();
  }
  return collapsed.replace(/[（﹙]/g, '(').replace(/[）﹚]/g, ')');
}
