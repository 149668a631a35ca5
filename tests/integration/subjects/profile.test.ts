import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { normalizeName } from '@/server/rules/normalize';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createCatalogItem, createLicence, createListEntry, createPerson } from './fixtures';

const TODAY = '2026-06-30';

describeEachDatabase('subject credit profile', (current) => {
  async function company(name: string) {
    const { db } = current();
    const department = await createDepartment(db);
    const subject = await createCompany(db, name);
    return { db, department, subject };
  }

  it('shows only what is public today, with the badges and sections that follow from it', async () => {
    const { db, department, subject } = await company('乐山市嘉州食品有限公司');
    const visible = await createPenalty(db, subject, department, {
      decisionDate: '2026-01-10',
      publicFrom: '2026-01-10',
      earliestRepairOn: '2026-07-10',
      publicUntil: '2027-01-10',
    });
    const suspended = await createPenalty(db, subject, department, {
      status: 'suspended',
      suspendedSince: '2026-06-01',
      publicUntil: '2026-06-15', // past, but a suspended record stays until its objection is decided
    });
    const neverEarly = await createPenalty(db, subject, department, {
      categories: ['罚款', '责令停产停业'],
      severity: 'serious',
      domain: '食品药品',
      repairableEarly: false,
      earliestRepairOn: '2028-09-01',
      publicUntil: '2028-09-01',
    });
    const hidden = [
      await createPenalty(db, subject, department, { publicUntil: TODAY }), // ends today
      await createPenalty(db, subject, department, { status: 'withdrawn', withdrawnOn: '2025-10-01' }),
      await createPenalty(db, subject, department, { status: 'repaired', repairedOn: '2026-05-20' }),
      await createPenalty(db, subject, department, { status: 'unpublished', severity: 'minor' }),
      await createPenalty(db, subject, department, { decisionDate: '2026-07-01', publicFrom: '2026-07-01' }),
    ];
    const licence = await createLicence(db, subject, department);
    const expiredLicence = await createLicence(db, subject, department, { validUntil: '2026-06-29' });
    const withdrawnLicence = await createLicence(db, subject, department, { status: 'withdrawn' });
    const punishment = await createCatalogItem(db, 'punishment', '限制参加政府采购活动');
    const incentive = await createCatalogItem(db, 'incentive', '行政审批绿色通道');
    const dishonesty = await createListEntry(db, subject, department, { measures: [punishment.id] });
    const honor = await createListEntry(db, subject, department, { listType: 'honor', measures: [incentive.id] });
    const removed = await createListEntry(db, subject, department, {
      status: 'removed',
      removedOn: '2026-03-01',
      removalReason: '认定错误',
    });
    const repairedEntry = await createListEntry(db, subject, department, {
      status: 'repaired',
      removedOn: '2026-04-01',
    });

    const profile = await createCaller({ db, today: TODAY }).subjects.profile({ id: subject.id });

    expect(profile.subject).toMatchObject({ name: subject.name, uscc: subject.uscc, kindLabel: '法人及非法人组织' });
    expect(profile.penalties.map((p) => p.id)).toEqual([visible.id, neverEarly.id, suspended.id]);
    for (const h of hidden) expect(profile.penalties.map((p) => p.id)).not.toContain(h.id);
    expect(profile.penalties.find((p) => p.id === suspended.id)).toMatchObject({ suspended: true, publicUntil: null });

    expect(profile.licensing.map((l) => [l.id, l.expired])).toEqual(
      expect.arrayContaining([
        [licence.id, false],
        [expiredLicence.id, true],
      ]),
    );
    expect(profile.licensing.map((l) => l.id)).not.toContain(withdrawnLicence.id);

    expect(profile.listEntries.map((e) => e.id).sort()).toEqual([dishonesty.id, honor.id].sort());
    expect(profile.listEntries.map((e) => e.id)).not.toContain(removed.id);
    expect(profile.listEntries.find((e) => e.id === dishonesty.id)?.measures.map((m) => m.measure)).toEqual([
      '限制参加政府采购活动',
    ]);
    expect(profile.listEntries.find((e) => e.id === honor.id)?.measures.map((m) => m.measure)).toEqual([
      '行政审批绿色通道',
    ]);

    expect(profile.badges).toEqual(['守信激励', '失信惩戒', '异议处理中', '已修复']);

    // Repair history says which kind of information was repaired, by whom and when, and nothing of the record.
    expect(profile.repairs).toEqual([
      { recordKind: '行政处罚信息', departmentName: department.name, on: '2026-05-20' },
      { recordKind: '失信联合惩戒对象名单', departmentName: department.name, on: '2026-04-01' },
    ]);
    const json = JSON.stringify(profile);
    expect(json).not.toContain(hidden[2]!.documentNumber);
    expect(json).not.toContain(repairedEntry.decisionNumber);
  });

  it('says on each penalty when and why objection and repair are not available yet', async () => {
    const { db, department, subject } = await company('乐山市大佛旅游服务有限公司');
    const waiting = await createPenalty(db, subject, department, {
      decisionDate: '2026-03-01',
      publicFrom: '2026-03-01',
      earliestRepairOn: '2027-03-01',
      publicUntil: '2029-03-01',
      severity: 'serious',
    });
    const neverEarly = await createPenalty(db, subject, department, {
      categories: ['吊销许可证件'],
      domain: '安全生产',
      severity: 'serious',
      earliestRepairOn: '2028-09-01',
      publicUntil: '2028-09-01',
    });
    const suspended = await createPenalty(db, subject, department, {
      status: 'suspended',
      suspendedSince: '2026-06-01',
    });

    const actionsOn = async (today: string, id: number) => {
      const profile = await createCaller({ db, today }).subjects.profile({ id: subject.id });
      const penalty = profile.penalties.find((p) => p.id === id);
      return Object.fromEntries(penalty!.actions.map((a) => [a.kind, a]));
    };

    const dayBefore = await actionsOn('2027-02-28', waiting.id);
    expect(dayBefore.objection).toMatchObject({
      label: '提出异议',
      href: `/apply/objection?record=penalty:${waiting.id}`,
      available: true,
      note: null,
    });
    expect(dayBefore.repair).toMatchObject({
      label: '申请信用修复',
      href: `/apply/repair?record=penalty:${waiting.id}`,
      available: false,
      note: '可于 2027年3月1日 起申请信用修复',
    });
    expect((await actionsOn('2027-03-01', waiting.id)).repair).toMatchObject({ available: true, note: null });

    expect((await actionsOn(TODAY, neverEarly.id)).repair).toMatchObject({
      available: false,
      note: '该类失信行为不适用提前修复，公示期满后自动停止公示',
    });
    const underObjection = await actionsOn(TODAY, suspended.id);
    expect(underObjection.objection).toMatchObject({ available: false, note: '异议处理中' });
    expect(underObjection.repair?.available).toBe(false);
    expect(underObjection.repair?.note).toMatch(/^异议处理中/);
  });

  it('says an application is already under way instead of offering a second one', async () => {
    const { db, department, subject } = await company('乐山市金口河山珍有限公司');
    const penalty = await createPenalty(db, subject, department, { earliestRepairOn: '2026-01-01' });
    const apply = (kind: 'objection' | 'repair', status: 'submitted' | 'decided') =>
      db
        .insertInto('applications')
        .values({
          kind,
          trackingNumber: `T-${kind}-${status}-${penalty.id}`,
          queryCodeHash: 'x',
          idempotencyKey: `k-${kind}-${status}-${penalty.id}`,
          status,
          subjectId: subject.id,
          departmentId: department.id,
          penaltyRecordId: penalty.id,
          applicantType: 'organisation',
          applicantName: subject.name,
          phone: '0833-2123456',
          reasonCategory: 'wrong',
          description: '测试',
          acceptDueOn: '2026-07-02',
          ...(status === 'decided' ? { decision: 'deny_repair' as const, decidedAt: new Date() } : {}),
        })
        .execute();
    const notes = async () => {
      const profile = await createCaller({ db, today: TODAY }).subjects.profile({ id: subject.id });
      return Object.fromEntries(profile.penalties[0]!.actions.map((a) => [a.kind, a.note]));
    };
    await apply('repair', 'decided'); // a decided (denied) repair does not block a new application
    expect(await notes()).toEqual({ objection: null, repair: null });
    await apply('repair', 'submitted');
    expect(await notes()).toEqual({ objection: null, repair: '已提交信用修复申请，正在办理' });
    await apply('objection', 'submitted');
    expect((await notes()).objection).toBe('已提交异议申请，正在办理');
  });

  it('gives licences only an objection button and list entries their own record reference', async () => {
    const { db, department, subject } = await company('乐山市峨眉山茶业有限公司');
    const licence = await createLicence(db, subject, department);
    const entry = await createListEntry(db, subject, department);
    const profile = await createCaller({ db, today: TODAY }).subjects.profile({ id: subject.id });
    expect(profile.licensing[0]?.actions.map((a) => a.href)).toEqual([
      `/apply/objection?record=licensing:${licence.id}`,
    ]);
    expect(profile.listEntries[0]?.actions.map((a) => a.href)).toEqual([
      `/apply/objection?record=list_entry:${entry.id}`,
      `/apply/repair?record=list_entry:${entry.id}`,
    ]);
  });

  it('has no badges and empty sections for a subject with nothing public', async () => {
    const { db, subject } = await company('乐山市平安建材有限公司');
    const profile = await createCaller({ db, today: TODAY }).subjects.profile({ id: subject.id });
    expect(profile.badges).toEqual([]);
    expect([profile.licensing, profile.penalties, profile.listEntries, profile.repairs]).toEqual([[], [], [], []]);
  });

  it('masks a natural person everywhere: name, ID number (4 + 4), no address', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const idNumber = '511102198803150016';
    const person = await createPerson(db, '欧阳娜娜', idNumber);
    await createPenalty(db, person, department, { subjectCategory: '自然人', partyIdMasked: '5111**********0016' });
    const profile = await createCaller({ db, today: TODAY }).subjects.profile({ id: person.id });
    expect(profile.subject).toMatchObject({
      name: '欧阳**',
      idNumber: '5111**********0016',
      address: null,
      uscc: null,
      representative: null,
    });
    const json = JSON.stringify(profile);
    expect(json).not.toContain(idNumber);
    expect(json).not.toContain('欧阳娜娜');
    expect(json).not.toContain('嘉州大道');
  });

  it('masks the operator of an individual business but shows a company’s legal representative', async () => {
    const { db } = current();
    const shop = await db
      .insertInto('subjects')
      .values({
        kind: 'individual_business',
        name: '市中区王记小吃店',
        nameNorm: normalizeName('市中区王记小吃店'),
        uscc: '00000000000000000X',
        registrationNumber: '511102600123456',
        legalRepresentative: '王小明',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const shopProfile = await createCaller({ db, today: TODAY }).subjects.profile({ id: shop.id });
    expect(shopProfile.subject).toMatchObject({
      uscc: null,
      registrationNumber: '511102600123456',
      representative: { label: '经营者', name: '王**' },
    });
    expect(JSON.stringify(shopProfile)).not.toContain('王小明');

    const { subject } = await company('乐山市沫若文化传媒有限公司');
    await db.updateTable('subjects').set({ legalRepresentative: '李四海' }).where('id', '=', subject.id).execute();
    const firm = await createCaller({ db, today: TODAY }).subjects.profile({ id: subject.id });
    expect(firm.subject.representative).toEqual({ label: '法定代表人', name: '李四海' });
  });

  it('answers NOT_FOUND for an unknown subject and for a person with nothing public', async () => {
    const { db } = current();
    const caller = createCaller({ db, today: TODAY });
    await expect(caller.subjects.profile({ id: 987654321 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const quiet = await createPerson(db, '张三', '110101190001010014');
    const error = await caller.subjects.profile({ id: quiet.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).message).toMatch(/没有找到/);
    await expect(caller.subjects.profile({ id: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
