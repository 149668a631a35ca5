import { expect, it } from 'vitest';
import { runExclusively } from '@/server/db/job-lock';
import { describeEachDatabase } from '../helpers/databases';

// Scheduled work runs once however many instances run it (server/db/job-lock.ts).

describeEachDatabase('runExclusively', (current) => {
  it('runs a job when nobody else is, releases it afterwards, also when the job throws', async () => {
    const target = current();
    expect(await runExclusively(target, 'job-a', async () => 1)).toEqual({ ran: true, result: 1 });
    await expect(
      runExclusively(target, 'job-a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await runExclusively(target, 'job-a', async () => 2)).toEqual({ ran: true, result: 2 });
  });

  it('a job may use the database itself (on PGlite, the one connection is not held for the lock)', async () => {
    const target = current();
    const result = await Promise.race([
      runExclusively(target, 'job-d', async () => {
        const r = await target.db
          .selectFrom('departments')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirst();
        return Number(r?.n ?? 0) >= 0;
      }),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('deadlock: the job waited for the connection held by its own lock')), 10_000),
      ),
    ]);
    expect(result).toEqual({ ran: true, result: true });
  });

  it('while one process holds a job, another running it at the same time skips it; other jobs still run', async () => {
    const target = current();
    const { kind } = target;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = runExclusively(target, 'job-b', async () => {
      started();
      await held;
      return 'first';
    });
    await running;
    if (kind === 'postgres') {
      // A second pooled connection stands for a second instance.
      expect(await runExclusively(target, 'job-b', async () => 'second')).toEqual({ ran: false });
      expect(await runExclusively(target, 'job-c', async () => 'other')).toEqual({ ran: true, result: 'other' });
    }
    release();
    expect(await first).toEqual({ ran: true, result: 'first' });
    expect(await runExclusively(target, 'job-b', async () => 'again')).toEqual({ ran: true, result: 'again' });
  });
});
