// `npm start`: one command from a fresh clone to a running portal.
//   1. migrate the database (embedded PGlite in ./data unless DATABASE_URL is set),
//   2. load the reference data and, on an empty database, the demo city,
//   3. build the Next app when the sources changed since the last build,
//   4. serve on PORT (3000).
// The embedded database may be opened by one process only, so steps 1–2 close it before
// the server opens it again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../server/config';
import { defaultTarget, openDatabase } from '../server/db/client';
import { migrateToLatest } from '../server/db/migrate';
import { seedDemoIfEmpty } from '../server/seed';
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

function serve() {
  const port = String(config().PORT);
  const server = spawn(process.execPath, [NEXT_BIN, 'start', '-p', port], {
    stdio: 'inherit',
    env: process.env,
  });
  console.log(`\n信用乐山已启动：http://localhost:${port}/ （准备用时 ${elapsed()}）\n`);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

await prepareDatabase();
buildIfNeeded();
serve();
