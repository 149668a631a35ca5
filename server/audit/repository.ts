import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/client';
import { containsPattern } from '../db/like';
import { AUDIT_ENTITIES } from './index';

// Reading the audit trail (/admin/audit). Written only by ./index; read only here.

export interface AuditQuery {
  /** Only entries that belong to this department (department staff); null: every entry. */
  departmentId: number | null;
  entityType?: string;
  entityId?: string;
  documentNumberNorm?: string;
  actor?: string;
  action?: string;
  /** Calendar days in Asia/Shanghai, inclusive. */
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

const E = AUDIT_ENTITIES;

/**
 * What belongs to a department: what its staff did, and what happened to its records,
 * applications and sub-units (whoever did it — the office, an applicant, the lifecycle job).
 */
function ofDepartment(departmentId: number): Expression<SqlBool> {
  const d = departmentId;
  return sql<SqlBool>`(
       (audit_log.actor_type = 'staff' and audit_log.actor_id in (select id::text from staff_users where department_id = ${d}))
    or (audit_log.entity_type = ${E.penalty} and audit_log.entity_id in (select id::text from penalty_records where department_id = ${d}))
    or (audit_log.entity_type = ${E.licensing} and audit_log.entity_id in (select id::text from licensing_records where department_id = ${d}))
    or (audit_log.entity_type = ${E.list_entry} and audit_log.entity_id in (select id::text from list_entries where department_id = ${d}))
    or (audit_log.entity_type = ${E.application} and audit_log.entity_id in (select id::text from applications where department_id = ${d}))
    or (audit_log.entity_type = ${E.department_unit}
        and coalesce(audit_log.after ->> 'departmentId', audit_log.before ->> 'departmentId') = ${String(d)}))`;
}

function byDocumentNumber(norm: string): Expression<SqlBool> {
  return sql<SqlBool>`(
       (audit_log.entity_type = ${E.penalty} and audit_log.entity_id in (select id::text from penalty_records where document_number_norm = ${norm}))
    or (audit_log.entity_type = ${E.licensing} and audit_log.entity_id in (select id::text from licensing_records where document_number_norm = ${norm}))
    or (audit_log.entity_type = ${E.list_entry} and audit_log.entity_id in (
          select l.id::text from list_entries l join penalty_records p on p.id = l.penalty_record_id where p.document_number_norm = ${norm})))`;
}

/** Entries newest first, `limit` of them, older than `before` when given. */
export async function listAuditEntries(db: Db, q: AuditQuery) {
  let s = db
    .selectFrom('auditLog')
    .select([
      'id',
      'at',
      'actorType',
      'actorId',
      'actorLabel',
      'action',
      'entityType',
      'entityId',
      'before',
      'after',
      'note',
    ])
    .orderBy('id', 'desc')
    .limit(q.limit);
  if (q.departmentId !== null) s = s.where(ofDepartment(q.departmentId));
  if (q.entityType) s = s.where('entityType', '=', q.entityType);
  if (q.entityId) s = s.where('entityId', '=', q.entityId);
  if (q.documentNumberNorm) s = s.where(byDocumentNumber(q.documentNumberNorm));
  if (q.action) s = s.where('action', '=', q.action);
  if (q.actor) {
    const actor = q.actor;
    s = s.where((eb) => eb.or([eb('actorLabel', 'ilike', containsPattern(actor)), eb('actorId', '=', actor)]));
  }
  if (q.from) s = s.where(sql<SqlBool>`audit_log.at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (q.to) s = s.where(sql<SqlBool>`audit_log.at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  if (q.before) s = s.where('id', '<', q.before);
  return s.execute();
}

/** The people who appear as actors, for the filter's suggestions (at most 200, most recent first). */
export async function recentActors(db: Db, departmentId: number | null) {
  let s = db
    .selectFrom('auditLog')
    .select(['actorLabel'])
    .where('actorType', '=', 'staff')
    .groupBy('actorLabel')
    .orderBy(sql`max(audit_log.id)`, 'desc')
    .limit(200);
  if (departmentId !== null) s = s.where(ofDepartment(departmentId));
  return (await s.execute()).map((r) => r.actorLabel);
}
