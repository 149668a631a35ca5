import type { Db } from '../db/client';
import { createPostgresSearchEngine } from './postgres-engine';
import type { SearchEngine, SearchRequest, SearchResult } from './types';

// The one way the rest of the portal searches. The engine is chosen here: PostgreSQL by
// default; Meilisearch joins when its issue lands (MEILI_URL).

const engines = new WeakMap<Db, SearchEngine>();

export function searchEngineFor(db: Db): SearchEngine {
  let engine = engines.get(db);
  if (!engine) {
    engine = createPostgresSearchEngine(db);
    engines.set(db, engine);
  }
  return engine;
}

export function searchPublic(db: Db, request: SearchRequest, today: string): Promise<SearchResult> {
  return searchEngineFor(db).search(request, today);
}
