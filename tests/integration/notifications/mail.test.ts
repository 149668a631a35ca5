import { TRPCError } from '@trpc/server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import {
  acceptApplication,
  decideApplication,
  refuseApplication,
  trackApplication,
} from '@/server/applications/service';
import { withRequestOrigin } from '@/server/http/origin';
import { smtpTransport, type MailTransport } from '@/server/notifications/mailer';
import { REISSUE_ANSWER, mailStatus, reissueQueryCode, sendDueNotifications } from '@/server/notifications/service';
import { describeEachDatabase } from '../helpers/databases';
import { appByTracking, createStaff, createWorld, keys, objectionInput, submit } from '../applications/helpers';
import { startTestSmtp, type TestSmtp } from './smtp';

// E-mails to applicants (issue 17, finding 1) through a real SMTP server on loopback: what the
// applicant reads, that the query code is never in a status message, and that a refusing or
// stalling server loses nothing. Mail is on for this file (SMTP_URL); the sender below talks to
// the test server, and links use the origin of the request that made the change.
// Hoisted above the imports: helpers read the configuration as they load.
vi.hoisted(() => {
  process.env.SMTP_URL = 'smtp://127.0.0.1:25';
  process.env.SITE_URL = '';
});

const ORIGIN = 'http://127.0.0.1:4321';
const EMAIL = 'legal@emeitea.example.cn';

let smtp: TestSmtp;
let transport: MailTransport;
beforeAll(async () => {
  smtp = await startTestSmtp();
  // Short enough that a stalled server fails the test's attempt, long enough for a loaded machine.
  transport = smtpTransport({ url: smtp.url, from: '信用乐山 <noreply@credit.example.cn>', timeoutMs: 2_000 });
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});
afterEach(() => {
  smtp.mode = 'accept';
  smtp.received.length = 0;
});

describeEachDatabase('e-mail notifications to applicants', (current) => {
  const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);
  const send = (now?: () => Date) => sendDueNotifications(current().db, transport, keys, { now });
  // Each test counts only its own messages.
  beforeEach(async () => {
    await current().db.deleteFrom('notificationOutbox').execute();
  });
  const file = async (name: string) => {
    const { db } = current();
    const w = await createWorld(db, name);
    const input = objectionInput(w.record.id);
    if (input.applicant.type === 'organisation') input.applicant.email = EMAIL;
    const filed = await withRequestOrigin(ORIGIN, () => submit(db, input, '2026-03-02'));
    return { w, filed, staff: await createStaff(db, 'department', w.department.id) };
  };

  it('tells the applicant of receipt, acceptance and decision, in Chinese, with the tracking link and never the query code', async () => {
    const { db } = current();
    const { filed, staff } = await file('乐山市峨眉雪芽通知测试有限公司');
    await withRequestOrigin(ORIGIN, async () => {
      let app = await appByTracking(db, filed.trackingNumber);
      await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-03-03');
      app = await appByTracking(db, filed.trackingNumber);
      await decideApplication(
        db,
        staff,
        { id: app.id, version: app.version, decision: 'reject', reasons: '经核查，处罚信息与决定书一致。' },
        '2026-03-10',
      );
    });
    expect(await send()).toEqual({ sent: 3, failed: 0 });
    const mails = smtp.received;
    expect(mails.map((m) => m.subject)).toEqual([
      `【信用乐山】已收到您的异议申请（${filed.trackingNumber}）`,
      `【信用乐山】您的异议申请已受理（${filed.trackingNumber}）`,
      `【信用乐山】您的异议申请已办结（${filed.trackingNumber}）`,
    ]);
    for (const m of mails) {
      expect(m.to && !Array.isArray(m.to) ? m.to.text : '').toBe(EMAIL);
      expect(m.text).toContain(`${ORIGIN}/track?no=${filed.trackingNumber}`);
      expect(m.text).toContain('乐山市峨眉雪芽通知测试有限公司');
      expect(m.text).not.toContain(filed.queryCode);
      expect(m.text).not.toMatch(/localhost:3000/);
    }
    expect(mails[1]!.text).toContain('2026年3月17日前作出决定');
    expect(mails[2]!.text).toContain('经核查，处罚信息与决定书一致。');
    expect(mails[2]!.text).toContain(`${ORIGIN}/apply/complaint`);
    // Sent once: a second round has nothing to do.
    expect(await send(later(60))).toEqual({ sent: 0, failed: 0 });
  });

  it("writes the e-mail in the change's transaction: a refusal that loses the race announces nothing", async () => {
    const { db } = current();
    const { filed, staff } = await file('乐山市沫若通知测试有限公司');
    await send();
    smtp.received.length = 0;
    const app = await appByTracking(db, filed.trackingNumber);
    await refuseApplication(db, staff, { id: app.id, version: app.version, reasons: '材料不全，请补正后重新提交。' });
    const stale = refuseApplication(db, staff, { id: app.id, version: app.version, reasons: '重复的操作' });
    await expect(stale).rejects.toBeInstanceOf(TRPCError);
    expect(await send()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received[0]!.subject).toContain('不予受理');
    expect(smtp.received[0]!.text).toContain('材料不全，请补正后重新提交。');
    const rows = await db
      .selectFrom('notificationOutbox')
      .select('event')
      .where('applicationId', '=', app.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.event)).toEqual(['submitted', 'refused']);
  });

  it('a refusing server (451) or a stalling one loses nothing: the message waits its backoff and goes out once', async () => {
    const { db } = current();
    const { filed } = await file('乐山市嘉州通知测试有限公司');
    smtp.mode = 'refuse';
    expect(await send()).toEqual({ sent: 0, failed: 1 });
    smtp.mode = 'stall';
    // Not due again before its backoff…
    expect(await send()).toEqual({ sent: 0, failed: 0 });
    // …then tried again, and a server that never answers times out.
    expect(await send(later(1))).toEqual({ sent: 0, failed: 1 });
    const row = await db
      .selectFrom('notificationOutbox')
      .innerJoin('applications', 'applications.id', 'notificationOutbox.applicationId')
      .select(['attempts', 'sentAt', 'lastError'])
      .where('applications.trackingNumber', '=', filed.trackingNumber)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 2, sentAt: null });
    expect(row.lastError).toBeTruthy();
    expect((await mailStatus(db)).failing).toBeGreaterThanOrEqual(1);
    smtp.mode = 'accept';
    expect(await send(later(60))).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toContain(filed.trackingNumber);
  });

  it('two senders at once (two instances) send each message exactly once', async () => {
    const { filed } = await file('乐山市五通桥通知测试有限公司');
    const { filed: second } = await file('乐山市沙湾通知测试有限公司');
    const [a, b] = await Promise.all([send(later(120)), send(later(120))]);
    expect(a.failed + b.failed).toBe(0);
    const subjects = smtp.received.map((m) => m.subject ?? '');
    expect(subjects.filter((s) => s.includes(filed.trackingNumber))).toHaveLength(1);
    expect(subjects.filter((s) => s.includes(second.trackingNumber))).toHaveLength(1);
  });

  it('找回查询码: a new code goes to the address on file, the old one stops working, and the answer tells nothing', async () => {
    const { db } = current();
    const { filed } = await file('乐山市犍为通知测试有限公司');
    await send(later(120));
    smtp.received.length = 0;
    const track = (code: string) =>
      trackApplication(
        db,
        { trackingNumber: filed.trackingNumber, queryCode: code, client: '10.0.0.9' },
        '2026-03-02',
        keys,
      );
    await expect(track(filed.queryCode)).resolves.toMatchObject({ trackingNumber: filed.trackingNumber });

    const answer = await withRequestOrigin(ORIGIN, () =>
      reissueQueryCode(db, { trackingNumber: filed.trackingNumber.toLowerCase(), client: '10.0.0.1' }, keys),
    );
    expect(answer.message).toBe(REISSUE_ANSWER);
    // Unknown numbers get the very same answer, and nothing is sent.
    const unknown = await reissueQueryCode(db, { trackingNumber: 'YY20260302999999', client: '10.0.0.2' }, keys);
    expect(unknown.message).toBe(REISSUE_ANSWER);

    expect(await send(later(120))).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe(`【信用乐山】您的新查询码（${filed.trackingNumber}）`);
    const code = /新查询码：([A-Z2-9]{8})/.exec(mail.text ?? '')?.[1];
    expect(code).toBeDefined();
    expect(code).not.toBe(filed.queryCode);
    expect(mail.text).toContain(`${ORIGIN}/track?no=${filed.trackingNumber}`);
    await expect(track(code!)).resolves.toMatchObject({ trackingNumber: filed.trackingNumber });
    await expect(track(filed.queryCode)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The code is not kept in the outbox once it is sent.
    const left = await db
      .selectFrom('notificationOutbox')
      .select('secret')
      .where('event', '=', 'query_code_reissued')
      .execute();
    expect(left.every((r) => r.secret === null)).toBe(true);
  });

  it('limits 找回查询码 to 3 a day per tracking number, whoever asks', async () => {
    const { db } = current();
    const { filed } = await file('乐山市井研通知测试有限公司');
    for (let i = 0; i < 3; i++)
      await reissueQueryCode(db, { trackingNumber: filed.trackingNumber, client: `10.1.0.${i}` }, keys);
    await expect(
      reissueQueryCode(db, { trackingNumber: filed.trackingNumber, client: '10.1.0.9' }, keys),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
