import { sql } from 'kysely';
import type { Db } from '../db/client';
import { syncSearchDocuments } from '../search/indexer';
import { announceOverdueTasks } from '../coordination/service';
import { SYSTEM_LIFECYCLE, writeAudit } from '../audit';
import {
  applyRecordChange,
  emitRecordEvents,
  recordTransaction,
  type RecordEvent,
  type RecordRef,
} from '../records/writer';

// Lifecycle transitions (SPEC §4, §5). Visibility never waits for this job: the public
// predicates compare with today. The job only records, once each, that a penalty's
// publication ended, a licence expired or a list entry ran out — in lifecycle_transitions
// (whose primary key is the job key) and in the audit log — and marks ended list entries
// 已到期 so that systems following changed_since see the change.

export const TRANSITIONS = {
  penalty: { entityType: 'penalty_record', transition: 'publication_ended', label: '公示期满，自动停止公示' },
  licence: { entityType: 'licensing_record', transition: 'licence_expired', label: '许可有效期届满，标记为已过期' },
  listEntry: { entityType: 'list_entry', transition: 'list_entry_expired', label: '名单有效期届满，自动移出' },
} as const;

export interface LifecycleResult {
  penaltiesEnded: number;
  licencesExpired: number;
  listEntriesExpired: number;
  /** Joint-action tasks announced overdue today (task.overdue, once each). */
  tasksOverdue: number;
}

/** Records every transition due on `today` that is not recorded yet; running it twice records nothing new. */
export async function runLifecycle(db: Db, today: string): Promise<LifecycleResult> {
  return recordTransaction(db, async (trx) => {
    const penalties = await sql<{ entityId: number; effectiveOn: string }>`
      insert into lifecycle_transitions (entity_type, entity_id, transition, effective_on)
      select ${TRANSITIONS.penalty.entityType}, id, ${TRANSITIONS.penalty.transition}, public_until
      from penalty_records where status = 'published' and public_until <= ${today}::date
      on conflict do nothing
      returning entity_id, effective_on::text`.execute(trx);
    const licences = await sql<{ entityId: number; effectiveOn: string }>`
      insert into lifecycle_transitions (entity_type, entity_id, transition, effective_on)
      select ${TRANSITIONS.licence.entityType}, id, ${TRANSITIONS.licence.transition}, valid_until + 1
      from licensing_records where status in ('published', 'suspended') and valid_until < ${today}::date
      on conflict do nothing
      returning entity_id, effective_on::text`.execute(trx);
    const entries = await sql<{ entityId: number; effectiveOn: string }>`
      insert into lifecycle_transitions (entity_type, entity_id, transition, effective_on)
      select ${TRANSITIONS.listEntry.entityType}, id, ${TRANSITIONS.listEntry.transition}, valid_until + 1
      from list_entries where status = 'active' and valid_until < ${today}::date
      on conflict do nothing
      returning entity_id, effective_on::text`.execute(trx);

    // List entries end through the one writer (status 已到期, audit, search, events); a penalty's
    // and a licence's row does not change (the public predicates compare with today): they are
    // only recorded, in the same vocabulary.
    const changed: RecordRef[] = [];
    const events: RecordEvent[] = [];
    for (const r of entries.rows) {
      const done = await applyRecordChange(
        trx,
        SYSTEM_LIFECYCLE,
        { kind: 'list_entry', id: Number(r.entityId) },
        { type: 'expire', on: today },
        TRANSITIONS.listEntry.label,
        { sync: false },
      );
      changed.push(...done.changed);
      events.push(...done.events);
    }
    const ended = (rows: { entityId: number; effectiveOn: string }[], kind: 'penalty' | 'licensing', note: string) =>
      rows.map((r) => ({
        action: `${kind}.expire` as const,
        entity: kind,
        entityId: Number(r.entityId),
        after: { effectiveOn: r.effectiveOn },
        note,
      }));
    await writeAudit(trx, SYSTEM_LIFECYCLE, [
      ...ended(penalties.rows, 'penalty', TRANSITIONS.penalty.label),
      ...ended(licences.rows, 'licensing', TRANSITIONS.licence.label),
    ]);
    // An ended penalty needs no re-index: search compares with today itself. A list entry's status changed.
    if (changed.length > 0) await syncSearchDocuments(trx, changed);
    await emitRecordEvents(trx, events);
    // After the expiries: an entry that ran out ended its tasks, which are then not overdue.
    const tasksOverdue = await announceOverdueTasks(trx, today);
    const entryIds = changed.map((c) => c.id);
    return {
      penaltiesEnded: penalties.rows.length,
      licencesExpired: licences.rows.length,
      listEntriesExpired: entryIds.length,
      tasksOverdue,
    };
  });
}
