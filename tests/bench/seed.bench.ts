// Seeding benchmark (not part of `npm test`):
//   npm run bench:seed -- [--runs 3] [--pg-size 170000]
// 1. the demo city (5,000 subjects, ~30,000 records) into a fresh in-memory PGlite, `runs` times;
// 2. with BENCH_DATABASE_URL (a role that may CREATE DATABASE), ~1,000,000 records
//    (--pg-size subjects, ~6 records each) into a fresh database on a real PostgreSQL server.
// Prints medians; the machine is shared, so single figures are noisy.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { loadReferenceData } from '@/server/reference/load';
import { DEMO_SIZE, generateCity, type GenerateResult } from '@/server/seed';
import { dropDatabase, withDatabaseName } from '../integration/helpers/databases';
import { benchArgs, median } from './lib';

const args = benchArgs();
const runs = Number(args.get('--runs') ?? 3);
const pgSize = Number(args.get('--pg-size') ?? 170_000);
const keys = deriveIdentityKeys(randomBytes(32));
const today = '2026-11-28';

async function seedInto(
  target: Parameters<typeof openDatabase>[0],
  size: number,
  progress = false,
): Promise<GenerateResult> {
  const handle = await openDatabase(target);
  try {
    await migrateToLatest(handle.db);
    await loadReferenceData(handle.db);
    return await generateCity(handle.db, {
      size,
      today,
      identityKeys: keys,
      ...(progress
        ? {
            onProgress: (p) =>
              process.stdout.write(`\r  ${p.subjectsDone.toLocaleString()} / ${size.toLocaleString()} subjects`),
          }
        : {}),
    });
  } finally {
    await handle.close();
  }
}

const demo: GenerateResult[] = [];
for (let i = 0; i < runs; i++) demo.push(await seedInto({ memory: true }, DEMO_SIZE));
console.log(`PGlite demo (${DEMO_SIZE} subjects, ${demo[0]!.records} records, ${demo[0]!.rows} rows), ${runs} runs:`);
console.log(
  `  median ${(median(demo.map((r) => r.elapsedMs)) / 1000).toFixed(2)} s, ${Math.round(median(demo.map((r) => r.rowsPerSecond))).toLocaleString()} rows/s`,
);

const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.log('PostgreSQL 1M: not run (set BENCH_DATABASE_URL to a role that may CREATE DATABASE).');
} else {
  const name = `credit_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const result = await seedInto({ url: withDatabaseName(adminUrl, name) }, pgSize, true);
    console.log(
      `\nPostgreSQL (${pgSize.toLocaleString()} subjects): ${result.records.toLocaleString()} records, ${result.rows.toLocaleString()} rows`,
    );
    console.log(
      `  ${(result.elapsedMs / 1000).toFixed(1)} s, ${Math.round(result.records / (result.elapsedMs / 1000)).toLocaleString()} records/s, ${Math.round(result.rowsPerSecond).toLocaleString()} rows/s`,
    );
  } finally {
    await admin.end();
    await dropDatabase(adminUrl, name);
  }
}
