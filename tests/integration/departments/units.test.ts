import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { importFile, type ImportOptions } from '@/server/imports/service';
import { createDepartment } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createStaff, officeDepartment } from '../applications/helpers';
import { AUTHORITY_USCC, bytesOf, penaltyRow, toCsv } from '../imports/sample';

// SPEC §3 谁决定、谁公示: a department publishes a sub-unit's decision only while the office has
// it registered in /admin/units; registering and removing are audited.

const today = '2026-04-01';
const UNIT = '乐山市市场监督管理局';

describeEachDatabase('department sub-units registered by the office', (current) => {
  const importOne = (db: Parameters<typeof importFile>[0], departmentId: number, n: number) => {
    const options: ImportOptions = {
      departmentId,
      channel: 'cli',
      mode: 'commit',
      today,
      actor: { type: 'system', id: null, label: '测试' },
    };
    return importFile(db, { name: `unit-${n}.csv`, bytes: bytesOf(toCsv([penaltyRow(n)])) }, options);
  };

  it('a row whose authority is the unit is refused before registration, accepted after, refused after removal', async () => {
    const { db } = current();
    const dept = await createDepartment(db, { sampleAuthority: false });
    const office = createCaller({ db, today, staff: await createStaff(db, 'office', (await officeDepartment(db)).id) });

    const before = await importOne(db, dept.id, 9101);
    expect(before).toMatchObject({ created: 0, errorRows: 1 });
    expect(before.errors[0]!.message).toContain('不是市联席会议办公室为本部门登记的下属单位');

    const unit = await office.units.register({ departmentId: dept.id, name: UNIT, uscc: AUTHORITY_USCC.toLowerCase() });
    expect(unit).toMatchObject({ departmentId: dept.id, name: UNIT, uscc: AUTHORITY_USCC });
    expect((await office.units.list()).filter((u) => u.departmentId === dept.id).map((u) => u.name)).toEqual([UNIT]);

    const during = await importOne(db, dept.id, 9102);
    expect(during).toMatchObject({ created: 1, errorRows: 0 });
    const record = await db
      .selectFrom('penaltyRecords')
      .select(['authorityName', 'authorityCode'])
      .where('departmentId', '=', dept.id)
      .executeTakeFirstOrThrow();
    expect(record).toEqual({ authorityName: UNIT, authorityCode: AUTHORITY_USCC });

    await office.units.remove({ id: unit.id });
    expect((await office.units.list()).filter((u) => u.departmentId === dept.id)).toEqual([]);
    const after = await importOne(db, dept.id, 9103);
    expect(after).toMatchObject({ created: 0, errorRows: 1 });

    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'actorType', 'before', 'after'])
      .where('entityType', '=', 'department_unit')
      .where('entityId', '=', String(unit.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actorType])).toEqual([
      ['department_unit.register', 'staff'],
      ['department_unit.remove', 'staff'],
    ]);
    expect(audit[0]!.after).toMatchObject({ departmentId: dept.id, name: UNIT, uscc: AUTHORITY_USCC });
    expect(audit[1]!.before).toMatchObject({ departmentId: dept.id, name: UNIT });
  });

  it('refuses a wrong USCC, the department itself and a second registration, in Chinese; department staff have no access', async () => {
    const { db } = current();
    const dept = await createDepartment(db, { sampleAuthority: false });
    const office = createCaller({ db, today, staff: await createStaff(db, 'office', (await officeDepartment(db)).id) });
    const bad = AUTHORITY_USCC.slice(0, 17) + (AUTHORITY_USCC.endsWith('0') ? '1' : '0');
    await expect(office.units.register({ departmentId: dept.id, name: UNIT, uscc: bad })).rejects.toThrow(
      '统一社会信用代码校验位错误',
    );
    await expect(office.units.register({ departmentId: dept.id, name: dept.name, uscc: '' })).rejects.toThrow(
      '无需登记为下属单位',
    );
    await office.units.register({ departmentId: dept.id, name: '乐山市测试执法支队', uscc: '' });
    await expect(
      office.units.register({ departmentId: dept.id, name: '乐山市测试执法支队 ', uscc: '' }),
    ).rejects.toThrow('无需重复登记');
    await expect(office.units.remove({ id: 987654 })).rejects.toThrow('不存在或已被移除');

    const staff = createCaller({ db, today, staff: await createStaff(db, 'department', dept.id) });
    await expect(staff.units.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff.units.register({ departmentId: dept.id, name: UNIT, uscc: '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
