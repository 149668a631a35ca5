import type { Db } from '../db/client';
import type { SearchDocument } from './documents';
import { loadSearchDocuments, type EntityRef } from './indexer';
import * as outbox from './outbox-repository';
import { HIT_KINDS, type HitKind } from './types';

// Copies changed search documents from PostgreSQL to another engine (Meilisearch), from the
// transactional outbox that every writer fills in its own transaction (indexer.ts).
// - At least once: a row is marked processed only after the engine confirmed the change.
// - In order per document: each batch sends the document's CURRENT state, read in the same
//   transaction that holds the rows, so a late retry can never bring back an old version.
// - Failures back off exponentially per row and are retried; the backlog shows in /api/ready.

/** Where documents are copied to. */
export interface SearchSink {
  readonly name: string;
  /** Resolves once the engine has applied the change (its task succeeded). */
  apply(change: { upserts: SearchDocument[]; deletions: string[] }): Promise<void>;
}

export const OUTBOX_BATCH = 500;
export const RETRY_BASE_MS = 1_000;
export const RETRY_MAX_MS = 5 * 60_000;
/** Processed rows are kept this long (for diagnosis), then removed. */
export const KEEP_PROCESSED_MS = 24 * 3600_000;
/** Without a consumer (no Meilisearch configured) rows are dropped after this long. */
export const ABANDON_UNCONSUMED_MS = 7 * 24 * 3600_000;

/** Delay before attempt `attempts + 1`: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** "penalty:12" → { kind: 'penalty', id: 12 }; null for anything else. */
export function refOfDocId(docId: string): EntityRef | null {
  const m = /^([a-z_]+):(\d+)$/.exec(docId);
  if (!m || !(HIT_KINDS as readonly string[]).includes(m[1]!)) return null;
  return { kind: m[1] as HitKind, id: Number(m[2]) };
}

export interface DrainResult {
  claimed: number;
  processed: number;
  failed: number;
}

/** One batch: claim due rows, send the current state of their documents, record the outcome. */
export async function drainOutboxOnce(
  db: Db,
  sink: SearchSink,
  options: { now?: () => Date; batch?: number } = {},
): Promise<DrainResult> {
  const now = options.now ?? (() => new Date());
  return db.transaction().execute(async (trx) => {
    const rows = await outbox.claimDueRows(trx, now(), options.batch ?? OUTBOX_BATCH);
    if (rows.length === 0) return { claimed: 0, processed: 0, failed: 0 };
    const refs = [...new Set(rows.map((r) => r.docId))].flatMap((id) => refOfDocId(id) ?? []);
    const { upserts, deletions } = await loadSearchDocuments(trx, refs);
    // A subject ref also loads its records; send only what the rows asked for.
    const asked = new Set(rows.map((r) => r.docId));
    const change = {
      upserts: upserts.filter((d) => asked.has(d.docId)),
      deletions: [...new Set([...deletions.filter((id) => asked.has(id)), ...unknownIds(rows)])],
    };
    try {
      await sink.apply(change);
    } catch (error) {
      await outbox.markFailed(
        trx,
        rows.map((r) => ({
          id: r.id,
          attempts: r.attempts + 1,
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(r.attempts + 1)),
          error: error instanceof Error ? error.message : String(error),
        })),
      );
      return { claimed: rows.length, processed: 0, failed: rows.length };
    }
    await outbox.markProcessed(
      trx,
      rows.map((r) => r.id),
      now(),
    );
    return { claimed: rows.length, processed: rows.length, failed: 0 };
  });
}

/** Rows whose doc id names nothing we index: delete them from the engine too. */
function unknownIds(rows: readonly outbox.OutboxRow[]): string[] {
  return rows.filter((r) => refOfDocId(r.docId) === null).map((r) => r.docId);
}

/** Drains until nothing is due (or `maxBatches`), for catching up after an outage. */
export async function drainOutbox(
  db: Db,
  sink: SearchSink,
  options: { now?: () => Date; batch?: number; maxBatches?: number } = {},
): Promise<DrainResult> {
  const total: DrainResult = { claimed: 0, processed: 0, failed: 0 };
  for (let i = 0; i < (options.maxBatches ?? 100); i++) {
    const r = await drainOutboxOnce(db, sink, options);
    total.claimed += r.claimed;
    total.processed += r.processed;
    total.failed += r.failed;
    if (r.claimed === 0 || r.failed > 0) break;
  }
  return total;
}

/** Housekeeping: processed rows after a day; with no consumer at all, every row after a week. */
export function pruneOutbox(db: Db, options: { hasConsumer: boolean; now?: Date }): Promise<number> {
  const now = (options.now ?? new Date()).getTime();
  return outbox.deleteOldRows(
    db,
    new Date(now - KEEP_PROCESSED_MS),
    options.hasConsumer ? null : new Date(now - ABANDON_UNCONSUMED_MS),
  );
}

export const outboxBacklog = (db: Db, now = new Date()) => outbox.backlog(db, now);

/** Margin before a rebuild's start: a transaction that began earlier may commit while the rebuild reads. */
export const REPLAY_MARGIN_MS = 60_000;

/**
 * After a rebuild swapped in an index read from the tables since `rebuildStarted`, sends every
 * change from (a margin before) then again, so none that reached only the old index is lost.
 * Replaying is harmless: each row sends the document's current state.
 */
export function replayOutboxSince(db: Db, rebuildStarted: Date, now = new Date()): Promise<number> {
  return outbox.requeueSince(db, new Date(rebuildStarted.getTime() - REPLAY_MARGIN_MS), now);
}
