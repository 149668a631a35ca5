'use server';

import { redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { staffFromForm } from '../_lib/session';

// Joint-action task forms: each posts, then returns to /admin/tasks with a notice.

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

async function run(
  form: FormData,
  work: (caller: Awaited<ReturnType<typeof staffFromForm>>['caller']) => Promise<unknown>,
  ok: string,
) {
  const { caller } = await staffFromForm(form);
  let target = `/admin/tasks?notice=${ok}`;
  try {
    await work(caller);
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    target = `/admin/tasks?notice=error&message=${encodeURIComponent(err.message.slice(0, 300))}`;
  }
  redirect(target);
}

export async function feedbackAction(form: FormData) {
  await run(
    form,
    (c) =>
      c.coordination.feedback({
        taskId: Number(text(form, 'taskId')),
        measure: text(form, 'measure'),
        outcome: text(form, 'outcome') as 'applied',
        appliedOn: text(form, 'appliedOn'),
        documentNumber: text(form, 'documentNumber'),
        reason: text(form, 'reason') || undefined,
      }),
    'answered',
  );
}

export async function initiateAction(form: FormData) {
  await run(
    form,
    (c) =>
      c.coordination.initiate({
        listEntryId: Number(text(form, 'listEntryId')),
        departmentIds: form.getAll('departmentIds').map(Number),
        catalogItemIds: form.getAll('catalogItemIds').map(Number),
      }),
    'initiated',
  );
}

export async function markSeenAction(form: FormData) {
  await run(form, (c) => c.coordination.markSeen(), 'seen');
}
