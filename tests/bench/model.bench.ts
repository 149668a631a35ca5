// The penalty-record model (tests/integration/records/model.test.ts) run longer (not part of `npm test`):
//   MODEL_RUNS=2000 npx tsx tests/bench/model.bench.ts -- [--steps 12] [--db pglite|postgres|both] [--seed 42]
// PostgreSQL needs BENCH_DATABASE_URL (or TEST_DATABASE_URL): a role that may CREATE DATABASE;
// a scratch database is created and dropped. Prints sequences, steps, the answers seen and the
// duration per database; a failure prints fast-check's seed and the shrunk sequence, and exits 1.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Db } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';
import { dropDatabase, withDatabaseName } from '../integration/helpers/databases';
import { checkModel, createWorld, emptyStats } from '../integration/records/model-harness';
import { benchArgs } from './lib';

const args = benchArgs();
const runs = Number(args.get('--runs') || process.env.MODEL_RUNS || 2000);
const maxSteps = Number(args.get('--steps') || process.env.MODEL_STEPS || 12);
const which = args.get('--db') || 'both';
const seedArg = args.get('--seed');
const seed = seedArg ? Number(seedArg) : undefined;
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;

async function open(kind: 'pglite' | 'postgres'): Promise<{ db: Db; close: () => Promise<void> }> {
  if (kind === 'pglite') return openDatabase({ memory: true });
  if (!adminUrl) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a role that may CREATE DATABASE.');
  const name = `credit_model_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ url: withDatabaseName(adminUrl, name) });
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

let failed = false;
for (const kind of ['pglite', 'postgres'] as const) {
  if (which !== 'both' && which !== kind) continue;
  const handle = await open(kind);
  try {
    await migrateToLatest(handle.db);
    const world = await createWorld(handle.db);
    const stats = emptyStats();
    const started = performance.now();
    try {
      await checkModel(world, { runs, maxSteps, ...(seed === undefined ? {} : { seed }) }, stats);
    } catch (err) {
      failed = true;
      console.error(err instanceof Error ? err.message : err);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${kind}: ${stats.sequences} sequences, ${stats.steps} steps (${stats.skipped} not applicable) in ${seconds.toFixed(1)} s` +
        ` — ${((seconds * 1000) / Math.max(1, stats.steps)).toFixed(1)} ms per step`,
    );
    for (const [outcome, n] of Object.entries(stats.outcomes).sort())
      console.log(`  ${String(n).padStart(6)}  ${outcome}`);
    console.log(`  final public status: ${JSON.stringify(stats.finalStatus)}`);
  } finally {
    await handle.close();
  }
}
process.exit(failed ? 1 : 0);
