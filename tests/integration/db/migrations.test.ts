import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NO_MIGRATIONS } from 'kysely';
import { migrator, migrateToLatest, pendingMigrations } from '@/server/db/migrate';
import { migrations } from '@/server/db/migrations';
import { describeEachDatabase } from '../helpers/databases';

const DOMAIN_TABLES = [
  'divisions',
  'departments',
  'identity_numbers',
  'subjects',
  'imports',
  'import_errors',
  'licensing_records',
  'penalty_records',
  'catalog_items',
  'list_entries',
  'list_entry_measures',
  'exposure_cases',
  'staff_users',
  'staff_sessions',
  'api_keys',
  'applications',
  'application_events',
  'application_attachments',
  'audit_log',
  'lifecycle_transitions',
  'search_documents',
  'search_outbox',
  'rate_limit_buckets',
  'app_settings',
  'issued_reports',
];

describeEachDatabase(
  'migrations',
  (current) => {
    const tables = async () => {
      const rows = await sql<{ tableName: string }>`
        select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(current().db);
      return rows.rows.map((r) => r.tableName).sort();
    };

    it('creates every domain table on an empty database', async () => {
      expect(await pendingMigrations(current().db)).toEqual(Object.keys(migrations));
      const result = await migrateToLatest(current().db);
      expect(result.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
      const present = await tables();
      for (const table of DOMAIN_TABLES) expect(present, table).toContain(table);
      expect(await pendingMigrations(current().db)).toEqual([]);
    });

    it('is a no-op when run again', async () => {
      const again = await migrateToLatest(current().db);
      expect(again.results).toEqual([]);
    });

    it('can be rolled back to nothing and applied again', async () => {
      const down = await migrator(current().db).migrateTo(NO_MIGRATIONS);
      expect(down.error).toBeUndefined();
      const left = (await tables()).filter((t) => !t.startsWith('kysely_'));
      expect(left).toEqual([]);
      await migrateToLatest(current().db);
      expect((await tables()).filter((t) => DOMAIN_TABLES.includes(t))).toHaveLength(DOMAIN_TABLES.length);
    });
  },
  { migrate: false },
);

describe('the migration list', () => {
  it('is ordered by name, so that the Migrator applies it in the order written', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
  });
});
