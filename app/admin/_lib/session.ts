import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { config } from '@/server/config';
import { csrfMatches, staffFromToken, SESSION_HOURS } from '@/server/auth/service';
import type { StaffPrincipal } from '@/server/auth/principal';

// The staff session cookie: httpOnly, SameSite=Strict (never sent on cross-site requests),
// Secure when the site runs on HTTPS. It holds a random token; the database keeps its hash.
export const SESSION_COOKIE = 'staff_session';

export async function setSessionCookie(token: string) {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config().SITE_URL?.startsWith('https://') ?? false,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export async function clearSessionCookie() {
  (await cookies()).delete(SESSION_COOKIE);
}

export async function currentStaff(): Promise<StaffPrincipal | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const ctx = await createContext();
  return staffFromToken(ctx.db, token);
}

/** The signed-in staff member, or a redirect to the sign-in page. */
export async function requireStaff(): Promise<StaffPrincipal> {
  const staff = await currentStaff();
  if (!staff) redirect('/admin/sign-in');
  return staff;
}

/** A tRPC caller acting as the signed-in staff member. */
export async function staffCaller() {
  const staff = await requireStaff();
  return { staff, caller: createCaller(await createContext({ staff })) };
}

/**
 * CSRF, twice over: Next.js refuses Server Actions whose Origin differs from the host, and
 * every staff form carries the session's synchronizer token, compared in constant time.
 */
export async function staffFromForm(form: FormData) {
  const { staff, caller } = await staffCaller();
  if (!csrfMatches(staff, form.get('csrf'))) redirect('/admin?error=csrf');
  return { staff, caller };
}

export async function clientInfo() {
  const h = await headers();
  return { ip: h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null, userAgent: h.get('user-agent') };
}
