import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { getDb, type Db } from './db/client';
import { todayInShanghai } from './rules/dates';

/** What every procedure gets: the database and the calendar date the request is judged on. */
export interface Context {
  db: Db;
  /** Asia/Shanghai calendar date; the public predicate compares with it. */
  today: string;
}

export async function createContext(overrides: Partial<Context> = {}): Promise<Context> {
  return {
    db: overrides.db ?? (await getDb()),
    today: overrides.today ?? todayInShanghai(),
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // People read the message: the Chinese sentences of the failed checks, not a JSON dump.
      message: zod ? zod.issues.map((i) => i.message).join('；') : shape.message,
      data: {
        ...shape.data,
        zodError: zod ? zod.flatten() : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Anyone may call it: the public side of the portal. */
export const publicProcedure = t.procedure;
