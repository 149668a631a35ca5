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
