import { normalizeName } from '../rules/normalize';
import { MAX_QUERY_LENGTH, MAX_TERMS, type TextSegment } from './types';

// Text handling of the search, shared by every engine: one normalisation for documents and
// queries, the character unigrams and bigrams that are indexed, and highlighting.
//
// Substring semantics: a term matches a field when its normalised characters occur there
// contiguously. A one-character term is a unigram lexeme and a two-character term a bigram
// lexeme, both exact; a longer term needs all its bigrams (a fast, possibly loose filter)
// and then a LIKE on the normalised text that makes the match exact.

/** Separates the normalised title from the normalised body in `search_text`; never in a term. */
export const FIELD_SEPARATOR = '\u0001';

/**
 * The matching form of any text: normalizeName (half-width, one bracket form, no spaces,
 * lower-case) without control characters (a pasted NUL or the field separator).
 */
export function normalizeSearchText(s: string): string {
  // Private-use characters are reserved for the index's own tokens (below).
  return normalizeName(s).replace(/[\u0000-\u001f\u007f\uE000-\uF8FF]/g, '');
}

/** Prefix of the title's own lexemes, and of facet tokens; never in normalised text. */
export const TITLE_TOKEN = '\uE000';
export const FACET_TOKEN = '\uE001';

/** The lexeme that says a document has this facet value (filters are answered in the index). */
export function facetToken(facet: string, value: string | number): string {
  return `${FACET_TOKEN}${facet}:${value}`;
}

/** Lexemes of a title under the title prefix: name classes are counted in the index too. */
export function titleLexemes(titleNorm: string): string[] {
  return lexemesOf(titleNorm).map((l) => TITLE_TOKEN + l);
}

/** The title lexemes every title containing `text` must have. */
export function titleTermLexemes(text: string): string[] {
  return termLexemes(text).map((l) => TITLE_TOKEN + l);
}

/** Distinct unigrams and bigrams (by code point) of a normalised text. */
export function lexemesOf(normalized: string): string[] {
  const chars = Array.from(normalized);
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]!);
    if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/** The lexemes every document containing `term` must have. */
export function termLexemes(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return [term];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** True when lexeme matching alone is exact (no LIKE needed): one or two characters. */
export function termIsExactByLexemes(term: string): boolean {
  return Array.from(term).length <= 2;
}

/** A tsquery literal that ANDs the lexemes of every term. */
export function tsqueryLiteral(terms: readonly string[]): string {
  return tsqueryOf([...new Set(terms.flatMap(termLexemes))].map((l) => [l]));
}

/** A tsquery literal: AND of groups, each group an OR of lexemes. */
export function tsqueryOf(groups: readonly (readonly string[])[]): string {
  return groups
    .filter((g) => g.length > 0)
    .map((g) => (g.length === 1 ? quoteLexeme(g[0]!) : `(${g.map(quoteLexeme).join(' | ')})`))
    .join(' & ');
}

function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** `%term%` for LIKE, with the pattern characters escaped (backslash is the default escape). */
export function containsPattern(term: string): string {
  return `%${likeEscape(term)}%`;
}

/** `term%` for LIKE. */
export function prefixPattern(term: string): string {
  return `${likeEscape(term)}%`;
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ParsedQuery {
  /** Normalised, distinct terms, in the order typed. */
  terms: string[];
  /** The whole query without spaces: what an exact or prefix name match compares with. */
  nameQuery: string;
  /** The raw terms (trimmed, unnormalised) for code detection. */
  rawTerms: string[];
  notice: string | null;
}

/** Splits a query into terms (half- or full-width spaces), normalises them, and bounds its size. */
export function parseQuery(q: string): ParsedQuery {
  let notice: string | null = null;
  let text = q;
  if (Array.from(text).length > MAX_QUERY_LENGTH) {
    text = Array.from(text).slice(0, MAX_QUERY_LENGTH).join('');
    notice = `查询内容过长，只按前 ${MAX_QUERY_LENGTH} 个字查询。`;
  }
  let rawTerms = text
    .split(/[\s\u3000]+/)
    .map((t) => t.trim())
    .filter((t) => normalizeSearchText(t) !== '');
  if (rawTerms.length > MAX_TERMS) {
    rawTerms = rawTerms.slice(0, MAX_TERMS);
    notice = `查询词过多，只按前 ${MAX_TERMS} 个词查询。`;
  }
  const terms = [...new Set(rawTerms.map(normalizeSearchText))];
  return { terms, nameQuery: terms.join(''), rawTerms, notice };
}

/** 0 exact name, 1 name prefix, 2 name contains, 3 text only. */
export function rankClassOf(titleNorm: string, nameQuery: string): 0 | 1 | 2 | 3 {
  if (nameQuery === '') return 3;
  if (titleNorm === nameQuery) return 0;
  if (titleNorm.startsWith(nameQuery)) return 1;
  if (titleNorm.includes(nameQuery)) return 2;
  return 3;
}

/**
 * Marks every occurrence of every term in `original`, comparing normalised characters, so
 * that a half-width query lights up a full-width bracket and spaces inside a name are skipped.
 */
/** The normalised code points of each character seen: highlighting meets the same few thousand again and again. */
const normalizedChars = new Map<string, string[]>();
function normalizedChar(ch: string): string[] {
  let n = normalizedChars.get(ch);
  if (n === undefined) {
    n = Array.from(normalizeSearchText(ch));
    if (normalizedChars.size < 50_000) normalizedChars.set(ch, n);
  }
  return n;
}

export function highlight(original: string, terms: readonly string[]): TextSegment[] {
  const chars = Array.from(original);
  // Normalised characters with the index of the original character each came from.
  const norm: string[] = [];
  const origin: number[] = [];
  chars.forEach((ch, i) => {
    for (const n of normalizedChar(ch)) {
      norm.push(n);
      origin.push(i);
    }
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  const haystack = norm.join('');
  const offsets = codePointOffsets(norm);
  for (const term of terms) {
    const termLength = Array.from(term).length;
    if (termLength === 0) continue;
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(term, from);
      if (at < 0) break;
      const start = offsets.get(at)!;
      const first = origin[start]!;
      const last = origin[start + termLength - 1]!;
      for (let i = first; i <= last; i++) marked[i] = true;
      from = at + 1;
    }
  }
  const segments: TextSegment[] = [];
  chars.forEach((ch, i) => {
    const match = marked[i]!;
    const prev = segments.at(-1);
    if (prev && prev.match === match) prev.text += ch;
    else segments.push({ text: ch, match });
  });
  return segments;
}

/** UTF-16 offset of each code point in the joined string → its index. */
function codePointOffsets(codePoints: readonly string[]): Map<number, number> {
  const map = new Map<number, number>();
  let offset = 0;
  codePoints.forEach((cp, i) => {
    map.set(offset, i);
    offset += cp.length;
  });
  return map;
}

/**
 * A window of about `width` characters of `original` around the first match of any term,
 * highlighted; null when no term occurs in it.
 */
export function snippet(original: string, terms: readonly string[], width = 80): TextSegment[] | null {
  // Body fields are lines; each is highlighted on its own and shown joined by a dot.
  const segments = original
    .split('\n')
    .flatMap((line, i) => [...(i > 0 ? [{ text: ' · ', match: false }] : []), ...highlight(line, terms)]);
  const text = segments.map((s) => s.text).join('');
  const firstMatch = segments.findIndex((s) => s.match);
  if (firstMatch < 0) return null;
  const before = segments.slice(0, firstMatch).reduce((n, s) => n + Array.from(s.text).length, 0);
  const chars = Array.from(text);
  const total = chars.length;
  let start = Math.max(0, Math.min(before - Math.floor(width / 4), total - width));
  // Rather than cut a field (a code, a document number) in half, start where the match's field starts.
  const fieldStart = fieldStartBefore(chars, before);
  if (fieldStart > start && before - fieldStart < width) start = fieldStart;
  const end = Math.min(total, start + width);
  const out: TextSegment[] = [];
  let position = 0;
  for (const segment of segments) {
    const cps = Array.from(segment.text);
    const from = Math.max(start, position);
    const to = Math.min(end, position + cps.length);
    if (from < to) out.push({ text: cps.slice(from - position, to - position).join(''), match: segment.match });
    position += cps.length;
  }
  if (start > 0) out.unshift({ text: '…', match: false });
  if (end < total) out.push({ text: '…', match: false });
  return out;
}

/** Index just after the last ' · ' field separator before `position`, or 0. */
function fieldStartBefore(chars: readonly string[], position: number): number {
  for (let i = position; i >= 3; i--) {
    if (chars[i - 3] === ' ' && chars[i - 2] === '·' && chars[i - 1] === ' ') return i;
  }
  return 0;
}
