import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { monitoringReport, monthPeriod, reportCsv } from '@/server/stats/service';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';

describeEachDatabase('monitoring report (监测报告)', (current) => {
  it('counts records per department and month and the share reported within 7 working days', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const company = await createCompany(db, '乐山市统计测试有限公司');
    // Decided Friday 2026-03-06: the 7th working day after it is Tuesday 2026-03-17.
    await createPenalty(db, company, dept, {
      decisionDate: '2026-03-06',
      reportedAt: new Date('2026-03-17T10:00:00+08:00') as never,
    });
    await createPenalty(db, company, dept, {
      decisionDate: '2026-03-06',
      reportedAt: new Date('2026-03-18T09:00:00+08:00') as never,
    });
    await createPenalty(db, company, dept, {
      decisionDate: '2026-03-20',
      reportedAt: new Date('2026-03-20T09:00:00+08:00') as never,
    });
    await createPenalty(db, company, dept, {
      decisionDate: '2026-02-10',
      reportedAt: new Date('2026-02-11T09:00:00+08:00') as never,
    });
    await sql`insert into applications (kind, tracking_number, query_code_hash, idempotency_key, subject_id, department_id,
      applicant_type, applicant_name, phone, reason_category, description, submitted_at, accept_due_on, status)
      values ('objection', ${`T${dept.id}`}, 'x', ${`k${dept.id}`}, ${company.id}, ${dept.id}, 'organisation', '某公司', '13800000000',
              'wrong', '有误', '2026-03-02T09:00:00+08:00', '2026-03-04', 'submitted')`.execute(db);

    const report = await monitoringReport(db, monthPeriod('2026-03'), '2026-03-31');
    const mine = report.departments.find((d) => d.departmentId === dept.id)!;
    expect(mine).toMatchObject({ penalties: 3, licensing: 0, onTime: 2 });
    expect(mine.onTimeShare).toBeCloseTo(2 / 3);
    expect(mine.applications.objection).toEqual({ received: 1, decided: 0, overdue: 1 });
    expect(report.byMonth.find((m) => m.month === '2026-03')!.penalties).toBeGreaterThanOrEqual(3);
    expect(report.byMonth.find((m) => m.month === '2026-02')).toBeUndefined();

    const csv = reportCsv(report);
    expect(csv).toContain('统计期间,2026-03-01 至 2026-03-31');
    expect(csv).toContain(`${mine.name},0,3,2,66.7%,1,0,1`);
  });
});
