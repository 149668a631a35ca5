import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createStaff, officeDepartment } from '../applications/helpers';

// /admin/stats: department staff read their own department's figures, scoped by the session;
// the office and admins read every department's.

describeEachDatabase('monitoring report scoped to the reader', (current) => {
  it("department staff see only their department's counts and totals; the office sees both departments", async () => {
    const { db } = current();
    const a = await createDepartment(db);
    const b = await createDepartment(db);
    const firm = await createCompany(db, '乐山市统计范围测试有限公司');
    await createPenalty(db, firm, a, {
      decisionDate: '2026-03-06',
      reportedAt: new Date('2026-03-09T10:00:00+08:00') as never,
    });
    for (const day of ['2026-03-10', '2026-03-11', '2026-03-12'])
      await createPenalty(db, firm, b, { decisionDate: day, reportedAt: new Date(`${day}T10:00:00+08:00`) as never });
    const range = { from: '2026-03', to: '2026-03' };

    const staffA = createCaller({ db, today: '2026-04-01', staff: await createStaff(db, 'department', a.id) });
    const own = await staffA.stats.monitoring(range);
    expect(own.scope).toBe(a.id);
    expect(own.departments.map((d) => d.departmentId)).toEqual([a.id]);
    expect(own.totals).toMatchObject({ penalties: 1, licensing: 0, onTime: 1 });
    expect(own.byMonth).toEqual([{ month: '2026-03', licensing: 0, penalties: 1 }]);
    // The input has no department: a parameter naming another one is ignored, never obeyed.
    await expect(staffA.stats.monitoring({ ...range, departmentId: b.id } as never)).resolves.toMatchObject({
      scope: a.id,
      totals: { penalties: 1 },
    });

    const office = createCaller({
      db,
      today: '2026-04-01',
      staff: await createStaff(db, 'office', (await officeDepartment(db)).id),
    });
    const all = await office.stats.monitoring(range);
    expect(all.scope).toBeNull();
    expect(all.departments.find((d) => d.departmentId === b.id)).toMatchObject({ penalties: 3 });
    expect(all.totals.penalties).toBeGreaterThanOrEqual(4);
  });
});
