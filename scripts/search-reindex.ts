// `npm run search:reindex`: rebuild the Meilisearch index from PostgreSQL into a new index and swap it in.
import { defaultTarget, openDatabase } from '../server/db/client';
import { allDocumentBatches } from '../server/search/indexer';
import { meilisearchClient, SEARCH_INDEX } from '../server/search/meilisearch/client';
import { reindexMeilisearch } from '../server/search/meilisearch/reindex';
import { replayOutboxSince } from '../server/search/outbox';

const client = meilisearchClient();
if (!client) {
  console.error('未设置 MEILI_URL：搜索在 PostgreSQL 中运行，无需重建 Meilisearch 索引。');
  process.exit(1);
}
const handle = await openDatabase(defaultTarget());
try {
  const started = new Date();
  const { documents } = await reindexMeilisearch(client, allDocumentBatches(handle.db, 1000), SEARCH_INDEX, {
    onProgress: (n) => process.stdout.write(`\r已写入 ${n} 条文档…`),
    // Changes made while the rebuild read the tables may have reached only the old index: send them again.
    afterSwap: () => replayOutboxSince(handle.db, started),
  });
  console.log(
    `\n索引 ${SEARCH_INDEX} 已重建并切换：${documents} 条文档，用时 ${Math.round((Date.now() - started.getTime()) / 1000)} 秒。`,
  );
} finally {
  await handle.close();
}
