import type { Db } from '../db/client';
import { eventBody } from './events';
import * as repo from './repository';
import { backoffMs, EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signPayload } from './signature';

// The sending side of the webhook outbox. At least once, in order per (subscription, subject):
// - a row is claimed (SKIP LOCKED) and leased only if every earlier pending row of its subject
//   is in the same claim, so an earlier failure or a row leased by another instance holds the
//   later ones back;
// - failures back off exponentially; a row whose retry window (24 h) ends is dead-lettered
//   and no longer holds the subject back; a redelivery from /admin puts it back in the queue;
// - a sender that dies leaves a lease that expires: the row is sent again with the SAME event id.

export interface DeliveryOptions {
  now?: () => Date;
  batch?: number;
  /** First retry delay; doubles each attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A receiver that answers nothing within this time counts as failed. */
  timeoutMs?: number;
  leaseMs?: number;
  /** Groups (subjects) sent in parallel. */
  concurrency?: number;
}

export const DELIVERY_DEFAULTS = {
  batch: 200,
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  concurrency: 16,
} as const;

export interface DeliveryResult {
  claimed: number;
  delivered: number;
  failed: number;
  dead: number;
}

async function send(d: repo.ClaimedDelivery, now: Date, timeoutMs: number) {
  const body = JSON.stringify(eventBody(d));
  const response = await fetch(d.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'xinyong-leshan-webhooks/1',
      [SIGNATURE_HEADER]: signPayload(d.secret, body, Math.floor(now.getTime() / 1000)),
      [EVENT_ID_HEADER]: d.eventId,
      [EVENT_TYPE_HEADER]: d.type,
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}

/** One claim: sends what is due, records each outcome; returns counts. */
export async function deliverDueOnce(db: Db, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const o = { ...DELIVERY_DEFAULTS, ...options };
  const now = options.now ?? (() => new Date());
  const claimed = await db.transaction().execute(async (trx) => {
    const candidates = await repo.lockDueCandidates(trx, now(), o.batch);
    const seen = new Map<string, number>();
    const blocked = new Set<string>();
    const eligible: number[] = [];
    for (const c of candidates) {
      const group = `${c.subscriptionId}\u0000${c.subjectKey}`;
      const inClaim = seen.get(group) ?? 0;
      seen.set(group, inClaim + 1);
      if (blocked.has(group) || c.earlier !== inClaim) {
        blocked.add(group);
        continue;
      }
      eligible.push(c.id);
    }
    return repo.leaseAndLoad(trx, eligible, new Date(now().getTime() + o.leaseMs));
  });
  const result: DeliveryResult = { claimed: claimed.length, delivered: 0, failed: 0, dead: 0 };
  if (claimed.length === 0) return result;

  const groups = new Map<string, repo.ClaimedDelivery[]>();
  for (const d of claimed) {
    const key = `${d.subscriptionId}\u0000${d.subjectKey}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const queue = [...groups.values()];
  const worker = async () => {
    for (let rows = queue.shift(); rows; rows = queue.shift()) {
      for (let i = 0; i < rows.length; i++) {
        const d = rows[i]!;
        let status: number | null = null;
        let error = '';
        try {
          status = await send(d, new Date(), o.timeoutMs); // signed with the wall clock: the receiver checks it
          if (status >= 200 && status < 300) {
            await repo.markDelivered(db, d.id, status, now());
            result.delivered++;
            continue;
          }
          error = `接收方返回 HTTP ${status}`;
        } catch (err) {
          error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        }
        const next = new Date(now().getTime() + backoffMs(d.attempts + 1, o.baseDelayMs, o.maxDelayMs));
        const dead = next.getTime() > new Date(d.retryUntil).getTime();
        await repo.markFailed(db, d.id, { status, error, nextAttemptAt: next, dead });
        if (dead) result.dead++;
        else result.failed++;
        // Later events of this subject wait for this one (unless it is dead: then they go on next round).
        await repo.releaseLeases(
          db,
          rows.slice(i + 1).map((r) => r.id),
        );
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, queue.length) }, worker));
  return result;
}

/** Claims until nothing more is due (or maxRounds); for tests and the loop. */
export async function drainWebhooks(db: Db, options: DeliveryOptions & { maxRounds?: number } = {}) {
  const total: DeliveryResult = { claimed: 0, delivered: 0, failed: 0, dead: 0 };
  for (let round = 0; round < (options.maxRounds ?? 50); round++) {
    const r = await deliverDueOnce(db, options);
    total.claimed += r.claimed;
    total.delivered += r.delivered;
    total.failed += r.failed;
    total.dead += r.dead;
    if (r.claimed === 0 || r.delivered === 0) break;
  }
  return total;
}
