import { insertAudit } from '../audit';
import { TRPCError } from '@trpc/server';
import { config } from '../config';
import type { Db } from '../db/client';
import { publicOrigin } from '../http/origin';
import type { IdentityKeys } from '../identities/protect';
import { isLimited, recordHit, type RateLimit } from '../rate-limit/service';
import { DECISION_LABELS } from '../rules/applications';
import * as applications from '../applications/repository';
import { CURRENT_QUERY_CODE_HASH, hashQueryCode, randomQueryCode } from '../applications/query-code';
import type { MailTransport } from './mailer';
import * as repo from './repository';
import { openSecret, sealSecret } from './secret';
import { QUERY_CODE_SLOT, renderApplicationMail, type ApplicationFacts, type NotificationEvent } from './templates';

// E-mails to applicants go through an outbox: the message is written in the transaction of
// the change it reports (nothing is announced that did not happen, nothing that happened is
// forgotten), and a sender loop in each server instance mails it, retrying with backoff.
// Without SMTP_URL no message is written and nothing is sent; /admin says so.

export interface MailSettings {
  smtpUrl: string;
  from: string;
}

export function mailSettings(): MailSettings | null {
  const c = config();
  return c.SMTP_URL ? { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM } : null;
}

function factsOf(app: applications.ApplicationRow): ApplicationFacts {
  return {
    trackingNumber: app.trackingNumber,
    kind: app.kind,
    applicantName: app.applicantName,
    subjectName: app.subjectName,
    departmentName: app.departmentName,
    acceptDueOn: app.acceptDueOn,
    decideDueOn: app.decideDueOn,
    decisionLabel: app.decision ? DECISION_LABELS[app.decision] : null,
    decisionReasons: app.decisionReasons,
  };
}

/**
 * Writes the e-mail telling the applicant what just happened to their application. Call it
 * inside the transaction that made the change, after the change: the message reads the row
 * as it now stands. A no-op without SMTP_URL or without an address on file.
 */
export async function notifyApplicant(
  db: Db,
  applicationId: number,
  event: Exclude<NotificationEvent, 'query_code_reissued'>,
): Promise<void> {
  if (!mailSettings()) return;
  const app = await applications.findApplication(db, { id: applicationId });
  if (!app?.email) return;
  const mail = renderApplicationMail(event, factsOf(app), publicOrigin());
  await repo.insertNotification(db, {
    applicationId,
    event,
    recipient: app.email,
    subject: mail.subject,
    body: mail.text,
    secret: null,
  });
}

const REISSUE_BY_NUMBER: RateLimit = { name: 'reissue:number', limit: 3, windowSeconds: 24 * 3600 };
const REISSUE_BY_CLIENT: RateLimit = { name: 'reissue:client', limit: 10, windowSeconds: 3600 };

/** The one answer to every accepted request: it does not tell whether the number or an address exists. */
export const REISSUE_ANSWER =
  '如果该受理编号存在且申请时登记了电子邮箱，新的查询码已发往该邮箱，原查询码随即失效。几分钟内没有收到的，请检查垃圾邮件，或联系办理部门。';

/**
 * "找回查询码": a new code for the application, mailed to the address on file; the old code
 * stops working at once. Limited per number and per address, and the answer is the same
 * whether or not the number exists or has an address.
 */
export async function reissueQueryCode(
  db: Db,
  input: { trackingNumber: string; client: string },
  keys: IdentityKeys,
): Promise<{ message: string }> {
  if (!mailSettings())
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: '本平台暂未开通邮件通知，无法通过邮件找回查询码，请联系办理部门。',
    });
  const trackingNumber = input.trackingNumber.trim().toUpperCase();
  const buckets = [
    [REISSUE_BY_CLIENT, input.client],
    [REISSUE_BY_NUMBER, trackingNumber],
  ] as const;
  for (const [limit, who] of buckets) {
    if (await isLimited(db, limit, who))
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: '找回查询码的请求过多，请明天再试，或联系办理部门。' });
  }
  for (const [limit, who] of buckets) await recordHit(db, limit, who);
  const app = await applications.findApplication(db, { trackingNumber });
  if (!app?.email) return { message: REISSUE_ANSWER };
  const code = randomQueryCode();
  const mail = renderApplicationMail('query_code_reissued', factsOf(app), publicOrigin());
  await db.transaction().execute(async (trx) => {
    await applications.upgradeQueryCodeHash(trx, app.id, app.queryCodeHash, {
      queryCodeHash: hashQueryCode(keys, app.trackingNumber, code),
      queryCodeHashKind: CURRENT_QUERY_CODE_HASH,
    });
    await repo.insertNotification(trx, {
      applicationId: app.id,
      event: 'query_code_reissued',
      recipient: app.email!,
      subject: mail.subject,
      body: mail.text,
      secret: sealSecret(keys, code),
    });
    await applications.insertEvent(trx, {
      applicationId: app.id,
      actorStaffId: null,
      actorLabel: '申请人',
      eventType: 'query_code_reissued',
      fromStatus: null,
      toStatus: null,
      note: '查询码已重新发放至申请时登记的电子邮箱，原查询码失效。',
    });
    await insertAudit(trx, {
      actorType: 'public',
      actorId: null,
      actorLabel: '申请人',
      action: 'application.query_code_reissue',
      entityType: 'application',
      entityId: String(app.id),
      before: null,
      after: { trackingNumber: app.trackingNumber },
    });
  });
  return { message: REISSUE_ANSWER };
}

/** Wait before the n-th retry: 30 s, 1 min, 2 min … at most 6 hours; a message is never dropped. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export interface SendResult {
  sent: number;
  failed: number;
}

/** Mails what is due, one batch. Safe to run in several instances at once (see repository.claimDue). */
export async function sendDueNotifications(
  db: Db,
  transport: MailTransport,
  keys: IdentityKeys,
  options: { now?: () => Date; batch?: number; leaseMs?: number } = {},
): Promise<SendResult> {
  const now = options.now ?? (() => new Date());
  const start = now();
  const rows = await repo.claimDue(
    db,
    start,
    new Date(start.getTime() + (options.leaseMs ?? 5 * 60_000)),
    options.batch ?? 20,
  );
  const result: SendResult = { sent: 0, failed: 0 };
  for (const row of rows) {
    try {
      const text = row.secret ? row.body.replace(QUERY_CODE_SLOT, openSecret(keys, row.secret)) : row.body;
      await transport.send({ to: row.recipient, subject: row.subject, text });
      await repo.markSent(db, row.id, now());
      result.sent += 1;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await repo.markFailed(db, row.id, new Date(now().getTime() + retryDelayMs(row.attempts)), message);
      result.failed += 1;
    }
  }
  return result;
}

export interface MailStatus {
  configured: boolean;
  pending: number;
  failing: number;
  sent: number;
  lastError: string | null;
}

/** For /admin: whether e-mail is on, and how the outbox stands. */
export async function mailStatus(db: Db): Promise<MailStatus> {
  return { configured: mailSettings() !== null, ...(await repo.backlog(db)) };
}
