import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { freePorts } from '../../../scripts/lib/test-env';
import { openDatabase, type DbHandle } from '@/server/db/client';
import { createCaller } from '@/server/root';
import { createContext, DATABASE_UNAVAILABLE_MESSAGE } from '@/server/trpc';
import { objectionInput } from '../applications/helpers';

// A PostgreSQL server that cannot be reached (nothing listens on the port: what a restart or a
// failover looks like to the portal for a moment) answers 503 with a Chinese "try again", not
// 500: the request was fine and nothing was written. Reads and writes alike.

describe('the database unreachable', () => {
  let handle: DbHandle;
  afterAll(() => handle?.close());

  async function refusal(call: () => Promise<unknown>) {
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }

  it('a search and an application answer SERVICE_UNAVAILABLE in Chinese', async () => {
    const [port] = await freePorts(1);
    handle = await openDatabase({ url: `postgresql://postgres@127.0.0.1:${port}/nothing_here` });
    const caller = createCaller(await createContext({ db: handle.db, today: '2026-12-06' }));

    const search = await refusal(() => caller.search.query({ q: '食品' }));
    expect(search.code).toBe('SERVICE_UNAVAILABLE');
    expect(search.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);

    const submit = await refusal(() => caller.applications.submit({ ...objectionInput(1), files: [] }));
    expect(submit.code).toBe('SERVICE_UNAVAILABLE');
    expect(submit.message).toContain('请稍后重试');
  });

  it('an error that is not an outage stays what it was', async () => {
    const caller = createCaller(await createContext({ db: handle.db, today: '2026-12-06' }));
    const bad = await refusal(() => caller.search.query({ q: 'x'.repeat(500) }));
    expect(bad.code).toBe('BAD_REQUEST');
  });
});
