import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { EmbeddedPostgres } from './pglite-thread';

// Kysely 0.28 (the last line that supports Node 20) has no PGlite dialect, and the
// community `kysely-pglite-dialect` pins PGlite < 0.5. This small driver follows the
// shape of the built-in dialect of Kysely 0.29: PGlite is one connection, so a mutex
// hands it to one Kysely connection (one transaction) at a time.
//
// One connection means one way to freeze the whole portal: code inside a transaction that
// asks the root `db` (not its `trx`) for a query waits for itself, forever, and every request
// after it waits too. So a wait for the connection is bounded (`acquireTimeoutMs`): the waiter
// fails with a clear error, a transaction waiting on itself rolls back and frees the
// connection, and the log names the holder's latest statement and how long it has held.

export interface PGliteDialectOptions {
  /** How long a query may wait for the one connection before it fails. */
  acquireTimeoutMs?: number;
  /** A holder past this long is reported once, with its latest statement. */
  holdWarnMs?: number;
  /** Where reports go (the server log by default). */
  report?: (message: string) => void;
}

export const PGLITE_DEFAULTS = { acquireTimeoutMs: 60_000, holdWarnMs: 20_000 } as const;

export class PGliteBusyError extends Error {
  constructor(waitedMs: number, heldMs: number) {
    super(
      `PGlite: waited ${waitedMs} ms for the connection, held for ${heldMs} ms by one caller ` +
        '(a query on the root db inside a transaction waits for itself; see the log for where it was taken)',
    );
    this.name = 'PGliteBusyError';
  }
}

interface Holder {
  since: number;
  /** The holder's latest statement (Kysely's frames hide the caller's stack; the SQL names it). */
  lastSql?: string;
  reported: boolean;
}

/** A FIFO lock whose waiters give up after a time (and leave the queue). */
export class Mutex {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  lock(timeoutMs = Infinity, onTimeout?: () => Error): Promise<() => void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        if (timer) clearTimeout(timer);
        resolve(this.releaser());
      };
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            const at = this.waiters.indexOf(grant);
            if (at >= 0) this.waiters.splice(at, 1);
            reject(onTimeout?.() ?? new Error('lock wait timed out'));
          }, timeoutMs)
        : undefined;
      this.waiters.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.held = false;
    };
  }
}

class PGliteConnection implements DatabaseConnection {
  /** Who holds the connection now (set by the driver), for the report of a long hold. */
  holder: Holder | undefined;

  constructor(private readonly pg: EmbeddedPostgres) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.holder) this.holder.lastSql = compiled.sql;
    const result = await this.pg.query<R>(compiled.sql, [...compiled.parameters], { rowMode: 'object' });
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && /^\s*(insert|update|delete|merge)/i.test(compiled.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect: streaming is not supported');
  }
}

class PGliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  private connection: PGliteConnection | undefined;
  private holder: Holder | undefined;
  private readonly options: Required<PGliteDialectOptions>;

  constructor(
    private readonly pg: EmbeddedPostgres,
    options: PGliteDialectOptions = {},
  ) {
    this.options = {
      ...PGLITE_DEFAULTS,
      report: (message) => console.error(message),
      ...options,
    };
  }

  private reportHolder(why: string) {
    const h = this.holder;
    if (!h || h.reported) return;
    h.reported = true;
    const last = h.lastSql
      ? `; its latest statement: ${h.lastSql.replace(/\s+/g, ' ').slice(0, 300)}`
      : '; no statement run yet';
    this.options.report(`PGlite: ${why}; the connection has been held for ${Date.now() - h.since} ms${last}`);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
    this.connection = new PGliteConnection(this.pg);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const waitFrom = Date.now();
    const release = await this.mutex.lock(this.options.acquireTimeoutMs, () => {
      const heldMs = this.holder ? Date.now() - this.holder.since : 0;
      this.reportHolder(`a query gave up after waiting ${Date.now() - waitFrom} ms`);
      return new PGliteBusyError(Date.now() - waitFrom, heldMs);
    });
    const holder: Holder = { since: Date.now(), reported: false };
    this.holder = holder;
    this.connection!.holder = holder;
    const warn = setTimeout(() => {
      if (this.holder === holder) this.reportHolder('a long hold');
    }, this.options.holdWarnMs);
    warn.unref();
    const connection = this.connection!;
    this.releases.set(connection, () => {
      clearTimeout(warn);
      if (this.holder === holder) this.holder = this.connection!.holder = undefined;
      release();
    });
    return connection;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.releases.get(connection)?.();
    this.releases.delete(connection);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly pg: EmbeddedPostgres,
    private readonly options: PGliteDialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.options);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
