'use server';

import { redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { createContext } from '@/server/trpc';
import { signIn, signOut, signOutEverywhere } from '@/server/auth/service';
import { clearSessionCookie, clientInfo, setSessionCookie, staffFromForm } from './_lib/session';
import { noticeMessage, redirectWithNotice } from './_lib/notice';

// Staff actions. Each is a no-JS form post; results come back as a notice in the URL
// (a code, never text from the request), so a reload never repeats the action.

export interface SignInState {
  username: string;
  error: string | null;
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const username = String(form.get('username') ?? '').slice(0, 60);
  const password = String(form.get('password') ?? '').slice(0, 200);
  if (!username || !password) return { username, error: '请填写用户名和密码。' };
  const ctx = await createContext();
  const result = await signIn(ctx.db, { username, password, ...(await clientInfo()) });
  if (!result.ok) return { username, error: result.message };
  await setSessionCookie(result.token);
  redirect('/admin');
}

export async function signOutAction(form: FormData) {
  const { staff } = await staffFromForm(form);
  await signOut((await createContext()).db, staff);
  await clearSessionCookie();
  redirect('/admin/sign-in?notice=signed-out');
}

export async function signOutEverywhereAction(form: FormData) {
  const { staff } = await staffFromForm(form);
  await signOutEverywhere((await createContext()).db, staff);
  await clearSessionCookie();
  redirect('/admin/sign-in?notice=signed-out-everywhere');
}

const errorCode = (err: unknown): string => {
  if (err instanceof TRPCError) {
    if (err.code === 'CONFLICT') return 'conflict';
    if (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND') return 'forbidden';
    if (err.code === 'BAD_REQUEST') return 'invalid';
  }
  throw err;
};

/** Runs a staff mutation and comes back to the application's page with a notice. */
async function onApplication(
  form: FormData,
  run: (caller: Awaited<ReturnType<typeof staffFromForm>>['caller'], id: number, version: number) => Promise<unknown>,
  ok: string,
) {
  const { caller } = await staffFromForm(form);
  const id = Number(form.get('id'));
  const version = Number(form.get('version'));
  let code = ok;
  let message = '';
  try {
    await run(caller, id, version);
  } catch (err) {
    code = errorCode(err);
    if (code === 'invalid' && err instanceof TRPCError) message = noticeMessage(err);
  }
  await redirectWithNotice(`/admin/applications/${Number.isSafeInteger(id) && id > 0 ? id : 0}`, code, message);
}

export async function acceptAction(form: FormData) {
  await onApplication(form, (c, id, version) => c.applications.accept({ id, version }), 'accepted');
}

export async function refuseAction(form: FormData) {
  await onApplication(
    form,
    (c, id, version) => c.applications.refuse({ id, version, reasons: String(form.get('reasons') ?? '') }),
    'refused',
  );
}

export async function decideAction(form: FormData) {
  const corrections = {
    violationFacts: String(form.get('violationFacts') ?? '') || undefined,
    content: String(form.get('content') ?? '') || undefined,
  };
  await onApplication(
    form,
    (c, id, version) =>
      c.applications.decide({
        id,
        version,
        decision: String(form.get('decision') ?? ''),
        reasons: String(form.get('reasons') ?? ''),
        corrections,
      }),
    'decided',
  );
}

export async function createUserAction(form: FormData) {
  const { caller } = await staffFromForm(form);
  let notice = 'user-created';
  let message = '';
  try {
    const dep = String(form.get('departmentId') ?? '');
    await caller.staff.createUser({
      username: String(form.get('username') ?? ''),
      displayName: String(form.get('displayName') ?? ''),
      password: String(form.get('password') ?? ''),
      role: String(form.get('role') ?? '') as 'department',
      departmentId: dep ? Number(dep) : null,
    });
  } catch (err) {
    notice = errorCode(err) === 'invalid' ? 'invalid' : 'conflict';
    if (err instanceof TRPCError) message = noticeMessage(err);
  }
  await redirectWithNotice('/admin/users', notice, message);
}

export async function createApiKeyAction(_prev: { key: string | null; error: string | null }, form: FormData) {
  const { caller } = await staffFromForm(form);
  try {
    const created = await caller.staff.createApiKey({
      departmentId: Number(form.get('departmentId')),
      name: String(form.get('name') ?? ''),
    });
    return { key: created.key, error: null };
  } catch (err) {
    // A refusal (a bad field, or a role that may not create keys) is said in place, never a 500.
    if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR')
      return { key: null, error: err.code === 'BAD_REQUEST' ? noticeMessage(err) : '您的角色无权创建 API 密钥。' };
    throw err;
  }
}

export async function revokeApiKeyAction(form: FormData) {
  const { caller } = await staffFromForm(form);
  let notice = 'key-revoked';
  try {
    await caller.staff.revokeApiKey({ id: Number(form.get('id')) });
  } catch (err) {
    // A refusal (already revoked, no such key, not allowed) is said as such, never as success.
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    notice = 'key-not-revoked';
  }
  redirect(`/admin/users?notice=${notice}`);
}
