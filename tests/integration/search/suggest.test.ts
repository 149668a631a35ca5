import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { normalizeName } from '@/server/rules/normalize';
import { MAX_SUGGESTIONS, suggestSubjectNames } from '@/server/search/suggest';
import { describeEachDatabase } from '../helpers/databases';
import { PERSON_FULL_NAME, seedSearchFixtures, TODAY, type SearchFixtures } from './fixtures';

// As-you-type suggestions of subject names: from the first character, names that start with
// what was typed before names that only contain it, at most 8, never a hidden or private name.
describeEachDatabase('search suggestions of subject names', (current) => {
  let db: Db;
  let fx: SearchFixtures;
  beforeAll(async () => {
    db = current().db;
    fx = await seedSearchFixtures(db);
  });
  const names = async (q: string) => (await suggestSubjectNames(db, q, TODAY)).map((s) => s.name);

  it('one character is enough, and names starting with it come first', async () => {
    const got = await names('峨');
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((n) => normalizeName(n).includes('峨'))).toBe(true);
    const starts = got.map((n) => normalizeName(n).startsWith('峨'));
    expect(starts).toEqual([...starts].sort((a, b) => Number(b) - Number(a)));
  });

  it(`at most ${MAX_SUGGESTIONS}, each a subject with a link to its page`, async () => {
    const got = await suggestSubjectNames(db, '公司', TODAY);
    expect(got.length).toBe(MAX_SUGGESTIONS);
    for (const s of got) expect(s.href).toBe(`/subjects/${s.subjectId}`);
    expect(new Set(got.map((s) => s.subjectId)).size).toBe(got.length);
  });

  it('a name in the middle is suggested (金顶 → 峨眉山金顶…), half-width brackets find full-width ones', async () => {
    expect(await names('金顶')).toContain('峨眉山金顶旅游开发有限公司');
    expect(await names('锦程(乐山')).toContain('锦程（乐山）商贸有限公司');
    expect((await suggestSubjectNames(db, '金顶旅', TODAY)).map((s) => s.subjectId)).toContain(fx.subjects.jinding.id);
  });

  it("an empty query or one that matches nothing suggests nothing; a person's full name is never suggested", async () => {
    expect(await names('   ')).toEqual([]);
    expect(await names('不存在的名字')).toEqual([]);
    expect(await names(PERSON_FULL_NAME)).toEqual([]);
    expect((await names('王')).some((n) => n.includes(PERSON_FULL_NAME))).toBe(false);
  });
});
