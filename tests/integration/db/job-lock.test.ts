import { expect, it } from 'vitest';
import { runExclusively } from '@/server/db/job-lock';
import { describeEachDatabase } from '../helpers/databases';

// Scheduled work runs once however many instances run it (server/db/job-lock.ts).

describeEachDatabase('runExclusively', (current) => {
  it('runs a job when nobody else is, releases it afterwards, also when the job throws', async () => {
    const { db } = current();
    expect(await runExclusively(db, 'job-a', async () => 1)).toEqual({ ran: true, result: 1 });
    await expect(
      runExclusively(db, 'job-a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await runExclusively(db, 'job-a', async () => 2)).toEqual({ ran: true, result: 2 });
  });

  it('while one process holds a job, another running it at the same time skips it; other jobs still run', async () => {
    const { db, kind } = current();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = runExclusively(db, 'job-b', async () => {
      started();
      await held;
      return 'first';
    });
    await running;
    if (kind === 'postgres') {
      // A second pooled connection stands for a second instance.
      expect(await runExclusively(db, 'job-b', async () => 'second')).toEqual({ ran: false });
      expect(await runExclusively(db, 'job-c', async () => 'other')).toEqual({ ran: true, result: 'other' });
    }
    release();
    expect(await first).toEqual({ ran: true, result: 'first' });
    expect(await runExclusively(db, 'job-b', async () => 'again')).toEqual({ ran: true, result: 'again' });
  });
});
