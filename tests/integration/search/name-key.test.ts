import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { nameKey } from '@/server/rules/search-forgiveness';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures } from './fixtures';

// subjects.name_key (migration 1500, computed by the database) and nameKey (computed by the
// portal for a query) must agree, or a name typed without its brackets would find nothing.
describeEachDatabase('subjects.name_key equals nameKey()', (current) => {
  let db: Db;
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
  });

  it('for every subject of the fixtures, brackets included', async () => {
    const rows = await db.selectFrom('subjects').select(['name', 'nameKey']).execute();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => /[（(]/.test(r.name))).toBe(true);
    for (const r of rows) expect(r.nameKey, r.name).toBe(nameKey(r.name));
  });
});
