import { getDbHandle } from '../../db/client';
import { drainOutbox } from '../outbox';
import { meilisearchClient, SEARCH_INDEX } from './client';
import { createMeilisearchSink } from './sink';

// The background consumer of the search outbox when MEILI_URL is set: every second, copy what
// changed to Meilisearch (rows back off on their own when it fails). Several instances may run it:
// rows are claimed with SKIP LOCKED, so each change is sent by one of them.

const INTERVAL_MS = 1_000;
let started = false;

export function startSearchOutboxDrain(): void {
  const client = meilisearchClient();
  if (!client || started) return;
  started = true;
  const sink = createMeilisearchSink(client, SEARCH_INDEX);
  let running = false;
  let lastError: string | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { db } = await getDbHandle();
      const result = await drainOutbox(db, sink, { maxBatches: 20 });
      if (result.failed > 0) {
        if (lastError !== 'failed') console.warn(`搜索同步失败，稍后重试 (${result.failed} outbox rows backing off)`);
        lastError = 'failed';
      } else if (result.processed > 0 && lastError) {
        console.info('搜索同步已恢复。');
        lastError = null;
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) console.warn(`搜索同步出错：${message}`);
      lastError = message;
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), INTERVAL_MS).unref();
}
