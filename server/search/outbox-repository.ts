import { sql } from 'kysely';
import type { Db } from '../db/client';

// SQL of the search outbox: the queue of changed search documents that engines other than
// PostgreSQL (Meilisearch) copy from, in order, at least once.

export interface OutboxRow {
  id: number;
  docId: string;
  op: 'upsert' | 'delete';
  attempts: number;
}

/**
 * Claims up to `limit` due rows, oldest first. Rows are locked until the caller's
 * transaction ends, and rows another consumer holds are skipped (several instances may run
 * the consumer at once without copying a change twice at the same time).
 */
export function claimDueRows(db: Db, now: Date, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('searchOutbox')
    .select(['id', 'docId', 'op', 'attempts'])
    .where('processedAt', 'is', null)
    .where('nextAttemptAt', '<=', now)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markProcessed(db: Db, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('searchOutbox').set({ processedAt: now }).where('id', 'in', ids).execute();
}

export async function markFailed(
  db: Db,
  failures: readonly { id: number; attempts: number; nextAttemptAt: Date; error: string }[],
): Promise<void> {
  for (const f of failures) {
    await db
      .updateTable('searchOutbox')
      .set({ attempts: f.attempts, nextAttemptAt: f.nextAttemptAt, lastError: f.error.slice(0, 1000) })
      .where('id', '=', f.id)
      .execute();
  }
}

/** Removes processed rows older than `before`, and any row older than `abandonBefore`. */
export async function deleteOldRows(db: Db, before: Date, abandonBefore: Date | null): Promise<number> {
  const result = await db
    .deleteFrom('searchOutbox')
    .where((eb) =>
      abandonBefore
        ? eb.or([
            eb.and([eb('processedAt', 'is not', null), eb('processedAt', '<', before)]),
            eb('createdAt', '<', abandonBefore),
          ])
        : eb.and([eb('processedAt', 'is not', null), eb('processedAt', '<', before)]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface OutboxBacklog {
  pending: number;
  /** Age in seconds of the oldest row not yet copied, or null. */
  oldestPendingSeconds: number | null;
  failing: number;
}

export async function backlog(db: Db, now: Date): Promise<OutboxBacklog> {
  const row = await db
    .selectFrom('searchOutbox')
    .where('processedAt', 'is', null)
    .select([
      (eb) => eb.fn.countAll<number>().as('pending'),
      sql<Date | null>`min(created_at)`.as('oldest'),
      sql<number>`count(*) filter (where attempts > 0)`.as('failing'),
    ])
    .executeTakeFirstOrThrow();
  const oldest = row.oldest ? new Date(row.oldest) : null;
  return {
    pending: Number(row.pending),
    oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
    failing: Number(row.failing),
  };
}

/**
 * Marks rows created since `since` as due again (after an index rebuild swapped in a copy read
 * before them), and makes every unprocessed row due now (a backing-off row need not wait any more).
 */
export async function requeueSince(db: Db, since: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('searchOutbox')
    .set({ processedAt: null, nextAttemptAt: now, attempts: 0 })
    .where((eb) => eb.or([eb('createdAt', '>=', since), eb('processedAt', 'is', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
