import { expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '@/server/db/client';
import { importFile, type ImportOptions } from '@/server/imports/service';
import { acceptApplication, decideApplication } from '@/server/applications/service';
import { withdrawRecord } from '@/server/records/service';
import { getPublicPenalty } from '@/server/disclosures/service';
import { createDepartment, SAMPLE_AUTHORITY } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { appByTracking, createStaff, objectionInput, submit } from '../applications/helpers';
import { bytesOf, companyUscc, penaltyRow, toCsv, PENALTY_HEADERS } from '../imports/sample';

// Issue 12, defects 1–7: each test fails on the code before the one record writer.

const today = '2026-04-01';
const actor = { type: 'system' as const, id: null, label: '测试' };
const options = (departmentId: number): ImportOptions => ({
  departmentId,
  channel: 'cli',
  mode: 'commit',
  today,
  actor,
});
const HEADERS = [...PENALTY_HEADERS, 'BZ'];
const importRows = (db: Db, departmentId: number, rows: Record<string, string>[]) =>
  importFile(db, { name: 'p.csv', bytes: bytesOf(toCsv(rows, HEADERS)) }, options(departmentId));
const record = (db: Db, departmentId: number) =>
  db.selectFrom('penaltyRecords').selectAll().where('departmentId', '=', departmentId).executeTakeFirstOrThrow();

describeEachDatabase('issue 12 defects', (current) => {
  it('1: an imported 吊销许可证件 under 《食品安全法》 is never offered early repair; an undetermined domain is warned about by row', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const summary = await importRows(db, dept.id, [
      penaltyRow(101, { CF_CFLB: '吊销许可证件', CF_NR: '吊销食品经营许可证' }),
    ]);
    expect(summary).toMatchObject({ created: 1, errorRows: 0 });
    const r = await record(db, dept.id);
    expect(r).toMatchObject({ domain: '食品药品', repairableEarly: false, severity: 'serious' });
    expect(r.earliestRepairOn).toBe(r.publicUntil);
    const page = await getPublicPenalty(db, today, r.id);
    expect(page).toMatchObject({ repairableEarly: false, earliestRepairOn: null });
    // The application form refuses a repair at once.
    await expect(
      submit(db, objectionInput(r.id, { kind: 'repair', reasonCategory: '已履行行政处罚决定' }), '2027-06-01'),
    ).rejects.toThrow('不得提前修复');

    const other = await createDepartment(db);
    const unknown = await importRows(db, other.id, [
      penaltyRow(102, { CF_YJ: '《某某管理办法》第十条', CF_CFLB: '责令停产停业', CF_NR: '责令停产停业' }),
    ]);
    expect(unknown.warnings.map((w) => w.message).join()).toMatch(/第\d+行：无法从处罚依据/);
    expect(await record(db, other.id)).toMatchObject({ domain: null, repairableEarly: false });
  });

  it('2: re-importing the same file after an objection was rejected keeps the extension, and changes nothing', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const rows = [penaltyRow(201)];
    await importRows(db, dept.id, rows);
    const before = await record(db, dept.id);
    const staff = await createStaff(db, 'department', dept.id);
    const filed = await submit(db, objectionInput(before.id), '2026-04-01');
    let app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-04-02');
    app = await appByTracking(db, filed.trackingNumber);
    await decideApplication(
      db,
      staff,
      { id: app.id, version: app.version, decision: 'reject', reasons: '无误。' },
      '2026-04-12',
    );
    const moved = await record(db, dept.id);
    expect(moved.suspendedDays).toBe(10);
    const again = await importRows(db, dept.id, rows);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await record(db, dept.id)).toMatchObject({
      publicUntil: moved.publicUntil,
      earliestRepairOn: moved.earliestRepairOn,
      suspendedDays: 10,
    });
    // Changed facts recompute the period from them, and the suspended days still apply.
    await importRows(db, dept.id, [penaltyRow(201, { CF_JDRQ: '2026-03-10', CF_YXQ: '2026-03-10' })]);
    expect(await record(db, dept.id)).toMatchObject({ publicUntil: '2027-03-20', suspendedDays: 10 });
  });

  it('3: a re-used document number with a different party is refused; empty columns are cleared; reported_at is never before the decision', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    await importRows(db, dept.id, [penaltyRow(301, { BZ: '首次报送' })]);
    const first = await record(db, dept.id);
    const otherParty = [penaltyRow(301, { CF_XDR_MC: '乐山市另一家商贸有限公司', CF_XDR_SHXYM: companyUscc(399) })];
    // The preview (a dry run) refuses the row as the commit does, with the same words, and writes nothing.
    const preview = await importFile(
      db,
      { name: 'p.csv', bytes: bytesOf(toCsv(otherParty, HEADERS)) },
      { ...options(dept.id), mode: 'preview' },
    );
    expect(preview).toMatchObject({ status: 'previewed', errorRows: 1 });
    const moved = await importRows(db, dept.id, otherParty);
    expect(moved).toMatchObject({ errorRows: 1, updated: 0 });
    expect(preview.errors).toEqual(moved.errors);
    // A name filed on a code that belongs to another subject: also refused in the preview.
    const named = await importFile(
      db,
      { name: 'p.csv', bytes: bytesOf(toCsv([penaltyRow(302, { CF_XDR_SHXYM: companyUscc(301) })], HEADERS)) },
      { ...options(dept.id), mode: 'preview' },
    );
    expect(named.errors).toEqual([expect.objectContaining({ rowNumber: 2, field: 'CF_XDR_MC' })]);
    expect(
      await db.selectFrom('penaltyRecords').select('id').where('departmentId', '=', dept.id).execute(),
    ).toHaveLength(1);
    expect(moved.errors[0]!.message).toContain('另一当事人');
    expect((await record(db, dept.id)).subjectId).toBe(first.subjectId);

    await sql`update penalty_records set reported_at = '2026-01-01T00:00:00Z' where id = ${first.id}`.execute(db);
    await importRows(db, dept.id, [penaltyRow(301, { BZ: '' })]);
    const after = await record(db, dept.id);
    expect(after.remarks).toBeNull();
    expect(after.domain).toBe('食品药品');
    expect(new Date(after.reportedAt as unknown as string).getTime()).toBeGreaterThanOrEqual(
      new Date('2026-03-05T00:00:00+08:00').getTime(),
    );
  });

  it('4: a department cannot publish in another authority’s name, nor file a name on a code that is not its subject’s', async () => {
    const { db } = current();
    const dept = await createDepartment(db, { sampleAuthority: false });
    const foreign = await importRows(db, dept.id, [penaltyRow(401, { CF_CFJG: '乐山市生态环境局' })]);
    expect(foreign).toMatchObject({ created: 0, errorRows: 1 });
    expect(foreign.errors[0]).toMatchObject({ field: 'CF_CFJG' });

    const own = await importRows(db, dept.id, [
      penaltyRow(402, { CF_CFJG: dept.name, CF_CFJGDM: SAMPLE_AUTHORITY.uscc }),
    ]);
    expect(own).toMatchObject({ created: 1 });
    expect(own.warnings.map((w) => w.message).join()).toContain('CF_CFJGDM');
    const stored = await record(db, dept.id);
    const onFile = await db
      .selectFrom('departments')
      .select('uscc')
      .where('id', '=', dept.id)
      .executeTakeFirstOrThrow();
    expect(stored.authorityCode).toBe(onFile.uscc);

    const wrongName = await importRows(db, dept.id, [
      penaltyRow(403, { CF_CFJG: dept.name, CF_XDR_SHXYM: companyUscc(402), CF_XDR_MC: '乐山市冒名顶替有限公司' }),
    ]);
    expect(wrongName).toMatchObject({ created: 0, errorRows: 1 });
    expect(wrongName.errors[0]).toMatchObject({ field: 'CF_XDR_MC' });
    // A former name (the one an earlier record was filed under) is the same subject.
    await db
      .updateTable('subjects')
      .set({ name: '乐山市新名称商贸有限公司' })
      .where('id', '=', stored.subjectId)
      .execute();
    const former = await importRows(db, dept.id, [
      penaltyRow(404, { CF_CFJG: dept.name, CF_XDR_SHXYM: companyUscc(402), CF_XDR_MC: '乐山市测试402号商贸有限公司' }),
    ]);
    expect(former).toMatchObject({ created: 1, errorRows: 0 });
  });

  it('6: suspension moves the earliest repair date with publicUntil, and the record page says why', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    await importRows(db, dept.id, [penaltyRow(601)]);
    const before = await record(db, dept.id);
    const staff = await createStaff(db, 'department', dept.id);
    const filed = await submit(db, objectionInput(before.id), '2026-04-01');
    let app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-04-01');
    app = await appByTracking(db, filed.trackingNumber);
    await decideApplication(
      db,
      staff,
      { id: app.id, version: app.version, decision: 'reject', reasons: '无误。' },
      '2026-04-08',
    );
    const after = await record(db, dept.id);
    expect(after.publicUntil).toBe('2027-03-12');
    expect(after.earliestRepairOn).toBe('2026-06-12');
    const page = await getPublicPenalty(db, '2026-04-08', before.id);
    expect(page).toMatchObject({ suspensionNote: '因异议处理暂停 7 天，相应顺延', earliestRepairOn: '2026-06-12' });
  });

  it('7: every writer names a penalty the same way in the audit trail', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    await importRows(db, dept.id, [penaltyRow(701)]);
    await importRows(db, dept.id, [penaltyRow(701, { CF_NR_FK: '0.6', CF_NR: '罚款人民币六千元' })]);
    const r = await record(db, dept.id);
    const staff = await createStaff(db, 'department', dept.id);
    const filed = await submit(db, objectionInput(r.id), '2026-04-01');
    const app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-04-01');
    await withdrawRecord(db, staff, { kind: 'penalty', id: r.id, reason: '复议撤销。' }, '2026-04-02');
    const entries = await db
      .selectFrom('auditLog')
      .select(['action', 'entityType'])
      .where('entityId', '=', String(r.id))
      .where('action', 'like', 'penalty.%')
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'penalty.import_create',
      'penalty.import_update',
      'penalty.suspend',
      'penalty.withdraw',
    ]);
    expect(new Set(entries.map((e) => e.entityType))).toEqual(new Set(['penalty_record']));
  });
});
