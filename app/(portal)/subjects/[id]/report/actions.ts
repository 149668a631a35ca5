'use server';

import { notFound, redirect } from 'next/navigation';
import { orNotFound } from '@/components/subjects/load';
import { formatVerificationCode } from '@/server/rules/verification-code';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { z } from '@/server/validation';

/** Issues (or reuses) today's report of the subject and shows it; a form POST, so crawlers never issue reports. */
export async function issueReportAction(formData: FormData) {
  const parsed = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(formData.get('subjectId'));
  if (!parsed.success) notFound();
  const caller = createCaller(await createContext());
  const { verificationCode } = await orNotFound(caller.subjects.issueReport({ subjectId: parsed.data }));
  redirect(`/subjects/${parsed.data}/report?code=${formatVerificationCode(verificationCode)}`);
}
