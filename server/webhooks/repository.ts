import { sql } from 'kysely';
import type { Db } from '../db/client';

// SQL of the webhook outbox: claiming due deliveries (SKIP LOCKED + a lease, so that several
// instances never send the same row at once and a crashed sender's rows come back), recording
// outcomes, subscriptions and the dead letters of the back office.

export interface ClaimedDelivery {
  id: number;
  subscriptionId: number;
  subjectKey: string;
  attempts: number;
  retryUntil: Date;
  url: string;
  secret: string;
  eventId: string;
  type: string;
  occurredAt: Date;
  payload: unknown;
}

/**
 * Due, unleased pending rows, locked; each with how many pending rows of its (subscription,
 * subject) come before it. A row may be sent only when every earlier one is in the same claim.
 */
export async function lockDueCandidates(trx: Db, now: Date, batch: number) {
  const rows = await sql<{ id: number; subscriptionId: number; subjectKey: string }>`
    select id, subscription_id, subject_key from webhook_deliveries
    where status = 'pending' and next_attempt_at <= ${now} and (leased_until is null or leased_until < ${now})
    order by id limit ${batch}
    for update skip locked`.execute(trx);
  if (rows.rows.length === 0) return [];
  const ids = rows.rows.map((r) => Number(r.id));
  const earlier = await sql<{ id: number; earlier: number }>`
    select d.id, (select count(*) from webhook_deliveries e
                  where e.subscription_id = d.subscription_id and e.subject_key = d.subject_key
                    and e.status = 'pending' and e.id < d.id)::int as earlier
    from webhook_deliveries d where d.id in (${sql.join(ids)})`.execute(trx);
  const before = new Map(earlier.rows.map((r) => [Number(r.id), Number(r.earlier)]));
  return rows.rows.map((r) => ({
    id: Number(r.id),
    subscriptionId: r.subscriptionId,
    subjectKey: r.subjectKey,
    earlier: before.get(Number(r.id)) ?? 0,
  }));
}

export async function leaseAndLoad(trx: Db, ids: number[], leasedUntil: Date): Promise<ClaimedDelivery[]> {
  if (ids.length === 0) return [];
  await trx.updateTable('webhookDeliveries').set({ leasedUntil }).where('id', 'in', ids).execute();
  const rows = await trx
    .selectFrom('webhookDeliveries as d')
    .innerJoin('webhookSubscriptions as s', 's.id', 'd.subscriptionId')
    .innerJoin('webhookEvents as e', 'e.id', 'd.eventRowId')
    .select([
      'd.id',
      'd.subscriptionId',
      'd.subjectKey',
      'd.attempts',
      'd.retryUntil',
      's.url',
      's.secret',
      'e.eventId',
      'e.type',
      'e.occurredAt',
      // As text: the CamelCasePlugin would rename the keys of a parsed jsonb value.
      sql<string>`e.payload::text`.as('payloadText'),
    ])
    .where('d.id', 'in', ids)
    .orderBy('d.id')
    .execute();
  return rows.map(({ payloadText, ...r }) => ({ ...r, id: Number(r.id), payload: JSON.parse(payloadText) as unknown }));
}

export async function markDelivered(db: Db, id: number, status: number, at: Date) {
  await db
    .updateTable('webhookDeliveries')
    .set((eb) => ({
      status: 'delivered',
      deliveredAt: at,
      attempts: eb('attempts', '+', 1),
      lastStatus: status,
      lastError: null,
      leasedUntil: null,
    }))
    .where('id', '=', id)
    .execute();
}

export async function markFailed(
  db: Db,
  id: number,
  outcome: { status: number | null; error: string; nextAttemptAt: Date; dead: boolean },
) {
  await db
    .updateTable('webhookDeliveries')
    .set((eb) => ({
      status: outcome.dead ? 'dead' : 'pending',
      attempts: eb('attempts', '+', 1),
      lastStatus: outcome.status,
      lastError: outcome.error.slice(0, 500),
      nextAttemptAt: outcome.nextAttemptAt,
      leasedUntil: null,
    }))
    .where('id', '=', id)
    .execute();
}

export async function releaseLeases(db: Db, ids: number[]) {
  if (ids.length === 0) return;
  await db.updateTable('webhookDeliveries').set({ leasedUntil: null }).where('id', 'in', ids).execute();
}

export async function subscriptions(db: Db, departmentId: number | null) {
  let q = db
    .selectFrom('webhookSubscriptions as s')
    .innerJoin('departments as d', 'd.id', 's.departmentId')
    .leftJoin('apiKeys as k', 'k.id', 's.apiKeyId')
    .select([
      's.id',
      's.departmentId',
      'd.shortName as departmentName',
      's.apiKeyId',
      'k.name as apiKeyName',
      's.url',
      's.events',
      's.active',
      's.createdAt',
      sql<number>`(select count(*) from webhook_deliveries w where w.subscription_id = s.id and w.status = 'pending')::int`.as(
        'pending',
      ),
      sql<number>`(select count(*) from webhook_deliveries w where w.subscription_id = s.id and w.status = 'delivered')::int`.as(
        'delivered',
      ),
      sql<number>`(select count(*) from webhook_deliveries w where w.subscription_id = s.id and w.status = 'dead')::int`.as(
        'dead',
      ),
    ])
    .orderBy('s.id');
  if (departmentId !== null) q = q.where('s.departmentId', '=', departmentId);
  return q.execute();
}

export async function insertSubscription(
  db: Db,
  s: {
    departmentId: number;
    apiKeyId: number | null;
    url: string;
    secret: string;
    events: string[];
    createdBy: number;
  },
) {
  return db.insertInto('webhookSubscriptions').values(s).returning(['id']).executeTakeFirstOrThrow();
}

export async function subscriptionById(db: Db, id: number) {
  return db.selectFrom('webhookSubscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setSubscriptionActive(db: Db, id: number, active: boolean) {
  await db.updateTable('webhookSubscriptions').set({ active }).where('id', '=', id).execute();
}

export async function deadLetters(db: Db, departmentId: number | null, limit = 100) {
  let q = db
    .selectFrom('webhookDeliveries as w')
    .innerJoin('webhookSubscriptions as s', 's.id', 'w.subscriptionId')
    .innerJoin('webhookEvents as e', 'e.id', 'w.eventRowId')
    .select([
      'w.id',
      'w.subscriptionId',
      's.url',
      's.departmentId',
      'e.eventId',
      'e.type',
      'e.occurredAt',
      'w.attempts',
      'w.lastStatus',
      'w.lastError',
    ])
    .where('w.status', '=', 'dead')
    .orderBy('w.id', 'desc')
    .limit(limit);
  if (departmentId !== null) q = q.where('s.departmentId', '=', departmentId);
  return q.execute();
}

export async function deliveryForUpdate(db: Db, id: number) {
  return db
    .selectFrom('webhookDeliveries as w')
    .innerJoin('webhookSubscriptions as s', 's.id', 'w.subscriptionId')
    .select(['w.id', 'w.status', 's.departmentId'])
    .where('w.id', '=', id)
    .forUpdate('w')
    .executeTakeFirst();
}

export async function requeue(db: Db, id: number, now: Date, retryUntil: Date) {
  await db
    .updateTable('webhookDeliveries')
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, retryUntil, leasedUntil: null, lastError: null })
    .where('id', '=', id)
    .execute();
}

export async function backlog(db: Db) {
  const r = await sql<{ pending: number; dead: number }>`
    select count(*) filter (where status = 'pending')::int as pending,
           count(*) filter (where status = 'dead')::int as dead
    from webhook_deliveries where status <> 'delivered'`.execute(db);
  return r.rows[0] ?? { pending: 0, dead: 0 };
}
