import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideAttempt,
  liveHits,
  refundAttempt,
  retryWhen,
  type BucketState,
  type WindowRule,
} from '@/server/rules/rate-limit';

// A model check of the attempt rule: random schedules of attempts (each failing or succeeding)
// over random buckets, replayed against a naive log of what was let through.

const T0 = Date.UTC(2026, 11, 4, 8, 0, 0);
const empty = (): BucketState => ({ hits: 0, windowStart: null });

const rules = fc.array(
  fc.record({ limit: fc.integer({ min: 1, max: 6 }), windowSeconds: fc.integer({ min: 1, max: 120 }) }),
  { minLength: 1, maxLength: 3 },
);
/** Attempts at increasing times: which buckets they belong to, and whether they succeed. */
const attempts = (bucketCount: number) =>
  fc.array(
    fc.record({
      gapMs: fc.integer({ min: 0, max: 20_000 }),
      buckets: fc.subarray([...Array(bucketCount).keys()], { minLength: 1 }),
      succeeds: fc.boolean(),
    }),
    { maxLength: 60 },
  );

interface Replay {
  rules: WindowRule[];
  /** Per bucket: the times of counted (failed, let through) attempts, and of the window's opening. */
  counted: number[][];
  states: BucketState[];
}

describe('decideAttempt', () => {
  it('never lets more than `limit` failures through in any bucket’s window, and refuses only a full bucket', () => {
    fc.assert(
      fc.property(
        rules.chain((r) => fc.tuple(fc.constant(r), attempts(r.length))),
        ([rs, schedule]) => {
          const replay: Replay = { rules: rs, counted: rs.map(() => []), states: rs.map(empty) };
          let now = T0;
          for (const a of schedule) {
            now += a.gapMs;
            const at = new Date(now);
            const mine = a.buckets.map((i) => rs[i]!);
            const decision = decideAttempt(
              mine,
              a.buckets.map((i) => replay.states[i]!),
              at,
            );
            const full = a.buckets.filter((i) => liveHits(rs[i]!, replay.states[i]!, at) >= rs[i]!.limit);
            expect(decision.allowed).toBe(full.length === 0);
            if (!decision.allowed) {
              // Refused attempts change nothing and say a wait that ends when a full window closes.
              expect(decision.next).toEqual(a.buckets.map((i) => replay.states[i]));
              expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
              const ends = full.map((i) => replay.states[i]!.windowStart!.getTime() + rs[i]!.windowSeconds * 1000);
              expect(now + decision.retryAfterSeconds * 1000).toBeGreaterThanOrEqual(Math.max(...ends));
              expect(now + (decision.retryAfterSeconds - 1) * 1000).toBeLessThan(Math.max(...ends));
              continue;
            }
            a.buckets.forEach((bucket, j) => {
              const opened = replay.states[bucket]!.windowStart;
              replay.states[bucket] = decision.next[j]!;
              if (a.succeeds) replay.states[bucket] = refundAttempt(decision.next[j]!, decision.next[j]!.windowStart);
              else replay.counted[bucket]!.push(now);
              // Invariant: a bucket never holds more than its limit, nor more than its failures in the window.
              const state = replay.states[bucket]!;
              expect(state.hits).toBeLessThanOrEqual(rs[bucket]!.limit);
              const start = state.windowStart!.getTime();
              const inWindow = replay.counted[bucket]!.filter((t) => t >= start).length;
              expect(state.hits).toBe(inWindow);
              if (opened && opened.getTime() !== start) expect(start).toBe(now);
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('opens again once the window has passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 3600 }), (limit, windowSeconds) => {
        const rule = { limit, windowSeconds };
        let state = empty();
        const start = new Date(T0);
        for (let i = 0; i < limit; i++) {
          const d = decideAttempt([rule], [state], start);
          expect(d.allowed).toBe(true);
          state = d.next[0]!;
        }
        const refused = decideAttempt([rule], [state], start);
        expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: windowSeconds });
        expect(decideAttempt([rule], [state], new Date(T0 + windowSeconds * 1000 - 1)).allowed).toBe(false);
        expect(decideAttempt([rule], [state], new Date(T0 + windowSeconds * 1000)).allowed).toBe(true);
      }),
    );
  });

  it('counts an attempt in every bucket or in none', () => {
    const tight = { limit: 1, windowSeconds: 60 };
    const loose = { limit: 5, windowSeconds: 60 };
    const at = new Date(T0);
    const first = decideAttempt([tight, loose], [empty(), empty()], at);
    expect(first.allowed).toBe(true);
    const second = decideAttempt([tight, loose], first.next, at);
    expect(second.allowed).toBe(false);
    expect(second.next.map((s) => s.hits)).toEqual([1, 1]);
  });

  it('gives back an attempt only in the window it was counted in', () => {
    const opened = new Date(T0);
    expect(refundAttempt({ hits: 3, windowStart: opened }, opened).hits).toBe(2);
    expect(refundAttempt({ hits: 1, windowStart: new Date(T0 + 1) }, opened).hits).toBe(1);
    expect(refundAttempt({ hits: 0, windowStart: opened }, opened).hits).toBe(0);
  });
});

describe('retryWhen', () => {
  it('says the clock time in Leshan and the minutes, rounded up', () => {
    // 08:00 UTC is 16:00 in Leshan; 61 seconds round up to 2 minutes.
    expect(retryWhen(61, new Date(T0))).toBe('请于 16:02 以后（约 2 分钟后）再试');
    expect(retryWhen(900, new Date(T0))).toBe('请于 16:15 以后（约 15 分钟后）再试');
  });
});
