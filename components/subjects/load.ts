import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { z } from '@/server/validation';

const idParam = z.string().regex(/^[1-9]\d{0,14}$/);

/** A route's subject id, or null for anything that is not one. */
export function parseSubjectId(param: string): number | null {
  const parsed = idParam.safeParse(param);
  return parsed.success ? Number(parsed.data) : null;
}

/** A route's subject id, or a 404 for anything that is not one (never a 500 for bad input). */
export function subjectIdOf(param: string): number {
  return parseSubjectId(param) ?? notFound();
}

/** Runs a procedure; its NOT_FOUND becomes the Chinese 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  return (await orNull(call)) ?? notFound();
}

/** Runs a procedure; its NOT_FOUND becomes null. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The profile of a subject or null, once per request (the page and its metadata share it).
 * Metadata must not throw notFound() itself: the page does, and renders the 404 cleanly.
 */
export const findProfile = cache(async (param: string) => {
  const id = parseSubjectId(param);
  if (id === null) return null;
  const caller = createCaller(await createContext());
  return orNull(caller.subjects.profile({ id }));
});

/** The profile of a subject, or the 404 page. */
export async function loadProfile(param: string) {
  return (await findProfile(param)) ?? notFound();
}
