import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';

// Migrations are listed in code (not read from a folder) so that the Next server bundle
// carries them and no file-system scan is needed at run time.
// Migrations are independent and come from parallel feature branches: a database that already
// applied a later-named one still gets an earlier-named one that arrived after it.
export function migrator<DB>(db: Kysely<DB>, list: Record<string, Migration> = migrations): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => list },
    allowUnorderedMigrations: true,
  });
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`数据库迁移失败${failed ? `（${failed}）` : ''}: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

/** Names of migrations that exist in code but are not applied yet. */
export async function pendingMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
