// The seed-data generator's public face: generateCity for scripts and benchmarks, and
// seedDemoIfEmpty for the start script (an empty portal is useless for a demo).

import { sql } from 'kysely';
import type { Db } from '../db/client';
import { loadReferenceData, type ReferenceLoadResult } from '../reference/load';
import { todayInShanghai, type IsoDate } from '../rules/dates';
import { pruneExpiredSearchDocuments, rebuildSearchIndex } from '../search/indexer';
import { generateCity, type GenerateOptions, type GenerateResult } from './generate';
import { seedDemoStaff, type DemoAccount } from './staff';
import { seedCoordination } from '../coordination/seed';

export { generateCity, DEFAULT_SEED, CHUNK_SIZE } from './generate';
export type { GenerateOptions, GenerateProgress, GenerateResult, GenerateCounts } from './generate';

/** Advisory lock key for seeding (any constant; "SEED" in ASCII). */
const SEED_LOCK_KEY = 0x53454544;

/** Subjects of the demo city: about 30,000 licensing and penalty records. */
export const DEMO_SIZE = 5000;

export interface SeedDemoResult {
  reference: ReferenceLoadResult;
  /** What was generated, or null when the database already had subjects. */
  generated: GenerateResult | null;
  /** Documents indexed for a database that had data but an empty search index (an upgrade), else null. */
  reindexed: number | null;
  /** One line for the console: what the database holds now. */
  summary: string;
  /** Demo staff accounts (created when missing), to print with their demo passwords. */
  staff: DemoAccount[];
}

async function describeContents(db: Db): Promise<string> {
  const count = async (table: 'subjects' | 'licensingRecords' | 'penaltyRecords' | 'listEntries' | 'exposureCases') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n).toLocaleString('en-US');
  };
  return `${await count('subjects')} 个信用主体，${await count('licensingRecords')} 条行政许可，${await count('penaltyRecords')} 条行政处罚，${await count('listEntries')} 条名单信息，${await count('exposureCases')} 个曝光案例`;
}

/**
 * Loads the reference data and, if there are no subjects yet, generates the demo city in one
 * transaction (a failed start leaves nothing half-seeded behind).
 */
export async function seedDemoIfEmpty(
  db: Db,
  options: Partial<Pick<GenerateOptions, 'size' | 'seed' | 'today' | 'onProgress' | 'identityKeys'>> = {},
): Promise<SeedDemoResult> {
  const reference = await loadReferenceData(db);
  const any = await db.selectFrom('subjects').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) {
    const reindexed = await indexIfEmpty(db, options.today ?? todayInShanghai());
    return {
      reference,
      generated: null,
      reindexed,
      summary: await describeContents(db),
      staff: await seedDemoStaff(db),
    };
  }
  const generated = await db.transaction().execute(async (trx) => {
    // Two processes starting at once must not both seed: serialise on an advisory lock, then re-check.
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    const again = await trx.selectFrom('subjects').select('id').limit(1).executeTakeFirst();
    if (again !== undefined) return null;
    const result = await generateCity(trx, { ...options, size: options.size ?? DEMO_SIZE });
    await rebuildSearchIndex(trx);
    await pruneExpiredSearchDocuments(trx, result.today);
    await seedCoordination(trx, result.today); // demo joint-action tasks in every state
    return result;
  });
  return { reference, generated, reindexed: null, summary: await describeContents(db), staff: await seedDemoStaff(db) };
}

/**
 * Data but no search documents: a portal whose index was dropped by an upgrade (the search
 * index is a derived copy) or never built. Rebuilds it, once, under the seeding lock.
 */
async function indexIfEmpty(db: Db, today: IsoDate): Promise<number | null> {
  const indexed = async (q: Db) =>
    (await q.selectFrom('searchDocuments').select('docId').limit(1).executeTakeFirst()) !== undefined;
  if (await indexed(db)) return null;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    if (await indexed(trx)) return null;
    const { documents } = await rebuildSearchIndex(trx);
    return documents - (await pruneExpiredSearchDocuments(trx, today));
  });
}
