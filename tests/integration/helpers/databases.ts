import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase, type Db, type DbKind } from '@/server/db/client';
import { migrateToLatest } from '@/server/db/migrate';

// Every integration suite runs twice: on an in-memory PGlite and on a fresh database of
// a real PostgreSQL server (TEST_DATABASE_URL names a role that may CREATE DATABASE).
// In CI a missing server is a failure, never a silent skip.

export interface TestDatabase {
  kind: DbKind;
  db: Db;
  close(): Promise<void>;
}

const adminUrl = process.env.TEST_DATABASE_URL;
const inCi = Boolean(process.env.CI);

export async function createTestDatabase(kind: DbKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === 'pglite') {
    const handle = await openDatabase({ memory: true });
    if (migrate) await migrateToLatest(handle.db);
    return { kind, db: handle.db, close: handle.close };
  }
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `credit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ url: withDatabaseName(adminUrl, name) });
  if (migrate) await migrateToLatest(handle.db);
  return {
    kind,
    db: handle.db,
    close: async () => {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

/**
 * Drops a scratch database. An autovacuum worker that just started on it cannot be
 * terminated by a non-superuser, so a refused drop is retried for a few seconds.
 */
export async function dropDatabase(connectionString: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`drop database if exists ${name} with (force)`);
        return;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}

/** The same connection string naming another database; works for socket URLs too (empty host). */
export function withDatabaseName(connectionString: string, database: string): string {
  const [base = '', query] = connectionString.split('?', 2);
  const renamed = base.replace(/\/[^/]*$/, `/${database}`);
  return query === undefined ? renamed : `${renamed}?${query}`;
}

const LABELS: Record<DbKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/**
 * Declares `body` once per database. `current()` gives the suite's database, created and
 * migrated before the first test and dropped after the last.
 */
export function describeEachDatabase(
  title: string,
  body: (current: () => TestDatabase) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const label = `${title} [${LABELS[kind]}]`;
    if (kind === 'postgres' && !adminUrl) {
      if (inCi) {
        describe(label, () => {
          it('needs a PostgreSQL server: TEST_DATABASE_URL must be set in CI', () => {
            throw new Error('TEST_DATABASE_URL is not set; .ci/run starts PostgreSQL and sets it.');
          });
        });
      } else {
        describe.skip(`${label} — skipped: TEST_DATABASE_URL is not set (see README, Testing)`, () => {
          it('runs against PostgreSQL when TEST_DATABASE_URL is set', () => {});
        });
      }
      continue;
    }
    describe(label, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(kind, options);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('test database not ready');
        return database;
      });
    });
  }
}
