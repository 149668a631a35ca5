import { sql } from 'kysely';
import type { Db } from '../db/client';
import { syncSearchDocuments } from '../search/indexer';

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
}

/** Records every transition due on `today` that is not recorded yet; running it twice records nothing new. */
export async function runLifecycle(db: Db, today: string): Promise<LifecycleResult> {
  return db.transaction().execute(async (trx) => {
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

    const entryIds = entries.rows.map((r) => Number(r.entityId));
    if (entryIds.length > 0) {
      await sql`update list_entries set status = 'expired', updated_at = now()
        where id in (${sql.join(entryIds)}) and status = 'active'`.execute(trx);
    }
    const audit = [
      ...penalties.rows.map((r) => ({ ...r, t: TRANSITIONS.penalty })),
      ...licences.rows.map((r) => ({ ...r, t: TRANSITIONS.licence })),
      ...entries.rows.map((r) => ({ ...r, t: TRANSITIONS.listEntry })),
    ];
    for (let i = 0; i < audit.length; i += 1000) {
      await trx
        .insertInto('auditLog')
        .values(
          audit.slice(i, i + 1000).map((a) => ({
            actorType: 'system' as const,
            actorId: 'lifecycle',
            actorLabel: '生命周期任务',
            action: a.t.transition,
            entityType: a.t.entityType,
            entityId: String(a.entityId),
            before: null,
            after: JSON.stringify({
              effectiveOn: a.effectiveOn,
              ...(a.t === TRANSITIONS.listEntry ? { status: 'expired' } : {}),
            }),
            note: a.t.label,
          })),
        )
        .execute();
    }
    // An ended penalty needs no re-index: search compares with today itself. A list entry's status changed.
    if (entryIds.length > 0)
      await syncSearchDocuments(
        trx,
        entryIds.map((id) => ({ kind: 'list_entry' as const, id })),
      );
    return {
      penaltiesEnded: penalties.rows.length,
      licencesExpired: licences.rows.length,
      listEntriesExpired: entryIds.length,
    };
  });
}
