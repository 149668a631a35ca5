// `npm run import -- --department CODE FILE [--dry-run]`: imports a department's CSV or XLSX
// file (SPEC §3 field codes or their Chinese names as headers).
//   - PostgreSQL (DATABASE_URL): straight into the database, even while the portal runs.
//   - Embedded PGlite: only one process may open it. When the portal holds it (its
//     postmaster.pid exists), the file is handed to the running portal's import endpoint with
//     the department's API key (--key or IMPORT_API_KEY); otherwise the database is opened here.
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../server/config';
import { defaultTarget, openDatabase } from '../server/db/client';
import { migrateToLatest } from '../server/db/migrate';
import { departmentByCode, importFile, ImportFileError, type ImportSummary } from '../server/imports/service';
import { todayInShanghai } from '../server/rules/dates';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    department: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    key: { type: 'string' },
    url: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const fileArg = positionals[0];
if (!values.department || !fileArg) {
  fail(
    '用法 (usage)：npm run import -- --department 部门代码 文件.csv|文件.xlsx [--dry-run]\n' +
      '  --dry-run  只校验并列出错误行，不写入 (validate only)\n' +
      '  --key      部门 API 密钥，门户运行中且使用内置数据库时需要 (API key, needed when the portal holds the embedded database)',
  );
}
const file: string = fileArg;
if (!existsSync(file)) fail(`找不到文件：${file}\nFile not found: ${file}`);
const size = statSync(file).size;
const mode = values['dry-run'] ? 'preview' : 'commit';
const started = Date.now();

/** A progress bar on stderr, driven by the bytes read so far. */
function progress(readBytes: () => number) {
  let last = 0;
  return (rows: number) => {
    const now = Date.now();
    if (now - last < 200 && readBytes() < size) return;
    last = now;
    const ratio = size ? Math.min(1, readBytes() / size) : 1;
    const width = 30;
    const done = Math.round(ratio * width);
    const rate = Math.round(rows / Math.max(0.001, (now - started) / 1000));
    process.stderr.write(
      `\r[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en-US')} 行  ${rate.toLocaleString('en-US')} 行/秒 `,
    );
  };
}

function report(summary: ImportSummary & { ignoredHeaders?: string[] }) {
  process.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  const verb =
    summary.status === 'previewed' ? '校验完成（未写入）' : summary.status === 'committed' ? '导入完成' : '导入失败';
  console.log(
    `${verb}：共 ${summary.totalRows} 行，新增 ${summary.created}，更新 ${summary.updated}，未变 ${summary.unchanged}，错误 ${summary.errorRows}（${seconds.toFixed(1)} 秒，${Math.round(summary.totalRows / Math.max(seconds, 0.001))} 行/秒）。批次号 ${summary.importId}`,
  );
  if (summary.ignoredHeaders?.length) console.log(`已忽略无法识别的列：${summary.ignoredHeaders.join('、')}`);
  if (summary.failure) console.log(summary.failure);
  for (const e of summary.errors.slice(0, 30)) console.log(`  第${e.rowNumber}行 ${e.field ?? ''}：${e.message}`);
  if (summary.errors.length > 30)
    console.log(`  ……另有 ${summary.errors.length - 30} 条错误，完整错误报告见导入历史（批次 ${summary.importId}）。`);
  for (const w of summary.warnings.slice(0, 10)) console.log(`  提示 第${w.rowNumber}行：${w.message}`);
  if (summary.status !== 'failed' && summary.errorRows > 0)
    console.error(`有 ${summary.errorRows} 行被拒绝，退出码 2（${summary.errorRows} rows refused, exit code 2）。`);
  process.exit(exitCode(summary));
}

/**
 * 0 only when every row was accepted: 1 when the import failed, 2 when some rows were refused
 * (also on a dry run), so a script or scheduler running the import notices refused rows.
 */
function exitCode(summary: ImportSummary): number {
  if (summary.status === 'failed') return 1;
  return summary.errorRows > 0 ? 2 : 0;
}

/** The file's bytes, counted as they are read (a 'data' listener would race the consumer). */
function countedBytes() {
  let read = 0;
  const bytes = (async function* () {
    for await (const chunk of createReadStream(file)) {
      read += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  })();
  return { bytes, read: () => read };
}

/** True when a portal answers on this machine's port: it may open the embedded database at any moment. */
async function portalAnswers(): Promise<boolean> {
  try {
    const response = await fetch(`${values.url ?? `http://localhost:${config().PORT}`}/api/health`, {
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function handToPortal() {
  const cfg = config();
  const base = values.url ?? `http://localhost:${cfg.PORT}`;
  const key = values.key ?? process.env.IMPORT_API_KEY;
  const how =
    `内置数据库（${cfg.pgliteDir}）正被运行中的门户占用，只能由门户导入。\n` +
    `The embedded database is held by the running portal; only the portal can import into it.\n\n` +
    `  1. 用部门 API 密钥交给门户导入 (hand the file to the portal with the department's API key):\n` +
    `     npm run import -- --department ${values.department} --key <密钥 key> ${file}\n` +
    `     （npm start 启动时会打印演示部门的密钥 / npm start prints the demo keys）\n` +
    `  2. 或先停止门户再运行本命令 (or stop the portal and run this command again).\n` +
    `  如果门户并未运行，可能是上次异常退出：删除 ${path.join(cfg.pgliteDir, 'postmaster.pid')} 后重试。\n` +
    `  (If the portal is not running, a crashed process left the lock behind: delete that file and retry.)`;
  if (!key) fail(how);
  const { bytes, read } = countedBytes();
  const bar = progress(read);
  const timer = setInterval(() => bar(0), 300);
  let response: Response;
  try {
    response = await fetch(`${base}/api/v1/imports?mode=${mode}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'x-file-name': encodeURIComponent(path.basename(file)) },
      body: bytes as unknown as BodyInit,
      duplex: 'half',
    } as RequestInit);
  } catch {
    clearInterval(timer);
    fail(`无法连接门户 ${base}（Cannot reach the portal at ${base}）。\n\n${how}`);
  }
  clearInterval(timer);
  const body = (await response.json()) as ImportSummary & { detail?: string };
  if (!response.ok) fail(`门户拒绝了导入（HTTP ${response.status}）：${body.detail ?? ''}`);
  console.log(`已交给运行中的门户导入 (${base})。`);
  report(body);
}

async function importHere() {
  const target = defaultTarget();
  const handle = await openDatabase(target);
  try {
    await migrateToLatest(handle.db);
    const dept = await departmentByCode(handle.db, values.department!);
    if (!dept) fail(`没有代码为“${values.department}”的部门（unknown department code）。`);
    const { bytes, read } = countedBytes();
    const summary = await importFile(
      handle.db,
      { name: path.basename(file), bytes },
      {
        departmentId: dept.id,
        channel: 'cli',
        mode,
        today: todayInShanghai(),
        actor: { type: 'system', id: null, label: `命令行导入（${dept.name}）` },
        onProgress: progress(read),
      },
    );
    report(summary);
  } catch (err) {
    if (err instanceof ImportFileError) fail(`\n${err.message}`);
    throw err;
  } finally {
    await handle.close();
  }
}

const target = defaultTarget();
// The portal opens the embedded database on its first request, so a running portal counts even
// before its lock file appears.
if ('pgliteDir' in target && (existsSync(path.join(target.pgliteDir, 'postmaster.pid')) || (await portalAnswers()))) {
  await handToPortal();
} else await importHere();
