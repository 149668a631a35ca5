import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import type { StaffPrincipal } from '../auth/principal';
import { auditCoordination } from '../coordination/audit';
import { CoordinationError } from '../coordination/service';
import * as repo from './repository';
import { WEBHOOK_EVENT_TYPES } from './events';

// Webhook subscriptions and dead letters in /admin: department staff manage their own
// department's, admins any department's; the office reads them all.

const refuse = (status: CoordinationError['status'], message: string): never => {
  throw new CoordinationError(status, message);
};
const actorOf = (s: StaffPrincipal) => ({ type: 'staff' as const, id: String(s.id), label: s.displayName });

function scope(staff: StaffPrincipal): number | null {
  return staff.role === 'department' ? staff.departmentId : null;
}

function canManage(staff: StaffPrincipal, departmentId: number) {
  return staff.role === 'admin' || (staff.role === 'department' && staff.departmentId === departmentId);
}

export async function listSubscriptions(db: Db, staff: StaffPrincipal) {
  const [subs, dead] = await Promise.all([repo.subscriptions(db, scope(staff)), repo.deadLetters(db, scope(staff))]);
  return { subscriptions: subs, deadLetters: dead.map((d) => ({ ...d, id: Number(d.id) })) };
}

/** Adds a subscription; the secret is generated when not given and shown once. */
export async function createSubscription(
  db: Db,
  staff: StaffPrincipal,
  input: { departmentId?: number; apiKeyId?: number | null; url: string; events: string[]; secret?: string },
) {
  const departmentId = staff.role === 'department' ? staff.departmentId! : input.departmentId;
  if (departmentId === undefined || departmentId === null) return refuse(400, '所属部门：请选择订阅所属的部门。');
  if (!canManage(staff, departmentId)) return refuse(403, '只能管理本部门的推送订阅。');
  const events = [...new Set(input.events)];
  const unknown = events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (events.length === 0 || unknown.length)
    return refuse(400, `事件：请至少选择一种事件${unknown.length ? `（未知：${unknown.join('、')}）` : ''}。`);
  const secret = input.secret?.trim() || `whsec_${randomBytes(24).toString('base64url')}`;
  if (secret.length < 16) return refuse(400, '签名密钥：至少 16 个字符。');
  return db.transaction().execute(async (trx) => {
    if (input.apiKeyId) {
      const key = await trx
        .selectFrom('apiKeys')
        .select(['departmentId'])
        .where('id', '=', input.apiKeyId)
        .executeTakeFirst();
      if (!key || key.departmentId !== departmentId) refuse(400, 'API 密钥：该密钥不属于所选部门。');
    }
    const row = await repo.insertSubscription(trx, {
      departmentId,
      apiKeyId: input.apiKeyId ?? null,
      url: input.url,
      secret,
      events,
      createdBy: staff.id,
    });
    await auditCoordination(trx, actorOf(staff), 'webhook.subscribe', 'webhook_subscription', row.id, null, {
      departmentId,
      url: input.url,
      events,
    });
    return { id: row.id, secret };
  });
}

export async function setSubscriptionActive(db: Db, staff: StaffPrincipal, id: number, active: boolean) {
  return db.transaction().execute(async (trx) => {
    const sub = await repo.subscriptionById(trx, id);
    if (!sub || !canManage(staff, sub.departmentId)) return refuse(404, '没有这个推送订阅，或它不属于您的部门。');
    await repo.setSubscriptionActive(trx, id, active);
    await auditCoordination(
      trx,
      actorOf(staff),
      active ? 'webhook.resume' : 'webhook.pause',
      'webhook_subscription',
      id,
      { active: sub.active },
      { active },
    );
    return { id };
  });
}

/** Puts a dead-lettered delivery back in the queue with a fresh 24-hour retry window. */
export async function redeliver(db: Db, staff: StaffPrincipal, deliveryId: number, now: Date = new Date()) {
  return db.transaction().execute(async (trx) => {
    const d = await repo.deliveryForUpdate(trx, deliveryId);
    if (!d || !canManage(staff, d.departmentId)) return refuse(404, '没有这条推送记录，或它不属于您的部门。');
    if (d.status !== 'dead') return refuse(409, '只有已转入死信的推送可以重新投递。');
    await repo.requeue(trx, deliveryId, now, new Date(now.getTime() + 24 * 3600_000));
    await auditCoordination(
      trx,
      actorOf(staff),
      'webhook.redeliver',
      'webhook_delivery',
      deliveryId,
      { status: 'dead' },
      { status: 'pending' },
    );
    return { id: deliveryId };
  });
}
