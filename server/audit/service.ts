import type { Db } from '../db/client';
import type { StaffPrincipal } from '../auth/principal';
import { normalizeName } from '../rules/normalize';
import { actionLabel, entityLabel } from './labels';
import * as repo from './repository';
import { AUDIT_PAGE_SIZE, type AuditFilter } from './schema';

/**
 * Whose entries a staff member reads (SPEC §7): the office and admins every entry; department
 * staff their own department's, whatever the filters ask — the scope comes from the session.
 */
export function auditScope(staff: StaffPrincipal): { departmentId: number | null } {
  return { departmentId: staff.role === 'department' ? (staff.departmentId ?? -1) : null };
}

const ACTOR_TYPE_LABELS = { staff: '工作人员', system: '系统', public: '公众', api: '接口' } as const;

/** A page of the audit trail, newest first, with the id the next page starts before. */
export async function auditTrail(db: Db, staff: StaffPrincipal, filter: AuditFilter) {
  const { departmentId } = auditScope(staff);
  const rows = await repo.listAuditEntries(db, {
    departmentId,
    entityType: filter.entity,
    entityId: filter.entityId,
    documentNumberNorm: filter.documentNumber ? normalizeName(filter.documentNumber) : undefined,
    actor: filter.actor,
    action: filter.action,
    from: filter.from,
    to: filter.to,
    before: filter.before,
    limit: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    scoped: departmentId !== null,
    entries: page.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at).toISOString(),
      actor: r.actorLabel,
      actorType: ACTOR_TYPE_LABELS[r.actorType] ?? r.actorType,
      action: r.action,
      actionLabel: actionLabel(r.action),
      entityType: r.entityType,
      entityLabel: entityLabel(r.entityType),
      entityId: r.entityId,
      note: r.note,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? Number(page[page.length - 1]!.id) : null,
  };
}

export async function auditActors(db: Db, staff: StaffPrincipal) {
  return repo.recentActors(db, auditScope(staff).departmentId);
}
