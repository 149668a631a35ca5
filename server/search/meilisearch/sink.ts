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
  return {
    name: `meilisearch:${indexName}`,
    async apply({ upserts, deletions }) {
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
