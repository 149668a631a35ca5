import type { Db } from '../db/client';

// Coordination's audit rows, through one small function so that the shared audit module
// (server/audit) can take over at merge.

export interface CoordinationActor {
  type: 'staff' | 'api' | 'system';
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: CoordinationActor = { type: 'system', id: 'coordination', label: '联合奖惩协同' };

export async function auditCoordination(
  trx: Db,
  actor: CoordinationActor,
  action: string,
  entityType: string,
  entityId: number | string,
  before: unknown,
  after: unknown,
  note: string | null = null,
) {
  await trx
    .insertInto('auditLog')
    .values({
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action,
      entityType,
      entityId: String(entityId),
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      note,
    })
    .execute();
}
