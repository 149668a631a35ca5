// 双公示 list benchmark (not part of `npm test`), on a real PostgreSQL server:
//   BENCH_DATABASE_URL=postgresql://user:pw@127.0.0.1:5432/postgres npx tsx tests/bench/disclosures.bench.ts -- [--size 170000] [--rounds 5] [--reseed] [--database NAME]
// Seeds ~6 records per subject (no search index: the lists do not use it) into the database
// `credit_disclosures_bench` (kept between runs; --reseed starts over), then times what a
// list page asks — the exact total, one page and the facet counts — per filter and order, and a 10,000-row CSV export.
// Prints p50 / p95 in ms. The machine is shared: compare medians, not single runs.
import { sql } from 'kysely';
import { openDatabase, type Db } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { loadReferenceData } from '@/server/reference/load';
import { generateCity } from '@/server/seed';
import type { DisclosureFilters, DisclosureKind, DisclosureSort } from '@/server/disclosures/filters';
import { countPenalties } from '@/server/disclosures/repository';
import { exportDisclosures, getFilterOptions, listDisclosures } from '@/server/disclosures/service';
import { withDatabaseName } from '../integration/helpers/databases';
import { benchArgs, benchDatabaseUrl, ensureBenchDatabase, percentile } from './lib';

const args = benchArgs();
const size = Number(args.get('--size') || 170_000);
const rounds = Number(args.get('--rounds') || 5);
const today = '2026-11-28';
const adminUrl = benchDatabaseUrl();
const NAME = args.get('--database') || 'credit_disclosures_bench';

const ensureDatabase = () => ensureBenchDatabase(adminUrl, NAME, args.has('--reseed'));

async function prepare(db: Db, fresh: boolean) {
  await migrateToLatest(db);
  const { n } = await db
    .selectFrom('penaltyRecords')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (!fresh && n > 0) {
    console.log(`Reusing ${NAME} (--reseed to start over).`);
    return;
  }
  await loadReferenceData(db);
  const seeded = await generateCity(db, {
    size,
    today,
    identityKeys: deriveIdentityKeys(Buffer.alloc(32, 9)),
    onProgress: (p) =>
      process.stdout.write(`\r  seeding ${p.subjectsDone.toLocaleString()} / ${size.toLocaleString()}`),
  });
  console.log(`\nSeeded ${seeded.records.toLocaleString()} records in ${(seeded.elapsedMs / 1000).toFixed(1)} s.`);
  await sql`vacuum analyze`.execute(db);
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the cache once; the shared machine makes cold numbers noise
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return ms;
}

const fresh = await ensureDatabase();
const handle = await openDatabase({ url: withDatabaseName(adminUrl, NAME) });
const db = handle.db;
try {
  await prepare(db, fresh);
  const counts = await sql<{ penalties: number; licences: number }>`
    select (select count(*) from penalty_records)::int as penalties, (select count(*) from licensing_records)::int as licences`.execute(
    db,
  );
  console.log(
    `Data: ${counts.rows[0]!.penalties.toLocaleString()} penalty rows, ${counts.rows[0]!.licences.toLocaleString()} licensing rows.`,
  );
  const rare = await sql<{ code: string }>`
    select d.code from departments d join penalty_records p on p.department_id = d.id
    group by d.code order by count(*) asc limit 1`.execute(db);
  const rareDept = rare.rows[0]?.code ?? 'fgw';
  const doc = await sql<{ d: string }>`
    select document_number as d from penalty_records where status = 'published' and public_until > ${today}::date
    order by id desc limit 1`.execute(db);

  const cases: [string, DisclosureKind, DisclosureFilters, number?, DisclosureSort?][] = [
    ['penalties, no filter', 'penalty', {}],
    ['penalties, no filter, page 200', 'penalty', {}, 200],
    ['penalties, department scjg', 'penalty', { department: ['scjg'] }],
    [`penalties, rarest department (${rareDept})`, 'penalty', { department: [rareDept] }],
    ['penalties, division 金口河区', 'penalty', { division: ['511113'] }],
    ['penalties, category 行政拘留', 'penalty', { category: ['行政拘留'] }],
    ['penalties, category 罚款', 'penalty', { category: ['罚款'] }],
    ['penalties, one month', 'penalty', { from: '2026-03-01', to: '2026-03-31' }],
    [
      'penalties, department + division + category + year',
      'penalty',
      {
        department: [rareDept],
        division: ['511113'],
        category: ['罚款'],
        from: '2025-01-01',
        to: '2025-12-31',
      },
    ],
    ['penalties, keyword (company word)', 'penalty', { q: '峨眉山' }],
    ['penalties, keyword (document number)', 'penalty', { q: doc.rows[0]?.d ?? '乐市监处罚' }],
    ['penalties, no filter, fine high→low', 'penalty', {}, 1, 'fine-desc'],
    ['penalties, no filter, fine low→high, page 200', 'penalty', {}, 200, 'fine-asc'],
    ['penalties, no filter, oldest first', 'penalty', {}, 1, 'date-asc'],
    [
      'penalties, 2 departments + 2 categories, fine high→low',
      'penalty',
      { department: ['scjg', rareDept], category: ['罚款', '警告'] },
      1,
      'fine-desc',
    ],
    ['penalties, 3 divisions, oldest first', 'penalty', { division: ['511102', '511113', '511181'] }, 1, 'date-asc'],
    ['licensing, no filter', 'licensing', {}],
    ['licensing, category 特许', 'licensing', { category: ['特许'] }],
    ['licensing, division 马边', 'licensing', { division: ['511133'] }],
  ];
  console.log(`\n${'case'.padEnd(58)} ${'total'.padStart(8)}  p50 ms  p95 ms`);
  for (const [label, kind, filters, page, sort] of cases) {
    let total = '';
    const ms = await time(async () => {
      const list = await listDisclosures(db, today, kind, filters, page ?? 1, sort);
      total = list.total.toLocaleString();
    });
    console.log(
      `${label.padEnd(58)} ${total.padStart(8)}  ${percentile(ms, 50).toFixed(0).padStart(6)}  ${percentile(ms, 95).toFixed(0).padStart(6)}`,
    );
  }
  // What the exact total costs over the old capped one ("10,000+").
  for (const cap of [10_000, null]) {
    const ms = await time(() => countPenalties(db, today, {}, cap));
    console.log(
      `${`count only, penalties, no filter, ${cap === null ? 'exact' : 'capped at 10,000'}`.padEnd(58)} ${''.padStart(8)}  ${percentile(ms, 50).toFixed(0).padStart(6)}  ${percentile(ms, 95).toFixed(0).padStart(6)}`,
    );
  }
  for (const kind of ['penalty', 'licensing'] as const) {
    const ms = await time(() => getFilterOptions(db, today, kind));
    console.log(
      `${`filter options (${kind})`.padEnd(58)} ${''.padStart(8)}  ${percentile(ms, 50).toFixed(0).padStart(6)}  ${percentile(ms, 95).toFixed(0).padStart(6)}`,
    );
  }
  const exportMs: number[] = [];
  let bytes = 0;
  for (let r = 0; r < Math.min(rounds, 3); r++) {
    const start = performance.now();
    const result = await exportDisclosures(db, today, 'penalty', {}, { sort: 'fine-desc' });
    if (!('lines' in result)) throw new Error('export refused');
    bytes = 0;
    for await (const line of result.lines) bytes += Buffer.byteLength(line);
    exportMs.push(performance.now() - start);
  }
  console.log(
    `${'CSV export, penalties, no filter, fine high→low (10,000 rows)'.padEnd(58)} ${`${(bytes / 1e6).toFixed(1)} MB`.padStart(8)}  ${percentile(exportMs, 50).toFixed(0).padStart(6)}  ${percentile(exportMs, 95).toFixed(0).padStart(6)}`,
  );
} finally {
  await handle.close();
}
