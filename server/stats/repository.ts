import { sql } from 'kysely';
import type { Db } from '../db/client';

// Aggregates of the 监测报告 (SPEC §3 timeliness, §6 applications). Counting happens in SQL;
// the working-day arithmetic of timeliness happens in the service, per distinct date.

/** Only this department's rows; null: every department. */
export type Scope = number | null;

const inScope = (departmentId: Scope) => (departmentId === null ? sql`true` : sql`department_id = ${departmentId}`);

export interface Period {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export async function recordCounts(db: Db, period: Period, scope: Scope = null) {
  const rows = await sql<{ departmentId: number; month: string; kind: 'licensing' | 'penalty'; n: string }>`
    select department_id, to_char(decision_date, 'YYYY-MM') as month, 'licensing' as kind, count(*)::text as n
      from licensing_records where decision_date between ${period.from}::date and ${period.to}::date and ${inScope(scope)}
      group by 1, 2
    union all
    select department_id, to_char(decision_date, 'YYYY-MM'), 'penalty', count(*)::text
      from penalty_records where decision_date between ${period.from}::date and ${period.to}::date and ${inScope(scope)}
      group by 1, 2
    order by 1, 2, 3`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Records per department, decision date and day reported (Asia/Shanghai). */
export async function reportingDates(db: Db, period: Period, scope: Scope = null) {
  const rows = await sql<{ departmentId: number; decisionDate: string; reportedOn: string; n: string }>`
    select department_id, decision_date::text, (reported_at at time zone 'Asia/Shanghai')::date::text as reported_on, count(*)::text as n
    from (
      select department_id, decision_date, reported_at from licensing_records
        where decision_date between ${period.from}::date and ${period.to}::date
      union all
      select department_id, decision_date, reported_at from penalty_records
        where decision_date between ${period.from}::date and ${period.to}::date
    ) r
    where ${inScope(scope)}
    group by 1, 2, 3`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function applicationCounts(db: Db, period: Period, today: string, scope: Scope = null) {
  const rows = await sql<{ departmentId: number; kind: string; received: string; decided: string; overdue: string }>`
    select department_id, kind,
      count(*) filter (where (submitted_at at time zone 'Asia/Shanghai')::date between ${period.from}::date and ${period.to}::date)::text as received,
      count(*) filter (where (decided_at at time zone 'Asia/Shanghai')::date between ${period.from}::date and ${period.to}::date)::text as decided,
      count(*) filter (where (status = 'submitted' and accept_due_on < ${today}::date)
                          or (status = 'accepted' and decide_due_on < ${today}::date))::text as overdue
    from applications where ${inScope(scope)} group by 1, 2 order by 1, 2`.execute(db);
  return rows.rows.map((r) => ({
    ...r,
    received: Number(r.received),
    decided: Number(r.decided),
    overdue: Number(r.overdue),
  }));
}

export function departments(db: Db, scope: Scope = null) {
  let q = db.selectFrom('departments').select(['id', 'code', 'name', 'shortName']).orderBy('sortOrder').orderBy('id');
  if (scope !== null) q = q.where('id', '=', scope);
  return q.execute();
}
