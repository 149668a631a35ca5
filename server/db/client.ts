import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  CamelCasePlugin,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type LogConfig,
} from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { config } from '../config';
import { PGliteDialect } from './pglite-dialect';
import { PGliteThread, type EmbeddedPostgres } from './pglite-thread';
import type { Database } from './types';
import { migrateToLatest } from './migrate';
import { ReadRoutingDriver } from './read-routing';
import { startReplicaMonitor } from './replica-monitor';

export type DbKind = 'postgres' | 'pglite';
export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

// The two drivers disagree on a few types; normalise them here, once (and in the embedded
// database's thread, pglite-thread.worker.mjs):
// int8 → number (counts and ids stay far below 2^53), numeric → string (money is never a
// float), date → 'YYYY-MM-DD' string (a calendar date has no time zone).
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const asNumber = (v: string) => Number(v);
const asIs = (v: string) => v;

export type DatabaseTarget =
  { url: string; replicaUrl?: string; maxReplicaLagSeconds?: number } | { pgliteDir: string } | { memory: true };

function postgresPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A server that is down or restarting answers "请稍后重试" after 5 s instead of queueing forever.
    connectionTimeoutMillis: 5_000,
    // Short OLTP queries: JIT compilation costs more (tens of ms) than it ever saves here,
    // and parallel workers take longer to start than a LIMITed scan takes to finish.
    options: '-c jit=off -c max_parallel_workers_per_gather=0',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID.int8) return asNumber;
        if (oid === OID.numeric || oid === OID.date) return asIs;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client can lose its server (restart, failover, a dropped test database);
  // without a listener that would crash the process. The pool replaces the client.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.error(`PostgreSQL 空闲连接出错：${err.message}`);
  });
  // A client in use whose server goes away emits 'error' as well as failing its query; with no
  // listener that event is an uncaught exception. The query's own rejection reports it.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export async function openDatabase(target: DatabaseTarget, options: { log?: LogConfig } = {}): Promise<DbHandle> {
  const plugins = [new CamelCasePlugin()];
  const log = options.log;
  if ('url' in target) {
    const pool = postgresPool(target.url);
    if (target.replicaUrl) {
      const replicaPool = postgresPool(target.replicaUrl);
      const monitor = startReplicaMonitor(pool, replicaPool, target.maxReplicaLagSeconds ?? 5);
      const driver = new ReadRoutingDriver(
        new PostgresDriver({ pool }),
        new PostgresDriver({ pool: replicaPool }),
        monitor.trouble,
      );
      const db = new Kysely<Database>({
        dialect: {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => driver,
          createQueryCompiler: () => new PostgresQueryCompiler(),
          createIntrospector: (k) => new PostgresIntrospector(k),
        },
        plugins,
        ...(log ? { log } : {}),
      });
      return {
        db,
        kind: 'postgres',
        close: async () => {
          monitor.stop();
          await db.destroy();
        },
      };
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins, ...(log ? { log } : {}) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  // A database in memory (tests) runs on this thread; one in a folder (npm start) on its own.
  let pglite: EmbeddedPostgres;
  if ('memory' in target) {
    pglite = await PGlite.create({
      extensions: { pg_trgm },
      parsers: { [OID.int8]: asNumber, [OID.numeric]: asIs, [OID.date]: asIs },
    });
  } else {
    mkdirSync(target.pgliteDir, { recursive: true });
    const thread = new PGliteThread(target.pgliteDir);
    await thread.waitReady.catch(async (err: unknown) => {
      await thread.close();
      throw err;
    });
    pglite = thread;
  }
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(pglite, { acquireTimeoutMs: config().PGLITE_ACQUIRE_TIMEOUT_MS }),
    plugins,
    ...(log ? { log } : {}),
  });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export function defaultTarget(): DatabaseTarget {
  const cfg = config();
  if (!cfg.DATABASE_URL) return { pgliteDir: cfg.pgliteDir };
  return cfg.DATABASE_REPLICA_URL
    ? { url: cfg.DATABASE_URL, replicaUrl: cfg.DATABASE_REPLICA_URL, maxReplicaLagSeconds: cfg.REPLICA_MAX_LAG_SECONDS }
    : { url: cfg.DATABASE_URL };
}

// One handle per server process. Kept on globalThis so that Next's dev-mode module
// reloading does not open the embedded database twice.
const globalForDb = globalThis as unknown as { __creditDb?: Promise<DbHandle> };

/** The process-wide database, migrated to the latest schema on first use. */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__creditDb ??= (async () => {
    const handle = await openDatabase(defaultTarget());
    await migrateToLatest(handle.db);
    return handle;
  })().catch((err: unknown) => {
    globalForDb.__creditDb = undefined;
    throw err;
  });
  return globalForDb.__creditDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
