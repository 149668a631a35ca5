// `npm run migrate`: apply pending migrations to the configured database and say what ran.
import { defaultTarget, openDatabase } from '../server/db/client';
import { migrateToLatest } from '../server/db/migrate';

const handle = await openDatabase(defaultTarget());
try {
  const result = await migrateToLatest(handle.db);
  const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `已应用迁移：\n  ${applied.join('\n  ')}` : '数据库已是最新结构，无需迁移。');
} finally {
  await handle.close();
}
