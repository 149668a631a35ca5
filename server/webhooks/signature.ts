import { createHmac, timingSafeEqual } from 'node:crypto';

// Webhook signatures: HMAC-SHA256 over "<unix seconds>.<raw body>" with the subscription's
// secret, sent as `X-Credit-Signature: t=<seconds>,v1=<hex>`. A receiver recomputes it and
// refuses a timestamp outside the replay window (default 5 minutes), so a captured request
// cannot be replayed later.

export const SIGNATURE_HEADER = 'x-credit-signature';
export const EVENT_ID_HEADER = 'x-credit-event-id';
export const EVENT_TYPE_HEADER = 'x-credit-event-type';
export const REPLAY_WINDOW_SECONDS = 300;

export function signPayload(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'mismatch' | 'stale' };

/** What a receiver runs: the header matches the body and the secret, and is recent. */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  windowSeconds: number = REPLAY_WINDOW_SECONDS,
): VerifyResult {
  const m = header ? /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim()) : null;
  if (!m) return { ok: false, reason: 'malformed' };
  const timestamp = Number(m[1]);
  const expected = Buffer.from(signPayload(secret, body, timestamp).split('v1=')[1]!, 'hex');
  const given = Buffer.from(m[2]!, 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowSeconds - timestamp) > windowSeconds) return { ok: false, reason: 'stale' };
  return { ok: true, timestamp };
}

/** Delay before attempt `attempts + 1`: base · 2^(attempts−1), capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
