'use server';

import { runStaffForm, type StaffFormCaller } from '../_lib/form-action';

// Joint-action task forms: each posts, then returns to /admin/tasks with a notice.

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function run(form: FormData, work: (caller: StaffFormCaller) => Promise<unknown>, ok: string) {
  return runStaffForm(form, '/admin/tasks', work, ok);
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
