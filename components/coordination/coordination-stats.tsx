import { formatCount } from '@/components/format';
import { coordinationStats } from '@/server/coordination/service';
import { createContext } from '@/server/trpc';

const cell = 'border border-slate-300 px-2 py-1';
const num = `${cell} text-right tabular-nums`;
const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);

/**
 * 联合奖惩协同监测 (plan 二(一)2), for /admin/stats and the public /stats: per department the tasks
 * received, answered within the deadline, overdue; measures applied per catalog item per month;
 * credit checks and how often one led to a measure. Counts only: no subject is named.
 */
export async function CoordinationStats() {
  const ctx = await createContext();
  const s = await coordinationStats(ctx.db, ctx.today);
  return (
    <section aria-labelledby="coordination-stats" className="mt-8" data-testid="coordination-stats">
      <h2 id="coordination-stats" className="mb-2 text-xl font-bold">
        联合奖惩协同
      </h2>
      <p className="mb-3 text-slate-700">
        名单发布后各实施部门收到的任务、在期限内反馈的情况，以及各部门实际实施的奖惩措施（截至 {s.today}）。信用核查共{' '}
        {formatCount(s.checks.total)} 次，其中 {formatCount(s.checks.withMeasure)} 次据此实施了措施（
        {pct(s.checks.withMeasure, s.checks.total)}）。
      </p>
      <div className="overflow-x-auto">
        <table className="mb-6 w-full border-collapse text-sm">
          <caption className="mb-1 text-left font-semibold">各部门协同任务办理情况</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>
                部门
              </th>
              <th scope="col" className={cell}>
                收到任务
              </th>
              <th scope="col" className={cell}>
                期限内反馈
              </th>
              <th scope="col" className={cell}>
                超期反馈
              </th>
              <th scope="col" className={cell}>
                待反馈
              </th>
              <th scope="col" className={cell}>
                已逾期
              </th>
              <th scope="col" className={cell}>
                信用核查
              </th>
              <th scope="col" className={cell}>
                核查后实施措施
              </th>
            </tr>
          </thead>
          <tbody>
            {s.departments.map((d) => (
              <tr key={d.departmentId}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {d.departmentName}
                </th>
                <td className={num}>{formatCount(d.received)}</td>
                <td className={num}>
                  {formatCount(d.answeredInTime)}（
                  {pct(d.answeredInTime, d.answeredInTime + d.answeredLate + d.overdue)}）
                </td>
                <td className={num}>{formatCount(d.answeredLate)}</td>
                <td className={num}>{formatCount(d.open)}</td>
                <td className={num}>{formatCount(d.overdue)}</td>
                <td className={num}>{formatCount(d.checks)}</td>
                <td className={num}>{formatCount(d.checksWithMeasure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="w-full border-collapse text-sm">
          <caption className="mb-1 text-left font-semibold">按月实施的措施（近 12 个月）</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>
                月份
              </th>
              <th scope="col" className={cell}>
                目录措施
              </th>
              <th scope="col" className={cell}>
                实施部门
              </th>
              <th scope="col" className={cell}>
                次数
              </th>
            </tr>
          </thead>
          <tbody>
            {s.measures.length === 0 ? (
              <tr>
                <td className={cell} colSpan={4}>
                  暂无反馈的实施记录。
                </td>
              </tr>
            ) : null}
            {s.measures.map((m) => (
              <tr key={`${m.month}-${m.code}-${m.departmentName}`}>
                <td className={cell}>{m.month}</td>
                <td className={cell}>
                  {m.code} {m.measure}
                </td>
                <td className={cell}>{m.departmentName}</td>
                <td className={num}>{formatCount(m.applied)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
