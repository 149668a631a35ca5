import { firstParam } from '@/components/query-string';
import { formatCount } from '@/components/format';
import { addMonths, todayInShanghai } from '@/server/rules/dates';
import { APPLICATION_KIND_LABELS, APPLICATION_KINDS } from '@/server/rules/codes';
import { MONTH_RANGE } from '@/server/stats/router';
import { MonthlyRecordsChart, TimelinessChart } from '@/components/charts/stats-charts';
import { staffCaller } from '../_lib/session';
import { CoordinationStats } from '@/components/coordination/coordination-stats';

export const dynamic = 'force-dynamic';
export const metadata = { title: '监测统计' };

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);
const cell = 'border border-slate-300 px-2 py-1';
const num = `${cell} text-right tabular-nums`;

/** A small in-table bar beside its number (the charts above the tables are drawn with Recharts). */
function Bar({ share, tone = 'bg-brand-600' }: { share: number; tone?: string }) {
  return (
    <span
      aria-hidden="true"
      className="block h-3 w-full min-w-16 rounded bg-slate-200 print:border print:border-slate-400"
    >
      <span
        className={`block h-3 rounded ${tone} print:[print-color-adjust:exact]`}
        style={{ width: `${Math.min(100, Math.round(share * 100))}%` }}
      />
    </span>
  );
}

/** The office's 监测报告: per department timeliness and application handling, over months (SPEC §3, §7). */
export default async function AdminStatsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caller } = await staffCaller();
  const sp = await searchParams;
  const today = todayInShanghai();
  const fallback = { from: addMonths(today, -6).slice(0, 7), to: addMonths(today, -1).slice(0, 7) };
  const asked = { from: firstParam(sp.from) ?? fallback.from, to: firstParam(sp.to) ?? fallback.to };
  const parsed = MONTH_RANGE.safeParse(asked);
  const range = parsed.success ? parsed.data : fallback;
  const report = await caller.stats.monitoring(range);
  const rows = report.departments.filter(
    (d) =>
      d.licensing + d.penalties > 0 ||
      APPLICATION_KINDS.some((k) => d.applications[k].received + d.applications[k].overdue > 0),
  );
  const maxMonth = Math.max(1, ...report.byMonth.map((m) => m.licensing + m.penalties));
  // Department staff read their own department's figures; the server scoped the report by session.
  const own = report.scope === null ? null : (report.departments[0]?.name ?? '本部门');
  const appTotal = (kind: (typeof APPLICATION_KINDS)[number], k: 'received' | 'decided' | 'overdue') =>
    report.departments.reduce((n, d) => n + d.applications[kind][k], 0);

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">监测统计</h1>
      {own ? (
        <p className="mb-1 font-semibold" data-testid="stats-scope">
          本部门：{own}（仅显示本部门的报送和申请办理情况）
        </p>
      ) : null}
      <p className="mb-4 text-slate-700">
        统计期间 {report.period.from} 至 {report.period.to}（按处罚或许可决定日期统计；逾期为截至 {report.today}{' '}
        仍未办结且已超过办理期限的申请）。
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        <label htmlFor="from" className="block text-sm font-medium">
          起始月份
          <input
            id="from"
            name="from"
            type="month"
            defaultValue={range.from}
            className="mt-1 block rounded border border-slate-500 px-2 py-1"
          />
        </label>
        <label htmlFor="to" className="block text-sm font-medium">
          结束月份
          <input
            id="to"
            name="to"
            type="month"
            defaultValue={range.to}
            className="mt-1 block rounded border border-slate-500 px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
          查看
        </button>
        {own ? null : (
          <>
            <a className="text-brand-700 underline" href={`/stats/report.csv?month=${range.to}`}>
              下载 {range.to} 月度报告（CSV）
            </a>
            <a className="text-brand-700 underline" href={`/stats/coordination.csv?month=${range.to}`}>
              下载 {range.to} 联合奖惩协同（CSV）
            </a>
          </>
        )}
        <span className="text-sm text-slate-700">打印本页即为监测报告（浏览器“打印”）。</span>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mb-4 border-l-4 border-seal-600 bg-white p-3 font-semibold">
          {parsed.error.issues[0]?.message ?? '月份格式不正确。'}已显示最近六个月。
        </p>
      ) : null}

      <section aria-labelledby="totals" className="mb-6">
        <h2 id="totals" className="mb-2 text-lg font-bold">
          {own ? '本部门合计' : '全市合计'}
        </h2>
        <p data-testid="totals">
          行政许可 {formatCount(report.totals.licensing)} 条，行政处罚 {formatCount(report.totals.penalties)}{' '}
          条，7个工作日内报送 {formatCount(report.totals.onTime)} 条，及时率 {pct(report.totals.onTimeShare)}。
        </p>
      </section>

      <section aria-labelledby="timeliness" className="mb-6 break-inside-avoid">
        <h2 id="timeliness" className="mb-2 text-lg font-bold">
          {own ? '本部门报送及时率与申请办理' : '各部门报送及时率与申请办理'}
        </h2>
        <p className="mb-2 text-sm text-slate-700">报送率低于 90% 的部门以红色条标出；逾期数大于 0 时加粗。</p>
        {rows.length === 0 ? (
          <p className="text-slate-700">该期间没有报送记录和申请。</p>
        ) : (
          <>
            <TimelinessChart
              title="各部门 7 个工作日内报送占比"
              data={rows
                .filter((d) => d.onTimeShare !== null)
                .map((d) => ({ name: d.name, onTimePercent: Math.round((d.onTimeShare ?? 0) * 1000) / 10 }))}
            />
            <div
              className="overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label={own ? '本部门统计表' : '各部门统计表'}
            >
              <table className="w-full min-w-[56rem] border-collapse bg-white text-sm">
                <caption className="sr-only">
                  各部门报送数量、7个工作日内报送率，以及异议、投诉、信用修复的收到、办结、逾期数
                </caption>
                <thead>
                  <tr className="bg-slate-100 text-left">
                    <th scope="col" rowSpan={2} className={cell}>
                      部门
                    </th>
                    <th scope="col" rowSpan={2} className={cell}>
                      许可
                    </th>
                    <th scope="col" rowSpan={2} className={cell}>
                      处罚
                    </th>
                    <th scope="col" rowSpan={2} className={`${cell} w-40`}>
                      7个工作日内报送率
                    </th>
                    {APPLICATION_KINDS.map((k) => (
                      <th key={k} scope="colgroup" colSpan={3} className={`${cell} text-center`}>
                        {APPLICATION_KIND_LABELS[k]}
                      </th>
                    ))}
                  </tr>
                  <tr className="bg-slate-100 text-left">
                    {APPLICATION_KINDS.flatMap((k) =>
                      ['收到', '办结', '逾期'].map((h) => (
                        <th key={`${k}-${h}`} scope="col" className={cell}>
                          {h}
                        </th>
                      )),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.departmentId}>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        {d.name}
                      </th>
                      <td className={num}>{formatCount(d.licensing)}</td>
                      <td className={num}>{formatCount(d.penalties)}</td>
                      <td className={cell}>
                        <span className="flex items-center gap-2">
                          <Bar
                            share={d.onTimeShare ?? 0}
                            tone={(d.onTimeShare ?? 1) < 0.9 ? 'bg-seal-600' : 'bg-brand-600'}
                          />
                          <span className="tabular-nums">{pct(d.onTimeShare)}</span>
                        </span>
                      </td>
                      {APPLICATION_KINDS.flatMap((k) => [
                        <td key={`${k}-r`} className={num}>
                          {formatCount(d.applications[k].received)}
                        </td>,
                        <td key={`${k}-d`} className={num}>
                          {formatCount(d.applications[k].decided)}
                        </td>,
                        <td
                          key={`${k}-o`}
                          className={`${num} ${d.applications[k].overdue > 0 ? 'font-bold text-seal-700' : ''}`}
                        >
                          {formatCount(d.applications[k].overdue)}
                        </td>,
                      ])}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="bg-slate-50 font-semibold">
                    <th scope="row" className={`${cell} text-left`}>
                      合计
                    </th>
                    <td className={num}>{formatCount(report.totals.licensing)}</td>
                    <td className={num}>{formatCount(report.totals.penalties)}</td>
                    <td className={cell}>{pct(report.totals.onTimeShare)}</td>
                    {APPLICATION_KINDS.flatMap((k) =>
                      (['received', 'decided', 'overdue'] as const).map((f) => (
                        <td key={`${k}-${f}`} className={num}>
                          {formatCount(appTotal(k, f))}
                        </td>
                      )),
                    )}
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="months" className="break-inside-avoid">
        <h2 id="months" className="mb-2 text-lg font-bold">
          按月报送数量
        </h2>
        {report.byMonth.length === 0 ? (
          <p className="text-slate-700">该期间没有报送记录。</p>
        ) : (
          <>
            <MonthlyRecordsChart title="按月报送的行政许可和行政处罚" data={report.byMonth} />
            <table className="w-full max-w-3xl border-collapse bg-white text-sm">
              <caption className="sr-only">每月决定的行政许可和行政处罚数量</caption>
              <thead>
                <tr className="bg-slate-100 text-left">
                  <th scope="col" className={cell}>
                    月份
                  </th>
                  <th scope="col" className={cell}>
                    许可
                  </th>
                  <th scope="col" className={cell}>
                    处罚
                  </th>
                  <th scope="col" className={`${cell} w-1/2`}>
                    合计（条形图）
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.byMonth.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className={`${cell} text-left font-normal`}>
                      {m.month}
                    </th>
                    <td className={num}>{formatCount(m.licensing)}</td>
                    <td className={num}>{formatCount(m.penalties)}</td>
                    <td className={cell}>
                      <span className="flex items-center gap-2">
                        <Bar share={(m.licensing + m.penalties) / maxMonth} />
                        <span className="tabular-nums">{formatCount(m.licensing + m.penalties)}</span>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      {own ? null : <CoordinationStats />}
    </>
  );
}
