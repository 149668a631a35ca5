import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { penaltyRow, toCsv } from '../imports/sample';
import { createStaff, officeDepartment } from './helpers';

// The staff import page's procedures: preview lists bad rows with field and Chinese message and
// writes nothing; commit writes the same file once; history and error reports by department.

const TODAY = '2026-04-01';
const file = (rows: Record<string, string>[]) => ({
  fileName: '三月处罚.csv',
  bytes: new TextEncoder().encode(toCsv(rows)),
});
const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describeEachDatabase('staff imports (preview, commit, history)', (current) => {
  it('previews without writing, then commits the good rows once, audited and searchable', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const clerk = createCaller({ db, today: TODAY, staff: await createStaff(db, 'department', dept.id) });
    const upload = file([penaltyRow(7001), penaltyRow(7002, { CF_XDR_SHXYM: '91511102MA00000000' }), penaltyRow(7003)]);

    const { importId } = await clerk.imports.preview(upload);
    const preview = await clerk.imports.get({ id: importId });
    expect(preview).toMatchObject({ status: 'previewed', totalRows: 3, errorRows: 1, committable: true });
    expect(preview.errors).toEqual([
      expect.objectContaining({
        rowNumber: 3,
        field: 'CF_XDR_SHXYM',
        fieldLabel: expect.stringMatching(/[\u4e00-\u9fa5]/),
      }),
    ]);
    expect(preview.errors[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    const count = async () =>
      (await db.selectFrom('penaltyRecords').select('id').where('departmentId', '=', dept.id).execute()).length;
    expect(await count()).toBe(0);
    expect(await clerk.imports.errorReport({ id: importId })).toContain('CF_XDR_SHXYM');

    const done = await clerk.imports.commit({ id: importId });
    expect(done.status).toBe('committed');
    expect(await count()).toBe(2);
    const result = await clerk.imports.get({ id: done.importId });
    expect(result).toMatchObject({ status: 'committed', createdRows: 2, errorRows: 1, committable: false });
    const audits = await db
      .selectFrom('auditLog')
      .select('actorLabel')
      .where('entityType', '=', 'penalty_record')
      .where('actorId', '=', String((await clerk.staff.me()).id))
      .execute();
    expect(audits).toHaveLength(2);
    const stored = await db.selectFrom('penaltyRecords').select('id').where('departmentId', '=', dept.id).execute();
    const docs = await db
      .selectFrom('searchDocuments')
      .select('docId')
      .where(
        'docId',
        'in',
        stored.map((r) => `penalty:${r.id}`),
      )
      .execute();
    expect(docs).toHaveLength(2);

    // A second click on the same preview commits nothing more.
    expect(await clerk.imports.commit({ id: importId }).catch(code)).toBe('CONFLICT');
    expect((await clerk.imports.get({ id: importId })).committable).toBe(false);
    expect(await count()).toBe(2);

    const history = await clerk.imports.history();
    expect(history.map((h) => h.id)).toEqual(expect.arrayContaining([importId, done.importId]));
  });

  it('keeps departments apart; the office chooses the department and sees every history', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const other = await createDepartment(db);
    const clerk = createCaller({ db, today: TODAY, staff: await createStaff(db, 'department', dept.id) });
    const stranger = createCaller({ db, today: TODAY, staff: await createStaff(db, 'department', other.id) });
    const office = createCaller({
      db,
      today: TODAY,
      staff: await createStaff(db, 'office', (await officeDepartment(db)).id),
    });

    const { importId } = await clerk.imports.preview(file([penaltyRow(7101)]));
    expect(await stranger.imports.get({ id: importId }).catch(code)).toBe('NOT_FOUND');
    expect(await stranger.imports.commit({ id: importId }).catch(code)).toBe('NOT_FOUND');
    expect(await stranger.imports.preview({ ...file([penaltyRow(7102)]), departmentId: dept.id }).catch(code)).toBe(
      'FORBIDDEN',
    );
    expect((await stranger.imports.history()).map((h) => h.id)).not.toContain(importId);
    // The office reads it but cannot commit someone else's preview.
    expect((await office.imports.get({ id: importId })).departmentName).toBe(dept.name);
    expect(await office.imports.commit({ id: importId }).catch(code)).toBe('FORBIDDEN');
    // The office must say which department a file belongs to.
    expect(await office.imports.preview(file([penaltyRow(7103)])).catch((e: TRPCError) => e.message)).toBe(
      '请选择导入数据所属的部门。',
    );
    const mine = await office.imports.preview({ ...file([penaltyRow(7104)]), departmentId: other.id });
    await office.imports.commit({ id: mine.importId });
    expect(
      await db
        .selectFrom('penaltyRecords')
        .select('departmentId')
        .where('documentNumber', '=', penaltyRow(7104).CF_WSH!)
        .execute(),
    ).toEqual([{ departmentId: other.id }]);
    expect((await office.imports.history()).map((h) => h.id)).toEqual(
      expect.arrayContaining([importId, mine.importId]),
    );
  });

  it('refuses a file that is not CSV/XLSX or has no recognisable header, in Chinese', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const clerk = createCaller({ db, today: TODAY, staff: await createStaff(db, 'department', dept.id) });
    const bad = await clerk.imports
      .preview({ fileName: 'a.pdf', bytes: new Uint8Array([1, 2, 3]) })
      .catch((e: TRPCError) => e.message);
    expect(bad).toContain('CSV 或 XLSX');
    const noHeader = await clerk.imports
      .preview({ fileName: 'a.csv', bytes: new TextEncoder().encode('foo,bar\n1,2\n') })
      .catch((e: TRPCError) => e.message);
    expect(noHeader).toContain('无法识别表头');
  });
});

describeEachDatabase('office statistics over a span of months', (current) => {
  it('counts per department and month across the span, with overdue applications', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const company = await createCompany(db, '乐山市区间统计测试有限公司');
    await createPenalty(db, company, dept, {
      decisionDate: '2026-01-12',
      reportedAt: new Date('2026-01-13T09:00:00+08:00') as never,
    });
    await createPenalty(db, company, dept, {
      decisionDate: '2026-02-09',
      reportedAt: new Date('2026-03-30T09:00:00+08:00') as never,
    });
    await createPenalty(db, company, dept, {
      decisionDate: '2026-04-01',
      reportedAt: new Date('2026-04-01T09:00:00+08:00') as never,
    });
    const office = createCaller({
      db,
      today: '2026-04-10',
      staff: await createStaff(db, 'office', (await officeDepartment(db)).id),
    });
    const report = await office.stats.monitoring({ from: '2026-01', to: '2026-03' });
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    const mine = report.departments.find((d) => d.departmentId === dept.id)!;
    expect(mine).toMatchObject({ penalties: 2, onTime: 1 });
    expect(mine.onTimeShare).toBeCloseTo(0.5);
    expect(report.byMonth.map((m) => m.month)).toEqual(expect.arrayContaining(['2026-01', '2026-02']));
    expect(report.byMonth.map((m) => m.month)).not.toContain('2026-04');
    expect(await office.stats.monitoring({ from: '2026-03', to: '2026-01' }).catch(code)).toBe('BAD_REQUEST');
    expect(await office.stats.monitoring({ from: '2023-01', to: '2026-01' }).catch(code)).toBe('BAD_REQUEST');
  });
});
