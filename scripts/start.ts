// `npm start`: one command from a fresh clone to a running portal.
//   1. migrate the database (embedded PGlite in ./data unless DATABASE_URL is set),
//   2. load the reference data and, on an empty database, the demo city,
//   3. build the Next app when the sources changed since the last build,
//   4. serve on PORT (3000), public pages through the micro-cache (server/http/): on a
//      PostgreSQL server in one process per core (WEB_CONCURRENCY, server/http/workers.ts).
// The embedded database may be opened by one process only, so steps 1–2 close it before
// the server opens it again.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../server/config';
import { ensureDemoCertificate } from '../server/reports/signing-certificate';
import { prepareDatabase } from './lib/prepare';
import { runServers } from './lib/run-server';
import { sourceFingerprint } from './lib/fingerprint';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
process.env.NEXT_TELEMETRY_DISABLED = '1';

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

const ready = () => console.log(`\n信用乐山已启动：http://localhost:${config().PORT}/ （准备用时 ${elapsed()}）\n`);

function ensureReportCertificate() {
  const made = ensureDemoCertificate();
  if (made) {
    console.log(
      `未设置 REPORT_SIGNING_P12：已生成自签名演示证书 ${path.relative(process.cwd(), made)}，PDF 信用报告将注明“本报告使用演示证书签名，仅供测试”。`,
    );
  } else if (!config().REPORT_SIGNING_P12) {
    console.log('PDF 信用报告使用 ./data 中的演示证书签名（未设置 REPORT_SIGNING_P12）');
  }
}

await runServers({
  prepare: async () => {
    await prepareDatabase(elapsed);
    ensureReportCertificate();
    buildIfNeeded();
  },
  graceMs: 3_000,
  onReady: ready,
});
