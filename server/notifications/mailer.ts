import nodemailer from 'nodemailer';

// How a message leaves the portal. The outbox sender needs only `send`; SMTP (nodemailer) is
// the one implementation. A server that refuses throws; one that stalls times out and throws.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface SmtpOptions {
  url: string;
  from: string;
  /** Milliseconds to wait for the connection, the greeting and any reply (a stalled server fails). */
  timeoutMs?: number;
}

export function smtpTransport({ url, from, timeoutMs = 20_000 }: SmtpOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(message) {
      await transporter.sendMail({ from, ...message });
    },
    close() {
      transporter.close();
    },
  };
}
