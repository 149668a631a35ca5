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
import { NEAR_PROBE, subjectsNearNameKey } from '@/server/search/repository';
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

/** An individual business (placeholder USCC) of that name, as a subjects row. */
const businessNamed = (name: string, registrationNumber: string) => ({
  kind: 'individual_business' as const,
  name,
  nameNorm: normalizeName(name),
  uscc: USCC_PLACEHOLDER,
  registrationNumber,
  divisionCode: '511102',
  establishedOn: null,
  address: null,
  personIdType: null,
  personIdMasked: null,
  personIdRef: null,
});

describeEachDatabase('typo suggestions when the named subject is found', (current) => {
  let db: Db;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
    for (const [i, name] of [FOUND, OTHER_FORM, NEIGHBOUR, SHORT].entries()) {
      const row = await db
        .insertInto('subjects')
        .values(businessNamed(name, `51110260000${i}`))
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

// A short name whose beginning many names share ("乐山锦邦": every 乐山… shares two of its five
// trigrams): past NEAR_PROBE such names the candidates come nearest first from the GiST index
// instead of being read whole (1M database: 150 → about 25 ms). Both reads must find the same
// nearest names, and the suggestion must still be the name one character away.
describeEachDatabase('typo suggestions for a short name with a common beginning', (current) => {
  let db: Db;
  const NEAR = '乐山锦帮商贸有限公司';
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
    const names = [
      NEAR,
      ...Array.from(
        { length: NEAR_PROBE + 20 },
        (_, i) => `乐山${String.fromCodePoint(0x4e00 + i * 7)}${String.fromCodePoint(0x5000 + i * 3)}商贸有限公司`,
      ),
    ];
    await db
      .insertInto('subjects')
      .values(names.map((name, i) => businessNamed(name, `5111027${String(i).padStart(8, '0')}`)))
      .execute();
    await rebuildSearchIndex(db);
  });

  it('suggests the name one character away among more than NEAR_PROBE near names', async () => {
    const result = await withForgiveness(db, createPostgresSearchEngine(db)).search({ q: '乐山锦邦' }, TODAY);
    expect(result.total).toBe(0);
    expect((result.didYouMean ?? []).map((s) => s.name)).toEqual([NEAR]);
  });

  it('the nearest-first index and a whole read give the same most similar names', async () => {
    const [threshold] = nearThresholds(4);
    const nearest = await subjectsNearNameKey(db, '乐山锦邦', 50, threshold!);
    const whole = await subjectsNearNameKey(db, '乐山锦邦', 50, threshold!, 10_000);
    expect(nearest).toHaveLength(50);
    expect(nearest[0]!.name).toBe(NEAR);
    expect(whole[0]!.name).toBe(NEAR);
    // Below the probe the nearest-first index is not asked: the same read as a whole one.
    const few = await subjectsNearNameKey(db, '乐山锦帮商贸', 50, nearThresholds(6)[0]!);
    expect(few).toEqual(await subjectsNearNameKey(db, '乐山锦帮商贸', 50, nearThresholds(6)[0]!, 10_000));
  });
});
