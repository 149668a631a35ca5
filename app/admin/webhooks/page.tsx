import { notFound } from 'next/navigation';
import { firstParam } from '@/components/query-string';
import { AdminPanel } from '@/components/admin/panel';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from '@/server/webhooks/events';
import { SIGNATURE_HEADER } from '@/server/webhooks/signature';
import { staffCaller } from '../_lib/session';
import { noticeDetail } from '../_lib/notice';
import { redeliverAction, subscribeAction, toggleSubscriptionAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: '推送订阅（Webhook）' };

const NOTICES: Record<string, string> = {
  subscribed: '订阅已创建。签名密钥只显示这一次，请立即保存：',
  toggled: '订阅状态已更新。',
  redelivered: '已重新加入推送队列。',
  error: '操作未执行：',
};
const input = 'mt-1 block w-full max-w-xl rounded border border-slate-500 px-2 py-1';
const button = 'mt-2 rounded bg-brand-700 px-3 py-1 font-semibold text-white';

/** Webhook subscriptions of a department (all for admins and the office) and the dead letters. */
export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { staff, caller } = await staffCaller();
  const view = await caller.coordination.webhooks();
  if (staff.role === 'office' && view.subscriptions.length === 0 && view.deadLetters.length === 0) notFound();
  const sp = await searchParams;
  const key = firstParam(sp.notice) ?? '';
  const notice = NOTICES[key];
  const message = notice ? await noticeDetail(firstParam(sp.ref)) : null;
  const manage = staff.role !== 'office';
  const csrf = <input type="hidden" name="csrf" value={staff.csrfToken} />;
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">推送订阅（Webhook）</h1>
      <p className="mb-4 text-slate-700">
        名单和处罚发生变化时，平台向订阅地址发送 POST 请求（JSON）。请求头 <code>{SIGNATURE_HEADER}</code> 为
        <code>t=时间戳,v1=HMAC-SHA256(密钥, 时间戳 + &quot;.&quot; + 请求体)</code>，请校验签名并拒绝 5
        分钟以外的时间戳。失败后按指数退避重试 24
        小时，仍失败则转入死信，可在下方重新投递。同一主体的事件按发生顺序送达；重复送达的事件 id 相同。
      </p>
      {notice ? (
        <p
          role={key === 'error' ? 'alert' : 'status'}
          className="mb-4 border-l-4 border-brand-600 bg-white p-3 font-semibold"
          data-testid="notice"
        >
          {notice}
          {key === 'subscribed' && message ? <code className="break-all">{message}</code> : message}
        </p>
      ) : null}
      <AdminPanel id="subscriptions" title="订阅">
        {view.subscriptions.length === 0 ? <p>还没有订阅。</p> : null}
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">部门</th>
              <th scope="col">地址</th>
              <th scope="col">事件</th>
              <th scope="col">待发送 / 已送达 / 死信</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {view.subscriptions.map((s) => (
              <tr key={s.id} className="border-t border-slate-200 align-top">
                <td>{s.id}</td>
                <td>
                  {s.departmentName}
                  {s.apiKeyName ? `（${s.apiKeyName}）` : ''}
                </td>
                <td className="break-all">{s.url}</td>
                <td>
                  {s.events.map((e) => WEBHOOK_EVENT_LABELS[e as keyof typeof WEBHOOK_EVENT_LABELS] ?? e).join('、')}
                </td>
                <td>
                  {s.pending} / {s.delivered} / {s.dead}
                </td>
                <td>
                  {s.active ? '启用' : '已暂停'}
                  {manage ? (
                    <form action={toggleSubscriptionAction}>
                      {csrf}
                      <input type="hidden" name="id" value={s.id} />
                      <input type="hidden" name="active" value={s.active ? '0' : '1'} />
                      <button type="submit" className="underline">
                        {s.active ? '暂停' : '恢复'}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </AdminPanel>
      <AdminPanel id="dead" title={`死信（${view.deadLetters.length}）`}>
        {view.deadLetters.length === 0 ? <p>没有死信。</p> : null}
        <ul className="space-y-2" data-testid="dead-letters">
          {view.deadLetters.map((d) => (
            <li key={d.id} className="text-sm">
              {WEBHOOK_EVENT_LABELS[d.type as keyof typeof WEBHOOK_EVENT_LABELS] ?? d.type} · 事件 {d.eventId} · {d.url}{' '}
              · 尝试 {d.attempts} 次 · 最后结果：
              {d.lastError ?? d.lastStatus}
              {manage ? (
                <form action={redeliverAction} className="inline">
                  {csrf}
                  <input type="hidden" name="id" value={d.id} />
                  <button type="submit" className="ml-2 underline">
                    重新投递
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </AdminPanel>
      {manage ? (
        <AdminPanel id="new-subscription" title="新建订阅">
          <form action={subscribeAction}>
            {csrf}
            <label htmlFor="wh-url" className="mb-2 block">
              推送地址（http:// 或 https://）
              <input id="wh-url" name="url" type="url" required className={input} />
            </label>
            {staff.role === 'admin' ? (
              <label htmlFor="wh-dept" className="mb-2 block">
                所属部门编号
                <input id="wh-dept" name="departmentId" type="number" required className={input} />
              </label>
            ) : null}
            <label htmlFor="wh-key" className="mb-2 block">
              关联 API 密钥编号（选填）
              <input id="wh-key" name="apiKeyId" type="number" className={input} />
            </label>
            <fieldset>
              <legend>事件</legend>
              {WEBHOOK_EVENT_TYPES.map((e) => (
                <label key={e} className="block">
                  <input type="checkbox" name="events" value={e} defaultChecked={!e.startsWith('task.overdue')} />{' '}
                  {WEBHOOK_EVENT_LABELS[e]}（{e}）
                </label>
              ))}
            </fieldset>
            <button type="submit" className={button}>
              创建订阅
            </button>
          </form>
        </AdminPanel>
      ) : null}
    </>
  );
}
