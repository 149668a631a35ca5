import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { describeEachDatabase } from '../helpers/databases';
import { createStaff, createWorld, listEntry, penalty } from './helpers';

// Record management by the producing department: withdraw, correct, list with catalog
// items of the right kind only (SPEC §5, §7); each change audited and in search at once.
describeEachDatabase('record management by departments', (current) => {
  const TODAY = '2026-03-02';

  const catalogItem = async (kind: 'incentive' | 'punishment', code: string) => {
    const { db } = current();
    return db
      .insertInto('catalogItems')
      .values({
        code,
        kind,
        decidingUnit: '市发展改革委',
        measure: kind === 'incentive' ? '绿色通道' : '限制参与政府采购',
        reason: '测试',
        legalBasis: '测试依据',
        implementingUnits: '各部门',
        content: '测试内容',
        evidence: '认定文书',
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
  };

  it('withdrawing a penalty removes its list entries, leaves search, and is audited', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市撤销测试有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const caller = createCaller({ db, today: TODAY, staff });
    await caller.records.withdraw({ kind: 'penalty', id: w.record.id, reason: '处罚决定已被复议撤销。' });
    expect(await penalty(db, w.record.id)).toMatchObject({ status: 'withdrawn', withdrawnOn: TODAY });
    expect(await listEntry(db, w.entry.id)).toMatchObject({ status: 'removed', removedOn: TODAY });
    const hits = (await createCaller({ db, today: TODAY }).search.query({ q: '撤销测试' })).hits.map((h) => h.docId);
    expect(hits).not.toContain(`penalty:${w.record.id}`);
    expect(hits).not.toContain(`list_entry:${w.entry.id}`);
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'entityId'])
      .where('actorId', '=', String(staff.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['penalty.withdraw', 'list_entry.remove']);
  });

  it('another department cannot withdraw or correct the record', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市越权测试有限公司');
    const other = await createWorld(db, '乐山市别的部门测试有限公司');
    const stranger = await createStaff(db, 'department', other.department.id);
    const caller = createCaller({ db, today: TODAY, staff: stranger });
    await expect(
      caller.records.withdraw({ kind: 'penalty', id: w.record.id, reason: '越权撤销测试。' }),
    ).rejects.toThrow('不属于您的部门');
    await expect(
      caller.records.correctPenalty({ id: w.record.id, content: 'x', reason: '越权更正测试。' }),
    ).rejects.toThrow('不属于您的部门');
    const office = await createStaff(db, 'office', null);
    await expect(
      createCaller({ db, today: TODAY, staff: office }).records.withdraw({
        kind: 'penalty',
        id: w.record.id,
        reason: '办公室越权。',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await penalty(db, w.record.id)).status).toBe('published');
  });

  it('a list entry must cite catalog items of its kind: the wrong kind is refused in Chinese, also by the database', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市名单测试有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const caller = createCaller({ db, today: TODAY, staff });
    const incentive = await catalogItem('incentive', `T-INC-${w.record.id}`);
    const punishment = await catalogItem('punishment', `T-PUN-${w.record.id}`);
    const base = {
      subjectId: w.firm.id,
      decisionNumber: '乐测认〔2026〕1号',
      basis: '测试依据',
      reason: '严重失信',
      listedOn: TODAY,
      validUntil: '2027-03-02',
    };

    const wrong = await caller.records
      .createListEntry({ ...base, listType: 'dishonesty', catalogItemIds: [incentive.id] })
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(TRPCError);
    expect((wrong as TRPCError).message).toContain('不是惩戒措施');
    await expect(
      caller.records.createListEntry({ ...base, listType: 'dishonesty', catalogItemIds: [] }),
    ).rejects.toThrow('不得在目录之外');

    const created = await caller.records.createListEntry({
      ...base,
      listType: 'dishonesty',
      catalogItemIds: [punishment.id],
    });
    expect(await listEntry(db, created.id)).toMatchObject({ status: 'active', departmentId: w.department.id });
    // The database's own guard, for any writer that skips the service.
    await expect(
      db.insertInto('listEntryMeasures').values({ listEntryId: created.id, catalogItemId: incentive.id }).execute(),
    ).rejects.toThrow();
  });

  it('a correction changes the record and is audited with before and after', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市更正测试有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    await createCaller({ db, today: TODAY, staff }).records.correctPenalty({
      id: w.record.id,
      content: '罚款人民币三千元',
      reason: '处罚内容录入错误。',
    });
    expect((await penalty(db, w.record.id)).content).toBe('罚款人民币三千元');
    const entry = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'penalty.correct')
      .where('entityId', '=', String(w.record.id))
      .executeTakeFirstOrThrow();
    expect((entry.before as { content: string }).content).toBe('罚款人民币五千元');
    expect((entry.after as { content: string }).content).toBe('罚款人民币三千元');
  });

  it('the office publishes an exposure case: in search at once, audited', async () => {
    const { db } = current();
    const office = await createStaff(db, 'office', null);
    const row = await db
      .insertInto('exposureCases')
      .values({
        title: '乐山市曝光测试食品有限公司销售过期食品案',
        domain: '食品药品',
        subjectName: '乐山市曝光测试食品有限公司',
        summary: '销售过期食品',
        body: '经查……',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const search = async () =>
      (await createCaller({ db, today: TODAY }).search.query({ q: '曝光测试食品' })).hits.map((h) => h.docId);
    expect(await search()).not.toContain(`exposure:${row.id}`);
    await createCaller({ db, today: TODAY, staff: office }).records.setExposureStatus({
      id: row.id,
      status: 'published',
    });
    expect(await search()).toContain(`exposure:${row.id}`);
    const audit = await db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'exposure_case')
      .where('entityId', '=', String(row.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['exposure.publish']);
  });

  it('a department records a penalty by form: the period comes from the rules, it is searchable at once, a duplicate is refused', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市录入测试有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const caller = createCaller({ db, today: TODAY, staff });
    const input = {
      subjectId: w.firm.id,
      documentNumber: '乐测罚〔2026〕900号',
      violationType: '未按规定标明价格',
      violationFacts: '经查，当事人销售商品未明码标价。',
      legalBasis: '《价格法》第四十二条',
      categories: ['罚款' as const],
      content: '罚款人民币二千元',
      fineAmount: '0.2',
      decisionDate: '2026-01-10',
    };
    const created = await caller.records.createPenalty(input);
    expect(created).toMatchObject({ published: true, publicUntil: '2027-01-10', earliestRepair: '2026-04-10' });
    expect(await penalty(db, created.id)).toMatchObject({
      severity: 'general',
      status: 'published',
      departmentId: w.department.id,
    });
    const hits = (await createCaller({ db, today: TODAY }).search.query({ q: '录入测试' })).hits.map((h) => h.docId);
    expect(hits).toContain(`penalty:${created.id}`);
    await expect(caller.records.createPenalty(input)).rejects.toThrow('本部门已有文书号');
    const audit = await db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'penalty_record')
      .where('entityId', '=', String(created.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['penalty.create']);
  });
});
