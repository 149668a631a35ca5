import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  DummyDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  ReadRoutingDriver,
  isReadOnlyStatement,
  readOnlyTransaction,
  parseLsn,
  publicDataWritten,
  replicaUsable,
  routingState,
  runAsPublicRead,
} from '@/server/db/read-routing';

// Which statements may be answered by the read replica, and when (server/db/read-routing.ts).

interface Tables {
  subjects: { id: number; name: string };
}
const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (k) => new PostgresIntrospector(k),
  },
});

describe('isReadOnlyStatement', () => {
  it('lets plain selects through and keeps every write, lock and setting on the primary', () => {
    expect(isReadOnlyStatement(db.selectFrom('subjects').selectAll().compile())).toBe(true);
    expect(isReadOnlyStatement(db.selectFrom('subjects').selectAll().forUpdate().compile())).toBe(false);
    expect(isReadOnlyStatement(db.insertInto('subjects').values({ id: 1, name: 'x' }).compile())).toBe(false);
    expect(isReadOnlyStatement(db.updateTable('subjects').set({ name: 'y' }).compile())).toBe(false);
    expect(isReadOnlyStatement(db.deleteFrom('subjects').compile())).toBe(false);
    const raw = (text: string) => sql.raw(text).compile(db);
    expect(isReadOnlyStatement(raw('select count(*) from subjects'))).toBe(true);
    expect(isReadOnlyStatement(raw('with c as (select 1) select * from c'))).toBe(true);
    expect(isReadOnlyStatement(raw('with c as (delete from subjects returning id) select * from c'))).toBe(false);
    expect(isReadOnlyStatement(raw('select pg_try_advisory_lock(1)'))).toBe(false);
    expect(isReadOnlyStatement(raw("select set_config('x', 'y', false)"))).toBe(false);
    expect(isReadOnlyStatement(raw('set local enable_sort = off'))).toBe(false);
    expect(isReadOnlyStatement(CompiledQuery.raw('begin'))).toBe(false);
  });
});

describe('parseLsn', () => {
  it('orders WAL positions across the 32-bit boundary', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('nonsense')).toBeNull();
    expect(parseLsn(null)).toBeNull();
  });
});

/** A configured replica that answers, has replayed everything and lags 0 s. */
function healthy() {
  const state = routingState();
  state.changePending = false;
  state.requiredLsn = null;
  state.replica = {
    ...state.replica,
    configured: true,
    healthy: true,
    lagSeconds: 0,
    maxLagSeconds: 5,
    replayLsn: 100n,
  };
}

describe('replicaUsable', () => {
  it('only inside a public read, while healthy and within the lag bound', () => {
    healthy();
    expect(replicaUsable()).toBe(false);
    expect(runAsPublicRead(() => replicaUsable())).toBe(true);
    routingState().replica.lagSeconds = 6;
    expect(runAsPublicRead(() => replicaUsable())).toBe(false);
    healthy();
    routingState().replica.healthy = false;
    expect(runAsPublicRead(() => replicaUsable())).toBe(false);
  });

  it('after a change, waits until the replica has replayed past the primary position of that moment', async () => {
    healthy();
    publicDataWritten();
    expect(runAsPublicRead(() => replicaUsable())).toBe(false);
    const state = routingState();
    state.changePending = false;
    state.requiredLsn = 200n;
    expect(runAsPublicRead(() => replicaUsable())).toBe(false);
    state.replica.replayLsn = 200n;
    expect(
      await runAsPublicRead(async () => {
        await new Promise((r) => setTimeout(r, 1));
        return replicaUsable();
      }),
    ).toBe(true);
  });
});

describe('ReadRoutingDriver when the replica went away', () => {
  class FakeConnection implements DatabaseConnection {
    constructor(private readonly pool: FakePool) {}
    async executeQuery<R>(): Promise<QueryResult<R>> {
      this.pool.statements++;
      const failure = this.pool.failure ?? this.pool.queryFailure;
      if (failure) throw failure;
      return { rows: [{ answeredBy: this.pool.name } as R] };
    }
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      yield* [];
      throw new Error('not used');
    }
  }
  /** A pool whose connections answer with the pool's name, or fail as a stopped server's do. */
  class FakePool implements Driver {
    failure: Error | null = null;
    /** Fails statements but not BEGIN: the server went away inside a transaction. */
    queryFailure: Error | null = null;
    released = 0;
    statements = 0;
    constructor(readonly name: string) {}
    async init() {}
    async acquireConnection(): Promise<DatabaseConnection> {
      return new FakeConnection(this);
    }
    async beginTransaction() {
      if (this.failure) throw this.failure;
    }
    async commitTransaction() {}
    async rollbackTransaction() {
      if (this.failure ?? this.queryFailure) throw this.failure ?? this.queryFailure;
    }
    async releaseConnection() {
      this.released++;
    }
    async destroy() {}
  }
  const select = CompiledQuery.raw('select 1');
  // What node-postgres throws for a pooled client whose server stopped: no SQLSTATE.
  const terminated = () => new Error('Connection terminated unexpectedly');
  const adminShutdown = () =>
    Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

  it('a read on a dead pooled replica connection is answered by the primary, and the trouble reported', async () => {
    healthy();
    const primary = new FakePool('primary');
    const replica = new FakePool('replica');
    const troubles: unknown[] = [];
    const driver = new ReadRoutingDriver(primary, replica, (e) => troubles.push(e));
    expect((await runAsPublicRead(() => driver.executeSingle(select))).rows).toEqual([{ answeredBy: 'replica' }]);
    replica.failure = terminated();
    expect((await runAsPublicRead(() => driver.executeSingle(select))).rows).toEqual([{ answeredBy: 'primary' }]);
    expect(troubles).toHaveLength(1);
  });

  it('a read-only transaction whose BEGIN fails on the replica begins on the primary instead', async () => {
    for (const failure of [terminated(), adminShutdown()]) {
      healthy();
      const primary = new FakePool('primary');
      const replica = new FakePool('replica');
      const troubles: unknown[] = [];
      const driver = new ReadRoutingDriver(primary, replica, (e) => troubles.push(e));
      replica.failure = failure;
      const connection = await driver.acquireConnection();
      await runAsPublicRead(() => driver.beginTransaction(connection, { accessMode: 'read only' }));
      expect((await connection.executeQuery(select)).rows).toEqual([{ answeredBy: 'primary' }]);
      expect(replica.released).toBe(1);
      expect(troubles).toEqual([failure]);
      await driver.releaseConnection(connection);
    }
  });

  it('any other error of the replica is the caller’s, not retried', async () => {
    healthy();
    const replica = new FakePool('replica');
    const driver = new ReadRoutingDriver(new FakePool('primary'), replica, () => {});
    replica.failure = Object.assign(new Error('division by zero'), { code: '22012' });
    await expect(runAsPublicRead(() => driver.executeSingle(select))).rejects.toThrow('division by zero');
    const connection = await driver.acquireConnection();
    await expect(
      runAsPublicRead(() => driver.beginTransaction(connection, { accessMode: 'read only' })),
    ).rejects.toThrow('division by zero');
  });

  it('a read-only transaction the replica fails in the middle of runs once more, on the primary', async () => {
    healthy();
    const primary = new FakePool('primary');
    const replica = new FakePool('replica');
    const troubles: unknown[] = [];
    const routed = new Kysely<Tables>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        // As the replica monitor does (server/db/replica-monitor.ts): trouble makes the replica unusable.
        createDriver: () =>
          new ReadRoutingDriver(primary, replica, (e) => {
            troubles.push(e);
            routingState().replica.healthy = false;
          }),
        createQueryCompiler: () => new PostgresQueryCompiler(),
        createIntrospector: (k) => new PostgresIntrospector(k),
      },
    });
    replica.queryFailure = adminShutdown();
    const answers = await runAsPublicRead(() =>
      readOnlyTransaction(routed, async (trx) => {
        await sql`set local enable_sort = off`.execute(trx);
        return (await sql<{ answeredBy: string }>`select 1`.execute(trx)).rows;
      }),
    );
    expect(answers).toEqual([{ answeredBy: 'primary' }]);
    expect(replica.statements).toBe(1);
    expect(troubles).toHaveLength(1);
    // An error of the query itself is not retried.
    const failing = new FakePool('primary');
    failing.queryFailure = Object.assign(new Error('division by zero'), { code: '22012' });
    const direct = new Kysely<Tables>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new ReadRoutingDriver(failing, new FakePool('replica'), () => {}),
        createQueryCompiler: () => new PostgresQueryCompiler(),
        createIntrospector: (k) => new PostgresIntrospector(k),
      },
    });
    await expect(readOnlyTransaction(direct, (trx) => sql`select 1`.execute(trx))).rejects.toThrow('division by zero');
    expect(failing.statements).toBe(1);
  });
});
