import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { describeEachDatabase } from '../helpers/databases';
import { companyUscc } from '../imports/sample';
import { createStaff, createWorld, listEntry } from './helpers';

// The record forms that were missing: a licensing decision by form (checked by the import's
// rules), and correcting or removing a list entry (own department, audited, search and the
// public list follow at once).

const TODAY = '2026-03-02';

describeEachDatabase('licensing by form and list entry corrections', (current) => {
  const licensing = (n: number, overrides: Record<string, string> = {}) => ({
    XK_XDR_MC: `乐山市表单许可${n}号有限公司`,
    XK_XDR_LB: '法人及非法人组织' as const,
    XK_XDR_SHXYM: companyUscc(80000 + n),
    XK_FRDB: '张三',
    XK_XKWS: '食品经营许可决定书',
    XK_WSH: `乐市监许〔2026〕表${n}号`,
    XK_XKLB: '普通',
    XK_NR: '食品销售经营',
    XK_JDRQ: '2026-02-20',
    XK_YXQZ: '2026-02-20',
    XK_YXQZI: '2031-02-19',
    ...overrides,
  });

  it('creates a licensing record by form: validated like an import, audited, searchable; duplicates refused', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市许可表单部门测试有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const caller = createCaller({ db, today: TODAY, staff });
    const { id } = await caller.records.createLicensing(licensing(1));
    const row = await db.selectFrom('licensingRecords').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ departmentId: w.department.id, subjectName: '乐山市表单许可1号有限公司' });
    const audits = await db
      .selectFrom('auditLog')
      .select('entityId')
      .where('actorId', '=', String(staff.id))
      .where('entityId', '=', String(id))
      .execute();
    expect(audits.length).toBeGreaterThan(0);
    const hits = (await createCaller({ db, today: TODAY }).search.query({ q: '表单许可1号' })).hits.map((h) => h.docId);
    expect(hits).toContain(`licensing:${id}`);

    await expect(caller.records.createLicensing(licensing(1))).rejects.toMatchObject({ code: 'CONFLICT' });
    // The import's own check of the USCC, with the field's Chinese name.
    await expect(caller.records.createLicensing(licensing(2, { XK_XDR_SHXYM: '91511102MA00000000' }))).rejects.toThrow(
      /统一社会信用代码：/,
    );
    await expect(caller.records.createLicensing(licensing(3, { XK_YXQZI: '2020-01-01' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await db.selectFrom('licensingRecords').select('id').where('departmentId', '=', w.department.id).execute(),
    ).toHaveLength(1);
    await expect(
      createCaller({ db, today: TODAY, staff: await createStaff(db, 'office', null) }).records.createLicensing(
        licensing(4),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('corrects a licensing record by document number: checked like an import, audited, public page and search follow', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市许可更正部门测试有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const caller = createCaller({ db, today: TODAY, staff });
    const pub = createCaller({ db, today: TODAY });
    const { id } = await caller.records.createLicensing(licensing(11));
    const documentNumber = licensing(11).XK_WSH;

    const result = await caller.records.correctLicensing({
      documentNumber,
      XK_NR: '食品销售经营（含冷藏冷冻食品）更正甲',
      XK_YXQZI: '2031-06-30',
      XK_XKZS: '食品经营许可证',
      reason: '许可决定书记载有误，依申请更正。',
    });
    expect(result).toMatchObject({ id });
    const licence = await pub.disclosures.licence({ id });
    expect(JSON.stringify(licence)).toContain('食品销售经营（含冷藏冷冻食品）更正甲');
    expect(JSON.stringify(licence)).toContain('2031-06-30');
    expect(JSON.stringify(licence)).toContain('食品经营许可证');
    const hits = (await pub.search.query({ q: '冷藏冷冻食品' })).hits.map((h) => h.docId);
    expect(hits).toContain(`licensing:${id}`);

    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'before', 'after', 'note'])
      .where('action', '=', 'licensing.correct')
      .where('entityId', '=', String(id))
      .executeTakeFirstOrThrow();
    expect(audit.note).toBe('许可决定书记载有误，依申请更正。');
    expect(JSON.stringify(audit.before)).toContain('食品销售经营');
    expect(JSON.stringify(audit.before)).not.toContain('更正甲');
    expect(JSON.stringify(audit.after)).toContain('更正甲');

    // A bad date: refused with the import's Chinese message, nothing written.
    await expect(
      caller.records.correctLicensing({
        documentNumber,
        XK_NR: '不应写入的内容',
        XK_YXQZI: '2031-02-30',
        reason: '错误日期测试。',
      }),
    ).rejects.toThrow(/有效期至.*不是有效日期/);
    await expect(
      caller.records.correctLicensing({ documentNumber, XK_YXQZI: '2019-01-01', reason: '早于有效期自测试。' }),
    ).rejects.toThrow(/早于有效期自/);
    const row = await db.selectFrom('licensingRecords').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ content: '食品销售经营（含冷藏冷冻食品）更正甲', validUntil: '2031-06-30' });

    const other = await createStaff(
      db,
      'department',
      (await createWorld(db, '乐山市别部门许可测试有限公司')).department.id,
    );
    await expect(
      createCaller({ db, today: TODAY, staff: other }).records.correctLicensing({
        documentNumber,
        XK_NR: '越权更正',
        reason: '越权更正测试。',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不属于您的部门') });
    await expect(
      caller.records.correctLicensing({
        documentNumber: '乐市监许〔2026〕不存在1号',
        XK_NR: '无',
        reason: '不存在测试。',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('没有文书号') });
    const audits = await db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'licensing.correct')
      .where('entityId', '=', String(id))
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('corrects a list entry and then removes it: audited, the public list and search drop it', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市名单移出测试有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const caller = createCaller({ db, today: TODAY, staff });
    const pub = createCaller({ db, today: TODAY });
    expect(await pub.lists.entry({ listType: 'dishonesty', id: w.entry.id })).toBeTruthy();

    await caller.records.correctListEntry({ id: w.entry.id, validUntil: '2026-12-31', reason: '认定文书更正有效期。' });
    expect((await listEntry(db, w.entry.id)).validUntil).toBe('2026-12-31');
    await expect(
      caller.records.correctListEntry({ id: w.entry.id, validUntil: '2020-01-01', reason: '早于列入日期测试。' }),
    ).rejects.toThrow('不能早于列入日期');

    const other = await createStaff(
      db,
      'department',
      (await createWorld(db, '乐山市别部门名单测试有限公司')).department.id,
    );
    await expect(
      createCaller({ db, today: TODAY, staff: other }).records.removeListEntry({
        id: w.entry.id,
        reason: '越权移出测试。',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await caller.records.removeListEntry({ id: w.entry.id, reason: '已履行全部法定义务，提前移出。' });
    expect(await listEntry(db, w.entry.id)).toMatchObject({
      status: 'removed',
      removedOn: TODAY,
      removalReason: '已履行全部法定义务，提前移出。',
    });
    await expect(pub.lists.entry({ listType: 'dishonesty', id: w.entry.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const hits = (await pub.search.query({ q: '名单移出测试' })).hits.map((h) => h.docId);
    expect(hits).not.toContain(`list_entry:${w.entry.id}`);
    const audit = await db
      .selectFrom('auditLog')
      .select('action')
      .where('actorId', '=', String(staff.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['list_entry.correct', 'list_entry.remove']);
    await expect(caller.records.removeListEntry({ id: w.entry.id, reason: '再次移出测试。' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
