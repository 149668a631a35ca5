import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { purgeExpiredPreviews } from '@/server/imports/staff';
import { makeResidentId } from '@/server/rules/idcard';
import { createDepartment } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createStaff } from '../applications/helpers';
import { penaltyRow, toCsv } from './sample';

// A previewed import file waits for its commit in PostgreSQL, sealed (it holds ID numbers),
// never in clear text on an instance's disk, and is deleted when committed, cancelled, or a
// day old (issue 13 finding 9, issue 16).

const TODAY = '2026-04-01';
const personId = makeResidentId({ division: '511102', birthDate: '1980-05-06', sequence: 77 });
const upload = (n: number) => ({
  fileName: '个人处罚.csv',
  bytes: new TextEncoder().encode(
    toCsv([
      penaltyRow(n, {
        CF_XDR_MC: '钱多多',
        CF_XDR_LB: '自然人',
        CF_XDR_SHXYM: '',
        CF_XDR_ZJLX: '身份证',
        CF_XDR_ZJHM: personId,
      }),
    ]),
  ),
});
const pendingDir = path.join(process.cwd(), 'data', 'imports-pending');
const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describeEachDatabase('import previews', (current) => {
  async function clerkOf() {
    const { db } = current();
    const dept = await createDepartment(db);
    return createCaller({ db, today: TODAY, staff: await createStaff(db, 'department', dept.id) });
  }
  const keptFiles = async (importId: number) =>
    current()
      .db.selectFrom('importPreviews')
      .innerJoin('storedFiles', 'storedFiles.key', 'importPreviews.fileKey')
      .select(['storedFiles.key', 'storedFiles.sealed'])
      .where('importId', '=', importId)
      .execute();

  it('are kept sealed in the database, never in clear text, and deleted when committed', async () => {
    const { db } = current();
    const clerk = await clerkOf();
    const before = existsSync(pendingDir) ? readdirSync(pendingDir).length : 0;
    const { importId } = await clerk.imports.preview(upload(8101));
    expect(existsSync(pendingDir) ? readdirSync(pendingDir).length : 0).toBe(before);
    const kept = await keptFiles(importId);
    expect(kept).toEqual([{ key: expect.any(String), sealed: true }]);
    const chunks = await sql<{ text: string }>`select encode(bytes, 'escape') as text from stored_file_chunks
      where file_key = ${kept[0]!.key}`.execute(db);
    expect(chunks.rows).toHaveLength(1);
    expect(chunks.rows[0]!.text).not.toContain(personId);
    expect(chunks.rows[0]!.text).not.toContain('CF_WSH');

    expect(await clerk.imports.get({ id: importId })).toMatchObject({ committable: true });
    const done = await clerk.imports.commit({ id: importId });
    expect(done.status).toBe('committed');
    expect(await keptFiles(importId)).toEqual([]);
    expect(await db.selectFrom('storedFiles').select('key').where('key', '=', kept[0]!.key).execute()).toEqual([]);
    expect(code(await clerk.imports.commit({ id: importId }).catch((e) => e))).toBe('CONFLICT');
  });

  it('are deleted at once when cancelled, and then cannot be committed', async () => {
    const { db } = current();
    const clerk = await clerkOf();
    const { importId } = await clerk.imports.preview(upload(8102));
    await clerk.imports.cancel({ id: importId });
    expect(await keptFiles(importId)).toEqual([]);
    expect(await clerk.imports.get({ id: importId })).toMatchObject({ status: 'cancelled', committable: false });
    expect(code(await clerk.imports.commit({ id: importId }).catch((e) => e))).toBe('CONFLICT');
    const records = await db
      .selectFrom('penaltyRecords')
      .select('id')
      .where('documentNumber', '=', '乐市监罚〔2026〕8102号')
      .execute();
    expect(records).toEqual([]);
  });

  it('expire after 24 hours: not committable, and deleted by the next purge', async () => {
    const { db } = current();
    const clerk = await clerkOf();
    const { importId } = await clerk.imports.preview(upload(8103));
    await db
      .updateTable('importPreviews')
      .set({ expiresAt: sql<Date>`now() - interval '1 second'` })
      .where('importId', '=', importId)
      .execute();
    expect(await clerk.imports.get({ id: importId })).toMatchObject({ committable: false });
    expect(code(await clerk.imports.commit({ id: importId }).catch((e) => e))).toBe('CONFLICT');
    expect(await purgeExpiredPreviews(db)).toBeGreaterThanOrEqual(1);
    expect(await keptFiles(importId)).toEqual([]);
    expect(await clerk.imports.get({ id: importId })).toMatchObject({ status: 'cancelled' });
  });

  it('is written with its import or not at all: a fresh preview lives 24 hours', async () => {
    const { db } = current();
    const clerk = await clerkOf();
    const { importId } = await clerk.imports.preview(upload(8104));
    const row = await db
      .selectFrom('importPreviews')
      .select(sql<number>`extract(epoch from expires_at - now())::int`.as('seconds'))
      .where('importId', '=', importId)
      .executeTakeFirstOrThrow();
    expect(row.seconds).toBeGreaterThan(24 * 3600 - 120);
    expect(row.seconds).toBeLessThanOrEqual(24 * 3600);
  });
});
