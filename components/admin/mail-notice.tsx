import type { MailStatus } from '@/server/notifications/service';

/** Tells staff whether applicants hear back by e-mail, and when messages are waiting on a failing server. */
export function MailNotice({ status }: { status: MailStatus }) {
  if (!status.configured) {
    return (
      <p className="mb-4 border-l-4 border-amber-600 bg-white p-3" data-testid="mail-notice">
        <strong>邮件通知未开通</strong>（未设置
        SMTP_URL）：申请人不会收到受理、不予受理和办结的邮件，也无法通过邮件找回查询码。 请通过电话告知申请人办理结果。
      </p>
    );
  }
  if (status.failing === 0) return null;
  return (
    <p role="status" className="mb-4 border-l-4 border-seal-700 bg-white p-3" data-testid="mail-notice">
      <strong>邮件通知发送受阻</strong>：{status.pending} 封待发送，其中 {status.failing}{' '}
      封发送失败，正在自动重试，不会丢失。
      {status.lastError ? <span className="block text-sm text-slate-700">最近一次错误：{status.lastError}</span> : null}
    </p>
  );
}
