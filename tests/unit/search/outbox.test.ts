import { describe, expect, it } from 'vitest';
import { RETRY_MAX_MS, refOfDocId, retryDelayMs } from '@/server/search/outbox';

describe('outbox retry policy', () => {
  it('backs off exponentially from one second, capped at five minutes', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(9)).toBe(256_000);
    expect(retryDelayMs(10)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(50)).toBe(RETRY_MAX_MS);
  });
});

describe('refOfDocId', () => {
  it('reads the documents ids the indexer writes', () => {
    expect(refOfDocId('penalty:12')).toEqual({ kind: 'penalty', id: 12 });
    expect(refOfDocId('list_entry:7')).toEqual({ kind: 'list_entry', id: 7 });
    expect(refOfDocId('subject:1')).toEqual({ kind: 'subject', id: 1 });
  });
  it('refuses anything else', () => {
    for (const bad of ['penalty:', 'penalty:1a', 'unknown:1', ':1', 'penalty-1', "penalty:1'; drop"]) {
      expect(refOfDocId(bad), bad).toBeNull();
    }
  });
});
