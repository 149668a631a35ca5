import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { z } from '@/server/validation';

const idParam = z.string().regex(/^[1-9]\d{0,14}$/);

/** A route's subject id, or a 404 for anything that is not one (never a 500 for bad input). */
export function subjectIdOf(param: string): number {
  const parsed = idParam.safeParse(param);
  if (!parsed.success) notFound();
  return Number(parsed.data);
}

/** Runs a procedure; its NOT_FOUND becomes the Chinese 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** The profile of a subject, once per request (the page and its metadata share it). */
export const loadProfile = cache(async (param: string) => {
  const id = subjectIdOf(param);
  const caller = createCaller(await createContext());
  return orNotFound(caller.subjects.profile({ id }));
});
