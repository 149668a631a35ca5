// `npm run serve`: production start of one portal instance (deploy/README.md). Unlike
// `npm start` it never seeds demo data and never builds: the image is built once
// (`npm run build`) and every instance runs the same build. It applies pending migrations
// (the migrator holds a lock, so several instances starting at once are safe), loads the
// reference data, and serves on PORT.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { config } from '../server/config';
import { openDatabase } from '../server/db/client';
import { migrateToLatest } from '../server/db/migrate';
import { startHttpServer } from '../server/http/serve';
import { loadReferenceData } from '../server/reference/load';

const problems: string[] = [];
const cfg = (() => {
  try {
    return config();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
})();
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

const server = await startHttpServer({
  port: cfg.PORT,
  dir: process.cwd(),
  trustedProxies: cfg.TRUSTED_PROXIES,
  databaseUrl: cfg.DATABASE_URL,
});
console.log(`信用乐山实例已启动，端口 ${cfg.PORT}`);
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
