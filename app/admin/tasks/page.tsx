import { notFound } from 'next/navigation';
import { firstParam, hrefWith } from '@/components/query-string';
import { AdminPanel } from '@/components/admin/panel';
import { LIST_TYPE_LABELS } from '@/server/rules/codes';
import { OUTCOME_LABELS, TASK_STATUS_LABELS } from '@/server/coordination/rules';
import { formatDate } from '@/components/format';
import { staffCaller } from '../_lib/session';
import { noticeDetail } from '../_lib/notice';
import { feedbackAction, initiateAction, markSeenAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: '联合奖惩协同任务' };

const NOTICES: Record<string, string> = {
  answered: '执行情况已反馈，已记入审计日志。',
  initiated: '已发起联合奖惩，相关部门已收到任务。',
  seen: '已标记为已查看。',
  error: '操作未执行：',
};
const STATUSES = ['open', 'paused', 'answered', 'ended'] as const;
const input = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1';
const button = 'mt-2 rounded bg-brand-700 px-3 py-1 font-semibold text-white';

/** The joint-action inbox (联合奖惩协同): a department's own tasks, or every department's for the office. */
export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  if (staff.role === 'admin') notFound();
  const sp = await searchParams;
  const status = STATUSES.find((s) => s === firstParam(sp.status));
  const overdue = firstParam(sp.overdue) === '1';
  const keyword = firstParam(sp.q)?.trim() || undefined;
  const departmentId = Number(firstParam(sp.department)) || undefined;
  const [inbox, catalog] = await Promise.all([
    caller.coordination.inbox({ status, overdue, keyword, departmentId }),
    staff.role === 'office' ? caller.records.catalog() : Promise.resolve([]),
  ]);
  const notice = NOTICES[firstParam(sp.notice) ?? ''];
  const message = notice ? await noticeDetail(firstParam(sp.ref)) : null;
  const csrf = <input type="hidden" name="csrf" value={staff.csrfToken} />;
  const c = inbox.counts;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">联合奖惩协同任务</h1>
      <p className="mb-4 text-slate-700">
        名单发布后，按联合奖惩目录的实施单位向各部门下达任务；请在期限内反馈措施的实施情况（已实施或不适用并说明理由）。异议处理期间任务暂停，名单移出或信用修复后任务终止。
      </p>
      {notice ? (
        <p
          role={firstParam(sp.notice) === 'error' ? 'alert' : 'status'}
          className="mb-4 border-l-4 border-brand-600 bg-white p-3 font-semibold"
          data-testid="notice"
        >
          {notice}
          {message}
        </p>
      ) : null}
      <ul className="mb-4 flex flex-wrap gap-4" data-testid="task-counts">
        <li>
          待反馈 <strong>{c.open}</strong>
        </li>
        <li className={c.overdue > 0 ? 'font-bold text-red-800' : ''}>
          已逾期 <strong>{c.overdue}</strong>
        </li>
        <li>
          暂停 <strong>{c.paused}</strong>
        </li>
        <li>
          {inbox.seenAt ? '上次查看后有变化' : '尚未查看过'} <strong>{c.changed}</strong>
        </li>
      </ul>
      <form action={markSeenAction} className="mb-4">
        {csrf}
        <button type="submit" className="rounded border border-brand-700 px-3 py-1">
          全部标记为已查看
        </button>
      </form>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="筛选任务">
        <label htmlFor="task-status">
          状态
          <select id="task-status" name="status" defaultValue={status ?? ''} className={input}>
            <option value="">全部</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {TASK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="task-q">
          主体名称或认定文号
          <input id="task-q" name="q" defaultValue={keyword ?? ''} className={input} />
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" name="overdue" value="1" defaultChecked={overdue} /> 只看逾期
        </label>
        <button type="submit" className={button}>
          筛选
        </button>
        <a className="underline" href={hrefWith('/admin/tasks', {})}>
          清除筛选
        </a>
      </form>
      {inbox.tasks.length === 0 ? <p>没有符合条件的任务。</p> : null}
      <ol className="space-y-4" data-testid="tasks">
        {inbox.tasks.map((t) => (
          <li key={t.id} className="rounded border border-slate-300 bg-white p-4" data-testid="task">
            <p className="font-semibold">
              {t.overdue ? <span className="mr-2 rounded bg-red-800 px-2 text-white">已逾期</span> : null}
              {t.changed ? <span className="mr-2 rounded bg-amber-200 px-2">有更新</span> : null}
              任务 {t.id}：{t.subjectName}（{LIST_TYPE_LABELS[t.listType]}，{t.decisionNumber}）
            </p>
            <p className="text-sm text-slate-700">
              承办：{t.departmentName} · 认定部门：{t.decidingDepartment} · 收到：
              <time dateTime={t.receivedOn}>{formatDate(t.receivedOn)}</time> · 反馈期限：
              <time dateTime={t.dueOn}>{formatDate(t.dueOn)}</time> · 状态：
              {TASK_STATUS_LABELS[t.status]}
              {t.endReason ? `（${t.endReason}）` : ''}
              {t.origin === 'manual' ? ' · 信用办手动发起' : ''}
            </p>
            <ul className="my-2 list-disc pl-6">
              {t.measures.map((m) => {
                const f = t.feedback.find((x) => x.code === m.code);
                return (
                  <li key={m.id}>
                    {m.code} {m.measure}
                    {f
                      ? `：${OUTCOME_LABELS[f.outcome]}（${formatDate(f.appliedOn)}，${f.documentNumber}${f.reason ? `，${f.reason}` : ''}，${f.actorLabel}）`
                      : '：待反馈'}
                  </li>
                );
              })}
            </ul>
            {staff.role === 'department' && t.status === 'open' ? (
              <form action={feedbackAction} className="grid gap-2 sm:grid-cols-2" aria-label={`反馈任务 ${t.id}`}>
                {csrf}
                <input type="hidden" name="taskId" value={t.id} />
                <label htmlFor={`m-${t.id}`}>
                  措施
                  <select id={`m-${t.id}`} name="measure" className={input}>
                    {t.measures
                      .filter((m) => !t.feedback.some((f) => f.code === m.code))
                      .map((m) => (
                        <option key={m.id} value={m.code}>
                          {m.code} {m.measure}
                        </option>
                      ))}
                  </select>
                </label>
                <label htmlFor={`o-${t.id}`}>
                  结果
                  <select id={`o-${t.id}`} name="outcome" className={input}>
                    <option value="applied">已实施</option>
                    <option value="not_applicable">不适用</option>
                  </select>
                </label>
                <label htmlFor={`d-${t.id}`}>
                  实施日期
                  <input id={`d-${t.id}`} name="appliedOn" type="date" required className={input} />
                </label>
                <label htmlFor={`n-${t.id}`}>
                  本部门文书号或审批编号
                  <input id={`n-${t.id}`} name="documentNumber" required className={input} />
                </label>
                <label htmlFor={`r-${t.id}`} className="sm:col-span-2">
                  理由（“不适用”时必填）
                  <input id={`r-${t.id}`} name="reason" className={input} />
                </label>
                <div>
                  <button type="submit" className={button}>
                    提交反馈
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
      {staff.role === 'office' ? (
        <AdminPanel id="initiate" title="手动发起联合奖惩">
          <p className="mb-2 text-sm text-slate-700">
            只能选择与名单类型相符的目录措施（黑名单：惩戒措施；红名单：激励措施）。
          </p>
          <form action={initiateAction}>
            {csrf}
            <label htmlFor="init-entry" className="mb-2 block">
              名单条目编号
              <input id="init-entry" name="listEntryId" type="number" required className={input} />
            </label>
            <label htmlFor="init-depts" className="mb-2 block">
              实施部门编号（可多选）
              <input id="init-depts" name="departmentIds" type="number" required className={input} />
            </label>
            <fieldset>
              <legend>目录措施</legend>
              <div className="max-h-48 overflow-y-auto">
                {catalog.map((i) => (
                  <label key={i.id} className="block">
                    <input type="checkbox" name="catalogItemIds" value={i.id} /> {i.code} {i.measure}（
                    {i.kind === 'incentive' ? '激励' : '惩戒'}）
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="submit" className={button}>
              发起
            </button>
          </form>
        </AdminPanel>
      ) : null}
    </>
  );
}
