import { sql } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import { getDbHandle } from '../db/client';
import { routingState } from '../db/read-routing';
import { pendingMigrations } from '../db/migrate';
import { withTimeout } from '../search/fallback';
import { meilisearchClient, MEILI_TIMEOUT_MS } from '../search/meilisearch/client';
import { outboxBacklog } from '../search/outbox';
import { searchEngineStatus } from '../search/service';

export interface Readiness {
  ready: boolean;
  database: { reachable: boolean; kind?: string; error?: string };
  migrations: { pending: string[] };
  /** The read replica (DATABASE_REPLICA_URL): public reads use it while healthy and within the lag bound. */
  replica?: {
    healthy: boolean;
    lagSeconds: number | null;
    maxLagSeconds: number;
    inUse: boolean;
    error: string | null;
  };
  /** Search is degraded, never down, while PostgreSQL answers: it does not decide readiness. */
  search?: {
    engine: string;
    healthy: boolean;
    fallbackActive: boolean;
    fallbackReason: string | null;
    outbox: { pending: number; oldestPendingSeconds: number | null; failing: number } | null;
  };
}

type SearchReadiness = NonNullable<Readiness['search']>;

/** The search section of readiness: Meilisearch's health, whether PostgreSQL is answering instead, and the outbox. */
export async function searchReadiness(
  db: Parameters<typeof outboxBacklog>[0],
  client: Pick<Meilisearch, 'isHealthy'> | null,
  status: ReturnType<typeof searchEngineStatus>,
): Promise<SearchReadiness> {
  if (!client)
    return { engine: status.engine, healthy: true, fallbackActive: false, fallbackReason: null, outbox: null };
  const healthy = await withTimeout(client.isHealthy(), MEILI_TIMEOUT_MS).catch(() => false);
  const outbox = await outboxBacklog(db).catch(() => null);
  return {
    engine: status.engine,
    healthy,
    fallbackActive: !healthy || (status.fallback?.fallbackActive ?? false),
    fallbackReason: healthy ? (status.fallback?.reason ?? null) : 'Meilisearch 不可用 (health check failed)',
    outbox,
  };
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
      search: await searchReadiness(handle.db, meilisearchClient(), searchEngineStatus(handle.db)),
      ...replicaReadiness(),
    };
  } catch (err) {
    return {
      ready: false,
      database: { reachable: false, error: err instanceof Error ? err.message : String(err) },
      migrations: { pending: [] },
    };
  }
}

/** The replica never decides readiness: without it, reads go to the primary. */
function replicaReadiness(): Pick<Readiness, 'replica'> {
  const r = routingState().replica;
  if (!r.configured) return {};
  const inUse = r.healthy && r.lagSeconds !== null && r.lagSeconds <= r.maxLagSeconds;
  return {
    replica: {
      healthy: r.healthy,
      lagSeconds: r.lagSeconds === null ? null : Math.round(r.lagSeconds * 1000) / 1000,
      maxLagSeconds: r.maxLagSeconds,
      inUse,
      error: r.error,
    },
  };
}
