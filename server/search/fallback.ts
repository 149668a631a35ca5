import type { SearchEngine } from './types';

// Search that stays up when Meilisearch is down or behind: the primary engine answers unless it
// errors, takes too long, or the outbox says its copy is stale; then PostgreSQL answers. The
// last decision is kept for /api/ready.

export interface FallbackStatus {
  primary: string;
  fallback: string;
  /** True while the last search was answered by the fallback. */
  fallbackActive: boolean;
  /** Why the fallback answered last (Chinese with the English error). */
  reason: string | null;
  since: string | null;
}

export interface FallbackOptions {
  /** The primary's answer must arrive within this long (ms). */
  timeoutMs: number;
  /** The primary's copy is stale (e.g. the outbox's oldest pending row is older than N seconds). */
  isStale?: () => Promise<boolean>;
  now?: () => Date;
  onSwitch?: (status: FallbackStatus) => void;
}

export class TimeoutError extends Error {}

/** `promise`, or a TimeoutError after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface FallbackEngine extends SearchEngine {
  status(): FallbackStatus;
}

export function createFallbackEngine(
  primary: SearchEngine,
  fallback: SearchEngine,
  options: FallbackOptions,
): FallbackEngine {
  const now = options.now ?? (() => new Date());
  const state: FallbackStatus = {
    primary: primary.name,
    fallback: fallback.name,
    fallbackActive: false,
    reason: null,
    since: null,
  };
  const record = (active: boolean, reason: string | null) => {
    const changed = state.fallbackActive !== active;
    state.fallbackActive = active;
    state.reason = reason;
    if (changed) {
      state.since = active ? now().toISOString() : null;
      options.onSwitch?.({ ...state });
    }
  };
  return {
    name: primary.name,
    status: () => ({ ...state }),
    async search(request, today) {
      let reason: string | null = null;
      try {
        if (options.isStale && (await options.isStale())) reason = '搜索索引同步滞后 (outbox backlog too old)';
      } catch {
        // Not knowing the backlog is no reason to leave the primary.
      }
      if (!reason) {
        try {
          const result = await withTimeout(primary.search(request, today), options.timeoutMs);
          record(false, null);
          return result;
        } catch (error) {
          reason =
            error instanceof TimeoutError
              ? `${primary.name} 响应超时 (${error.message})`
              : `${primary.name} 出错 (${error instanceof Error ? error.message : String(error)})`;
        }
      }
      record(true, reason);
      return fallback.search(request, today);
    },
  };
}
