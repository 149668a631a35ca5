import { sql } from 'kysely';
import type { Db, DbKind } from './client';

// Scheduled work that must run once however many instances run it (the lifecycle job, the
// outbox drains): on PostgreSQL a session advisory lock taken with try-lock, so an instance
// that finds the job running elsewhere skips this round instead of waiting; on the embedded
// PGlite there is only ever one process — and one connection, which the job itself needs, so
// no lock is taken there (holding the connection for the lock would deadlock the job).

/** A stable 64-bit key per job name (the same in every instance). */
function keyOf(name: string) {
  return sql<string>`hashtextextended(${`xinyong-leshan:${name}`}, 0)`;
}

/**
 * Runs `work` if no other process is running the job `name` right now, and answers whether it
 * ran. The lock is held on one pooled connection for the duration and released afterwards
 * (also when `work` throws; a crashed process releases it with its connection).
 */
export async function runExclusively<T>(
  { db, kind }: { db: Db; kind: DbKind },
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (kind === 'pglite') return { ran: true, result: await work() };
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${keyOf(name)}) as locked`.execute(
      conn,
    );
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${keyOf(name)})`.execute(conn);
    }
  });
}
