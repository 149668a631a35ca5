import { sql } from 'kysely';
import type { Db } from '../db/client';

// SQL of the notification outbox (server/db/migrations/2026_12_04_1700_notification_outbox.ts).

export interface NewNotification {
  applicationId: number;
  event: string;
  recipient: string;
  subject: string;
  body: string;
  secret: string | null;
}

export interface ClaimedNotification {
  id: number;
  applicationId: number;
  event: string;
  recipient: string;
  subject: string;
  body: string;
  secret: string | null;
  attempts: number;
}

export async function insertNotification(db: Db, row: NewNotification): Promise<void> {
  await db.insertInto('notificationOutbox').values(row).execute();
}

/**
 * Leases up to `limit` due rows to this sender until `leaseUntil`: rows another sender is
 * claiming are skipped (SKIP LOCKED), and a leased row is not due again until its lease ends,
 * so two instances never send the same message at once and a crashed sender's rows come back.
 */
export async function claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedNotification[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('notificationOutbox')
      .select('id')
      .where('sentAt', 'is', null)
      .where('nextAttemptAt', '<=', now)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now)]))
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('notificationOutbox')
      .set((eb) => ({ lockedUntil: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returning(['id', 'applicationId', 'event', 'recipient', 'subject', 'body', 'secret', 'attempts'])
      .execute();
  });
}

export async function markSent(db: Db, id: number, now: Date): Promise<void> {
  await db
    .updateTable('notificationOutbox')
    .set({ sentAt: now, lockedUntil: null, secret: null, lastError: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Db, id: number, nextAttemptAt: Date, error: string): Promise<void> {
  await db
    .updateTable('notificationOutbox')
    .set({ nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 1000) })
    .where('id', '=', id)
    .execute();
}

export interface NotificationBacklog {
  pending: number;
  failing: number;
  sent: number;
  lastError: string | null;
}

export async function backlog(db: Db): Promise<NotificationBacklog> {
  const row = await db
    .selectFrom('notificationOutbox')
    .select([
      sql<number>`count(*) filter (where sent_at is null)`.as('pending'),
      sql<number>`count(*) filter (where sent_at is null and attempts > 0)`.as('failing'),
      sql<number>`count(*) filter (where sent_at is not null)`.as('sent'),
    ])
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('notificationOutbox')
    .select('lastError')
    .where('sentAt', 'is', null)
    .where('lastError', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    pending: Number(row.pending),
    failing: Number(row.failing),
    sent: Number(row.sent),
    lastError: last?.lastError ?? null,
  };
}
