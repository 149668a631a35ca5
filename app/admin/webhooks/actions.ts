'use server';

import { redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { staffFromForm } from '../_lib/session';

// Webhook forms: subscribe, pause/resume, redeliver a dead letter; back to /admin/webhooks.

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

async function run(
  form: FormData,
  work: (caller: Awaited<ReturnType<typeof staffFromForm>>['caller']) => Promise<string>,
) {
  const { caller } = await staffFromForm(form);
  let target: string;
  try {
    target = `/admin/webhooks?${await work(caller)}`;
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    target = `/admin/webhooks?notice=error&message=${encodeURIComponent(err.message.slice(0, 300))}`;
  }
  redirect(target);
}

export async function subscribeAction(form: FormData) {
  await run(form, async (c) => {
    const created = await c.coordination.subscribe({
      url: text(form, 'url'),
      events: form.getAll('events').map(String),
      ...(text(form, 'departmentId') ? { departmentId: Number(text(form, 'departmentId')) } : {}),
      ...(text(form, 'apiKeyId') ? { apiKeyId: Number(text(form, 'apiKeyId')) } : {}),
    });
    // The secret is shown once, on the page the form returns to.
    return `notice=subscribed&secret=${encodeURIComponent(created.secret)}`;
  });
}

export async function toggleSubscriptionAction(form: FormData) {
  await run(form, async (c) => {
    await c.coordination.setSubscriptionActive({ id: Number(text(form, 'id')), active: text(form, 'active') === '1' });
    return 'notice=toggled';
  });
}

export async function redeliverAction(form: FormData) {
  await run(form, async (c) => {
    await c.coordination.redeliver({ id: Number(text(form, 'id')) });
    return 'notice=redelivered';
  });
}
