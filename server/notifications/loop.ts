import { getDbHandle } from '../db/client';
import { identityKeys } from '../identities/keys';
import { smtpTransport } from './mailer';
import { mailSettings, sendDueNotifications } from './service';

// The background sender of e-mails to applicants, started from instrumentation.ts when
// SMTP_URL is set: every 5 seconds, one batch. Several instances may run it (rows are leased
// with SKIP LOCKED); a failed message waits its backoff and is tried again.

const INTERVAL_MS = 5_000;
let started = false;

export function startNotificationSender(): void {
  const settings = mailSettings();
  if (!settings || started) return;
  started = true;
  const transport = smtpTransport({ url: settings.smtpUrl, from: settings.from });
  let running = false;
  let lastProblem: string | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { db } = await getDbHandle();
      const result = await sendDueNotifications(db, transport, identityKeys());
      const problem = result.failed > 0 ? `${result.failed} 封邮件发送失败，稍后重试` : null;
      if (problem && problem !== lastProblem) console.warn(`邮件通知：${problem}`);
      if (!problem && lastProblem && result.sent > 0) console.info('邮件通知已恢复发送。');
      if (problem || result.sent > 0) lastProblem = problem;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastProblem) console.warn(`邮件通知出错：${message}`);
      lastProblem = message;
    } finally {
      running = false;
    }
  };
  setInterval(() => void tick(), INTERVAL_MS).unref();
}
