import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type QueryResult,
  type Transaction,
  type TransactionSettings,
} from 'kysely';

// Read traffic to a streaming replica (DATABASE_REPLICA_URL), decided per statement:
//   - only inside a request the HTTP server marked as a public read (runAsPublicRead);
//   - only a statement that cannot write: a Kysely SELECT, or raw SQL that starts with SELECT/WITH
//     and names no data-modifying keyword, outside a transaction; or a whole transaction the
//     caller declared `read only` (search sets planner options with SET LOCAL in one);
//   - only while the replica answers, lags at most the configured bound, and has replayed every
//     change this process knows of (after a local or notified change, reads go to the primary until
//     the replica's replay position passes the primary's position at that moment).
// Everything else — writes, ordinary transactions, staff, applicants, /track, the credit check,
// the background jobs — goes to the primary.

/** State shared by the two module worlds of one process (the HTTP server and Next's bundle). */
interface RoutingState {
  /** Set after a change: the replica is used only once it has replayed past this primary LSN. */
  requiredLsn: bigint | null;
  /** A change happened and its LSN is not known yet: read from the primary meanwhile. */
  changePending: boolean;
  /** Counts changes, so that a position read while another change arrived does not clear the flag. */
  changes: number;
  replica: ReplicaStatus;
}

export interface ReplicaStatus {
  configured: boolean;
  healthy: boolean;
  /** Seconds the replica is behind the primary (0 when it has replayed everything), null when unknown. */
  lagSeconds: number | null;
  maxLagSeconds: number;
  replayLsn: bigint | null;
  error: string | null;
  checkedAt: number | null;
}

const STATE = Symbol.for('xinyong-leshan.readRouting');
const CONTEXT = Symbol.for('xinyong-leshan.readRoutingContext');
type WithState = typeof globalThis & {
  [STATE]?: RoutingState;
  [CONTEXT]?: AsyncLocalStorage<{ publicRead: boolean }>;
};

export function routingState(): RoutingState {
  const g = globalThis as WithState;
  return (g[STATE] ??= {
    requiredLsn: null,
    changePending: false,
    changes: 0,
    replica: {
      configured: false,
      healthy: false,
      lagSeconds: null,
      maxLagSeconds: 5,
      replayLsn: null,
      error: null,
      checkedAt: null,
    },
  });
}

function context(): AsyncLocalStorage<{ publicRead: boolean }> {
  const g = globalThis as WithState;
  return (g[CONTEXT] ??= new AsyncLocalStorage());
}

/** Runs `work` as a public read: its read-only statements may be answered by the replica. */
export function runAsPublicRead<T>(work: () => T): T {
  return context().run({ publicRead: true }, work);
}

/** Called when this process learns of a committed change (its own or another instance's). */
export function publicDataWritten(): void {
  const state = routingState();
  state.changePending = true;
  state.changes += 1;
}

/** Whether a statement issued now may go to the replica. */
export function replicaUsable(): boolean {
  if (!context().getStore()?.publicRead) return false;
  const state = routingState();
  const r = state.replica;
  if (!r.configured || !r.healthy || r.lagSeconds === null || r.lagSeconds > r.maxLagSeconds) return false;
  if (state.changePending) return false;
  if (state.requiredLsn !== null && (r.replayLsn === null || r.replayLsn < state.requiredLsn)) return false;
  return true;
}

/** `X/Y` (hex halves of a WAL position) → a comparable number. */
export function parseLsn(lsn: string | null | undefined): bigint | null {
  if (!lsn) return null;
  const m = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(lsn.trim());
  if (!m) return null;
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

const WRITE_WORDS =
  /\b(insert|update|delete|merge|truncate|copy|nextval|setval|\w*advisory\w*|set_config|lock|for\s+(update|share|no\s+key\s+update|key\s+share))\b/i;

/** A statement that cannot change data (conservative: anything unclear is a write). */
export function isReadOnlyStatement(query: CompiledQuery): boolean {
  if (query.query.kind === 'SelectQueryNode') return !/\bfor\s+(update|share|no\s+key|key\s+share)\b/i.test(query.sql);
  if (query.query.kind !== 'RawNode') return false;
  return /^\s*\(?\s*(select|with)\b/i.test(query.sql) && !WRITE_WORDS.test(query.sql);
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  // Class 08 (connection exception), 57P0x (shutdown / cannot connect now), and socket errors.
  if (/^(08|57P0)/.test(code) || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH)$/.test(code)) return true;
  // node-postgres reports a pooled connection whose server went away without a code.
  return (
    !code && /^(Connection terminated|Client has encountered a connection error)/.test(String((err as Error)?.message))
  );
}

/**
 * The database could not be reached or refused new work for now (down, restarting, failing
 * over, out of connections): nothing the caller sent is at fault, and nothing was written, so
 * the answer is "try again shortly" (503), not an internal error.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return isConnectionError(err) || code === '53300';
}

/** A replica statement that failed for a reason of the replica's own (down, recovery conflict): retry on the primary. */
export function isReplicaTrouble(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return isConnectionError(err) || code === '40001' || code === '25006' || code === '53300';
}

/**
 * A read-only transaction, which the replica may answer. Should its server go away under it
 * (stopped, restarted, a recovery conflict), the replica is marked unusable and the work runs
 * once more, on the primary: it wrote nothing, so running it again is safe.
 */
export async function readOnlyTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const run = () => db.transaction().setAccessMode('read only').execute(work);
  try {
    return await run();
  } catch (err) {
    if (!isReplicaTrouble(err)) throw err;
    return run();
  }
}

/**
 * Kysely driver over two PostgreSQL pools. A connection handed to Kysely is a router: outside a
 * transaction each statement picks its pool; BEGIN pins one physical connection until the end.
 */
export class ReadRoutingDriver implements Driver {
  constructor(
    readonly primary: Driver,
    readonly replica: Driver,
    private readonly onReplicaTrouble: (err: unknown) => void,
  ) {}

  async init(): Promise<void> {
    await this.primary.init();
    await this.replica.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const router = connection as RoutingConnection;
    const useReplica = settings.accessMode === 'read only' && replicaUsable();
    await router.pin(useReplica ? this.replica : this.primary);
    try {
      await router.driver!.beginTransaction(router.physical!, settings);
    } catch (err) {
      // A pooled replica connection can be dead before anything was read (the replica stopped
      // since it was last used): nothing has happened in the transaction yet, so begin it on the primary.
      if (router.driver !== this.replica || !isReplicaTrouble(err)) throw err;
      this.onReplicaTrouble(err);
      await router.unpin();
      await router.pin(this.primary);
      await router.driver!.beginTransaction(router.physical!, settings);
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const router = connection as RoutingConnection;
    await router.driver!.commitTransaction(router.physical!);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const router = connection as RoutingConnection;
    try {
      await router.driver!.rollbackTransaction(router.physical!);
    } catch (err) {
      // The replica's connection is gone, and its transaction with it: the statement's own error is the one to report.
      if (router.driver !== this.replica || !isReplicaTrouble(err)) throw err;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutingConnection).unpin();
  }

  async destroy(): Promise<void> {
    await Promise.allSettled([this.primary.destroy(), this.replica.destroy()]);
  }

  /** One statement outside a transaction, on the replica when allowed (falling back to the primary). */
  async executeSingle<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (isReadOnlyStatement(query) && replicaUsable()) {
      try {
        return await once<R>(this.replica, query);
      } catch (err) {
        if (!isReplicaTrouble(err)) throw err;
        this.onReplicaTrouble(err);
      }
    }
    return once<R>(this.primary, query);
  }

  reportTrouble(err: unknown): void {
    this.onReplicaTrouble(err);
  }
}

async function once<R>(driver: Driver, query: CompiledQuery): Promise<QueryResult<R>> {
  const connection = await driver.acquireConnection();
  try {
    return await connection.executeQuery<R>(query);
  } finally {
    await driver.releaseConnection(connection);
  }
}

class RoutingConnection implements DatabaseConnection {
  driver: Driver | null = null;
  physical: DatabaseConnection | null = null;

  constructor(private readonly router: ReadRoutingDriver) {}

  async pin(driver: Driver): Promise<void> {
    if (this.physical) return;
    try {
      this.physical = await driver.acquireConnection();
      this.driver = driver;
    } catch (err) {
      if (driver !== this.router.replica || !isReplicaTrouble(err)) throw err;
      this.router.reportTrouble(err);
      this.physical = await this.router.primary.acquireConnection();
      this.driver = this.router.primary;
    }
  }

  async unpin(): Promise<void> {
    if (this.physical && this.driver) await this.driver.releaseConnection(this.physical);
    this.physical = null;
    this.driver = null;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.physical) {
      try {
        return await this.physical.executeQuery<R>(query);
      } catch (err) {
        // Inside a read-only transaction on the replica: later reads go to the primary.
        if (this.driver === this.router.replica && isReplicaTrouble(err)) this.router.reportTrouble(err);
        throw err;
      }
    }
    if (isReadOnlyStatement(query) && replicaUsable()) return this.router.executeSingle<R>(query);
    // A write, a lock or a session setting: the rest of this lease stays on one primary
    // connection, so `db.connection()` blocks keep their session semantics.
    await this.pin(this.router.primary);
    return this.physical!.executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.physical) {
      yield* this.physical.streamQuery<R>(query, chunkSize);
      return;
    }
    const connection = await this.router.primary.acquireConnection();
    try {
      yield* connection.streamQuery<R>(query, chunkSize);
    } finally {
      await this.router.primary.releaseConnection(connection);
    }
  }
}
