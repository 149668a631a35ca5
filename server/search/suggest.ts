import type { Db } from '../db/client';
import { z } from '../validation';
import * as repo from './repository';
import { facetToken, normalizeSearchText, titleTermLexemes } from './text';

// As-you-type suggestions of subject names for the search boxes (combobox on / and /search).

export const MAX_SUGGESTIONS = 8;

export const suggestInputSchema = z.strictObject({
  q: z.string({ error: '查询内容（q）应为文字' }).max(100, '查询内容不能超过 100 个字'),
});

export interface Suggestion {
  subjectId: number;
  name: string;
  href: string;
}

/** Up to 8 public subjects whose name starts with (first) or contains what was typed, from the first character. */
export async function suggestSubjectNames(db: Db, q: string, today: string): Promise<Suggestion[]> {
  const nameQuery = normalizeSearchText(q);
  if (nameQuery === '') return [];
  const rows = await repo.suggestSubjects(
    db,
    nameQuery,
    today,
    MAX_SUGGESTIONS,
    titleTermLexemes(nameQuery),
    facetToken('kind', 'subject'),
  );
  return rows.map((r) => ({ subjectId: r.entityId, name: r.title, href: `/subjects/${r.entityId}` }));
}
