import { expect, it } from 'vitest';
import type { SearchDocument } from '@/server/search/documents';
import { syncSearchDocuments } from '@/server/search/indexer';
import { drainOutbox, drainOutboxOnce, outboxBacklog, pruneOutbox, type SearchSink } from '@/server/search/outbox';
import { describeEachDatabase } from '../helpers/databases';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';

/** An engine that records what it was sent, and can be told to fail. */
class RecordingSink implements SearchSink {
  readonly name = 'recording';
  failWith: string | null = null;
  readonly upserts = new Map<string, SearchDocument>();
  readonly deleted: string[] = [];
  calls = 0;
  async apply(change: { upserts: SearchDocument[]; deletions: string[] }) {
    this.calls += 1;
    if (this.failWith) throw new Error(this.failWith);
    for (const d of change.upserts) this.upserts.set(d.docId, d);
    for (const id of change.deletions) {
      this.upserts.delete(id);
      this.deleted.push(id);
    }
  }
}

describeEachDatabase('search outbox: copying changes to another engine', (current) => {
  const today = '2026-03-01';

  async function publicPenalty() {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市outbox测试有限公司');
    const penalty = await createPenalty(db, company, department, { publicUntil: '2029-01-01' });
    await db.transaction().execute((trx) => syncSearchDocuments(trx, [{ kind: 'penalty', id: penalty.id }]));
    return penalty;
  }

  it('sends a changed record once, then its removal, and leaves no backlog', async () => {
    const { db } = current();
    await drainOutbox(db, new RecordingSink()); // earlier tests' rows
    const sink = new RecordingSink();
    const penalty = await publicPenalty();
    const first = await drainOutbox(db, sink);
    expect(first.processed).toBeGreaterThan(0);
    expect(sink.upserts.get(`penalty:${penalty.id}`)?.display.documentNumber).toBe(penalty.documentNumber);
    expect((await outboxBacklog(db)).pending).toBe(0);
    expect((await drainOutbox(db, sink)).claimed).toBe(0);

    await db
      .updateTable('penaltyRecords')
      .set({ status: 'withdrawn', withdrawnOn: today })
      .where('id', '=', penalty.id)
      .execute();
    await db.transaction().execute((trx) => syncSearchDocuments(trx, [{ kind: 'penalty', id: penalty.id }]));
    await drainOutbox(db, sink);
    expect(sink.upserts.has(`penalty:${penalty.id}`)).toBe(false);
    expect(sink.deleted).toContain(`penalty:${penalty.id}`);
  });

  it('sends the current state when several changes queued up (never an older version)', async () => {
    const { db } = current();
    await drainOutbox(db, new RecordingSink());
    const penalty = await publicPenalty();
    await db
      .updateTable('penaltyRecords')
      .set({ violationType: '第二次更正后的违法行为类型' })
      .where('id', '=', penalty.id)
      .execute();
    await db.transaction().execute((trx) => syncSearchDocuments(trx, [{ kind: 'penalty', id: penalty.id }]));
    const sink = new RecordingSink();
    await drainOutbox(db, sink);
    expect(sink.calls).toBe(1);
    expect(sink.upserts.get(`penalty:${penalty.id}`)?.display.subtitle).toContain('第二次更正后的违法行为类型');
  });

  it('a failing engine keeps the rows, backs off, and catches up when it is back', async () => {
    const { db } = current();
    await drainOutbox(db, new RecordingSink());
    const penalty = await publicPenalty();
    const sink = new RecordingSink();
    sink.failWith = 'connect ECONNREFUSED 127.0.0.1:7700';
    const t0 = new Date();
    const failed = await drainOutboxOnce(db, sink, { now: () => t0 });
    expect(failed.failed).toBeGreaterThan(0);
    const backlog = await outboxBacklog(db);
    expect(backlog.pending).toBe(failed.claimed);
    expect(backlog.failing).toBe(failed.claimed);
    const row = await db
      .selectFrom('searchOutbox')
      .selectAll()
      .where('docId', '=', `penalty:${penalty.id}`)
      .where('processedAt', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('ECONNREFUSED');
    expect(new Date(row.nextAttemptAt).getTime() - t0.getTime()).toBe(1_000);

    // Not due yet: nothing is claimed, the engine is not called again.
    const calls = sink.calls;
    expect((await drainOutboxOnce(db, sink, { now: () => new Date(t0.getTime() + 500) })).claimed).toBe(0);
    expect(sink.calls).toBe(calls);

    sink.failWith = null;
    const caughtUp = await drainOutbox(db, sink, { now: () => new Date(t0.getTime() + 1_500) });
    expect(caughtUp.processed).toBe(failed.claimed);
    expect(sink.upserts.has(`penalty:${penalty.id}`)).toBe(true);
    expect((await outboxBacklog(db, new Date(t0.getTime() + 1_500))).pending).toBe(0);
  });

  it('prunes processed rows after a day, and unconsumed rows after a week only when nobody consumes', async () => {
    const { db } = current();
    await drainOutbox(db, new RecordingSink());
    await publicPenalty(); // one unprocessed row
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600_000);
    const processedBefore = await db
      .selectFrom('searchOutbox')
      .select('id')
      .where('processedAt', 'is not', null)
      .execute();
    expect(processedBefore.length).toBeGreaterThan(0);
    await pruneOutbox(db, { hasConsumer: true, now: inTwoDays });
    expect(await db.selectFrom('searchOutbox').select('id').where('processedAt', 'is not', null).execute()).toEqual([]);
    expect((await outboxBacklog(db)).pending).toBe(1);
    await pruneOutbox(db, { hasConsumer: false, now: inTwoDays });
    expect((await outboxBacklog(db)).pending).toBe(1);
    await pruneOutbox(db, { hasConsumer: false, now: new Date(Date.now() + 8 * 24 * 3600_000) });
    expect((await outboxBacklog(db)).pending).toBe(0);
  });
});
