import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Mutex, PGliteBusyError, PGliteDialect } from '@/server/db/pglite-dialect';

// The embedded database is one connection. A query on the root db inside a transaction waits
// for itself: before, the whole portal froze (every later request waited behind it, for ever).
// Now the wait is bounded, the stuck transaction rolls back, and the log says where it was taken.

interface Tables {
  notes: { id: number; body: string };
}

describe('PGlite dialect: one connection, bounded waits', () => {
  let pg: PGlite;
  let db: Kysely<Tables>;
  const reports: string[] = [];

  beforeAll(async () => {
    pg = await PGlite.create();
    db = new Kysely<Tables>({
      dialect: new PGliteDialect(pg, { acquireTimeoutMs: 300, holdWarnMs: 150, report: (m) => reports.push(m) }),
    });
    await sql`create table notes (id int primary key, body text not null)`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('a root-db query inside a transaction fails after the timeout instead of freezing; the transaction rolls back and the database keeps answering', async () => {
    const started = Date.now();
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 1, body: 'half-written' }).execute();
        // The mistake this guards against: `db` where `trx` was meant.
        await db.selectFrom('notes').selectAll().execute();
      })
      .then(
        () => 'committed',
        (err: unknown) => err,
      );
    expect(outcome).toBeInstanceOf(PGliteBusyError);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Nothing half-written stays, and the next request is answered at once.
    expect(await db.selectFrom('notes').selectAll().execute()).toEqual([]);
    // The log names the holder by its latest statement, once per hold.
    expect(reports.join('\n')).toMatch(/held for \d+ ms; its latest statement: insert into "notes"/);
    expect(reports.length).toBe(1);
  });

  it('ordinary concurrent queries and transactions all complete, in turn', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? db
              .insertInto('notes')
              .values({ id: 100 + i, body: `n${i}` })
              .execute()
          : db.transaction().execute(async (trx) => {
              await trx
                .insertInto('notes')
                .values({ id: 100 + i, body: `t${i}` })
                .execute();
              await trx.selectFrom('notes').select('id').execute();
            }),
      ),
    );
    const { count } = await db
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(20);
  });
});

describe('Mutex', () => {
  it('one holder at a time, first come first served, and a waiter that gives up leaves the queue', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            startAfter: fc.integer({ min: 0, max: 6 }),
            holdFor: fc.integer({ min: 0, max: 6 }),
            patience: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (tasks) => {
          const mutex = new Mutex();
          let holders = 0;
          let maxHolders = 0;
          const requested: number[] = [];
          const granted: number[] = [];
          const gaveUp: number[] = [];
          await Promise.all(
            tasks.map(async (t, i) => {
              await new Promise((r) => setTimeout(r, t.startAfter));
              requested.push(i);
              let release: () => void;
              try {
                release = await mutex.lock(t.patience ?? Infinity, () => new Error('gave up'));
              } catch {
                gaveUp.push(i);
                return;
              }
              granted.push(i);
              holders++;
              maxHolders = Math.max(maxHolders, holders);
              await new Promise((r) => setTimeout(r, t.holdFor));
              holders--;
              release();
              release(); // releasing twice hands nothing on twice
            }),
          );
          expect(maxHolders).toBe(1);
          // Everyone got the lock or gave up; nobody both, nobody stuck.
          expect([...granted, ...gaveUp].sort((a, b) => a - b)).toEqual(tasks.map((_, i) => i));
          // Those who got it got it in the order they asked.
          expect(granted).toEqual(requested.filter((i) => granted.includes(i)));
          // Only a waiter with finite patience ever gives up.
          for (const i of gaveUp) expect(tasks[i]!.patience).toBeDefined();
          // The lock is free at the end.
          const release = await mutex.lock(0, () => new Error('still held'));
          release();
        },
      ),
      { numRuns: 60 },
    );
  });
});
