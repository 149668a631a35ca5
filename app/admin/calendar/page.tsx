import { notFound } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { AdminPanel } from '@/components/admin/panel';
import { WORKDAY_DEFAULTS } from '@/server/rules/workdays';
import { DeadlineNote } from '@/components/applications/deadline-note';
import { formatDate, formatDayOf } from '@/components/format';
import { staffCaller } from '../_lib/session';
import { noticeDetail } from '../_lib/notice';
import { saveCalendarYearAction } from '../calendar-actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: '节假日安排' };

const SOURCE_LABELS = {
  'chinese-days': '已随系统提供（国务院办公厅通知）',
  entered: '已录入',
  weekdays: '尚未录入：暂按周一至周五计算',
} as const;
const input = 'mt-1 block w-full max-w-xl rounded border border-slate-500 px-2 py-1';

/** Office: the State Council's holidays for years the system does not carry yet (SPEC §6). */
export default async function CalendarPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  if (staff.role !== 'office') notFound();
  const sp = await searchParams;
  const years = await caller.calendar.years();
  const open = years.filter((y) => y.source !== 'chinese-days');
  const wanted = Number(firstParam(sp.year));
  const selected = years.find((y) => y.year === wanted && y.source !== 'chinese-days') ?? open[0];
  const notice = firstParam(sp.notice);
  const message = notice ? await noticeDetail(firstParam(sp.ref)) : null;
  const asked = firstParam(sp.filedOn);
  const filedOn =
    asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : `${(selected?.year ?? years[0]!.year) - 1}-12-30`;
  const preview = await caller.calendar.preview({ filedOn }).catch(() => null);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">节假日安排</h1>
      {notice === 'saved' ? (
        <p role="status" className="mb-4 border-l-4 border-brand-600 bg-white p-3 font-semibold">
          已保存。{message}
        </p>
      ) : notice === 'error' ? (
        <p role="alert" className="mb-4 border-l-4 border-seal-700 bg-white p-3 font-semibold">
          未保存：{message}
        </p>
      ) : null}
      <p className="mb-4 max-w-3xl">
        受理、办结等期限按工作日计算。系统未收录某年的国务院办公厅节假日安排时，请在此录入该年的放假日期和调休上班日期，保存后立即生效，无需重新部署；未录入的年份暂按周一至周五计算，页面上的期限会注明。
      </p>
      <AdminPanel id="years" title="各年份工作日依据">
        <table className="w-full text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th className="p-2">年份</th>
              <th className="p-2">依据</th>
              <th className="p-2">录入情况</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year} className="border-b border-slate-200" data-testid={`calendar-year-${y.year}`}>
                <td className="p-2">{y.year}年</td>
                <td className="p-2">{SOURCE_LABELS[y.source]}</td>
                <td className="p-2">
                  {y.entered
                    ? `${y.entered.source}；放假 ${y.entered.holidays.length} 天，调休上班 ${y.entered.workdays.length} 天（${y.entered.updatedBy}，${formatDayOf(y.entered.updatedAt)}）`
                    : '—'}
                  {y.source !== 'chinese-days' && y.year !== selected?.year ? (
                    <a href={`/admin/calendar?year=${y.year}`} className="ml-2 text-brand-700 underline">
                      {y.entered ? '修改' : '录入'}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminPanel>
      {selected ? (
        <AdminPanel id="enter" title={`${selected.entered ? '修改' : '录入'}${selected.year}年节假日安排`}>
          <form action={saveCalendarYearAction} key={selected.year}>
            <input type="hidden" name="csrf" value={staff.csrfToken} />
            <input type="hidden" name="year" value={selected.year} />
            <label className="mb-3 block" htmlFor="holidays">
              放假日期（每行一天或一段，如 <kbd>{selected.year}-01-01</kbd> 或{' '}
              <kbd>
                {selected.year}-02-06~{selected.year}-02-12
              </kbd>
              ，后面可写节日名称；含放假期间的周六、周日）
              <textarea
                id="holidays"
                name="holidays"
                rows={8}
                required
                className={`${input} font-mono`}
                defaultValue={selected.entered?.holidays.join('\n') ?? ''}
              />
            </label>
            <label className="mb-3 block" htmlFor="workdays">
              调休上班日期（需上班的周六、周日，每行一天）
              <textarea
                id="workdays"
                name="workdays"
                rows={4}
                className={`${input} font-mono`}
                defaultValue={selected.entered?.workdays.join('\n') ?? ''}
              />
            </label>
            <label className="mb-3 block" htmlFor="source">
              依据（通知名称和文号）
              <input
                id="source"
                name="source"
                required
                className={input}
                defaultValue={selected.entered?.source ?? `国务院办公厅关于${selected.year}年部分节假日安排的通知`}
              />
            </label>
            <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
              保存
            </button>
          </form>
        </AdminPanel>
      ) : null}
      <AdminPanel id="preview" title="期限试算">
        <form method="get" className="mb-3 flex flex-wrap items-end gap-3">
          {selected ? <input type="hidden" name="year" value={selected.year} /> : null}
          <label htmlFor="filedOn">
            提交（受理）日期
            <input id="filedOn" name="filedOn" type="date" defaultValue={filedOn} className={input} />
          </label>
          <button type="submit" className="rounded border border-brand-700 px-4 py-1.5 text-brand-700">
            试算
          </button>
        </form>
        {preview ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1" data-testid="deadline-preview">
            <dt className="text-slate-600">受理期限（{WORKDAY_DEFAULTS.acceptWithin} 个工作日）</dt>
            <dd data-testid="preview-accept">
              <time dateTime={preview.acceptDueOn}>{formatDate(preview.acceptDueOn)}</time>
              <DeadlineNote note={preview.acceptNote} />
            </dd>
            <dt className="text-slate-600">办结期限（受理后 {WORKDAY_DEFAULTS.decideWithin} 个工作日）</dt>
            <dd>
              <time dateTime={preview.decideDueOn}>{formatDate(preview.decideDueOn)}</time>
              <DeadlineNote note={preview.decideNote} />
            </dd>
          </dl>
        ) : (
          <p>请输入有效日期。</p>
        )}
      </AdminPanel>
    </>
  );
}
