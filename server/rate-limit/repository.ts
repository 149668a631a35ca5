import { sql } from 'kysely';
import type { Db } from '../db/client';

// Fixed-window counters in rate_limit_buckets: one row per key, reset when its window has passed.

export async function hitsInWindow(db: Db, key: string, windowStart: Date): Promise<number> {
  const row = await db
    .selectFrom('rateLimitBuckets')
    .where('key', '=', key)
    .where('windowStart', '>', windowStart)
    .select('hits')
    .executeTakeFirst();
  return row?.hits ?? 0;
}

/** Counts one hit; a window older than `windowStart` starts again at `now`. */
export async function addHit(db: Db, key: string, now: Date, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto('rateLimitBuckets')
    .values({ key, windowStart: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit_buckets.window_start > ${windowStart} then rate_limit_buckets.hits + 1 else 1 end`,
        windowStart: sql<Date>`case when rate_limit_buckets.window_start > ${windowStart} then rate_limit_buckets.window_start else ${now} end`,
      }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

/** Counts `cost` hits in the fixed window that starts at `windowStart` (a new window starts at `cost`). */
export async function addFixedWindowHit(db: Db, key: string, windowStart: Date, cost = 1): Promise<number> {
  const row = await sql<{ hits: number }>`
    insert into rate_limit_buckets (key, window_start, hits) values (${key}, ${windowStart}, ${cost})
    on conflict (key) do update set
      hits = case when rate_limit_buckets.window_start = excluded.window_start then rate_limit_buckets.hits + excluded.hits else excluded.hits end,
      window_start = excluded.window_start
    returning hits`.execute(db);
  return Number(row.rows[0]?.hits ?? 1);
}

export interface LockedBucket {
  key: string;
  hits: number;
  windowStart: Date | null;
}

/**
 * Locks the buckets' rows (created empty when missing) until the transaction ends, in key
 * order so two attempts on the same buckets never deadlock. Concurrent attempts on a bucket
 * queue here: each sees the count the previous one left, so a limit is never overshot.
 */
export async function lockBuckets(trx: Db, keys: readonly string[]): Promise<Map<string, LockedBucket>> {
  const sorted = [...new Set(keys)].sort();
  await trx
    .insertInto('rateLimitBuckets')
    .values(sorted.map((key) => ({ key, windowStart: new Date(0), hits: 0 })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const rows = await trx
    .selectFrom('rateLimitBuckets')
    .select(['key', 'hits', 'windowStart'])
    .where('key', 'in', sorted)
    .orderBy('key')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.key, { key: r.key, hits: Number(r.hits), windowStart: new Date(r.windowStart) }]));
}

export async function saveBucket(trx: Db, key: string, hits: number, windowStart: Date): Promise<void> {
  await trx.updateTable('rateLimitBuckets').set({ hits, windowStart }).where('key', '=', key).execute();
}

/** Gives back one attempt, if the bucket is still in the window it was counted in. */
export async function refundHit(db: Db, key: string, windowStart: Date): Promise<void> {
  await db
    .updateTable('rateLimitBuckets')
    .set({ hits: sql<number>`greatest(hits - 1, 0)` })
    .where('key', '=', key)
    .where('windowStart', '=', windowStart)
    .execute();
}
