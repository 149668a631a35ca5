import { expect, it } from 'vitest';
import { migrateToLatest, migrator, pendingMigrations } from '@/server/db/migrate';
import { migrations } from '@/server/db/migrations';
import { describeEachDatabase } from '../helpers/databases';

// A migration from one feature branch can reach a database after a later-named one from
// another branch was applied there: it must still be applied, not refused.
describeEachDatabase(
  'migrations that arrive out of name order',
  (current) => {
    it('applies an earlier-named migration that arrived after later ones', async () => {
      const { db } = current();
      // A migration nothing later depends on (0400 rebuilds the search table that 0003 reshaped).
      const late = '2026_11_28_0203_issued_report_content';
      expect(Object.keys(migrations)).toContain(late);
      const withoutLate = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== late));
      const first = await migrator(db, withoutLate).migrateToLatest();
      expect(first.error).toBeUndefined();
      expect(await pendingMigrations(db)).toEqual([late]);

      const second = await migrateToLatest(db);
      expect(second.results?.map((r) => [r.migrationName, r.status])).toEqual([[late, 'Success']]);
      expect(await pendingMigrations(db)).toEqual([]);
    });
  },
  { migrate: false },
);
