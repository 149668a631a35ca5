import { redirect } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { DeadlineNote } from '@/components/applications/deadline-note';
import { KIND_LABELS, STATUS_LABELS } from '@/server/rules/applications';
import { z } from '@/server/validation';
import { WORKDAY_DEFAULTS } from '@/server/rules/workdays';
import { MailNotice } from '@/components/admin/mail-notice';
import { ResponsiveTable, type Column } from '@/components/admin/responsive-table';
import type { staffQueue } from '@/server/applications/service';
import { formatDate } from '@/components/format';
import { staffCaller } from './_lib/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: '申请队列' };

const filterSchema = z.object({
  kind: z.enum(['objection', 'repair', 'complaint']).optional().catch(undefined),
  status: z.enum(['submitted', 'accepted', 'refused', 'decided', 'withdrawn']).optional().catch(undefined),
  open: z.enum(['1', '0']).optional().catch(undefined),
  departmentId: z.coerce.number().int().positive().optional().catch(undefined),
});

type QueueRow = Awaited<ReturnType<typeof staffQueue>>[number];

const QUEUE_COLUMNS: Column<QueueRow>[] = [
  {
    header: '受理编号',
    cell: (r) => (
      <a href={`/admin/applications/${r.id}`} className="font-mono text-brand-700 underline">
        {r.trackingNumber}
      </a>
    ),
  },
  { header: '类型', cell: (r) => r.kindLabel },
  { header: '涉及主体', cell: (r) => r.subjectName },
  { header: '办理部门', cell: (r) => r.departmentName },
  { header: '状态', cell: (r) => `${r.statusLabel}${r.canAct ? '' : '（只读）'}` },
  {
    header: '期限',
    cell: (r) =>
      r.deadline ? (
        <>
          <time dateTime={r.deadline}>{formatDate(r.deadline)}</time>
          <br />
          <span className={r.overdue ? 'font-bold text-seal-700' : 'text-slate-700'}>
            {r.overdue ? `已超期 ${-(r.workdaysLeft ?? 0)} 个工作日` : `剩 ${r.workdaysLeft} 个工作日`}
          </span>
          <DeadlineNote note={r.deadlineNote} />
        </>
      ) : (
        '—'
      ),
  },
];

const ERRORS: Record<string, string> = {
  csrf: '表单已过期或来源不正确（CSRF 校验失败），操作未执行。请刷新页面后重试。',
};

export default async function QueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  if (staff.role === 'admin') redirect('/admin/users');
  const sp = await searchParams;
  const f = filterSchema.parse({
    kind: firstParam(sp.kind),
    status: firstParam(sp.status),
    open: firstParam(sp.open),
    departmentId: firstParam(sp.departmentId),
  });
  const open = f.open !== '0' && !f.status;
  const [rows, departments, mail] = await Promise.all([
    caller.applications.queue({ kind: f.kind, status: f.status, open, departmentId: f.departmentId }),
    staff.role === 'office' ? caller.staff.departments() : Promise.resolve([]),
    caller.notifications.status(),
  ]);
  const error = ERRORS[firstParam(sp.error) ?? ''];
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">申请队列</h1>
      <p className="mb-4 text-slate-700">
        {staff.role === 'office'
          ? '市联席会议办公室：办理投诉；各部门的异议和修复申请只读。'
          : '本部门的异议和信用修复申请。'}
        期限按工作日计算：{WORKDAY_DEFAULTS.acceptWithin} 个工作日内受理或不予受理，受理后{' '}
        {WORKDAY_DEFAULTS.decideWithin} 个工作日内作出决定。超期的排在最前。
      </p>
      <MailNotice status={mail} />
      {error ? (
        <p role="alert" className="mb-4 border-l-4 border-seal-700 bg-white p-3 font-semibold text-seal-700">
          {error}
        </p>
      ) : null}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-4" aria-label="筛选申请">
        <label className="flex flex-col">
          类型
          <select name="kind" defaultValue={f.kind ?? ''} className="rounded border border-slate-500 px-2 py-1">
            <option value="">全部</option>
            {Object.entries(KIND_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          状态
          <select name="status" defaultValue={f.status ?? ''} className="rounded border border-slate-500 px-2 py-1">
            <option value="">办理中（待受理和已受理）</option>
            {Object.entries(STATUS_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </label>
        {departments.length > 0 ? (
          <label className="flex flex-col">
            办理部门
            <select
              name="departmentId"
              defaultValue={f.departmentId ?? ''}
              className="rounded border border-slate-500 px-2 py-1"
            >
              <option value="">全部部门</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
          筛选
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="rounded border border-slate-300 bg-white p-4">没有符合条件的申请。</p>
      ) : (
        <ResponsiveTable
          label="申请列表"
          caption="申请列表，超期的在前"
          testId="queue"
          rows={rows}
          rowKey={(r) => r.id}
          rowClassName={(r) => (r.overdue ? 'bg-red-50' : '')}
          columns={QUEUE_COLUMNS}
        />
      )}
    </>
  );
}
