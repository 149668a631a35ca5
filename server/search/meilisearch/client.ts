import { Meilisearch } from 'meilisearch';
import { config } from '../../config';

// The Meilisearch connection of this process, from MEILI_URL / MEILI_MASTER_KEY (null when unset).

/** The live index (a rebuild swaps a fresh one in under this name). */
export const SEARCH_INDEX = 'search_documents';
/** One search request may take this long before PostgreSQL answers instead. */
export const MEILI_TIMEOUT_MS = 1_000;

let cached: Meilisearch | null | undefined;

export function meilisearchClient(): Meilisearch | null {
  if (cached === undefined) {
    const { MEILI_URL, MEILI_MASTER_KEY } = config();
    cached = MEILI_URL ? new Meilisearch({ host: MEILI_URL, apiKey: MEILI_MASTER_KEY }) : null;
  }
  return cached;
}
