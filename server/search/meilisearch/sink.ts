import type { Meilisearch, Task } from 'meilisearch';
import type { SearchSink } from '../outbox';
import { meiliIdOf, toMeiliDocument } from './grams';

// The outbox's sink for Meilisearch: documents mapped, every task waited for and checked, and
// any failure thrown, so the outbox keeps its rows and backs off.

/** How long one task may take before the batch counts as failed (it is retried; the change is idempotent). */
export const TASK_TIMEOUT_MS = 30_000;

export function checkTask(task: Task, what: string): void {
  if (task.status !== 'succeeded') {
    throw new Error(
      `Meilisearch ${what} task ${task.uid} ${task.status}: ${task.error?.message ?? 'no error message'}`,
    );
  }
}

export function createMeilisearchSink(client: Meilisearch, indexName: string): SearchSink {
  const index = client.index(indexName);
  let exists = false;
  return {
    name: `meilisearch:${indexName}`,
    async apply({ upserts, deletions }) {
      // Never let a write create the index without its settings: until `npm run search:reindex` ran, rows back off.
      if (!exists) {
        await index.getRawInfo().catch((error: unknown) => {
          throw new Error(
            `Meilisearch index ${indexName} is missing; run npm run search:reindex (${error instanceof Error ? error.message : String(error)})`,
          );
        });
        exists = true;
      }
      // Upserts replace whole documents; deletions of ids never indexed succeed as no-ops.
      if (upserts.length > 0) {
        const task = await index
          .addDocuments(upserts.map(toMeiliDocument), { primaryKey: 'id' })
          .waitTask({ timeout: TASK_TIMEOUT_MS });
        checkTask(task, 'documents');
      }
      if (deletions.length > 0) {
        const task = await index.deleteDocuments(deletions.map(meiliIdOf)).waitTask({ timeout: TASK_TIMEOUT_MS });
        checkTask(task, 'deletion');
      }
    },
  };
}
