import { notFound } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { AdminPanel } from '@/components/admin/panel';
import { ResponsiveTable, type Column } from '@/components/admin/responsive-table';
import type { listUnits } from '@/server/departments/units';
import { staffCaller } from '../_lib/session';
import { noticeDetail } from '../_lib/notice';
import { registerUnitAction, removeUnitAction } from './actions';
import { formatDayOf } from '@/components/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: '下属单位' };

const input = 'mt-1 block w-full max-w-xl rounded border border-slate-500 px-2 py-1';

type Unit = Awaited<ReturnType<typeof listUnits>>[number];

/** Office: the sub-units whose decisions a department may publish (SPEC §3 谁决定、谁公示). */
export default async function UnitsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  if (staff.role === 'department') notFound();
  const sp = await searchParams;
  const [units, departments] = await Promise.all([caller.units.list(), caller.staff.departments()]);
  const notice = firstParam(sp.notice);
  const message = notice ? await noticeDetail(firstParam(sp.ref)) : null;
  const csrf = <input type="hidden" name="csrf" value={staff.csrfToken} />;
  const columns: Column<Unit>[] = [
    { header: '所属部门', cell: (u) => u.departmentName },
    { header: '下属单位', cell: (u) => u.name },
    { header: '统一社会信用代码', cell: (u) => <span className="font-mono">{u.uscc ?? '—'}</span> },
    { header: '登记', cell: (u) => `${formatDayOf(u.createdAt)}${u.registeredBy ? `（${u.registeredBy}）` : ''}` },
    {
      header: '操作',
      cell: (u) => (
        <form action={removeUnitAction}>
          {csrf}
          <input type="hidden" name="id" value={u.id} />
          <button type="submit" className="text-seal-700 underline" aria-label={`移除下属单位 ${u.name}`}>
            移除
          </button>
        </form>
      ),
    },
  ];
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">下属单位</h1>
      {notice === 'registered' || notice === 'removed' ? (
        <p role="status" className="mb-4 border-l-4 border-brand-600 bg-white p-3 font-semibold" data-testid="notice">
          {message ?? (notice === 'registered' ? '已登记。' : '已移除。')}
        </p>
      ) : notice === 'error' ? (
        <p role="alert" className="mb-4 border-l-4 border-seal-700 bg-white p-3 font-semibold" data-testid="notice">
          未执行：{message ?? '提交的内容有误，请检查后重试。'}
        </p>
      ) : null}
      <p className="mb-4 max-w-3xl">
        谁决定、谁公示：部门导入或报送的行政许可、行政处罚，许可机关或处罚机关须是本部门，或市联席会议办公室在此为其登记的下属单位（如县区分局、执法支队）。登记后该部门即可公示下属单位作出的决定；移除后不再接受，已公示的记录不受影响。每次登记和移除都记入审计日志。
      </p>
      <AdminPanel id="register" title="登记下属单位">
        <form action={registerUnitAction}>
          {csrf}
          <label className="mb-3 block" htmlFor="departmentId">
            所属部门
            <select id="departmentId" name="departmentId" required className={input}>
              <option value="">请选择部门</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="mb-3 block" htmlFor="name">
            下属单位全称（与文件中处罚机关、许可机关一栏的写法一致）
            <input id="name" name="name" required maxLength={100} className={input} />
          </label>
          <label className="mb-3 block" htmlFor="uscc">
            统一社会信用代码（选填；填写后按登记的代码公示）
            <input id="uscc" name="uscc" maxLength={40} className={`${input} font-mono`} autoComplete="off" />
          </label>
          <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
            登记
          </button>
        </form>
      </AdminPanel>
      <section aria-labelledby="registered">
        <h2 id="registered" className="mb-2 text-lg font-bold">
          已登记的下属单位（{units.length}）
        </h2>
        {units.length === 0 ? (
          <p className="text-slate-700">还没有登记下属单位。</p>
        ) : (
          <ResponsiveTable
            label="已登记的下属单位列表"
            rows={units}
            rowKey={(u) => u.id}
            columns={columns}
            testId="units"
          />
        )}
      </section>
    </>
  );
}
