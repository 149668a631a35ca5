import { expect, it } from 'vitest';
import type { SearchDocument } from '@/server/search/documents';
import { syncSearchDocuments } from '@/server/search/indexer';
import { drainOutbox, replayOutboxSince, REPLAY_MARGIN_MS, type SearchSink } from '@/server/search/outbox';
import { describeEachDatabase } from '../helpers/databases';
import { createCompany } from '../helpers/fixtures';

// After a Meilisearch rebuild swaps in a copy read from the tables, every change since (a margin
// before) the rebuild started is sent again, so a change that reached only the old index is not lost.

class RecordingSink implements SearchSink {
  readonly name = 'recording';
  readonly upserts: string[] = [];
  async apply(change: { upserts: SearchDocument[]; deletions: string[] }) {
    this.upserts.push(...change.upserts.map((d) => d.docId));
  }
}

describeEachDatabase('search outbox: replay after a rebuild', (current) => {
  it('re-sends changes made since the rebuild started (with a margin), not older ones', async () => {
    const { db } = current();
    await drainOutbox(db, new RecordingSink());
    const company = await createCompany(db, '乐山市重建回放测试有限公司');
    await db.transaction().execute((trx) => syncSearchDocuments(trx, [{ kind: 'subject', id: company.id }]));
    const first = new RecordingSink();
    await drainOutbox(db, first);
    expect(first.upserts).toContain(`subject:${company.id}`);
    expect(await drainOutbox(db, new RecordingSink())).toMatchObject({ claimed: 0 });

    // A rebuild that started now: the change above is within the margin, so it is sent again.
    const replayed = await replayOutboxSince(db, new Date());
    expect(replayed).toBeGreaterThan(0);
    const again = new RecordingSink();
    await drainOutbox(db, again);
    expect(again.upserts).toContain(`subject:${company.id}`);

    // A rebuild that started well after the change (beyond the margin) leaves it processed.
    const later = new Date(Date.now() + 2 * REPLAY_MARGIN_MS);
    expect(await replayOutboxSince(db, later)).toBe(0);
    expect(await drainOutbox(db, new RecordingSink())).toMatchObject({ claimed: 0 });
  });
});
