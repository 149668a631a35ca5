import { createHash } from 'node:crypto';
import type { SearchDocument } from '../documents';
import { FIELD_SEPARATOR } from '../text';

// Substring semantics on Meilisearch (pure). Meilisearch segments Chinese into words (jieba-like),
// so 嘉州 inside 市中区嘉州餐饮 may never be a word of its own. Instead, every character unigram and
// bigram of the normalised text is indexed as an ASCII-letters-only token (no segmenter, no
// normaliser and no typo rule touches it), one token per position: a term is then a PHRASE of its
// consecutive bigrams (a one-character term: its unigram), which matches exactly where the term
// occurs contiguously. Fields are joined by a hard separator, so no phrase runs from one into the next.

/** Meilisearch takes at most this many words of a query into account (the words of phrases included). */
export const MAX_QUERY_WORDS = 10;
/** Title prefixes longer than this are not indexed for the prefix class (Meilisearch facet values are bounded). */
export const MAX_TITLE_PREFIX = 64;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A code point as 5 base-26 letters (26^5 > 0x10FFFF): fixed width, so tokens never collide. */
export function encodeChar(ch: string): string {
  let n = ch.codePointAt(0)!;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out = LETTERS[n % 26]! + out;
    n = Math.floor(n / 26);
  }
  return out;
}

export const unigramToken = (ch: string) => `u${encodeChar(ch)}`;
export const bigramToken = (a: string, b: string) => `b${encodeChar(a)}${encodeChar(b)}`;

/** Hard separator between fields (a full stop): positions jump, so no phrase crosses it. */
const FIELD_BREAK = ' . ';

/** The unigram token stream of normalised fields, one token per character. */
export function unigramStream(fields: readonly string[]): string {
  return fields
    .map((f) => Array.from(f).map(unigramToken).join(' '))
    .filter((s) => s !== '')
    .join(FIELD_BREAK);
}

/** The bigram token stream: token i is characters i and i+1, so consecutive positions overlap by one character. */
export function bigramStream(fields: readonly string[]): string {
  return fields
    .map((f) => {
      const chars = Array.from(f);
      const out: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) out.push(bigramToken(chars[i]!, chars[i + 1]!));
      return out.join(' ');
    })
    .filter((s) => s !== '')
    .join(FIELD_BREAK);
}

/** The tokens a term's phrase consists of: its unigram, or its consecutive bigrams. */
export function termTokens(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 0) return [];
  if (chars.length === 1) return [unigramToken(chars[0]!)];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(bigramToken(chars[i]!, chars[i + 1]!));
  return out;
}

const shortHash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 20);
/** Filter key of an exact title (any length). */
export const titleKey = (titleNorm: string) => shortHash(`=${titleNorm}`);
/** Filter key of a title prefix. */
export const prefixKey = (prefix: string) => shortHash(`^${prefix}`);

/** yyyymmdd as a number for filters and sorting; null → `fallback`. */
export function dayNumber(date: string | null, fallback: number): number {
  return date ? Number(date.slice(0, 10).replaceAll('-', '')) : fallback;
}
/** "Public until" of a record that never leaves search. */
export const FAR_FUTURE = 99991231;

/** What Meilisearch stores per search document. */
export interface MeiliDocument {
  /** Primary key: "penalty:12" is not a valid Meilisearch id (":"), so kind and id are joined by "-". */
  id: string;
  docId: string;
  kind: SearchDocument['kind'];
  entityId: number;
  subjectId: number | null;
  /** Human-readable (Chinese localized): shown, and searchable for nothing but completeness. */
  title: string;
  body: string;
  titleNorm: string;
  /** Normalised title and fields joined by FIELD_SEPARATOR: long terms are verified against it. */
  searchText: string;
  titleGrams: string;
  titleUnigrams: string;
  bodyGrams: string;
  bodyUnigrams: string;
  titleKey: string;
  titlePrefixKeys: string[];
  display: SearchDocument['display'];
  departmentId: number | null;
  divisionCode: string | null;
  year: number | null;
  categories: string[];
  severity: string | null;
  listType: string | null;
  domain: string | null;
  sortDay: number;
  publicFromDay: number;
  publicUntilDay: number;
  expiresOn: string | null;
}

export const meiliIdOf = (docId: string) => docId.replace(':', '-');

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  const [titleNorm, ...fields] = d.searchText.split(FIELD_SEPARATOR);
  const title = titleNorm ?? '';
  const prefixes: string[] = [];
  const chars = Array.from(title);
  for (let i = 1; i <= Math.min(chars.length, MAX_TITLE_PREFIX); i++)
    prefixes.push(prefixKey(chars.slice(0, i).join('')));
  return {
    id: meiliIdOf(d.docId),
    docId: d.docId,
    kind: d.kind,
    entityId: d.entityId,
    subjectId: d.subjectId,
    title: d.title,
    body: d.body,
    titleNorm: d.titleNorm,
    searchText: d.searchText,
    titleGrams: bigramStream([title]),
    titleUnigrams: unigramStream([title]),
    bodyGrams: bigramStream(fields),
    bodyUnigrams: unigramStream(fields),
    titleKey: titleKey(d.titleNorm),
    titlePrefixKeys: prefixes,
    display: d.display,
    departmentId: d.departmentId,
    divisionCode: d.divisionCode,
    year: d.year,
    categories: d.categories,
    severity: d.severity,
    listType: d.listType,
    domain: d.domain,
    sortDay: dayNumber(d.sortDate, 0),
    publicFromDay: dayNumber(d.publicFrom, 0),
    publicUntilDay: dayNumber(d.publicUntil, FAR_FUTURE),
    expiresOn: d.expiresOn,
  };
}

export interface GramQuery {
  /** The Meilisearch query: one quoted phrase per term. */
  q: string;
  /**
   * True when the phrases are only a necessary condition and hits must be verified against
   * searchText: a term was cut to fit MAX_QUERY_WORDS, or a term has more than one token.
   * (Meilisearch resolves a phrase from word-pair proximities per document, not necessarily at one
   * place of it; a one-token phrase is an exact word lookup. So correctness never depends on more
   * than "a phrase finds at least every document that really contains it".)
   */
  loose: boolean;
}

/**
 * One phrase per term, within Meilisearch's word limit. Every term keeps at least one token;
 * a term that does not fit whole keeps its first tokens (a necessary condition: the caller
 * verifies candidates). Terms are given their share longest first.
 */
export function gramQuery(terms: readonly string[], maxWords = MAX_QUERY_WORDS): GramQuery {
  const tokens = terms.map(termTokens).filter((t) => t.length > 0);
  if (tokens.length === 0) return { q: '', loose: false };
  const wanted = tokens.reduce((n, t) => n + t.length, 0);
  let kept = tokens.map((t) => t.length);
  let loose = false;
  if (wanted > maxWords || tokens.length > maxWords) {
    loose = true;
    const usable = tokens.slice(0, maxWords);
    kept = usable.map(() => 1);
    let left = maxWords - usable.length;
    // Hand out the remaining words one at a time to the terms that still miss most.
    while (left > 0) {
      let best = -1;
      for (let i = 0; i < usable.length; i++) {
        if (
          kept[i]! < usable[i]!.length &&
          (best < 0 || usable[i]!.length - kept[i]! > usable[best]!.length - kept[best]!)
        )
          best = i;
      }
      if (best < 0) break;
      kept[best]! += 1;
      left -= 1;
    }
    return { q: usable.map((t, i) => `"${t.slice(0, kept[i]).join(' ')}"`).join(' '), loose };
  }
  return { q: tokens.map((t) => `"${t.join(' ')}"`).join(' '), loose: tokens.some((t) => t.length > 1) };
}

/** Whether every term occurs in the document's normalised text, within one field (the exact contract). */
export function containsAllTerms(searchText: string, terms: readonly string[]): boolean {
  return terms.every((t) => searchText.includes(t));
}
