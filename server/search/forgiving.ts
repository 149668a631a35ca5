import type { Db } from '../db/client';
import {
  canonicalDocumentNumber,
  MIN_TYPO_QUERY_LENGTH,
  nameKey,
  nearThresholds,
  rankNameSuggestions,
} from '../rules/search-forgiveness';
import { normalizeName } from '../rules/normalize';
import * as repo from './repository';
import type { SearchEngine, SearchRequest, SearchResult } from './types';

// Forgiveness around any engine. The query as typed always answers first; only when it finds
// nothing is an equivalent spelling searched instead (a document number with other brackets,
// a space or no 号; a name without its brackets' marks or with another company form), and the
// answer says which spelling it shows (correctedQuery). When a name query finds little,
// subjects one edit away are suggested ("您是否要找"), never matched; when the subject named in
// full is among the hits, only its other company forms are (峰宇食品有限责任公司 for 有限公司).

/** A name query with at most this many hits also gets "您是否要找". */
export const FEW_HITS = 3;
const MAX_SUGGESTIONS = 5;
/** Names read (most similar first) for "您是否要找" to rank. */
const CANDIDATES = 50;
/** 乐应急罚(2026)17号 → 乐应急罚〔2026〕17号, the way decisions print it. */
const displayDocumentNumber = (n: string) => n.replace('(', '〔').replace(')', '〕');

export function withForgiveness(db: Db, engine: SearchEngine): SearchEngine {
  return {
    name: engine.name,
    async search(request: SearchRequest, today: string): Promise<SearchResult> {
      const result = await engine.search(request, today);
      if (result.code || result.terms.length === 0 || result.total > FEW_HITS) return result;
      if (result.total === 0) {
        const corrected = await equivalentSearch(db, engine, request, today);
        if (corrected) return corrected;
      }
      const didYouMean = await typoSuggestions(db, request.q, result);
      return didYouMean.length ? { ...result, didYouMean } : result;
    },
  };
}

async function equivalentSearch(
  db: Db,
  engine: SearchEngine,
  request: SearchRequest,
  today: string,
): Promise<SearchResult | null> {
  const typed = normalizeName(request.q);
  const documentNumber = canonicalDocumentNumber(request.q);
  if (documentNumber && documentNumber !== typed) {
    const shown = displayDocumentNumber(documentNumber);
    const result = await engine.search({ ...request, q: shown }, today);
    if (result.total > 0) return { ...result, correctedQuery: shown };
  }
  const key = nameKey(request.q);
  if (Array.from(key).length < 3) return null;
  const [best, ...others] = await repo.subjectsByNameKey(db, key, MAX_SUGGESTIONS + 1);
  if (!best) return null;
  const result = await engine.search({ ...request, q: best.name }, today);
  if (result.total === 0) return null;
  return {
    ...result,
    correctedQuery: best.name,
    didYouMean: others.map((s) => ({ subjectId: s.id, name: s.name, href: `/subjects/${s.id}` })),
  };
}

async function typoSuggestions(
  db: Db,
  q: string,
  result: SearchResult,
): Promise<NonNullable<SearchResult['didYouMean']>> {
  const key = nameKey(q);
  if (Array.from(key).length < MIN_TYPO_QUERY_LENGTH) return [];
  const subjects = result.hits.filter((h) => h.kind === 'subject');
  const shown = new Set(subjects.map((h) => h.entityId));
  // The subject named in full was found: near spellings of it would be other firms' names, so only
  // its other company forms are looked up (an index equality, not a trigram similarity scan).
  const foundByName = subjects.some((h) => nameKey(h.display.title) === key);
  const reads = foundByName
    ? [() => repo.subjectsWithNameKey(db, key, CANDIDATES)]
    : nearThresholds(Array.from(key).length).map((t) => () => repo.subjectsNearNameKey(db, key, CANDIDATES, t));
  for (const read of reads) {
    const candidates = await read();
    const ranked = rankNameSuggestions(
      q,
      candidates.filter((c) => !shown.has(c.id)),
      MAX_SUGGESTIONS,
    );
    if (ranked.length) return ranked.map((s) => ({ subjectId: s.id, name: s.name, href: `/subjects/${s.id}` }));
    // A lower threshold reads the same most similar names when this one filled the limit.
    if (candidates.length >= CANDIDATES) break;
  }
  return [];
}
