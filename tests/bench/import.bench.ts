// Import throughput (not part of `npm test`):
//   npm run bench:import -- [--rows 100000] [--db postgres|pglite] [--runs 3]
// Writes a generated penalty CSV of `rows` rows (every row a new company, one in ten a person,
// every party distinct, every row valid: the file is 乐山市市场监督管理局's own, as SPEC §3
// requires — a run with refused rows measures the wrong thing, so it stops),
// then imports it with search kept in sync: into an in-memory PGlite and, with
// BENCH_DATABASE_URL (a role that may CREATE DATABASE), into a scratch database on PostgreSQL.
// A second import of the same file measures the idempotent path (every row unchanged).
// Each run starts from an empty database; the first import's time per phase is printed
// (database phases run on one connection while the next batch is read and validated in Node).
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseTarget, type DbHandle } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { importFile } from '@/server/imports/service';
import { loadReferenceData } from '@/server/reference/load';
import { dropDatabase, withDatabaseName } from '../integration/helpers/databases';
import { PENALTY_HEADERS, penaltyRow, toCsv } from '../integration/imports/sample';
import { makeResidentId } from '@/server/rules/idcard';
import { addDays } from '@/server/rules/dates';
import { collectImportPhases, stopCollectingImportPhases } from '@/server/perf/phases';
import { benchArgs, median } from './lib';

const args = benchArgs();
const rows = Number(args.get('--rows') ?? 100_000);
const runs = Number(args.get('--runs') ?? 1);
const today = '2026-11-28';

const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-bench-')), 'penalties.csv');
const lines: Record<string, string>[] = [];
/** A distinct resident ID per row: 1,000 sequence numbers per birth date. */
const personId = (i: number) =>
  makeResidentId({ division: '511102', birthDate: addDays('1970-01-01', Math.floor(i / 1000)), sequence: i % 1000 });
for (let i = 1; i <= rows; i++) {
  lines.push(
    i % 10 === 0
      ? penaltyRow(i, { CF_XDR_LB: '自然人', CF_XDR_MC: `王${i}`, CF_XDR_SHXYM: '', CF_XDR_ZJHM: personId(i) })
      : penaltyRow(i),
  );
}
writeFileSync(file, toCsv(lines, PENALTY_HEADERS));
console.log(
  `${rows.toLocaleString()} rows, ${((Buffer.byteLength(toCsv(lines.slice(0, 1))) * rows) / 1e6).toFixed(0)} MB approx: ${file}`,
);

const results = new Map<string, number[]>();
const cpu = new Map<string, number[]>();

/**
 * CPU seconds used so far by the server processes of this database's connections: less
 * sensitive than wall time to other work on a shared machine. Null unless the server is local
 * (its processes in /proc) — never for PGlite.
 */
async function serverCpuSeconds(handle: DbHandle): Promise<number | null> {
  if (handle.kind !== 'postgres') return null;
  const found = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(handle.db);
  let ticks = 0;
  for (const { pid } of found.rows) {
    try {
      // utime and stime are fields 14 and 15, after the parenthesised command name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  }
  return ticks / 100;
}

function printPhases(phases: Map<string, number>, seconds: number) {
  const line = (name: string, ms: number) =>
    console.log(
      `    ${name.padEnd(62)} ${(ms / 1000).toFixed(2).padStart(7)} s ${((ms * 1000) / rows).toFixed(0).padStart(5)} µs/row ${((ms / 10 / seconds) | 0).toString().padStart(3)} %`,
    );
  for (const [name, ms] of [...phases].sort(([a], [b]) => a.localeCompare(b))) line(name, ms);
  const db = [...phases].filter(([n]) => n.startsWith('db:') && !n.includes(' — ')).reduce((a, [, ms]) => a + ms, 0);
  line('= all database phases (sequential on the connection)', db);
}

async function run(label: string, target: DatabaseTarget) {
  const handle = await openDatabase(target);
  try {
    await migrateToLatest(handle.db);
    await loadReferenceData(handle.db);
    const dept = await handle.db
      .selectFrom('departments')
      .select('id')
      .where('name', '=', penaltyRow(1).CF_CFJG!)
      .executeTakeFirstOrThrow();
    for (const pass of ['preview', 'first', 'again'] as const) {
      const cpuBefore = await serverCpuSeconds(handle);
      const nodeBefore = process.cpuUsage();
      const phases = collectImportPhases();
      const started = performance.now();
      const summary = await importFile(
        handle.db,
        { name: 'penalties.csv', bytes: createReadStream(file) },
        {
          departmentId: dept.id,
          channel: 'cli',
          mode: pass === 'preview' ? 'preview' : 'commit',
          today,
          actor: { type: 'system', id: null, label: 'bench' },
        },
      );
      const seconds = (performance.now() - started) / 1000;
      stopCollectingImportPhases();
      const node = process.cpuUsage(nodeBefore);
      const nodeCpu = (node.user + node.system) / 1e6;
      const cpuAfter = await serverCpuSeconds(handle);
      const key = `${label} ${pass}`;
      results.set(key, [...(results.get(key) ?? []), summary.totalRows / seconds]);
      console.log(
        `${label} ${pass}: ${summary.status}, created ${summary.created}, unchanged ${summary.unchanged}, errors ${summary.errorRows} — ${seconds.toFixed(1)} s, ${Math.round(summary.totalRows / seconds).toLocaleString()} rows/s`,
      );
      const perRow = (s: number) => `${((s * 1e6) / summary.totalRows).toFixed(0)} µs/row`;
      const serverCpu = cpuAfter === null || cpuBefore === null ? null : cpuAfter - cpuBefore;
      if (serverCpu !== null) cpu.set(key, [...(cpu.get(key) ?? []), serverCpu]);
      console.log(
        `  CPU: Node ${nodeCpu.toFixed(1)} s (${perRow(nodeCpu)}${label === 'PGlite' ? ', PGlite runs inside it' : ''})` +
          (serverCpu === null ? '' : `, PostgreSQL backends ${serverCpu.toFixed(1)} s (${perRow(serverCpu)})`),
      );
      printPhases(phases, seconds);
      if (summary.errorRows > 0) throw new Error(`${summary.errorRows} rows refused: the bench file must be valid`);
    }
  } finally {
    await handle.close();
  }
}

for (let i = 0; i < runs; i++) if (args.get('--db') !== 'postgres') await run('PGlite', { memory: true });
const url = process.env.BENCH_DATABASE_URL;
if (args.get('--db') === 'pglite') {
  // PGlite only.
} else if (url) {
  for (let i = 0; i < runs; i++) await runPostgres(url);
} else {
  console.log('PostgreSQL skipped: set BENCH_DATABASE_URL');
}
for (const [key, values] of results) {
  const seconds = cpu.get(key);
  console.log(
    `median of ${values.length}: ${key} ${Math.round(median(values)).toLocaleString()} rows/s (${values.map((v) => Math.round(v)).join(', ')})` +
      (seconds
        ? `; PostgreSQL CPU ${median(seconds).toFixed(1)} s (${seconds.map((v) => v.toFixed(1)).join(', ')})`
        : ''),
  );
}

async function runPostgres(adminUrl: string) {
  const name = `credit_import_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  try {
    await run('PostgreSQL', { url: withDatabaseName(adminUrl, name) });
  } finally {
    await dropDatabase(adminUrl, name);
  }
}
