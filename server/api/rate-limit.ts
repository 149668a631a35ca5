import { sql } from 'kysely';
import type { Db } from '../db/client';
import { RATE_LIMIT_REQUESTS, RATE_LIMIT_WINDOW_SECONDS } from './limits';

// A fixed-window counter per key in rate_limit_buckets: one upsert per request, atomic on
// both databases, shared by every server process on PostgreSQL.

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets. */
  retryAfter: number;
}

export async function consumeRateLimit(
  db: Db,
  key: string,
  now: Date = new Date(),
  limit = { requests: RATE_LIMIT_REQUESTS, windowSeconds: RATE_LIMIT_WINDOW_SECONDS },
): Promise<RateDecision> {
  const windowStart = new Date(Math.floor(now.getTime() / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000);
  const row = await sql<{ hits: number }>`
    insert into rate_limit_buckets (key, window_start, hits) values (${key}, ${windowStart}, 1)
    on conflict (key) do update set
      hits = case when rate_limit_buckets.window_start = excluded.window_start then rate_limit_buckets.hits + 1 else 1 end,
      window_start = excluded.window_start
    returning hits`.execute(db);
  const hits = Number(row.rows[0]?.hits ?? 1);
  const retryAfter = Math.max(
    1,
    Math.ceil((windowStart.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000),
  );
  return { allowed: hits <= limit.requests, remaining: Math.max(0, limit.requests - hits), retryAfter };
}
