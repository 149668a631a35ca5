import { Meilisearch } from 'meilisearch';
import { describe, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { allDocumentBatches } from '@/server/search/indexer';
import { createMeilisearchEngine } from '@/server/search/meilisearch/engine';
import { SEARCH_SETTINGS } from '@/server/search/meilisearch/settings';
import { checkTask, createMeilisearchSink } from '@/server/search/meilisearch/sink';
import { drainOutbox } from '@/server/search/outbox';
import { withForgiveness } from '@/server/search/forgiving';
import { searchEngineContract } from './contract';

// The same engine contract as the PostgreSQL engine, against a real Meilisearch (MEILI_URL): a
// fresh index per database run, the settings of settings.ts, the fixtures loaded through the
// sink, and every later write delivered through the outbox as in production.

const MEILI_URL = process.env.MEILI_URL;

if (!MEILI_URL) {
  describe.skip('skipped: MEILI_URL is not set — no Meilisearch server on this machine; the engine contract suite did not run against Meilisearch', () => {
    it('runs the engine contract against Meilisearch when MEILI_URL is set', () => undefined);
  });
} else {
  const client = new Meilisearch({ host: MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY });
  const indexes = new WeakMap<Db, string>();
  let serial = 0;

  async function freshIndex(db: Db): Promise<string> {
    const name = `contract_${process.pid}_${Date.now()}_${serial++}`;
    checkTask(await client.createIndex(name, { primaryKey: 'id' }).waitTask(), 'create index');
    checkTask(await client.index(name).updateSettings(SEARCH_SETTINGS).waitTask(), 'settings');
    const sink = createMeilisearchSink(client, name);
    for await (const docs of allDocumentBatches(db)) await sink.apply({ upserts: docs, deletions: [] });
    indexes.set(db, name);
    return name;
  }

  searchEngineContract(
    'Meilisearch engine',
    (db) => withForgiveness(db, createMeilisearchEngine(client, { db, indexName: indexes.get(db)! })),
    {
      afterWrite: async (db) => {
        const name = indexes.get(db) ?? (await freshIndex(db));
        const result = await drainOutbox(db, createMeilisearchSink(client, name), { maxBatches: 1000 });
        if (result.failed > 0) throw new Error(`outbox delivery to Meilisearch failed (${result.failed} rows)`);
      },
    },
  );
}
