import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { normalizeName } from '@/server/rules/normalize';
import { USCC_PLACEHOLDER } from '@/server/rules/uscc';
import { nearThresholds } from '@/server/rules/search-forgiveness';
import { withForgiveness } from '@/server/search/forgiving';
import { rebuildSearchIndex } from '@/server/search/indexer';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures, TODAY } from './fixtures';

// "您是否要找" when the subject typed in full is found: its other company forms are suggested,
// other firms one character away are not (they are different firms, and looking for them
// scans the trigram index: 50–300 ms per query at a million records). A typo still gets them.
const FOUND = '乐山峰宇食品有限公司';
const OTHER_FORM = '乐山峰宇食品有限责任公司';
const NEIGHBOUR = '乐山峰宁食品有限公司';
/** A short name: with one character added (峰宇好茶楼) its word similarity is 0.375. */
const SHORT = '峰宇茶楼';

describeEachDatabase('typo suggestions when the named subject is found', (current) => {
  let db: Db;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
    for (const [i, name] of [FOUND, OTHER_FORM, NEIGHBOUR, SHORT].entries()) {
      const row = await db
        .insertInto('subjects')
        .values({
          kind: 'individual_business',
          name,
          nameNorm: normalizeName(name),
          uscc: USCC_PLACEHOLDER,
          registrationNumber: `51110260000${i}`,
          divisionCode: '511102',
          establishedOn: null,
          address: null,
          personIdType: null,
          personIdMasked: null,
          personIdRef: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(name, row.id);
    }
    await rebuildSearchIndex(db);
  });
  const search = (q: string) => withForgiveness(db, createPostgresSearchEngine(db)).search({ q }, TODAY);
  const suggested = (r: Awaited<ReturnType<typeof search>>) => (r.didYouMean ?? []).map((s) => s.name);

  it('the full name answers with the subject; its other company form is suggested, a near neighbour is not', async () => {
    const result = await search(FOUND);
    expect(result.hits.map((h) => h.entityId)).toContain(ids.get(FOUND));
    expect(result.correctedQuery ?? null).toBeNull();
    expect(suggested(result)).toEqual([OTHER_FORM]);
  });

  it('a name one character off still suggests the firms one edit away, and only them', async () => {
    const result = await search('乐山峰宇食品有限工司');
    expect(result.total).toBe(0);
    // 有限责任公司 is two edits from 有限工司, 峰宁 another two: neither is suggested.
    expect(suggested(result)).toEqual([FOUND]);
    const neighbour = await search('乐山峰宁食品有限工司');
    expect(suggested(neighbour)[0]).toBe(NEIGHBOUR);
  });

  it('a short name one character off is still suggested (the lower similarity threshold is tried too)', async () => {
    const result = await search('峰宇好茶楼');
    expect(result.total).toBe(0);
    expect(suggested(result)).toEqual([SHORT]);
  });

  it('a name with one character replaced passes the first threshold tried, whatever its length and the position', async () => {
    // Distinct characters, as pg_trgm counts distinct trigrams: a repeated one only helps.
    const name = fc.uniqueArray(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 5, maxLength: 24 });
    await fc.assert(
      fc.asyncProperty(name, fc.nat(), async (codes, at) => {
        const chars = codes.map((c) => String.fromCodePoint(c));
        const typed = [...chars];
        typed[at % chars.length] = '钅';
        const { rows } = await sql<{
          s: number;
        }>`select word_similarity(${typed.join('')}, ${chars.join('')}) as s`.execute(db);
        expect(Number(rows[0]!.s)).toBeGreaterThanOrEqual(nearThresholds(chars.length)[0]!);
      }),
      { numRuns: 60 },
    );
  });
});
