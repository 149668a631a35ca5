import { notFound } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { staffCaller } from '../_lib/session';
import {
  correctLicensingAction,
  correctPenaltyAction,
  createListEntryAction,
  createPenaltyAction,
  createLicensingAction,
  correctListEntryAction,
  removeListEntryAction,
  withdrawRecordAction,
} from '../records-actions';
import { LICENSING_CATEGORIES, PENALTY_CATEGORIES, SEVERITY_LABELS } from '@/server/rules/codes';
import { AdminPanel } from '@/components/admin/panel';
import { noticeDetail } from '../_lib/notice';

export const dynamic = 'force-dynamic';
export const metadata = { title: '信息管理' };

const NOTICES: Record<string, string> = {
  withdrawn: '已撤销，公示页面和搜索已同步更新。',
  corrected: '已更正，公示页面和搜索已同步更新。',
  listed: '已列入名单。',
  created: '行政处罚已录入，公示期限已按规则计算，搜索已同步。',
  licensed: '行政许可已录入（与文件导入同一套校验），公示页面和搜索已同步。',
  licenceCorrected: '行政许可已更正（与文件导入同一套校验），公示页面和搜索已同步更新。',
  removed: '已移出名单，公示页面和搜索已同步更新。',
  error: '操作未执行：',
};

const input = 'mt-1 block w-full max-w-xl rounded border border-slate-500 px-2 py-1';
const button = 'mt-3 rounded bg-brand-700 px-4 py-1.5 font-semibold text-white';

function Field({
  name,
  label,
  type = 'text',
  required = true,
  id = name,
}: {
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  id?: string;
}) {
  return (
    <label className="mb-3 block" htmlFor={id}>
      {label}
      {required ? null : '（选填）'}
      <input id={id} name={name} type={type} required={required} className={input} />
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
  const message = notice ? await noticeDetail(firstParam(sp.ref)) : null;
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
      <AdminPanel id="create" title="录入行政处罚">
        <p className="mb-2 text-sm text-slate-700">公示期限和最早可修复日期由系统按处罚决定日期适用的规则计算。</p>
        <form action={createPenaltyAction}>
          {csrf}
          <label className="mb-3 block" htmlFor="penalty-subject">
            信用主体编号
            <input id="penalty-subject" name="subjectId" type="number" required className={input} />
          </label>
          <label className="mb-3 block" htmlFor="penalty-doc">
            处罚决定书文号
            <input id="penalty-doc" name="documentNumber" required className={input} />
          </label>
          <Field id="new-violationType" name="violationType" label="违法行为类型" />
          <Field id="new-violationFacts" name="violationFacts" label="违法事实" />
          <Field id="new-legalBasis" name="legalBasis" label="处罚依据" />
          <fieldset className="mb-3">
            <legend>处罚类别</legend>
            <div className="flex flex-wrap gap-x-4">
              {PENALTY_CATEGORIES.map((c) => (
                <label key={c} className="inline-flex items-center gap-1">
                  <input type="checkbox" name="categories" value={c} />
                  {c}
                </label>
              ))}
            </div>
          </fieldset>
          <Field id="new-penaltyContent" name="penaltyContent" label="处罚内容" />
          <Field id="new-fineAmount" name="fineAmount" label="罚款金额（万元）" required={false} />
          <Field id="new-decisionDate" name="decisionDate" label="处罚决定日期" type="date" />
          <label className="mb-3 block" htmlFor="severity">
            失信严重程度（不选则按处罚类别判定）
            <select id="severity" name="severity" className={input}>
              <option value="">按处罚类别判定</option>
              {Object.entries(SEVERITY_LABELS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={button}>
            录入
          </button>
        </form>
      </AdminPanel>
      <AdminPanel id="create-licensing" title="录入行政许可">
        <p className="mb-2 text-sm text-slate-700">
          按与文件导入相同的规则校验（统一社会信用代码、证件号码、日期等）；许可机关和数据来源单位为本部门。
        </p>
        <form action={createLicensingAction}>
          {csrf}
          <Field id="lic-name" name="XK_XDR_MC" label="行政相对人名称" />
          <label className="mb-3 block" htmlFor="lic-kind">
            行政相对人类别
            <select id="lic-kind" name="XK_XDR_LB" required className={input}>
              <option value="法人及非法人组织">法人及非法人组织</option>
              <option value="个体工商户">个体工商户</option>
              <option value="自然人">自然人</option>
            </select>
          </label>
          <Field id="lic-uscc" name="XK_XDR_SHXYM" label="统一社会信用代码（法人、个体工商户必填）" required={false} />
          <Field id="lic-rep" name="XK_FRDB" label="法定代表人" required={false} />
          <Field id="lic-idtype" name="XK_XDR_ZJLX" label="证件类型（自然人，如：身份证）" required={false} />
          <Field id="lic-idno" name="XK_XDR_ZJHM" label="证件号码（自然人；公示时自动遮蔽）" required={false} />
          <Field id="lic-docname" name="XK_XKWS" label="行政许可决定文书名称" />
          <Field id="lic-doc" name="XK_WSH" label="行政许可决定文书号" />
          <label className="mb-3 block" htmlFor="lic-cat">
            许可类别
            <select id="lic-cat" name="XK_XKLB" required className={input}>
              {LICENSING_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <Field id="lic-cert" name="XK_XKZS" label="许可证书名称" required={false} />
          <Field id="lic-no" name="XK_XKBH" label="许可编号" required={false} />
          <Field id="lic-content" name="XK_NR" label="许可内容" />
          <Field id="lic-date" name="XK_JDRQ" label="许可决定日期" type="date" />
          <Field id="lic-from" name="XK_YXQZ" label="有效期自" type="date" />
          <Field id="lic-until" name="XK_YXQZI" label="有效期至" type="date" />
          <button type="submit" className={button}>
            录入
          </button>
        </form>
      </AdminPanel>
      <AdminPanel id="correct-licensing" title="更正行政许可">
        <p className="mb-2 text-sm text-slate-700">
          按文书号找到本部门的行政许可，只填写需要更正的项目；行政相对人和文书号不能更正（如有错误请撤销后重新录入）。
        </p>
        <form action={correctLicensingAction}>
          {csrf}
          <Field id="lc-doc" name="documentNumber" label="行政许可决定文书号" />
          <Field id="lc-docname" name="XK_XKWS" label="更正后的行政许可决定文书名称" required={false} />
          <Field id="lc-cert" name="XK_XKZS" label="更正后的许可证书名称" required={false} />
          <Field id="lc-no" name="XK_XKBH" label="更正后的许可编号" required={false} />
          <Field id="lc-content" name="XK_NR" label="更正后的许可内容" required={false} />
          <Field id="lc-from" name="XK_YXQZ" label="更正后的有效期自" type="date" required={false} />
          <Field id="lc-until" name="XK_YXQZI" label="更正后的有效期至" type="date" required={false} />
          <Field id="lc-reason" name="reason" label="更正理由" />
          <button type="submit" className={button}>
            更正
          </button>
        </form>
      </AdminPanel>
      <AdminPanel id="withdraw" title="撤销信息">
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
      </AdminPanel>
      <AdminPanel id="correct" title="更正行政处罚">
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
      </AdminPanel>
      <AdminPanel id="list" title="列入名单">
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
      </AdminPanel>
      <AdminPanel id="correct-list" title="更正名单信息">
        <form action={correctListEntryAction}>
          {csrf}
          <Field id="cl-id" name="id" label="名单信息编号" type="number" />
          <Field id="cl-basis" name="basis" label="更正后的认定依据" required={false} />
          <Field id="cl-reason-text" name="listingReason" label="更正后的列入事由" required={false} />
          <Field id="cl-until" name="validUntil" label="更正后的有效期至" type="date" required={false} />
          <Field id="cl-reason" name="reason" label="更正理由" />
          <button type="submit" className={button}>
            更正
          </button>
        </form>
      </AdminPanel>
      <AdminPanel id="remove-list" title="移出名单">
        <p className="mb-2 text-sm text-slate-700">
          移出后该名单信息不再公示，联合奖惩措施随即停止；理由记入审计日志。
        </p>
        <form action={removeListEntryAction}>
          {csrf}
          <Field id="rl-id" name="id" label="名单信息编号" type="number" />
          <Field id="rl-reason" name="reason" label="移出理由" />
          <button type="submit" className={button}>
            移出
          </button>
        </form>
      </AdminPanel>
    </>
  );
}
