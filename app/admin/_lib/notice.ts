import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { publicErrorMessage } from '@/server/trpc';
import { config } from '@/server/config';

// The back office's notices. The URL after a staff action carries only a code (`notice=`)
// and a one-time reference (`ref=`); the sentence itself — the server's own, in Chinese —
// travels in a short-lived httpOnly cookie that only the server sets. Text in the query
// string is never shown, so a crafted link cannot put words in the office's notice box.

const NOTICE_COOKIE = 'admin_notice';

/** The sentence a staff member reads for a refused action: the checks' Chinese, never a dump. */
export function noticeMessage(err: TRPCError): string {
  return publicErrorMessage(err).slice(0, 300);
}

/** Ends a staff action: back to `page` with the notice `code` and, when given, the server's sentence. */
export async function redirectWithNotice(page: string, code: string, message?: string): Promise<never> {
  const [path, query] = page.split('?');
  const params = new URLSearchParams(query);
  params.set('notice', code);
  if (message) {
    const ref = randomBytes(6).toString('hex');
    (await cookies()).set(NOTICE_COOKIE, `${ref}.${encodeURIComponent(message)}`, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config().SITE_URL?.startsWith('https://') ?? false,
      path: '/admin',
      maxAge: 120,
    });
    params.set('ref', ref);
  }
  redirect(`${path}?${params.toString()}`);
}

/** The server's sentence for the notice whose reference is in the URL, or null (no sentence, or not ours). */
export async function noticeDetail(ref: string | undefined): Promise<string | null> {
  if (!ref || !/^[0-9a-f]{12}$/.test(ref)) return null;
  const raw = (await cookies()).get(NOTICE_COOKIE)?.value ?? '';
  const dot = raw.indexOf('.');
  if (dot < 0 || raw.slice(0, dot) !== ref) return null;
  try {
    return decodeURIComponent(raw.slice(dot + 1));
  } catch {
    return null;
  }
}
