import type { Meilisearch } from 'meilisearch';
import type { SearchDocument } from '../documents';
import { toMeiliDocument } from './grams';
import { SEARCH_SETTINGS } from './settings';
import { checkTask, TASK_TIMEOUT_MS } from './sink';

// Full rebuild: a new index `<name>_<timestamp>` gets the settings and every document, then one
// atomic swap makes it the live one and the old one is deleted. Until the swap, searches keep
// using the old index: no half-built index is ever visible.

export const rebuildIndexName = (name: string, now = new Date()) =>
  `${name}_${now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}`;

export async function reindexMeilisearch(
  client: Pick<Meilisearch, 'createIndex' | 'index' | 'swapIndexes' | 'deleteIndex' | 'deleteIndexIfExists'>,
  /** Every public document, in batches (indexer.allDocumentBatches(db)). */
  source: AsyncIterable<SearchDocument[]>,
  name: string,
  options: {
    now?: Date;
    onProgress?: (documents: number) => void;
    /** Runs right after the swap: replay the outbox since the rebuild started (outbox.replayOutboxSince). */
    afterSwap?: () => Promise<unknown>;
  } = {},
): Promise<{ documents: number; built: string }> {
  const built = rebuildIndexName(name, options.now);
  const wait = { timeout: 10 * TASK_TIMEOUT_MS };
  checkTask(await client.createIndex(built, { primaryKey: 'id' }).waitTask(wait), 'create index');
  try {
    checkTask(await client.index(built).updateSettings(SEARCH_SETTINGS).waitTask(wait), 'settings');
    let documents = 0;
    for await (const docs of source) {
      checkTask(await client.index(built).addDocuments(docs.map(toMeiliDocument)).waitTask(wait), 'documents');
      documents += docs.length;
      options.onProgress?.(documents);
    }
    // The live index may not exist yet (first run): create it empty so the swap has two sides.
    const exists = await client
      .index(name)
      .getRawInfo()
      .then(() => true)
      .catch(() => false);
    if (!exists) checkTask(await client.createIndex(name, { primaryKey: 'id' }).waitTask(wait), 'create index');
    checkTask(await client.swapIndexes([{ indexes: [name, built], rename: false }]).waitTask(wait), 'swap');
    await options.afterSwap?.();
    // After the swap `built` holds the previous documents.
    checkTask(await client.deleteIndex(built).waitTask(wait), 'delete old index');
    return { documents, built };
  } catch (error) {
    await client.deleteIndexIfExists(built).catch(() => undefined);
    throw error;
  }
}
