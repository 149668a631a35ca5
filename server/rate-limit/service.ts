import type { Db } from '../db/client';
import { decideAttempt } from '../rules/rate-limit';
import * as repo from './repository';

export interface RateLimit {
  /** Bucket name, e.g. 'verify-miss'; who is counted (an address, a key, a number) is appended. */
  name: string;
  limit: number;
  windowSeconds: number;
}

const keyOf = (limit: RateLimit, clientIp: string | null | undefined) => `${limit.name}:${clientIp ?? 'unknown'}`;
const windowStartOf = (limit: RateLimit, now: Date) => new Date(now.getTime() - limit.windowSeconds * 1000);

/** Whether the caller has used up its allowance in the current window. */
export async function isLimited(db: Db, limit: RateLimit, clientIp: string | null | undefined, now = new Date()) {
  return (await repo.hitsInWindow(db, keyOf(limit, clientIp), windowStartOf(limit, now))) >= limit.limit;
}

/** Counts one use against the caller's allowance. */
export async function recordHit(db: Db, limit: RateLimit, clientIp: string | null | undefined, now = new Date()) {
  return repo.addHit(db, keyOf(limit, clientIp), now, windowStartOf(limit, now));
}

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window resets. */
  retryAfter: number;
}

/**
 * Counts one request against a fixed window aligned to the clock (for `Retry-After`): one
 * upsert per request, atomic on both databases, shared by every server process on PostgreSQL.
 */
export async function consumeFixedWindow(
  db: Db,
  limit: RateLimit,
  who: string | null | undefined,
  now = new Date(),
  cost = 1,
): Promise<RateDecision> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const hits = await repo.addFixedWindowHit(db, keyOf(limit, who), windowStart, cost);
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: hits <= limit.limit, remaining: Math.max(0, limit.limit - hits), retryAfter };
}

/**
 * The caller's address from the request headers: the portal's HTTP server (server/http/serve.ts)
 * replaces X-Forwarded-For by the one address it believes (see client-address.ts) and drops
 * X-Real-IP, so a client cannot choose its own rate-limit bucket.
 */
export function clientIpFrom(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || null;
}

/** One door an attempt passes through: a limit and who is counted (an address, a number, a pair). */
export interface Bucket {
  limit: RateLimit;
  who: string | null | undefined;
}

export type Attempt =
  | {
      allowed: true;
      /** Gives the attempt back: it turned out well (the right code or password). */ refund(): Promise<void>;
    }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Reserves one attempt in every bucket, or none (server/rules/rate-limit.ts), in one
 * transaction holding the buckets' row locks: under any concurrency exactly `limit` attempts
 * get through. The caller refunds an attempt that succeeded, so only failures are counted.
 */
export async function reserveAttempt(db: Db, buckets: readonly Bucket[], now = new Date()): Promise<Attempt> {
  const keys = buckets.map((b) => keyOf(b.limit, b.who));
  const run = async (trx: Db) => {
    const locked = await repo.lockBuckets(trx, keys);
    const states = keys.map((k) => locked.get(k) ?? { hits: 0, windowStart: null });
    const decision = decideAttempt(
      buckets.map((b) => b.limit),
      states,
      now,
    );
    if (!decision.allowed) return { allowed: false as const, retryAfterSeconds: decision.retryAfterSeconds };
    const windows = decision.next.map((n) => n.windowStart!);
    for (const [i, key] of keys.entries()) await repo.saveBucket(trx, key, decision.next[i]!.hits, windows[i]!);
    return { allowed: true as const, windows };
  };
  const result = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  if (!result.allowed) return result;
  let refunded = false;
  return {
    allowed: true,
    refund: async () => {
      if (refunded) return;
      refunded = true;
      for (const [i, key] of keys.entries()) await repo.refundHit(db, key, result.windows[i]!);
    },
  };
}
