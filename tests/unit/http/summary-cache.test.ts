import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSummaryCache } from '@/server/http/summary-cache';

// The summary cache against a model: a value is served from the cache only while the data
// version it was computed under is current, within the TTL, and only if it was kept (broad); a
// change during the computation is never kept; the size never passes its bound.

/** Gets (a key, the value a miss computes, whether it is worth keeping, a change during the computation), changes and waits. */
const ops = fc.array(
  fc.oneof(
    {
      arbitrary: fc.record({
        op: fc.constant('get' as const),
        key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        value: fc.integer(),
        broad: fc.boolean(),
        changeDuring: fc.boolean(),
      }),
      weight: 6,
    },
    { arbitrary: fc.constant({ op: 'change' as const }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 400 }) }), weight: 2 },
  ),
  { maxLength: 60 },
);

describe('summary cache', () => {
  it('serves a kept value only under the same data version, within its TTL, and stays bounded', async () => {
    await fc.assert(
      fc.asyncProperty(ops, fc.integer({ min: 1, max: 4 }), async (steps, maxEntries) => {
        let clock = 0;
        let version = 0;
        const ttlMs = 1000;
        const cache = createSummaryCache<number>({ maxEntries, ttlMs, now: () => clock, version: () => version });
        // The model: key → value, version and time it was stored, in least-recently-used order.
        const model = new Map<string, { value: number; version: number; at: number }>();
        for (const step of steps) {
          if (step.op === 'change') version += 1;
          else if (step.op === 'wait') clock += step.ms;
          else {
            const held = model.get(step.key);
            const fresh = held && held.version === version && clock - held.at < ttlMs;
            let computed = false;
            const got = await cache.get(
              step.key,
              async () => {
                computed = true;
                if (step.changeDuring) version += 1;
                return step.value;
              },
              () => step.broad,
            );
            model.delete(step.key);
            if (fresh) {
              expect(computed).toBe(false);
              expect(got).toBe(held.value);
              model.set(step.key, held);
            } else {
              expect(computed).toBe(true);
              expect(got).toBe(step.value);
              if (step.broad && !step.changeDuring) {
                model.set(step.key, { value: step.value, version, at: clock });
                while (model.size > maxEntries) model.delete(model.keys().next().value!);
              }
            }
          }
          expect(cache.size).toBeLessThanOrEqual(maxEntries);
        }
      }),
      { numRuns: 300 },
    );
  });
});
