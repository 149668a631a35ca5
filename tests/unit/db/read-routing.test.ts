import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  DummyDriver,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  isReadOnlyStatement,
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

describe('replicaUsable', () => {
  const healthy = () => {
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
  };

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
