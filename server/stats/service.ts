import type { Db } from '../db/client';
import { csvDocument } from '../csv/writer';
import { APPLICATION_KIND_LABELS, type ApplicationKind } from '../rules/codes';
import { PUBLISH_WITHIN_WORKDAYS } from '../rules/workdays';
import { workdayCalendar } from '../calendar/service';
import * as repo from './repository';

// The office's 监测报告: records by department, month and kind; each department's share
// reported within 7 working days of the decision (国办发〔2015〕51号); objections, complaints
// and repairs received, decided and overdue. One function gives the data; the CSV and the
// pages format it.

export interface DepartmentStats {
  departmentId: number;
  code: string;
  name: string;
  licensing: number;
  penalties: number;
  /** Records reported within 7 working days of their decision. */
  onTime: number;
  /** onTime / (licensing + penalties), null when there is nothing to measure. */
  onTimeShare: number | null;
  applications: Record<ApplicationKind, { received: number; decided: number; overdue: number }>;
}

export interface MonitoringReport {
  period: repo.Period;
  /** The one department the report is limited to, or null for the whole city. */
  scope: repo.Scope;
  today: string;
  departments: DepartmentStats[];
  byMonth: { month: string; licensing: number; penalties: number }[];
  totals: { licensing: number; penalties: number; onTime: number; onTimeShare: number | null };
}

const emptyApps = () => ({
  objection: { received: 0, decided: 0, overdue: 0 },
  complaint: { received: 0, decided: 0, overdue: 0 },
  repair: { received: 0, decided: 0, overdue: 0 },
});

/** The calendar month of a date as a period: '2026-03' → 2026-03-01 … 2026-03-31. */
export function monthPeriod(month: string): repo.Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The report over `period`: every department's, or one department's only (`scope`, its id). */
export async function monitoringReport(
  db: Db,
  period: repo.Period,
  today: string,
  scope: repo.Scope = null,
): Promise<MonitoringReport> {
  const [depts, counts, dates, apps, calendar] = await Promise.all([
    repo.departments(db, scope),
    repo.recordCounts(db, period, scope),
    repo.reportingDates(db, period, scope),
    repo.applicationCounts(db, period, today, scope),
    workdayCalendar(db),
  ]);
  const stats = new Map<number, DepartmentStats>(
    depts.map((d) => [
      d.id,
      {
        departmentId: d.id,
        code: d.code,
        name: d.name,
        licensing: 0,
        penalties: 0,
        onTime: 0,
        onTimeShare: null,
        applications: emptyApps(),
      },
    ]),
  );
  const months = new Map<string, { month: string; licensing: number; penalties: number }>();
  for (const c of counts) {
    const s = stats.get(c.departmentId);
    if (s) s[c.kind === 'licensing' ? 'licensing' : 'penalties'] += c.n;
    const m = months.get(c.month) ?? { month: c.month, licensing: 0, penalties: 0 };
    m[c.kind === 'licensing' ? 'licensing' : 'penalties'] += c.n;
    months.set(c.month, m);
  }
  const deadlines = new Map<string, string>();
  for (const d of dates) {
    let due = deadlines.get(d.decisionDate);
    if (!due) {
      due = calendar.addWorkdays(d.decisionDate, PUBLISH_WITHIN_WORKDAYS);
      deadlines.set(d.decisionDate, due);
    }
    const s = stats.get(d.departmentId);
    if (s && d.reportedOn <= due) s.onTime += d.n;
  }
  for (const a of apps) {
    const s = stats.get(a.departmentId);
    if (s && a.kind in s.applications)
      s.applications[a.kind as ApplicationKind] = { received: a.received, decided: a.decided, overdue: a.overdue };
  }
  const list = [...stats.values()].map((s) => {
    const total = s.licensing + s.penalties;
    return { ...s, onTimeShare: total > 0 ? s.onTime / total : null };
  });
  const licensing = list.reduce((n, s) => n + s.licensing, 0);
  const penalties = list.reduce((n, s) => n + s.penalties, 0);
  const onTime = list.reduce((n, s) => n + s.onTime, 0);
  return {
    period,
    scope,
    today,
    departments: list,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    totals: {
      licensing,
      penalties,
      onTime,
      onTimeShare: licensing + penalties > 0 ? onTime / (licensing + penalties) : null,
    },
  };
}

const pct = (share: number | null) => (share === null ? '' : `${(share * 100).toFixed(1)}%`);

/** The monthly report as CSV (UTF-8 with BOM, for Excel). */
export function reportCsv(report: MonitoringReport): string {
  const kinds = Object.keys(APPLICATION_KIND_LABELS) as ApplicationKind[];
  const header = [
    '部门',
    '行政许可',
    '行政处罚',
    '7个工作日内报送',
    '报送及时率',
    ...kinds.flatMap((k) => [
      `${APPLICATION_KIND_LABELS[k]}收到`,
      `${APPLICATION_KIND_LABELS[k]}办结`,
      `${APPLICATION_KIND_LABELS[k]}逾期`,
    ]),
  ];
  return csvDocument([
    ['统计期间', `${report.period.from} 至 ${report.period.to}`],
    header,
    ...report.departments.map((d) => [
      d.name,
      d.licensing,
      d.penalties,
      d.onTime,
      pct(d.onTimeShare),
      ...kinds.flatMap((k) => [d.applications[k].received, d.applications[k].decided, d.applications[k].overdue]),
    ]),
    ['合计', report.totals.licensing, report.totals.penalties, report.totals.onTime, pct(report.totals.onTimeShare)],
  ]);
}
