import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { checkAttachment } from '@/server/applications/attachments';
import {
  attachmentForStaff,
  submitApplication,
  trackApplication,
  acceptApplication,
} from '@/server/applications/service';
import { describeEachDatabase } from '../helpers/databases';
import {
  accepted,
  appByTracking,
  createStaff,
  createWorld,
  keys,
  objectionInput,
  officeDepartment,
  options,
  rejected,
  submit,
} from './helpers';

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

describeEachDatabase('filing and tracking applications', (current) => {
  it('a double submit of the same form files once and shows the same numbers', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市嘉州印务有限公司');
    const input = objectionInput(w.record.id);
    const [first, second] = await Promise.all([submit(db, input, '2026-03-02'), submit(db, input, '2026-03-02')]);
    expect(second.trackingNumber).toBe(first.trackingNumber);
    expect(second.queryCode).toBe(first.queryCode);
    const count = await db
      .selectFrom('applications')
      .select('id')
      .where('idempotencyKey', '=', input.idempotencyKey)
      .execute();
    expect(count).toHaveLength(1);
    expect(first.trackingNumber).toMatch(/^YY20260302\d{6}$/);
  });

  it('stores only a hash of the query code, and a person applicant’s ID number only protected', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市峨边核桃有限公司');
    const filed = await submit(
      db,
      objectionInput(w.record.id, {
        applicant: { type: 'person', name: '王小明', idNumber: '110101190001010014', phone: '13900000000' },
      }),
      '2026-03-02',
    );
    const app = await appByTracking(db, filed.trackingNumber);
    expect(JSON.stringify(app)).not.toContain(filed.queryCode);
    expect(JSON.stringify(app)).not.toContain('110101190001010014');
    expect(app.applicantIdMasked).toBe('1101**********0014');
    expect(app.applicantIdRef).not.toBeNull();
  });

  it('tracks with both codes: status, deadline in working days and the timeline', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市大佛旅游有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-03-03');
    const caller = createCaller({ db, today: '2026-03-04', clientIp: 'tester-1', keys });
    const tracked = await caller.applications.track({
      trackingNumber: filed.trackingNumber,
      queryCode: filed.queryCode.toLowerCase(),
    });
    expect(tracked.statusLabel).toBe('已受理，办理中');
    expect(tracked.deadline).toBe('2026-03-17');
    expect(tracked.workdaysLeft).toBe(9);
    expect(tracked.events.map((e) => e.eventType)).toEqual(['submitted', 'accepted']);
  });

  it('rate-limits wrong query codes and says so in Chinese', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市乌木工艺有限公司');
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const track = (code: string) =>
      trackApplication(
        db,
        { trackingNumber: filed.trackingNumber, queryCode: code, client: 'attacker' },
        '2026-03-02',
        keys,
      );
    for (let i = 0; i < 5; i++) await expect(track('WRONG000')).rejects.toThrow('受理编号或查询码不正确');
    const blocked = await track(filed.queryCode).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(TRPCError);
    expect((blocked as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect((blocked as TRPCError).message).toContain('约 15 分钟后');
  });

  it('a complaint’s parent query code is guessed through the same doors as /track: shut for the guesser, open to the holder elsewhere', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市沫若书香有限公司');
    await officeDepartment(db);
    const staff = await createStaff(db, 'department', w.department.id);
    const objection = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await accepted(db, staff, objection.trackingNumber, '2026-03-02');
    await rejected(db, staff, app, '2026-03-05');
    const complain = (parentQueryCode: string, client: string) =>
      submitApplication(
        db,
        objectionInput(w.record.id, {
          kind: 'complaint',
          record: undefined,
          parentTrackingNumber: objection.trackingNumber.toLowerCase(),
          parentQueryCode,
          reasonCategory: '异议答复理由不充分',
        }),
        [],
        { ...options('2026-03-06'), client },
      );
    for (let i = 0; i < 5; i++) await expect(complain('WRONG000', 'guesser')).rejects.toThrow('查询码不正确');
    const blocked = await complain(objection.queryCode, 'guesser').catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(TRPCError);
    expect((blocked as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect((blocked as TRPCError).message).toContain('约 15 分钟后');
    // /track shares the count: the guesser's address is shut there too for this number.
    await expect(
      trackApplication(
        db,
        { trackingNumber: objection.trackingNumber, queryCode: objection.queryCode, client: 'guesser' },
        '2026-03-06',
        keys,
      ),
    ).rejects.toThrow('查询暂时停止');
    // The applicant, from their own address, files the complaint.
    const filed = await complain(objection.queryCode, 'applicant');
    expect((await appByTracking(db, filed.trackingNumber)).parentApplicationId).toBe(app.id);
  });

  it('checks attachments by content, stores them with SHA-256 in the database, and lets only the owning department read them', async () => {
    const { db } = current();
    const fake = await checkAttachment('证明.pdf', new TextEncoder().encode('<html>not a pdf</html>'));
    expect(fake).toMatchObject({ ok: false, message: expect.stringContaining('不是 PDF、JPG 或 PNG') });
    const tooBig = await checkAttachment('big.png', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(tooBig).toMatchObject({ ok: false, message: expect.stringContaining('10 MB') });
    const png = await checkAttachment('renamed.pdf', PNG);
    if (!png.ok) throw new Error(png.message);
    expect(png.file.mediaType).toBe('image/png');

    const w = await createWorld(db, '乐山市苏稽米花糖有限公司');
    const filed = await submitApplication(db, objectionInput(w.record.id), [png.file], options('2026-03-02'));
    const app = await appByTracking(db, filed.trackingNumber);
    const row = await db
      .selectFrom('applicationAttachments')
      .selectAll()
      .where('applicationId', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const own = await createStaff(db, 'department', w.department.id);
    const got = await attachmentForStaff(db, own, row.id);
    expect(Buffer.from(got.bytes).equals(Buffer.from(PNG))).toBe(true);
    const other = await createWorld(db, '乐山市其他公司');
    const stranger = await createStaff(db, 'department', other.department.id);
    await expect(attachmentForStaff(db, stranger, row.id)).rejects.toThrow('无权查看');
  });

  it('finds the record from the subject and document number when not prefilled', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市（峨眉）竹叶青茶业有限公司');
    const doc = (
      await db
        .selectFrom('penaltyRecords')
        .select('documentNumber')
        .where('id', '=', w.record.id)
        .executeTakeFirstOrThrow()
    ).documentNumber;
    const filed = await submit(
      db,
      objectionInput(0, { record: undefined, subject: '乐山市(峨眉)竹叶青茶业有限公司', documentNumber: doc }),
      '2026-03-02',
    );
    expect((await appByTracking(db, filed.trackingNumber)).penaltyRecordId).toBe(w.record.id);
    await expect(
      submit(
        db,
        objectionInput(0, { record: undefined, subject: w.firm.uscc!, documentNumber: '乐测罚〔2099〕1号' }),
        '2026-03-02',
      ),
    ).rejects.toThrow('没有找到');
  });
});
