// npm run seed -- --size N [--seed S] [--reset] [--today YYYY-MM-DD]
// Generates a believable city into the default database (DATABASE_URL, else the embedded PGlite).

import { sql } from 'kysely';
import { defaultTarget, openDatabase, type Db } from '../server/db/client';
import { migrateToLatest } from '../server/db/migrate';
import { loadReferenceData } from '../server/reference/load';
import { DEFAULT_SEED, generateCity } from '../server/seed';
import { pruneExpiredSearchDocuments, rebuildSearchIndex } from '../server/search/indexer';

interface Args {
  size: number;
  seed: string;
  reset: boolean;
  today?: string;
}

const USAGE = '用法：npm run seed -- --size 5000 [--seed leshan] [--reset] [--today 2026-06-30]';

function parseArgs(argv: readonly string[]): Args {
  let size: number | undefined;
  let seed = DEFAULT_SEED;
  let reset = false;
  let today: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} 需要一个值。${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--size':
        size = Number(value().replaceAll('_', ''));
        break;
      case '--seed':
        seed = value();
        break;
      case '--today':
        today = value();
        break;
      case '--reset':
        reset = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`不认识的参数“${arg}”。${USAGE}`);
    }
  }
  if (size === undefined || !Number.isInteger(size) || size < 1)
    throw new Error(`请用 --size 给出主体数量（正整数）。${USAGE}`);
  return { size, seed, reset, ...(today === undefined ? {} : { today }) };
}

/** Tables whose rows the generator writes, and those that refer to them. audit_log is append-only and left alone. */
const GENERATED_TABLES = [
  'exposure_cases',
  'list_entry_measures',
  'list_entries',
  'application_attachments',
  'application_events',
  'applications',
  'issued_reports',
  'penalty_records',
  'licensing_records',
  'subjects',
  'identity_numbers',
  'search_document_contents',
  'search_documents',
  'search_outbox',
  'lifecycle_transitions',
];

async function resetGenerated(db: Db): Promise<void> {
  await sql`truncate table ${sql.raw(GENERATED_TABLES.join(', '))} restart identity`.execute(db);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const target = defaultTarget();
  const where =
    'url' in target
      ? target.url.replace(/\/\/[^@/]*@/, '//***@')
      : 'pgliteDir' in target
        ? `PGlite ${target.pgliteDir}`
        : 'PGlite (memory)';
  console.log(`数据库：${where}`);
  const handle = await openDatabase(target);
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const reference = await loadReferenceData(db);
    console.log(
      `参考数据：${reference.divisions} 个行政区划，${reference.departments} 个部门，${reference.catalogItems} 项目录清单`,
    );

    const existing = await db
      .selectFrom('subjects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) {
      if (!args.reset) {
        console.error(
          `数据库中已有 ${fmt(Number(existing.n))} 个信用主体。如需清空生成的数据后重新生成，请加 --reset（审计日志不会被删除）。`,
        );
        process.exitCode = 1;
        return;
      }
      console.log('清空已生成的数据（审计日志保留）……');
      await resetGenerated(db);
    }

    console.log(`生成：${fmt(args.size)} 个主体，种子 “${args.seed}”${args.today ? `，今天 = ${args.today}` : ''}`);
    const result = await generateCity(db, {
      size: args.size,
      seed: args.seed,
      ...(args.today === undefined ? {} : { today: args.today }),
      onProgress: (p) => {
        const pct = ((100 * p.subjectsDone) / p.size).toFixed(0).padStart(3);
        console.log(
          `  ${pct}%  ${fmt(p.subjectsDone)}/${fmt(p.size)} 主体  ${fmt(p.rows)} 行  ${(p.elapsedMs / 1000).toFixed(1)} s  ${fmt(p.rowsPerSecond)} 行/秒`,
        );
      },
    });
    const c = result.counts;
    console.log('完成：');
    console.log(`  信用主体        ${fmt(c.subjects)}`);
    console.log(`  行政许可        ${fmt(c.licensingRecords)}`);
    console.log(`  行政处罚        ${fmt(c.penaltyRecords)}`);
    console.log(`  名单条目        ${fmt(c.listEntries)}（措施 ${fmt(c.listEntryMeasures)}）`);
    console.log(`  曝光案例        ${fmt(c.exposureCases)}`);
    console.log(`  受保护身份证号  ${fmt(c.identityNumbers)}`);
    console.log(
      `  合计 ${fmt(result.rows)} 行（双公示记录 ${fmt(result.records)} 条），用时 ${(result.elapsedMs / 1000).toFixed(1)} s，${fmt(result.rowsPerSecond)} 行/秒，${fmt(result.records / (result.elapsedMs / 1000))} 条记录/秒`,
    );
    const indexStart = Date.now();
    const index = await rebuildSearchIndex(db);
    await pruneExpiredSearchDocuments(db, result.today);
    const indexSeconds = (Date.now() - indexStart) / 1000;
    console.log(
      `  搜索索引 ${fmt(index.documents)} 个文档，用时 ${indexSeconds.toFixed(1)} s，${fmt(index.documents / indexSeconds)} 个/秒`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
