import { randomBytes } from 'node:crypto';

// A real fault (not the client's input) is answered with a reference number instead of its
// text: the person quotes the number, the operator finds the full error under it in the log.

/** A short reference a person can read out on the phone: `E` + 10 hex digits, unique enough per day. */
export function newErrorReference(): string {
  return `E${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Writes the error with its reference to the server log and returns the reference. */
export function logInternalError(err: unknown, where: string, reference = newErrorReference()): string {
  console.error(`[错误编号 ${reference}] ${where}:`, err);
  return reference;
}

/** The sentence shown for a real fault: never the error's own text. */
export function internalErrorMessage(reference: string): string {
  return `服务器内部错误，我们已记录此问题（错误编号 ${reference}），请稍后重试；如仍有问题，请将错误编号告知网站管理员。`;
}
