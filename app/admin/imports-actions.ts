'use server';

import { redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { staffFromForm } from './_lib/session';
import { noticeMessage, redirectWithNotice } from './_lib/notice';

/** Cancels a preview: its kept file is deleted at once. */
export async function cancelImportAction(form: FormData) {
  const { caller } = await staffFromForm(form);
  let target: string;
  try {
    const done = await caller.imports.cancel({ id: Number(form.get('id')) });
    target = `/admin/imports?id=${done.importId}`;
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    target = `/admin/imports?error=${encodeURIComponent(err.message.slice(0, 300))}`;
  }
  redirect(target);
}

/** Commits a previewed file; the result is shown by the committed import's number. */
export async function commitImportAction(form: FormData) {
  const { caller } = await staffFromForm(form);
  let target: string;
  try {
    const done = await caller.imports.commit({ id: Number(form.get('id')) });
    target = `/admin/imports?id=${done.importId}`;
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    return redirectWithNotice('/admin/imports', 'error', noticeMessage(err));
  }
  redirect(target);
}
