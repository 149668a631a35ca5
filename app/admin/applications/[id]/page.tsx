import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { firstParam } from '@/components/query-string';
import { Timeline } from '@/components/applications/timeline';
import { DeadlineNote } from '@/components/applications/deadline-note';
import { DECISION_LABELS, DECISIONS_BY_KIND } from '@/server/rules/applications';
import { z } from '@/server/validation';
import { staffCaller } from '../../_lib/session';
import { acceptAction, decideAction, refuseAction } from '../../actions';
import { AdminPanel } from '@/components/admin/panel';
import { noticeDetail } from '../../_lib/notice';
import { formatDate } from '@/components/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: '申请详情' };

const NOTICES: Record<string, { text: string; ok: boolean }> = {
  accepted: { text: '已受理。', ok: true },
  refused: { text: '已决定不予受理。', ok: true },
  decided: { text: '决定已作出，相关信息已同步更新（含搜索）。', ok: true },
  conflict: { text: '该申请已被其他工作人员处理或已更新，您的操作未生效。下面是最新状态。', ok: false },
  forbidden: { text: '您无权办理该申请。', ok: false },
  invalid: { text: '提交的内容有误，操作未执行。', ok: false },
};

const recordHref = (r: { kind: string; id: number | null }) =>
  r.kind === 'penalty'
    ? `/disclosures/penalties/${r.id}`
    : r.kind === 'licensing'
      ? `/disclosures/licensing/${r.id}`
      : `/lists/dishonesty#entry-${r.id}`;

const RECORD_STATUS: Record<string, string> = {
  published: '公示中',
  suspended: '异议处理中',
  withdrawn: '已撤销',
  repaired: '已修复',
  unpublished: '不公示',
  active: '有效',
  removed: '已移出',
  expired: '已到期',
};

const fieldClass = 'mt-1 block w-full max-w-2xl rounded border border-slate-500 px-3 py-2';

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const { staff, caller } = await staffCaller();
  const app = await caller.applications.get({ id: id.data }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) notFound();
    throw err;
  });
  const sp = await searchParams;
  const notice = NOTICES[firstParam(sp.notice) ?? ''];
  // The sentence comes from the server (a cookie it set), never from the query string.
  const message = notice ? await noticeDetail(firstParam(sp.ref)) : null;
  const hidden = (
    <>
      <input type="hidden" name="csrf" value={staff.csrfToken} />
      <input type="hidden" name="id" value={app.id} />
      <input type="hidden" name="version" value={app.version} />
    </>
  );

  return (
    <>
      <p className="mb-2 text-sm">
        <a href="/admin" className="text-brand-700 underline">
          ← 返回申请队列
        </a>
      </p>
      <h1 className="mb-4 text-2xl font-bold">
        {app.kindLabel}申请 <span className="font-mono">{app.trackingNumber}</span>
      </h1>
      {notice ? (
        <div
          role={notice.ok ? 'status' : 'alert'}
          className={`mb-4 border-l-4 bg-white p-3 font-semibold ${notice.ok ? 'border-honor-700 text-honor-700' : 'border-seal-700 text-seal-700'}`}
          data-testid="notice"
        >
          <p>{notice.text}</p>
          {message ? <p className="font-normal">{message}</p> : null}
        </div>
      ) : null}

      <AdminPanel id="facts" title="申请情况">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="text-slate-600">状态</dt>
          <dd data-testid="status">{app.statusLabel}</dd>
          {app.deadline ? (
            <>
              <dt className="text-slate-600">{app.deadlineKind === 'accept' ? '受理期限' : '办结期限'}</dt>
              <dd>
                <time dateTime={app.deadline}>{formatDate(app.deadline)}</time>（
                {(app.workdaysLeft ?? 0) >= 0
                  ? `剩 ${app.workdaysLeft} 个工作日`
                  : `已超期 ${-(app.workdaysLeft ?? 0)} 个工作日`}
                ）
                <DeadlineNote note={app.deadlineNote} />
              </dd>
            </>
          ) : null}
          <dt className="text-slate-600">涉及主体</dt>
          <dd>{app.subjectName}</dd>
          <dt className="text-slate-600">涉及信息</dt>
          <dd>
            <a href={recordHref(app.record)} className="text-brand-700 underline">
              {app.record.kind === 'penalty' ? '行政处罚' : app.record.kind === 'licensing' ? '行政许可' : '名单信息'} #
              {app.record.id}
            </a>
            {app.recordState ? (
              <span data-testid="record-state">
                {' '}
                {app.recordState.documentNumber} · {RECORD_STATUS[app.recordState.status] ?? app.recordState.status} ·{' '}
                {app.record.kind === 'list_entry'
                  ? '有效期至'
                  : app.record.kind === 'penalty'
                    ? '公示截止'
                    : '许可有效期至'}{' '}
                <time data-testid="record-ends" dateTime={app.recordState.endsOn}>
                  {formatDate(app.recordState.endsOn)}
                </time>
                {app.recordState.suspendedDays ? `（已因异议顺延 ${app.recordState.suspendedDays} 天）` : ''}
              </span>
            ) : null}
          </dd>
          <dt className="text-slate-600">办理部门</dt>
          <dd>{app.departmentName}</dd>
          <dt className="text-slate-600">申请人</dt>
          <dd>
            {app.applicantName}（
            {app.applicantType === 'organisation'
              ? `单位，${app.applicantUscc}，经办人 ${app.contactPerson}`
              : `个人，身份证 ${app.applicantIdMasked}`}
            ）
          </dd>
          <dt className="text-slate-600">联系方式</dt>
          <dd>
            {app.phone}
            {app.email ? ` · ${app.email}` : ''}
          </dd>
          <dt className="text-slate-600">申请事由</dt>
          <dd>{app.reasonCategory}</dd>
          <dt className="text-slate-600">情况说明</dt>
          <dd className="whitespace-pre-wrap">{app.description}</dd>
          {app.parent ? (
            <>
              <dt className="text-slate-600">原异议</dt>
              <dd>
                <a href={`/admin/applications/${app.parent.id}`} className="font-mono text-brand-700 underline">
                  {app.parent.trackingNumber}
                </a>
                {app.parent.decisionLabel ? `：${app.parent.decisionLabel}（${app.parent.decisionReasons ?? ''}）` : ''}
              </dd>
            </>
          ) : null}
          {app.decisionLabel ? (
            <>
              <dt className="text-slate-600">决定</dt>
              <dd data-testid="decision">
                {app.decisionLabel}：{app.decisionReasons}
              </dd>
            </>
          ) : null}
        </dl>
      </AdminPanel>

      <section aria-labelledby="files" className="mb-6">
        <h2 id="files" className="mb-2 text-lg font-bold">
          附件
        </h2>
        {app.attachments.length === 0 ? (
          <p>没有附件。</p>
        ) : (
          <ul className="list-disc pl-5">
            {app.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/admin/attachments/${a.id}`} className="text-brand-700 underline">
                  {a.fileName}
                </a>{' '}
                <span className="text-sm text-slate-600">
                  （{a.mediaType}，{Math.ceil(a.sizeBytes / 1024)} KB，SHA-256{' '}
                  <span className="font-mono break-all">{a.sha256}</span>）
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {app.canAct && app.status === 'submitted' ? (
        <AdminPanel id="accept" title="受理">
          <form action={acceptAction} className="mb-4">
            {hidden}
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
              受理
            </button>
          </form>
          <form action={refuseAction}>
            {hidden}
            <label htmlFor="refuse-reasons" className="block font-semibold">
              不予受理的理由
            </label>
            <textarea id="refuse-reasons" name="reasons" rows={3} required className={fieldClass} />
            <button
              type="submit"
              className="mt-2 rounded border-2 border-seal-700 px-4 py-2 font-semibold text-seal-700"
            >
              不予受理
            </button>
          </form>
        </AdminPanel>
      ) : null}

      {app.canAct && app.status === 'accepted' ? (
        <AdminPanel id="decide" title="作出决定">
          <form action={decideAction}>
            {hidden}
            <fieldset className="mb-3">
              <legend className="font-semibold">决定</legend>
              {DECISIONS_BY_KIND[app.kind].map((d) => (
                <label key={d} className="mr-6 inline-flex items-center gap-2">
                  <input type="radio" name="decision" value={d} required className="size-5" />
                  {DECISION_LABELS[d]}
                </label>
              ))}
            </fieldset>
            <label htmlFor="decide-reasons" className="block font-semibold">
              理由（申请人可见）
            </label>
            <textarea id="decide-reasons" name="reasons" rows={4} required className={fieldClass} />
            {app.kind === 'objection' && app.record.kind === 'penalty' ? (
              <details className="mt-3">
                <summary className="cursor-pointer font-semibold">选择“更正”时：更正后的内容（留空则不改）</summary>
                <label htmlFor="violationFacts" className="mt-2 block">
                  违法事实
                </label>
                <textarea id="violationFacts" name="violationFacts" rows={3} className={fieldClass} />
                <label htmlFor="content" className="mt-2 block">
                  处罚内容
                </label>
                <textarea id="content" name="content" rows={2} className={fieldClass} />
              </details>
            ) : null}
            <p className="mt-2 text-sm text-slate-700">
              驳回或维持时，公示截止日期和名单有效期将按暂停的天数自动顺延，无需填写。
            </p>
            <button type="submit" className="mt-3 rounded bg-brand-700 px-4 py-2 font-semibold text-white">
              提交决定
            </button>
          </form>
        </AdminPanel>
      ) : null}

      <section aria-labelledby="history">
        <h2 id="history" className="mb-2 text-lg font-bold">
          办理记录
        </h2>
        <Timeline events={app.events} testId="history" />
      </section>
    </>
  );
}
