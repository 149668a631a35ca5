import { sql } from 'kysely';
import { getDbHandle } from '../db/client';
import { pendingMigrations } from '../db/migrate';

export interface Readiness {
  ready: boolean;
  database: { reachable: boolean; kind?: string; error?: string };
  migrations: { pending: string[] };
}

/** Readiness: the database answers and every migration is applied. */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const handle = await getDbHandle();
    await sql`select 1`.execute(handle.db);
    const pending = await pendingMigrations(handle.db);
    return {
      ready: pending.length === 0,
      database: { reachable: true, kind: handle.kind },
      migrations: { pending },
    };
  } catch (err) {
    return {
      ready: false,
      database: { reachable: false, error: err instanceof Error ? err.message : String(err) },
      migrations: { pending: [] },
    };
  }
}
