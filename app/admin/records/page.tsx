import { notFound } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { staffCaller } from '../_lib/session';
import { correctPenaltyAction, createListEntryAction, withdrawRecordAction } from '../records-actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: '信息管理' };

const NOTICES: Record<string, string> = {
  withdrawn: '已撤销，公示页面和搜索已同步更新。',
  corrected: '已更正，公示页面和搜索已同步更新。',
  listed: '已列入名单。',
  error: '操作未执行：',
};

const input = 'mt-1 block w-full max-w-xl rounded border border-slate-500 px-2 py-1';
const button = 'mt-3 rounded bg-brand-700 px-4 py-1.5 font-semibold text-white';

function Field({
  name,
  label,
  type = 'text',
  required = true,
}: {
  name: string;
  label: string;
  type?: string;
  required?: boolean;
}) {
  return (
    <label className="mb-3 block" htmlFor={name}>
      {label}
      {required ? null : '（选填）'}
      <input id={name} name={name} type={type} required={required} className={input} />
    </label>
  );
}

/** Department staff manage their own records: withdraw, correct, list (SPEC §5, §7). */
export default async function RecordsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  if (staff.role !== 'department') notFound();
  const catalog = await caller.records.catalog();
  const sp = await searchParams;
  const notice = NOTICES[firstParam(sp.notice) ?? ''];
  const message = firstParam(sp.message);
  const csrf = <input type="hidden" name="csrf" value={staff.csrfToken} />;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">信息管理</h1>
      <p className="mb-4 text-slate-700">只能管理本部门产生的行政许可、行政处罚和名单信息。每次修改都记入审计日志。</p>
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
      <section aria-labelledby="withdraw" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="withdraw" className="mb-2 text-lg font-bold">
          撤销信息
        </h2>
        <form action={withdrawRecordAction}>
          {csrf}
          <label className="mb-3 block" htmlFor="withdraw-kind">
            类别
            <select id="withdraw-kind" name="kind" className={input}>
              <option value="penalty">行政处罚</option>
              <option value="licensing">行政许可</option>
            </select>
          </label>
          <Field name="id" label="信息编号" type="number" />
          <Field name="reason" label="撤销理由" />
          <button type="submit" className={button}>
            撤销
          </button>
        </form>
      </section>
      <section aria-labelledby="correct" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="correct" className="mb-2 text-lg font-bold">
          更正行政处罚
        </h2>
        <form action={correctPenaltyAction}>
          {csrf}
          <label className="mb-3 block" htmlFor="correct-id">
            信息编号
            <input id="correct-id" name="id" type="number" required className={input} />
          </label>
          <Field name="violationFacts" label="更正后的违法事实" required={false} />
          <Field name="content" label="更正后的处罚内容" required={false} />
          <label className="mb-3 block" htmlFor="correct-reason">
            更正理由
            <input id="correct-reason" name="reason" required className={input} />
          </label>
          <button type="submit" className={button}>
            更正
          </button>
        </form>
      </section>
      <section aria-labelledby="list" className="mb-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="list" className="mb-2 text-lg font-bold">
          列入名单
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          必须引用联合奖惩目录中与名单类型相符的措施：红名单用激励措施，失信名单用惩戒措施。
        </p>
        <form action={createListEntryAction}>
          {csrf}
          <label className="mb-3 block" htmlFor="listType">
            名单类型
            <select id="listType" name="listType" className={input}>
              <option value="dishonesty">失信联合惩戒对象名单</option>
              <option value="honor">守信红名单</option>
            </select>
          </label>
          <Field name="subjectId" label="信用主体编号" type="number" />
          <Field name="decisionNumber" label="认定文号" />
          <Field name="basis" label="认定依据" />
          <label className="mb-3 block" htmlFor="list-reason">
            列入事由
            <input id="list-reason" name="reason" required className={input} />
          </label>
          <Field name="listedOn" label="列入日期" type="date" />
          <Field name="validUntil" label="有效期至" type="date" />
          <Field name="penaltyRecordId" label="所依据的行政处罚编号" type="number" required={false} />
          <fieldset className="mb-3">
            <legend>适用措施（联合奖惩目录）</legend>
            {catalog.length === 0 ? <p>目录为空。</p> : null}
            <ul className="max-h-64 overflow-y-auto">
              {catalog.map((c) => (
                <li key={c.id}>
                  <label className="inline-flex items-center gap-2">
                    <input type="checkbox" name="catalogItemIds" value={c.id} />
                    {c.kind === 'incentive' ? '【激励】' : '【惩戒】'}
                    {c.measure}（{c.code}）
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" className={button}>
            列入
          </button>
        </form>
      </section>
    </>
  );
}
