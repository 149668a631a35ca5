'use server';

import { runStaffForm, type FormNotice, type StaffFormCaller } from '../_lib/form-action';

// Webhook forms: subscribe, pause/resume, redeliver a dead letter; back to /admin/webhooks.

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function run(form: FormData, work: (caller: StaffFormCaller) => Promise<FormNotice>) {
  return runStaffForm(form, '/admin/webhooks', work, ''); // every webhook form names its own notice
}

export async function subscribeAction(form: FormData) {
  await run(form, async (c) => {
    const created = await c.coordination.subscribe({
      url: text(form, 'url'),
      events: form.getAll('events').map(String),
      ...(text(form, 'departmentId') ? { departmentId: Number(text(form, 'departmentId')) } : {}),
      ...(text(form, 'apiKeyId') ? { apiKeyId: Number(text(form, 'apiKeyId')) } : {}),
    });
    // The secret is shown once, on the page the form returns to (through the notice cookie).
    return { code: 'subscribed', message: created.secret };
  });
}

export async function toggleSubscriptionAction(form: FormData) {
  await run(form, async (c) => {
    await c.coordination.setSubscriptionActive({ id: Number(text(form, 'id')), active: text(form, 'active') === '1' });
    return { code: 'toggled' };
  });
}

export async function redeliverAction(form: FormData) {
  await run(form, async (c) => {
    await c.coordination.redeliver({ id: Number(text(form, 'id')) });
    return { code: 'redelivered' };
  });
}
