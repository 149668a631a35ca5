import { expect, it, vi } from 'vitest';
import { mailStatus, reissueQueryCode } from '@/server/notifications/service';
import { smsSender } from '@/server/notifications/sms';
import { describeEachDatabase } from '../helpers/databases';
import { createWorld, keys, objectionInput, submit } from '../applications/helpers';

// Without SMTP_URL nothing is written or sent, 找回查询码 says it cannot work (and does not
// change the code), and /admin is told e-mail is off. No SMS provider is wired.
vi.hoisted(() => {
  process.env.SMTP_URL = '';
});

describeEachDatabase('without SMTP_URL no e-mail is sent', (current) => {
  it('writes no message, keeps the query code, and reports e-mail as off', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市金口河无邮件测试有限公司');
    const input = objectionInput(w.record.id);
    if (input.applicant.type === 'organisation') input.applicant.email = 'someone@example.cn';
    const filed = await submit(db, input, '2026-03-02');
    expect(await db.selectFrom('notificationOutbox').selectAll().execute()).toEqual([]);
    const before = await db
      .selectFrom('applications')
      .select('queryCodeHash')
      .where('trackingNumber', '=', filed.trackingNumber)
      .executeTakeFirstOrThrow();
    await expect(
      reissueQueryCode(db, { trackingNumber: filed.trackingNumber, client: '10.0.0.1' }, keys),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('暂未开通邮件通知') });
    const after = await db
      .selectFrom('applications')
      .select('queryCodeHash')
      .where('trackingNumber', '=', filed.trackingNumber)
      .executeTakeFirstOrThrow();
    expect(after.queryCodeHash).toBe(before.queryCodeHash);
    expect(await mailStatus(db)).toMatchObject({ configured: false, pending: 0 });
    expect(smsSender()).toBeNull();
  });
});
