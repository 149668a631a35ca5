import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { changingPublicData } from '../http/invalidate';
import { writeAudit, type AuditActor, type AuditEntry } from '../audit';
import {
  cascadeToListEntries,
  decideChange,
  type RecordChange,
  type RecordEventName,
  type RecordKind,
} from '../rules/record-lifecycle';
import { syncSearchDocuments } from '../search/indexer';
import { coordinateRecordEvents } from '../coordination/bridge';

// THE writer of public records (issue 12): every change to penalty_records, licensing_records
// and list_entries goes through this module — it asks the pure rule
// (server/rules/record-lifecycle.ts), writes the row, the audit entry and the search documents
// in the caller's transaction, tells the subscribers, and (through recordTransaction) drops the
// cached public pages once the transaction committed. tests/unit/records/one-writer.test.ts
// fails when code elsewhere writes those tables.

export interface RecordRef {
  kind: RecordKind;
  id: number;
}

/** One thing that happened to a record; subscribers (issue 14: joint-action tasks, webhooks) get them in the transaction. */
export interface RecordEvent extends RecordRef {
  event: RecordEventName;
  departmentId: number;
  subjectId: number;
  on: string;
}

export type RecordListener = (trx: Db, events: readonly RecordEvent[]) => Promise<void>;
const listeners: RecordListener[] = [];

/**
 * Subscribes to record events. The listener runs INSIDE the writing transaction (an outbox row
 * it writes commits or rolls back with the change); a listener that throws rolls the change back.
 */
export function onRecordChange(listener: RecordListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function emitRecordEvents(trx: Db, events: readonly RecordEvent[]): Promise<void> {
  if (events.length === 0) return;
  // Joint-action tasks and webhooks (issue 14) always follow a record change.
  await coordinateRecordEvents(trx, events);
  for (const l of listeners) await l(trx, events);
}

/** A transaction that changes public records; cached public pages are dropped after it committed. */
export function recordTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return changingPublicData(() => db.transaction().execute(work));
}

const TABLE = { penalty: 'penaltyRecords', licensing: 'licensingRecords', list_entry: 'listEntries' } as const;

export async function lockRecord(trx: Db, ref: RecordRef) {
  return (await trx.selectFrom(TABLE[ref.kind]).selectAll().where('id', '=', ref.id).forUpdate().executeTakeFirst()) as
    (Record<string, unknown> & { id: number; status: string; departmentId: number; subjectId: number }) | undefined;
}

async function entriesOnPenalty(trx: Db, penaltyId: number) {
  return trx
    .selectFrom('listEntries')
    .selectAll()
    .where('penaltyRecordId', '=', penaltyId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Writes a set of columns to one record row (the only UPDATE of the record tables outside imports). */
export async function updateRecordRow(trx: Db, kind: RecordKind, id: number, set: Record<string, unknown>) {
  const values = { ...set };
  if ('decidedCorrections' in values) values.decidedCorrections = JSON.stringify(values.decidedCorrections);
  await trx
    .updateTable(TABLE[kind])
    .set({ ...values, updatedAt: sql`now()` } as never)
    .where('id', '=', id)
    .execute();
}

export interface ChangeResult {
  changed: RecordRef[];
  events: RecordEvent[];
}

const refusalError = (message: string, conflict?: boolean) =>
  new TRPCError({ code: conflict ? 'CONFLICT' : 'BAD_REQUEST', message });

/**
 * Applies one change to one record (and, for a penalty, to the list entries resting on it):
 * the rule decides, then row, audit entry, search documents and events, all in `trx`.
 * A refusal throws a TRPCError with the rule's Chinese sentence.
 */
export async function applyRecordChange(
  trx: Db,
  actor: AuditActor,
  ref: RecordRef,
  change: RecordChange,
  reason: string | null,
  options: { before?: Awaited<ReturnType<typeof lockRecord>>; cascade?: boolean; sync?: boolean } = {},
): Promise<ChangeResult> {
  const before = options.before ?? (await lockRecord(trx, ref));
  if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: '没有这条信息。' });
  const decision = decideChange(ref.kind, before as never, change);
  if (!decision.ok) throw refusalError(decision.refusal, decision.conflict);
  const result: ChangeResult = { changed: [], events: [] };
  const audits: AuditEntry[] = [];
  if (Object.keys(decision.set).length > 0) {
    await updateRecordRow(trx, ref.kind, ref.id, decision.set);
    result.changed.push(ref);
  }
  if (Object.keys(decision.set).length > 0 || decision.events.length > 0) {
    audits.push({
      // A list entry is never "withdrawn": it is removed because its penalty was.
      action: `${ref.kind}.${ref.kind === 'list_entry' && change.type === 'withdraw' ? 'remove' : change.type}`,
      entity: ref.kind,
      entityId: ref.id,
      before,
      after: { ...before, ...decision.set },
      note: reason,
    });
  }
  for (const event of decision.events)
    result.events.push({
      ...ref,
      event,
      departmentId: before.departmentId,
      subjectId: before.subjectId,
      on: change.on,
    });
  await writeAudit(trx, actor, audits);
  const cascaded = ref.kind === 'penalty' && options.cascade !== false ? cascadeToListEntries(change) : null;
  if (cascaded) {
    for (const entry of await entriesOnPenalty(trx, ref.id)) {
      const r = await applyRecordChange(trx, actor, { kind: 'list_entry', id: entry.id }, cascaded, reason, {
        before: entry as never,
        sync: false,
      }).catch((err: unknown) => {
        // An entry already ended (removed twice, say) keeps its state; the penalty's change stands.
        if (err instanceof TRPCError && err.code === 'CONFLICT') return { changed: [], events: [] };
        throw err;
      });
      result.changed.push(...r.changed);
      result.events.push(...r.events);
    }
  }
  if (options.sync !== false) {
    if (result.changed.length) await syncSearchDocuments(trx, result.changed);
    await emitRecordEvents(trx, result.events);
  }
  return result;
}

/** Inserts a new record (the staff forms); audit, search and events as for any change. */
export async function publishRecord<K extends 'penalty' | 'list_entry'>(
  trx: Db,
  actor: AuditActor,
  kind: K,
  values: Record<string, unknown>,
  note: string | null = null,
  /** Rows that must exist before the search document is built (a list entry's measures). */
  afterInsert?: (row: { id: number }) => Promise<void>,
) {
  const row = (await trx
    .insertInto(TABLE[kind])
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as Record<string, unknown> & {
    id: number;
    status: string;
    departmentId: number;
    subjectId: number;
  };
  await afterInsert?.(row);
  await writeAudit(trx, actor, [{ action: `${kind}.create`, entity: kind, entityId: row.id, after: row, note }]);
  await syncSearchDocuments(trx, [{ kind, id: row.id }]);
  const live = row.status === 'published' || row.status === 'active';
  await emitRecordEvents(
    trx,
    live
      ? [
          {
            kind,
            id: row.id,
            event: 'published',
            departmentId: row.departmentId,
            subjectId: row.subjectId,
            on: String(row.publicFrom ?? row.listedOn),
          },
        ]
      : [],
  );
  return row;
}
