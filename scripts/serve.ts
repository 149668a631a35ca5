// `npm run serve`: production start of one portal instance (deploy/README.md). Unlike
// `npm start` it never seeds demo data and never builds: the image is built once
// (`npm run build`) and every instance runs the same build. It applies pending migrations
// (the migrator holds a lock, so several instances starting at once are safe), loads the
// reference data, and serves on PORT: on as many processes as `npm start` would
// (WEB_CONCURRENCY; one per core unless set, server/http/workers.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { config } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrateToLatest } from '../server/db/migrate';
import { loadReferenceData } from '../server/reference/load';
import { runServers } from './lib/run-server';

const cfg = (() => {
  try {
    return config();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
})();

async function prepare() {
  const problems: string[] = [];
  if (!cfg.DATABASE_URL) problems.push('DATABASE_URL：生产部署必须使用 PostgreSQL 服务器 (required in production)');
  if (!cfg.IDENTITY_KEY) {
    problems.push(
      'IDENTITY_KEY：生产部署必须设置身份证号加密密钥，所有实例相同 (required: the same secret on every instance)',
    );
  }
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    problems.push('未找到构建结果：请先运行 npm run build (no build found: run `npm run build` first)');
  }
  if (problems.length) {
    console.error(`无法启动 (cannot start):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }

  const handle = await openDatabase({ url: cfg.DATABASE_URL! });
  try {
    const migrated = await migrateToLatest(handle.db);
    const applied = migrated.results?.filter((r) => r.status === 'Success').length ?? 0;
    console.log(`迁移完成：新应用 ${applied} 个迁移`);
    await loadReferenceData(handle.db);
  } finally {
    await handle.close();
  }
}

await runServers({
  prepare,
  graceMs: 10_000,
  onReady: (processes) =>
    console.log(`信用乐山实例已启动，端口 ${cfg.PORT}${processes > 1 ? `，${processes} 个服务进程` : ''}`),
});
