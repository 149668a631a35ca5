import type { Db } from '../db/client';
import { writeAudit, type AuditAction } from '../audit';

// Coordination's audit rows, in the one vocabulary of server/audit.

export interface CoordinationActor {
  type: 'staff' | 'api' | 'system';
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: CoordinationActor = { type: 'system', id: 'coordination', label: '联合奖惩协同' };

export async function auditCoordination(
  trx: Db,
  actor: CoordinationActor,
  action: AuditAction,
  entity: 'coordination_task' | 'coordination_feedback' | 'webhook_subscription' | 'webhook_delivery',
  entityId: number | string,
  before: unknown,
  after: unknown,
  note: string | null = null,
) {
  await writeAudit(trx, actor, [{ action, entity, entityId, before, after, note }]);
}
