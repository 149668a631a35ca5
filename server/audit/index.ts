import { sql } from 'kysely';
import type { Db } from '../db/client';
import { columnList, jsonRecordset } from '../db/json-rows';

// The one audit trail (SPEC §7: append-only, who, when, what, before and after). Every writer
// names entities and actions from the vocabulary below, so that a record's history is found
// under one name (before issue 12, a penalty was `penalty` in one writer and `penalty_record`
// in another).

/** Entity names: a record is named after its table; everything else after its feature. */
export const AUDIT_ENTITIES = {
  penalty: 'penalty_record',
  licensing: 'licensing_record',
  list_entry: 'list_entry',
  application: 'application',
  staff_user: 'staff_user',
  api_key: 'api_key',
  catalog_item: 'catalog_item',
  exposure: 'exposure_case',
  department_unit: 'department_unit',
  workday_calendar: 'workday_calendar',
  coordination_task: 'coordination_task',
  coordination_feedback: 'coordination_feedback',
  webhook_subscription: 'webhook_subscription',
  webhook_delivery: 'webhook_delivery',
} as const;
export type AuditEntityKey = keyof typeof AUDIT_ENTITIES;
export type AuditEntity = (typeof AUDIT_ENTITIES)[AuditEntityKey];

/** What can happen to a public record (the verbs of server/records/writer.ts). */
export const RECORD_ACTIONS = [
  'create',
  'import_create',
  'import_update',
  'suspend',
  'resume',
  'correct',
  'withdraw',
  'remove',
  'repair',
  'expire',
  'publication_ended',
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export type AuditAction =
  | `${'penalty' | 'licensing' | 'list_entry'}.${RecordAction}`
  | `application.${'submit' | 'accept' | 'refuse' | 'decide' | 'query_code_reissue'}`
  | `task.${'create' | 'answer' | 'pause' | 'resume' | 'end' | 'overdue'}`
  | 'feedback.create'
  | `webhook.${'subscribe' | 'pause' | 'resume' | 'redeliver'}`
  | `staff.${'sign_in' | 'sign_in_failed' | 'sign_out_everywhere' | 'create'}`
  | `api_key.${'create' | 'revoke'}`
  | `catalog.${'create' | 'activate' | 'deactivate'}`
  | `exposure.${'publish' | 'withdraw'}`
  | `department_unit.${'register' | 'remove'}`
  | 'calendar.save';

export interface AuditActor {
  type: 'staff' | 'system' | 'public' | 'api';
  id: string | null;
  label: string;
}

export interface AuditEntry {
  action: AuditAction;
  entity: AuditEntityKey;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : v);

function row(actor: AuditActor, e: AuditEntry) {
  return {
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: e.action,
    entityType: AUDIT_ENTITIES[e.entity],
    entityId: String(e.entityId),
    before: json(e.before),
    after: json(e.after),
    note: e.note ?? null,
  };
}

const KEYS = ['actorType', 'actorId', 'actorLabel', 'action', 'entityType', 'entityId', 'before', 'after', 'note'];

/** Appends audit entries in one statement (one JSON parameter, so a 2,000-row import batch is one round trip). */
export async function writeAudit(db: Db, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 5000) {
    const rows = entries.slice(i, i + 5000).map((e) => row(actor, e));
    await sql`
      insert into audit_log (${columnList(KEYS)})
      select ${columnList(KEYS)} from json_populate_recordset(null::audit_log, ${jsonRecordset(rows)})`.execute(db);
  }
}

/** The actor of a signed-in staff member. */
export const staffActor = (staff: { id: number; displayName: string }): AuditActor => ({
  type: 'staff',
  id: String(staff.id),
  label: staff.displayName,
});
export const SYSTEM_LIFECYCLE: AuditActor = { type: 'system', id: 'lifecycle', label: '生命周期任务' };
export const PUBLIC_APPLICANT: AuditActor = { type: 'public', id: null, label: '申请人' };

/** One entry in the shape of the sign-in code (server/auth): the same table, the same vocabulary. */
export async function insertAudit(
  db: Db,
  a: {
    actorType: AuditActor['type'];
    actorId: string | null;
    actorLabel: string;
    action: AuditAction;
    entityType: AuditEntity;
    entityId: string;
    before: unknown;
    after: unknown;
    note?: string | null;
  },
): Promise<void> {
  const entity = (Object.keys(AUDIT_ENTITIES) as AuditEntityKey[]).find((k) => AUDIT_ENTITIES[k] === a.entityType)!;
  await writeAudit(db, { type: a.actorType, id: a.actorId, label: a.actorLabel }, [
    { action: a.action, entity, entityId: a.entityId, before: a.before, after: a.after, note: a.note ?? null },
  ]);
}
