import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/server/db/client';

// npm start's embedded database, in a folder, runs PostgreSQL (WebAssembly) in a thread of its
// own: the server's thread keeps rendering pages while a statement computes. Everything else
// must be as on the main thread: the same types, errors with their codes, transactions, and a
// script that never closes the database still ends.

describe('the embedded database in a folder runs in its own thread', () => {
  const dirs: string[] = [];
  const handles: DbHandle[] = [];
  const open = async (dir?: string) => {
    const folder = dir ?? mkdtempSync(path.join(os.tmpdir(), 'credit-pglite-thread-'));
    if (!dir) dirs.push(folder);
    const handle = await openDatabase({ pgliteDir: folder });
    handles.push(handle);
    return { handle, folder };
  };
  afterAll(async () => {
    for (const h of handles) await h.close().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the server thread keeps running while a long statement computes', async () => {
    const { handle } = await open();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    await sql`select count(*) from generate_series(1, 4000000)`.execute(handle.db);
    const took = Date.now() - started;
    clearInterval(timer);
    expect(took).toBeGreaterThan(100);
    // On the server's own thread the timer could not fire at all until the statement ended.
    expect(ticks).toBeGreaterThan(took / 10 / 4);
  });

  it('gives the same types as the PostgreSQL pool, errors with their codes, and rolls back a failed transaction', async () => {
    const { handle, folder } = await open();
    const { db } = handle;
    const row = (
      await sql<Record<string, unknown>>`select 9007199254740991::int8 as big, 12.50::numeric as money,
        '2026-02-28'::date as day, '{"a":[1,"二"]}'::jsonb as doc, timestamptz '2026-01-02 03:04:05+00' as at`.execute(
        db,
      )
    ).rows[0]!;
    expect(row).toEqual({
      big: 9007199254740991,
      money: '12.50',
      day: '2026-02-28',
      doc: { a: [1, '二'] },
      at: new Date('2026-01-02T03:04:05Z'),
    });
    await sql`create table notes (id int primary key, body text not null check (body <> ''))`.execute(db);
    await db
      .insertInto('notes' as never)
      .values({ id: 1, body: '一' } as never)
      .execute();
    const duplicate = await db
      .insertInto('notes' as never)
      .values({ id: 1, body: '二' } as never)
      .execute()
      .catch((e: unknown) => e as { code?: string; constraint?: string; message: string });
    expect(duplicate).toMatchObject({ code: '23505', constraint: 'notes_pkey' });
    const failed = await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('notes' as never)
          .values({ id: 2, body: '三' } as never)
          .execute();
        await trx
          .insertInto('notes' as never)
          .values({ id: 3, body: '' } as never)
          .execute();
      })
      .catch((e: unknown) => e as { code?: string });
    expect(failed).toMatchObject({ code: '23514' });
    const updated = await db
      .updateTable('notes' as never)
      .set({ body: '四' } as never)
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    // Written to the folder: closed and opened again, the row is there, and only that row.
    await handle.close();
    const again = await open(folder);
    const rows = await sql<{ id: number; body: string }>`select id, body from notes order by id`.execute(
      again.handle.db,
    );
    expect(rows.rows).toEqual([{ id: 1, body: '四' }]);
  });

  it('a folder the database cannot start from is refused with its error, not waited on', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'credit-pglite-thread-'));
    dirs.push(folder);
    writeFileSync(path.join(folder, 'PG_VERSION'), '99\n');
    await expect(openDatabase({ pgliteDir: folder })).rejects.toThrow(/PGlite/);
  });

  it('a script that never closes the database still ends', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'credit-pglite-thread-'));
    dirs.push(folder);
    const script = `import { sql } from 'kysely';
      import { openDatabase } from './server/db/client';
      const h = await openDatabase({ pgliteDir: ${JSON.stringify(folder)} });
      console.log((await sql\`select 41 + 1 as n\`.execute(h.db)).rows[0].n);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('42');
    expect(run.status).toBe(0);
  });
});
