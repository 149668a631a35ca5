import { PageHeader } from '@/components/page-header';
import { CoordinationStats } from '@/components/coordination/coordination-stats';
import { pageMetadata } from '@/components/metadata';
import { formatCount } from '@/components/format';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { MONTH } from '@/server/stats/router';
import { addMonths } from '@/server/rules/dates';
import { APPLICATION_KIND_LABELS, APPLICATION_KINDS } from '@/server/rules/codes';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '公示情况统计',
  description: '各部门双公示信息报送数量与7个工作日内报送及时率，异议、投诉和信用修复办理情况，按月统计。',
  path: '/stats',
});

const pct = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

export default async function StatsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await createContext();
  const lastMonth = addMonths(ctx.today, -1).slice(0, 7);
  const raw = (await searchParams).month;
  const parsed = MONTH.safeParse(typeof raw === 'string' ? raw : lastMonth);
  const month = parsed.success ? parsed.data : lastMonth;
  const report = await createCaller(ctx).stats.month({ month });
  const rows = report.departments.filter((d) => d.licensing + d.penalties > 0);
  return (
    <>
      <PageHeader
        title="公示情况统计"
        lead={`${report.period.from} 至 ${report.period.to}：各部门报送的行政许可和行政处罚，以及决定作出后7个工作日内报送的比例。`}
      />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8">
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="month" className="block text-sm font-medium text-slate-800">
              统计月份
            </label>
            <input
              id="month"
              name="month"
              type="month"
              defaultValue={month}
              className="mt-1 rounded border border-slate-400 px-2 py-1"
            />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-medium text-white">
            查看
          </button>
          <a className="text-brand-700 underline" href={`/stats/report.csv?month=${month}`}>
            下载本月报告（CSV）
          </a>
          <a className="text-brand-700 underline" href={`/stats/coordination.csv?month=${month}`}>
            下载本月联合奖惩协同（CSV）
          </a>
        </form>
        {!parsed.success ? (
          <p role="alert" className="rounded border border-seal-600 bg-white p-3 text-seal-700">
            月份格式不正确，已显示上个月（{lastMonth}）的统计。
          </p>
        ) : null}
        <section aria-labelledby="totals-heading">
          <h2 id="totals-heading" className="text-xl font-semibold text-slate-900">
            全市合计
          </h2>
          <p className="mt-2 text-slate-800">
            行政许可 {formatCount(report.totals.licensing)} 条，行政处罚 {formatCount(report.totals.penalties)}{' '}
            条，7个工作日内报送率 {pct(report.totals.onTimeShare)}。
          </p>
        </section>
        <section aria-labelledby="departments-heading">
          <h2 id="departments-heading" className="text-xl font-semibold text-slate-900">
            各部门报送及时率
          </h2>
          {rows.length === 0 ? (
            <p className="mt-2 text-slate-700">该月没有报送记录。</p>
          ) : (
            <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="各部门报送及时率表">
              <table className="w-full min-w-[36rem] border-collapse text-sm">
                <caption className="sr-only">各部门报送数量与及时率</caption>
                <thead>
                  <tr className="bg-slate-100 text-left">
                    <th scope="col" className="border border-slate-200 px-2 py-1">
                      部门
                    </th>
                    <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                      行政许可
                    </th>
                    <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                      行政处罚
                    </th>
                    <th scope="col" className="border border-slate-200 px-2 py-1">
                      7个工作日内报送率
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.departmentId}>
                      <th scope="row" className="border border-slate-200 px-2 py-1 text-left font-normal">
                        {d.name}
                      </th>
                      <td className="border border-slate-200 px-2 py-1 text-right">{formatCount(d.licensing)}</td>
                      <td className="border border-slate-200 px-2 py-1 text-right">{formatCount(d.penalties)}</td>
                      <td className="border border-slate-200 px-2 py-1">
                        <div className="flex items-center gap-2">
                          <span aria-hidden="true" className="block h-2 w-32 rounded bg-slate-200">
                            <span
                              className="block h-2 rounded bg-brand-600"
                              style={{ width: `${Math.round((d.onTimeShare ?? 0) * 100)}%` }}
                            />
                          </span>
                          <span>{pct(d.onTimeShare)}</span>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="applications-heading">
          <h2 id="applications-heading" className="text-xl font-semibold text-slate-900">
            异议、投诉与信用修复
          </h2>
          <table className="mt-3 w-full max-w-xl border-collapse text-sm">
            <caption className="sr-only">本月收到、办结和当前逾期的申请数</caption>
            <thead>
              <tr className="bg-slate-100 text-left">
                <th scope="col" className="border border-slate-200 px-2 py-1">
                  类别
                </th>
                <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                  收到
                </th>
                <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                  办结
                </th>
                <th scope="col" className="border border-slate-200 px-2 py-1 text-right">
                  逾期未办
                </th>
              </tr>
            </thead>
            <tbody>
              {APPLICATION_KINDS.map((kind) => {
                const sum = (k: 'received' | 'decided' | 'overdue') =>
                  report.departments.reduce((n, d) => n + d.applications[kind][k], 0);
                return (
                  <tr key={kind}>
                    <th scope="row" className="border border-slate-200 px-2 py-1 text-left font-normal">
                      {APPLICATION_KIND_LABELS[kind]}
                    </th>
                    <td className="border border-slate-200 px-2 py-1 text-right">{formatCount(sum('received'))}</td>
                    <td className="border border-slate-200 px-2 py-1 text-right">{formatCount(sum('decided'))}</td>
                    <td className="border border-slate-200 px-2 py-1 text-right">{formatCount(sum('overdue'))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        {/* Inside the page's column, like every other section. */}
        <CoordinationStats />
      </div>
    </>
  );
}
