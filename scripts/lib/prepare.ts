// Step 1–2 of `npm start` (also run by deploy/local-cluster.sh --demo through scripts/prepare.ts):
// migrate, load the reference data and, on an empty database, the demo city, its staff
// accounts and API keys. Closes the database afterwards (PGlite admits one process).
import path from 'node:path';
import { config } from '../../server/config';
import { defaultTarget, openDatabase } from '../../server/db/client';
import { migrateToLatest } from '../../server/db/migrate';
import { seedDemoIfEmpty } from '../../server/seed';
import { demoApiKeys } from '../../server/api-keys/service';
import { identityKeys } from '../../server/identities/keys';

export async function prepareDatabase(elapsed: () => string): Promise<void> {
  const cfg = config();
  // Migrations and the seed write: never through a read replica.
  const { replicaUrl: _replica, ...target } = defaultTarget() as ReturnType<typeof defaultTarget> & {
    replicaUrl?: string;
  };
  console.log(
    'url' in target
      ? '数据库：PostgreSQL（DATABASE_URL）'
      : `数据库：内置 PGlite（${path.relative(process.cwd(), cfg.pgliteDir)}）`,
  );
  const handle = await openDatabase(target);
  try {
    const migrated = await migrateToLatest(handle.db);
    const applied = migrated.results?.filter((r) => r.status === 'Success').length ?? 0;
    console.log(`迁移完成：新应用 ${applied} 个迁移（${elapsed()}）`);
    const seeded = await seedDemoIfEmpty(handle.db);
    if (seeded.reindexed !== null) console.log(`已重建搜索索引：${seeded.reindexed} 条公示信息（${elapsed()}）`);
    console.log(
      seeded.generated ? `已生成演示数据：${seeded.summary}（${elapsed()}）` : `沿用已有数据：${seeded.summary}`,
    );
    const keys = await demoApiKeys(handle.db, identityKeys().hmac, { create: seeded.generated !== null });
    if (keys.length > 0) {
      console.log('演示部门 API 密钥（POST /api/v1/disclosures 与 npm run import -- --key）：');
      for (const k of keys) console.log(`  ${k.departmentCode.padEnd(8)} ${k.key}  ${k.departmentName}`);
    }
    if (seeded.staff.length > 0) {
      console.log('工作人员后台 /admin 演示账号（仅供演示，正式部署前请删除或修改密码）：');
      for (const a of seeded.staff)
        console.log(`  ${a.username.padEnd(8)} 密码 ${a.password.padEnd(18)} ${a.displayName}`);
    }
  } finally {
    await handle.close();
  }
}
