import type { Db } from '../db/client';
import { createFallbackEngine, type FallbackEngine } from './fallback';
import { withForgiveness } from './forgiving';
import { createMeilisearchEngine } from './meilisearch/engine';
import { MEILI_TIMEOUT_MS, meilisearchClient, SEARCH_INDEX } from './meilisearch/client';
import { outboxBacklog } from './outbox';
import { createPostgresSearchEngine } from './postgres-engine';
import type { SearchEngine, SearchRequest, SearchResult } from './types';

// The one way the rest of the portal searches. The engine is chosen here: PostgreSQL by
// default; with MEILI_URL, Meilisearch, falling back to PostgreSQL when it errors, is slow, or
// its copy lags behind the outbox by more than MAX_LAG_SECONDS.

/** Meilisearch answers only while the oldest unconsumed outbox row is younger than this. */
export const MAX_LAG_SECONDS = 30;
/** The backlog is read at most this often (ms), not on every search. */
const LAG_CHECK_MS = 2_000;

const engines = new WeakMap<Db, SearchEngine>();
/** The Meilisearch fallback behind a portal's engine, when there is one (for /api/ready). */
const fallbackOf = new WeakMap<SearchEngine, FallbackEngine>();

function staleCheck(db: Db): () => Promise<boolean> {
  let checkedAt = 0;
  let stale = false;
  return async () => {
    if (Date.now() - checkedAt > LAG_CHECK_MS) {
      checkedAt = Date.now();
      const backlog = await outboxBacklog(db);
      stale = (backlog.oldestPendingSeconds ?? 0) > MAX_LAG_SECONDS;
    }
    return stale;
  };
}

export function searchEngineFor(db: Db): SearchEngine {
  let engine = engines.get(db);
  if (!engine) {
    const postgres = createPostgresSearchEngine(db, { cacheSummaries: true });
    const client = meilisearchClient();
    const chosen = client
      ? createFallbackEngine(createMeilisearchEngine(client, { db, indexName: SEARCH_INDEX }), postgres, {
          timeoutMs: MEILI_TIMEOUT_MS,
          isStale: staleCheck(db),
          onSwitch: (s) =>
            console.warn(
              s.fallbackActive ? `搜索改由 PostgreSQL 回答：${s.reason}` : '搜索已恢复由 Meilisearch 回答。',
            ),
        })
      : postgres;
    engine = withForgiveness(db, chosen);
    if ('status' in chosen) fallbackOf.set(engine, chosen as FallbackEngine);
    engines.set(db, engine);
  }
  return engine;
}

/** The search engine's state for /api/ready: null status when search runs in PostgreSQL only. */
export function searchEngineStatus(db: Db) {
  const engine = searchEngineFor(db);
  return { engine: engine.name, fallback: fallbackOf.get(engine)?.status() ?? null };
}

export function searchPublic(db: Db, request: SearchRequest, today: string): Promise<SearchResult> {
  return searchEngineFor(db).search(request, today);
}
