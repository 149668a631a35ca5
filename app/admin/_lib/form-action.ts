import { TRPCError } from '@trpc/server';
import { staffFromForm } from './session';
import { noticeMessage, redirectWithNotice } from './notice';

export type StaffFormCaller = Awaited<ReturnType<typeof staffFromForm>>['caller'];

/** What a form's work may return instead of the plain success notice: its own code and sentence. */
export interface FormNotice {
  code: string;
  message?: string;
}

/**
 * Runs a staff form and returns to `page` with a notice: `ok` (or the work's own notice), or
 * `error` with the server's Chinese refusal. The sentence travels in the one-time notice cookie,
 * never in the URL, so no link can put words in the notice box (nor leave a secret in a log).
 */
export async function runStaffForm(
  form: FormData,
  page: string,
  work: (caller: StaffFormCaller) => Promise<FormNotice | unknown>,
  ok: string,
): Promise<never> {
  const { caller } = await staffFromForm(form);
  let notice: FormNotice = { code: ok };
  try {
    const done = await work(caller);
    if (isFormNotice(done)) notice = done;
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    notice = { code: 'error', message: noticeMessage(err) };
  }
  return redirectWithNotice(page, notice.code, notice.message);
}

function isFormNotice(value: unknown): value is FormNotice {
  return typeof value === 'object' && value !== null && typeof (value as FormNotice).code === 'string';
}
