// Search benchmark (not part of `npm test`), on a real PostgreSQL server:
//   BENCH_DATABASE_URL=postgresql://user:pw@127.0.0.1:5432/postgres npm run bench:search -- [--size 170000] [--rounds 5] [--reseed | --reindex]
// Beside the fixed sets, random 2-, 3- and 4-character substrings of the indexed text (a fresh
// seed each run, printed; --seed N replays), the grouped page order and suggestions.
// Seeds ~6 records per subject into the database `credit_search_bench` (kept between runs;
// --reseed starts over, --reindex rebuilds only the search index), rebuilds the search index (timed, with its size), then runs fixed
// query sets through the PostgreSQL engine — total, facets and first page included — and
// prints p50 / p95 per set. The machine is shared: compare medians, not single runs.
import { sql } from 'kysely';
import { openDatabase, type Db } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { loadReferenceData } from '@/server/reference/load';
import { generateCity } from '@/server/seed';
import { pruneExpiredSearchDocuments, rebuildSearchIndex } from '@/server/search/indexer';
import { withForgiveness } from '@/server/search/forgiving';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { suggestSubjectNames } from '@/server/search/suggest';
import { Random } from '@/server/seed/random';
import { withDatabaseName } from '../integration/helpers/databases';
import { benchArgs, benchDatabaseUrl, ensureBenchDatabase, percentile } from './lib';

const args = benchArgs();
const size = Number(args.get('--size') || 170_000);
const rounds = Number(args.get('--rounds') || 5);
const today = '2026-11-28';
const adminUrl = benchDatabaseUrl();
const NAME = 'credit_search_bench';
/** The random sets are drawn afresh each run unless --seed replays one. */
const seed = Number(args.get('--seed') || Date.now() % 1_000_000);

const ensureDatabase = () => ensureBenchDatabase(adminUrl, NAME, args.has('--reseed'));

async function prepare(db: Db, fresh: boolean) {
  await migrateToLatest(db);
  const docs = await db
    .selectFrom('searchDocuments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (!fresh && docs.n > 0 && !args.has('--reindex')) {
    console.log(`Reusing ${NAME}: ${docs.n.toLocaleString()} search documents (--reseed to start over).`);
    return;
  }
  if (!fresh && args.has('--reindex')) return buildIndex(db);
  await loadReferenceData(db);
  const seeded = await generateCity(db, {
    size,
    today,
    identityKeys: deriveIdentityKeys(Buffer.alloc(32, 9)),
    onProgress: (p) =>
      process.stdout.write(`\r  seeding ${p.subjectsDone.toLocaleString()} / ${size.toLocaleString()}`),
  });
  console.log(`\nSeeded ${seeded.records.toLocaleString()} records in ${(seeded.elapsedMs / 1000).toFixed(1)} s.`);
  await buildIndex(db);
}

async function buildIndex(db: Db) {
  const start = Date.now();
  const built = await rebuildSearchIndex(
    db,
    (kind, n) => process.stdout.write(`\r  indexing ${kind} ${n.toLocaleString()}   `),
    { today },
  );
  const seconds = (Date.now() - start) / 1000;
  const pruned = await pruneExpiredSearchDocuments(db, today);
  console.log(`\nPruned ${pruned.toLocaleString()} documents whose public window had ended.`);
  await sql`vacuum analyze search_documents`.execute(db);
  console.log(
    `\nIndex build: ${built.documents.toLocaleString()} documents in ${seconds.toFixed(1)} s (${Math.round(built.documents / seconds).toLocaleString()} docs/s), then VACUUM ANALYZE.`,
  );
}

/**
 * Queries nobody tuned the engine on: `n` substrings of `length` Chinese characters cut at random
 * places out of the indexed text of randomly chosen public documents, from `seed`.
 */
async function randomSubstrings(db: Db, length: number, n: number, seed: number): Promise<string[]> {
  const rng = new Random(seed * 31 + length);
  const texts = await sql<{ t: string }>`
    select search_text as t from search_documents order by md5(doc_id || ${String(seed)}) limit ${n * 4}`.execute(db);
  const out: string[] = [];
  for (const { t } of texts.rows) {
    const runs = t.match(new RegExp(`[\\u4e00-\\u9fff]{${length},}`, 'g')) ?? [];
    if (runs.length === 0) continue;
    const run = Array.from(runs[Math.floor(rng.next() * runs.length)]!);
    const at = Math.floor(rng.next() * (run.length - length + 1));
    out.push(run.slice(at, at + length).join(''));
    if (out.length === n) break;
  }
  return out;
}

async function sample(db: Db, query: string, n: number): Promise<string[]> {
  const rows = await sql<{ v: string }>`${sql.raw(query)} limit ${n}`.execute(db);
  return rows.rows.map((r) => r.v);
}

const handleTarget = async () => {
  const fresh = await ensureDatabase();
  const handle = await openDatabase({ url: withDatabaseName(adminUrl!, NAME) });
  return { handle, fresh };
};

const { handle, fresh } = await handleTarget();
const db = handle.db;
try {
  await prepare(db, fresh);
  const sizes = await sql<{ table: string; index: string; total: string; docs: number; records: number }>`
    select (select pg_size_pretty(sum(pg_relation_size(relid))) from pg_partition_tree('search_documents')) as table,
           (select pg_size_pretty(sum(pg_relation_size(relid))) from pg_partition_tree('search_documents_tsv')) as index,
           (select pg_size_pretty(sum(pg_total_relation_size(relid))) from pg_partition_tree('search_documents') where isleaf) as total,
           (select count(*) from search_documents) as docs,
           (select count(*) from penalty_records) + (select count(*) from licensing_records) as records`.execute(db);
  const s = sizes.rows[0]!;
  console.log(
    `Data: ${Number(s.records).toLocaleString()} records, ${Number(s.docs).toLocaleString()} public search documents. Size: table ${s.table}, GIN ${s.index}, total with indexes and TOAST ${s.total}.`,
  );

  const sets: Record<string, string[]> = {
    '1-character': ['店', '乐', '王', '罚', '峨', '茶', '鑫', '药'],
    '2-character': ['农业', '市中', '金顶', '火锅', '汽修', '药房', '招商', '建材'],
    '4-character': ['农业发展', '食品经营', '旅游开发', '建筑工程', '道路运输', '排污许可', '安全生产', '卫生许可'],
    'full names': await sample(
      db,
      `select name as v from subjects where kind <> 'natural_person' order by md5(id::text)`,
      12,
    ),
    // Typed with one character wrong: nothing matches, "您是否要找" looks for names one edit away.
    'full names, one character replaced': (
      await sample(
        db,
        `select name as v from subjects where kind <> 'natural_person' order by md5(id::text || 'typo')`,
        12,
      )
    ).map((name) => {
      const chars = Array.from(name);
      chars[Math.floor(chars.length / 2)] = '钅';
      return chars.join('');
    }),
    'multi-term': [
      '招商 公司',
      '峨眉山 酒店',
      '犍为 农业',
      '乐山 科技 有限',
      '市中区 火锅',
      '食品 罚款',
      '夹江 陶瓷',
      '沐川 竹',
    ],
    USCC: await sample(
      db,
      `select uscc as v from subjects where uscc is not null and uscc <> '00000000000000000X' order by md5(id::text)`,
      12,
    ),
    'document number': await sample(
      db,
      `select document_number as v from penalty_records where status = 'published' and public_until > '${today}' order by md5(id::text)`,
      12,
    ),
    'broad (>100k hits)': ['公司', '有限公司', '许可', '乐山'],
    [`random 2-character (seed ${seed})`]: await randomSubstrings(db, 2, 12, seed),
    [`random 3-character (seed ${seed})`]: await randomSubstrings(db, 3, 12, seed),
    [`random 4-character (seed ${seed})`]: await randomSubstrings(db, 4, 12, seed),
  };
  console.log(`Random sets (seed ${seed}, replay with --seed ${seed}):`);
  for (const [name, qs] of Object.entries(sets))
    if (name.startsWith('random')) console.log(`  ${name}: ${qs.join(' ')}`);
  // As the portal searches: with forgiveness around the engine.
  const engine = withForgiveness(db, createPostgresSearchEngine(db));
  // Warm up caches once over every query.
  for (const qs of Object.values(sets)) for (const q of qs) await engine.search({ q }, today);

  console.log('\n| query set | queries | p50 ms | p95 ms | median total | exact totals |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, qs] of Object.entries(sets)) {
    const times: number[] = [];
    const totals: number[] = [];
    let exact = 0;
    for (let r = 0; r < rounds; r++) {
      for (const q of qs) {
        const t0 = performance.now();
        const result = await engine.search({ q }, today);
        times.push(performance.now() - t0);
        if (r === 0) {
          totals.push(result.total);
          if (result.totalIsExact) exact++;
        }
      }
    }
    console.log(
      `| ${name} | ${qs.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(totals, 50).toLocaleString()} | ${exact}/${qs.length} |`,
    );
  }

  // The portal's engine keeps the capped summaries of broad queries until public data changes
  // (server/http/summary-cache.ts): the same sets again, each query's summary made once.
  const portal = withForgiveness(db, createPostgresSearchEngine(db, { cacheSummaries: true }));
  for (const qs of Object.values(sets)) for (const q of qs) await portal.search({ q }, today);
  for (const name of Object.keys(sets)) {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++)
      for (const q of sets[name]!) {
        const t0 = performance.now();
        await portal.search({ q }, today);
        times.push(performance.now() - t0);
      }
    console.log(
      `| ${name}, broad summaries kept | ${sets[name]!.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | | |`,
    );
  }

  // The /search page's relevance order: one card per subject.
  for (const name of ['2-character', `random 2-character (seed ${seed})`, 'full names']) {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++)
      for (const q of sets[name]!) {
        const t0 = performance.now();
        await engine.search({ q, group: 'subject' }, today);
        times.push(performance.now() - t0);
      }
    console.log(
      `| ${name}, grouped by subject | ${sets[name]!.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | | |`,
    );
  }
  // As-you-type suggestions: the first 1, 2 and 3 characters of subject names.
  const prefixes = sets['full names']!.flatMap((n) => [1, 2, 3].map((k) => Array.from(n).slice(0, k).join('')));
  const suggestTimes: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of prefixes) {
      const t0 = performance.now();
      await suggestSubjectNames(db, q, today);
      suggestTimes.push(performance.now() - t0);
    }
  console.log(
    `| suggestions (1–3 characters) | ${prefixes.length} | ${percentile(suggestTimes, 50).toFixed(1)} | ${percentile(suggestTimes, 95).toFixed(1)} | | |`,
  );

  // How many documents the broad queries really match (not capped), to show they are broad.
  for (const q of sets['broad (>100k hits)']!) {
    const n = await sql<{
      n: number;
    }>`select count(*) as n from search_documents where search_text like ${'%' + q + '%'}`.execute(db);
    console.log(`  "${q}" matches ${n.rows[0]!.n.toLocaleString()} documents in all`);
  }
  // Second page and a deep page of a broad query, and a filtered one.
  for (const [label, request] of [
    ['broad, page 2', { q: '公司', page: 2 }],
    ['broad, page 200', { q: '公司', page: 200 }],
    ['broad, sort by date', { q: '公司', sort: 'date' as const }],
    ['broad + 2 filters', { q: '公司', kinds: ['penalty' as const], years: [2025] }],
  ] as const) {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      await engine.search(request, today);
      times.push(performance.now() - t0);
    }
    console.log(`  ${label}: p50 ${percentile(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
  }
} finally {
  await handle.close();
}
