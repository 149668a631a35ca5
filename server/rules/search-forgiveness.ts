import { normalizeName } from './normalize';

// Forgiving search (pure): the spellings of a document number or a name that mean the same
// thing as what was typed, and how close a name is to a mistyped one. What these rules find
// is either matched (an equivalent spelling, used only when the query as typed finds nothing)
// or only suggested ("您是否要找", one edit away); exact substring matching is never changed.

/**
 * Company forms that people swap for one another, longest first: in a name key each becomes
 * 公司, so 有限责任公司, 股份有限公司, 有限公司 and 公司 all compare equal.
 */
export const COMPANY_FORMS = ['股份有限公司', '有限责任公司', '有限公司'] as const;

/**
 * The matching key of a subject name: normalised (normalizeName), brackets dropped (their
 * content kept), company forms as 公司. The SQL column subjects.name_key (migration 1500)
 * computes exactly this; tests keep the two equal.
 */
export function nameKey(name: string): string {
  let key = looseName(name);
  for (const form of COMPANY_FORMS) key = key.replaceAll(form, '公司');
  return key;
}

/** A name normalised without its brackets (their content kept): company forms left as typed. */
export function looseName(name: string): string {
  return normalizeName(name).replace(/[()]/g, '');
}

const CJK = /[\u3400-\u9fff]/;

/**
 * A document number typed without its brackets, with a space, or without 号
 * (乐应急罚2026 17号, 乐应急罚〔2026〕17, 乐市监处罚 2026 101): its one normalised form,
 * 乐应急罚(2026)17号, or null when the query is not shaped like a document number (a
 * Chinese prefix ending in a character, a year 1990–2099, a serial number).
 */
export function canonicalDocumentNumber(query: string): string | null {
  const compact = normalizeName(query);
  const m = /^(.*[^\d()])\(?((?:19|20)\d{2})\)?(\d{1,6})号?$/u.exec(compact);
  if (!m) return null;
  const [, prefix, year, serial] = m as unknown as [string, string, string, string];
  if (!CJK.test(prefix.at(-1) ?? '')) return null;
  if (!Array.from(prefix).some((c) => CJK.test(c))) return null;
  return `${prefix}(${year})${serial}号`;
}

/**
 * The fewest single-character edits (insert, delete, replace) that turn `query` into some
 * substring of `text` (approximate substring matching), counted in code points. 0 means
 * `query` occurs in `text`.
 */
export function editsToSubstring(query: string, text: string): number {
  const q = Array.from(query);
  const t = Array.from(text);
  // prev[j]: edits for q[0..i) to end at t[j]; row 0 is all zeros (a match may start anywhere).
  let prev = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= q.length; i++) {
    const cur = new Array<number>(t.length + 1);
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (q[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return Math.min(...prev);
}

/** Only names at least this long get typo suggestions: one edit in a shorter one is another name. */
export const MIN_TYPO_QUERY_LENGTH = 4;

export interface NameCandidate {
  id: number;
  name: string;
}

/**
 * "您是否要找" for a name query: candidates whose name key is one edit from the query's key
 * (or equal to it, which a different company form or bracket gives), closest first: fewer
 * edits, then the name whose length is nearest the query's, then the name. At most `limit`.
 */
export function rankNameSuggestions<T extends NameCandidate>(query: string, candidates: readonly T[], limit = 5): T[] {
  const qKey = nameKey(query);
  const qLoose = looseName(query);
  const qLength = Array.from(qLoose).length;
  if (Array.from(qKey).length < MIN_TYPO_QUERY_LENGTH) return [];
  return candidates
    .map((c) => {
      // Either with company forms made equal, or as typed: 有限工司 is one edit from 有限公司 only as typed.
      const edits = Math.min(editsToSubstring(qKey, nameKey(c.name)), editsToSubstring(qLoose, looseName(c.name)));
      return { c, edits, gap: Math.abs(Array.from(looseName(c.name)).length - qLength) };
    })
    .filter((x) => x.edits <= 1)
    .sort((a, b) => a.edits - b.edits || a.gap - b.gap || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map((x) => x.c);
}

/** The word-similarity threshold of the trigram index that every name one edit away passes. */
const LOWEST_THRESHOLD = 0.3;

/**
 * Word-similarity thresholds tried in turn for names one edit away from a key of `n` characters.
 * A name key whose whole text is the key with one character replaced keeps n − 2 of its n + 1
 * trigrams (pg_trgm's word similarity is then (n − 2) / (n + 4): 0.54 for 9 characters), and at
 * that threshold the trigram index answers in a few milliseconds. A typo in part of a longer name
 * loses the padded trigrams too and needs 0.3, where a key sharing 乐山市 or 公司 rechecks ten
 * thousand names (200–300 ms at a million records): that is tried only when the first finds none.
 */
export function nearThresholds(n: number): number[] {
  const whole = Math.floor(((n - 2) / (n + 4)) * 100) / 100 - 0.01;
  return whole > LOWEST_THRESHOLD ? [whole, LOWEST_THRESHOLD] : [LOWEST_THRESHOLD];
}
