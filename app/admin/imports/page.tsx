import { TRPCError } from '@trpc/server';
import { firstParam } from '@/components/query-string';
import { formatCount } from '@/components/format';
import { PendingForm } from '@/components/admin/pending-form';
import { RECORD_KIND_LABELS } from '@/server/standard/fields';
import { PREVIEW_ERRORS_SHOWN } from '@/server/imports/staff';
import { z } from '@/server/validation';
import { staffCaller } from '../_lib/session';
import { cancelImportAction, commitImportAction } from '../imports-actions';
import { AdminPanel } from '@/components/admin/panel';
import { noticeDetail } from '../_lib/notice';
import { ResponsiveTable, type Column } from '@/components/admin/responsive-table';
import type { importHistory } from '@/server/imports/service';
import { formatDateTime } from '@/components/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: '数据导入' };

const STATUS_LABELS: Record<string, string> = {
  previewed: '已预览（未写入）',
  committed: '已导入',
  failed: '失败（已回滚）',
  running: '处理中',
  pending: '等待处理',
  cancelled: '已取消',
};
const CHANNEL_LABELS: Record<string, string> = { upload: '页面上传', cli: '命令行', api: '接口', seed: '演示数据' };

const cell = 'border border-slate-300 px-2 py-1';
const when = (d: Date | string | null) => (d ? formatDateTime(d) : '—');

const HISTORY_COLUMNS: Column<Awaited<ReturnType<typeof importHistory>>[number]>[] = [
  {
    header: '批次',
    cell: (h) => (
      <a className="text-brand-700 underline" href={`/admin/imports?id=${h.id}`}>
        {h.id}
      </a>
    ),
  },
  { header: '时间', cell: (h) => when(h.createdAt) },
  { header: '部门', cell: (h) => h.departmentName },
  {
    header: '文件',
    className: 'break-all',
    cell: (h) => `${h.fileName ?? '—'}（${RECORD_KIND_LABELS[h.recordKind]}）`,
  },
  { header: '方式', cell: (h) => CHANNEL_LABELS[h.channel] ?? h.channel },
  { header: '状态', cell: (h) => STATUS_LABELS[h.status] ?? h.status },
  { header: '总行数', numeric: true, cell: (h) => formatCount(h.totalRows) },
  { header: '新增', numeric: true, cell: (h) => formatCount(h.createdRows) },
  { header: '更新', numeric: true, cell: (h) => formatCount(h.updatedRows) },
  { header: '错误', numeric: true, cell: (h) => formatCount(h.errorRows) },
  {
    header: '错误报告',
    cell: (h) =>
      h.errorRows > 0 ? (
        <a className="text-brand-700 underline" href={`/admin/imports/${h.id}/errors.csv`}>
          下载
        </a>
      ) : (
        '无'
      ),
  },
];

/** Department data imports: upload, preview the bad rows, commit, and the history (SPEC §3). */
export default async function ImportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  const sp = await searchParams;
  const idParam = z.coerce.number().int().positive().safeParse(firstParam(sp.id));
  let detail: Awaited<ReturnType<typeof caller.imports.get>> | null = null;
  let notice: string | null =
    firstParam(sp.notice) === 'error' ? ((await noticeDetail(firstParam(sp.ref))) ?? '操作未执行。') : null;
  if (firstParam(sp.id) !== undefined) {
    if (!idParam.success) notice = '导入批次号不正确。';
    else {
      try {
        detail = await caller.imports.get({ id: idParam.data });
      } catch (err) {
        if (!(err instanceof TRPCError) || err.code !== 'NOT_FOUND') throw err;
        notice = err.message;
      }
    }
  }
  const [history, departments] = await Promise.all([
    caller.imports.history(),
    staff.role === 'department' ? Promise.resolve([]) : caller.staff.departments(),
  ]);
  const csrf = <input type="hidden" name="csrf" value={staff.csrfToken} />;
  const good = detail ? detail.totalRows - detail.errorRows : 0;

  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">数据导入</h1>
      <p className="mb-4 max-w-3xl text-slate-700">
        上传 CSV 或 XLSX 文件，第一行为国家标准字段代码（XK_* 或 CF_*）或其中文名称；XLSX
        文件读取第一个未隐藏的工作表。先预览：系统逐行校验，列出每个错误行和字段；确认后再导入。合格的行全部写入，不合格的行不写入；同一部门、同一文书号的记录会被更新并记入审计日志。
      </p>
      {notice ? (
        <p role="alert" className="mb-4 border-l-4 border-seal-600 bg-white p-3 font-semibold" data-testid="notice">
          {notice}
        </p>
      ) : null}

      {detail ? (
        <AdminPanel
          id="detail"
          title={
            <>
              {detail.status === 'previewed' ? '预览结果' : '导入结果'}：{detail.fileName}（批次 {detail.id}）
            </>
          }
        >
          <p className="mb-2 text-slate-800" data-testid="summary">
            {detail.departmentName} · {RECORD_KIND_LABELS[detail.recordKind]} · {STATUS_LABELS[detail.status]}：共{' '}
            {formatCount(detail.totalRows)} 行，
            {detail.status === 'committed'
              ? `新增 ${formatCount(detail.createdRows)} 条，更新 ${formatCount(detail.updatedRows)} 条，未变 ${formatCount(detail.unchangedRows)} 条，`
              : `合格 ${formatCount(good)} 行，`}
            有错误 {formatCount(detail.errorRows)} 行。
          </p>
          {detail.status === 'failed' ? (
            <p role="alert" className="mb-2 font-semibold text-seal-700">
              导入失败，已全部回滚，未写入任何记录。请稍后重试或联系系统管理员。
            </p>
          ) : null}
          {detail.errors.length > 0 ? (
            <>
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="错误行列表">
                <table className="w-full min-w-[36rem] border-collapse text-sm">
                  <caption className="mb-1 text-left font-semibold">
                    错误行
                    {detail.errors.length >= PREVIEW_ERRORS_SHOWN ? `（仅显示前 ${PREVIEW_ERRORS_SHOWN} 条）` : ''}
                  </caption>
                  <thead>
                    <tr className="bg-slate-100 text-left">
                      <th scope="col" className={cell}>
                        行号
                      </th>
                      <th scope="col" className={cell}>
                        字段
                      </th>
                      <th scope="col" className={cell}>
                        问题
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {detail.errors.map((e, i) => (
                      <tr key={i}>
                        <td className={cell}>第 {e.rowNumber} 行</td>
                        <td className={cell}>{e.field ? `${e.fieldLabel}（${e.field}）` : '整行'}</td>
                        <td className={cell}>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="mt-2">
                <a className="text-brand-700 underline" href={`/admin/imports/${detail.id}/errors.csv`}>
                  下载完整错误报告（CSV）
                </a>
              </p>
            </>
          ) : null}
          {detail.committable && good === 0 ? (
            <p className="mt-3 text-slate-800" data-testid="nothing-to-commit">
              没有合格的行可以导入：请按错误提示修改文件后重新上传。
            </p>
          ) : null}
          {detail.committable && good > 0 ? (
            <form action={commitImportAction} className="mt-3">
              {csrf}
              <input type="hidden" name="id" value={detail.id} />
              <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
                确认导入 {formatCount(good)} 条合格记录
              </button>
              {detail.errorRows > 0 ? (
                <span className="ml-2 text-sm text-slate-700">
                  有错误的 {formatCount(detail.errorRows)} 行不会写入。
                </span>
              ) : null}
            </form>
          ) : null}
          {detail.committable ? (
            <form action={cancelImportAction} className="mt-2">
              {csrf}
              <input type="hidden" name="id" value={detail.id} />
              <button type="submit" className="text-seal-700 underline">
                取消本次预览（立即删除暂存的文件）
              </button>
              <span className="ml-2 text-sm text-slate-700">未导入的预览文件 24 小时后自动删除。</span>
            </form>
          ) : null}
        </AdminPanel>
      ) : null}

      <AdminPanel id="upload" title="上传文件并预览">
        <PendingForm
          action="/admin/imports/upload"
          submitLabel="上传并预览"
          pendingLabel="处理中：正在上传并逐行校验，大文件可能需要几分钟，请勿关闭页面。"
        >
          {csrf}
          {staff.role === 'department' ? null : (
            <label className="mb-3 block" htmlFor="departmentId">
              数据所属部门
              <select
                id="departmentId"
                name="departmentId"
                required
                className="mt-1 block w-full max-w-xl rounded border border-slate-500 px-2 py-1"
              >
                <option value="">请选择部门</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="block" htmlFor="file">
            文件（CSV 或 XLSX，不超过 200 MB）
            <input
              id="file"
              name="file"
              type="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className="mt-1 block w-full max-w-xl"
            />
          </label>
        </PendingForm>
      </AdminPanel>

      <section aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-bold">
          导入记录
        </h2>
        {history.length === 0 ? (
          <p className="text-slate-700">还没有导入记录。</p>
        ) : (
          <ResponsiveTable
            label="导入记录表"
            caption="导入记录，最新的在前"
            minWidth="min-w-[48rem]"
            rows={history}
            rowKey={(h) => h.id}
            columns={HISTORY_COLUMNS}
          />
        )}
      </section>
    </>
  );
}
