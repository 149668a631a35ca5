import { publicDataVersion } from './invalidate';

// Counts derived from public data that cost the most to make and change only when the data
// does: the capped summaries of broad searches (10,000+ matches: total, facet counts, rank
// classes) and the facet counts of the disclosure lists. They are kept here, keyed to the data
// version that every committed change of public data moves (in this instance or, through the
// cluster channel, in another), so a change makes them miss at once; the TTL bounds staleness
// while the channel is down, as the page cache's does. The caller decides what is worth keeping.

export interface SummaryCacheOptions {
  /** Most summaries kept (least recently used dropped first). */
  maxEntries?: number;
  ttlMs?: number;
  /** Injected in tests. */
  now?: () => number;
  version?: () => number;
}

export const SUMMARY_CACHE_ENTRIES = 500;
export const SUMMARY_CACHE_TTL_MS = 30_000;

export interface SummaryCache<T> {
  /** The cached value of `key`, or the value `compute` makes (kept when `keep` says so). */
  get(key: string, compute: () => Promise<T>, keep: (value: T) => boolean): Promise<T>;
  readonly size: number;
}

export function createSummaryCache<T>(options: SummaryCacheOptions = {}): SummaryCache<T> {
  const maxEntries = options.maxEntries ?? SUMMARY_CACHE_ENTRIES;
  const ttlMs = options.ttlMs ?? SUMMARY_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const version = options.version ?? publicDataVersion;
  const entries = new Map<string, { value: T; version: number; storedAt: number }>();
  return {
    get size() {
      return entries.size;
    },
    async get(key, compute, keep) {
      const v = version();
      const hit = entries.get(key);
      if (hit && hit.version === v && now() - hit.storedAt < ttlMs) {
        // Most recently used last: Map keeps insertion order.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      entries.delete(key);
      const value = await compute();
      // A change committed while computing may not be in the value: keep it only if none was.
      if (keep(value) && version() === v) {
        entries.set(key, { value, version: v, storedAt: now() });
        while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return value;
    },
  };
}
