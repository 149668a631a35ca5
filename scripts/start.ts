// `npm start`: one command from a fresh clone to a running portal.
//   1. migrate the database (embedded PGlite in ./data unless DATABASE_URL is set),
//   2. load the reference data and, on an empty database, the demo city,
//   3. build the Next app when the sources changed since the last build,
//   4. serve on PORT (3000), public pages through the micro-cache (server/http/).
// The embedded database may be opened by one process only, so steps 1–2 close it before
// the server opens it again.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../server/config';
import { defaultTarget, openDatabase } from '../server/db/client';
import { migrateToLatest } from '../server/db/migrate';
import { startHttpServer } from '../server/http/serve';
import { seedDemoIfEmpty } from '../server/seed';
import { demoApiKeys } from '../server/api-keys/service';
import { identityKeys } from '../server/identities/keys';
import { sourceFingerprint } from './lib/fingerprint';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
process.env.NEXT_TELEMETRY_DISABLED = '1';

async function prepareDatabase() {
  const cfg = config();
  const target = defaultTarget();
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

function buildIfNeeded() {
  const stamp = path.join('.next', 'source-fingerprint');
  const fingerprint = sourceFingerprint(process.cwd());
  const built =
    existsSync(path.join('.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
  if (built) {
    console.log('使用已有构建（源文件未变）');
    return;
  }
  console.log('正在构建网站（next build）…');
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error('构建失败，请查看上面的错误信息。');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, fingerprint);
  console.log(`构建完成（${elapsed()}）`);
}

const NEXT_BIN = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

async function serve() {
  const port = config().PORT;
  const server = await startHttpServer({ port, dir: process.cwd(), trustedProxies: config().TRUSTED_PROXIES });
  console.log(`\n信用乐山已启动：http://localhost:${port}/ （准备用时 ${elapsed()}）\n`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await prepareDatabase();
buildIfNeeded();
await serve();
