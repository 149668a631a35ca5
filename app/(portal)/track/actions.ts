'use server';

import { headers } from 'next/headers';
import { TRPCError } from '@trpc/server';
import type { FormState } from '@/components/applications/form-state';
import { trackSchema } from '@/server/applications/schema';
import { clientIpFrom } from '@/server/rate-limit/service';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

// "找回查询码" on /track: the tracking number in, a new code to the e-mail address on file.
// Works as a plain POST without JavaScript; the answer never says whether the number exists.

export async function reissueQueryCodeAction(_prev: FormState<string>, form: FormData): Promise<FormState<string>> {
  const values = { recoverTrackingNumber: String(form.get('recoverTrackingNumber') ?? '') };
  const parsed = trackSchema.pick({ trackingNumber: true }).safeParse({ trackingNumber: values.recoverTrackingNumber });
  if (!parsed.success) {
    return { values, errors: parsed.error.issues.map((i) => ({ field: 'recoverTrackingNumber', message: i.message })) };
  }
  try {
    const caller = createCaller(await createContext({ clientIp: clientIpFrom(await headers()) }));
    const { message } = await caller.applications.reissueQueryCode(parsed.data);
    return { values: {}, errors: [], done: message };
  } catch (err) {
    if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
      return { values, errors: [{ field: 'recoverTrackingNumber', message: err.message }] };
    }
    throw err;
  }
}
