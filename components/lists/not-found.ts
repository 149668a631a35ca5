import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';

/** The procedure's answer, or the 404 page when it found nothing or the id was malformed. */
export async function orNotFound<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}
