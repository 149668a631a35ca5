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

/** Counts one hit in the fixed window that starts at `windowStart` (a new window starts at 1). */
export async function addFixedWindowHit(db: Db, key: string, windowStart: Date): Promise<number> {
  const row = await sql<{ hits: number }>`
    insert into rate_limit_buckets (key, window_start, hits) values (${key}, ${windowStart}, 1)
    on conflict (key) do update set
      hits = case when rate_limit_buckets.window_start = excluded.window_start then rate_limit_buckets.hits + 1 else 1 end,
      window_start = excluded.window_start
    returning hits`.execute(db);
  return Number(row.rows[0]?.hits ?? 1);
}
