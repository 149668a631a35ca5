import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { checkAttachment } from '@/server/applications/attachments';
import { attachmentForStaff, submitApplication } from '@/server/applications/service';
import * as storedFiles from '@/server/db/migrations/2026_12_04_1310_stored_files';
import { CHUNK_BYTES } from '@/server/files/store';
import { describeEachDatabase } from '../helpers/databases';
import { appByTracking, createStaff, createWorld, objectionInput, options } from './helpers';

// Attachments live in PostgreSQL with their application (issue 16: nothing on an instance's
// disk that matters), so pg_dump backs them up and any instance serves them.

const MB = 1024 * 1024;
const diskFolder = path.join(process.cwd(), 'data', 'attachments');
const filesOnDisk = () => (existsSync(diskFolder) ? readdirSync(diskFolder).length : 0);

/** A PDF of `size` bytes (the type is told from its first bytes). */
function pdfOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'));
  for (let i = 64; i < size; i += 4096) bytes[i] = i % 251;
  return bytes;
}

describeEachDatabase('attachments stored in the database', (current) => {
  it('keeps five PDFs of up to 10 MB with their application, in 1 MiB chunks, and gives the same bytes back', async () => {
    const { db, kind } = current();
    const w = await createWorld(db, '乐山市附件存储测试有限公司');
    // The whole budget (5 × 10 MB) on PostgreSQL; PGlite (WASM, for development) is slower with bytes.
    const sizes = kind === 'postgres' ? [10, 10, 10, 10, 10] : [10, 1, 2, 1, 1];
    const files = [];
    for (const [i, size] of sizes.entries()) {
      const checked = await checkAttachment(`证明${i}.pdf`, pdfOf(size * MB - i));
      if (!checked.ok) throw new Error(checked.message);
      files.push(checked.file);
    }
    const before = filesOnDisk();
    const filed = await submitApplication(db, objectionInput(w.record.id), files, options('2026-03-02'));
    expect(filesOnDisk()).toBe(before);

    const app = await appByTracking(db, filed.trackingNumber);
    const rows = await db
      .selectFrom('applicationAttachments')
      .innerJoin('storedFiles', 'storedFiles.key', 'applicationAttachments.storageKey')
      .select(['applicationAttachments.id', 'storedFiles.sizeBytes', 'chunkCount', 'sha256', 'storedFiles.sealed'])
      .where('applicationId', '=', app.id)
      .orderBy('applicationAttachments.id')
      .execute();
    expect(rows.map((r) => [r.sizeBytes, r.chunkCount, r.sealed])).toEqual(
      files.map((f) => [f.bytes.byteLength, Math.ceil(f.bytes.byteLength / CHUNK_BYTES), false]),
    );
    const biggest = await sql<{ n: number }>`select max(octet_length(bytes))::int as n from stored_file_chunks`.execute(
      db,
    );
    expect(biggest.rows[0]!.n).toBeLessThanOrEqual(CHUNK_BYTES);

    const staff = await createStaff(db, 'department', w.department.id);
    const got = await attachmentForStaff(db, staff, rows[0]!.id);
    expect(createHash('sha256').update(got.bytes).digest('hex')).toBe(rows[0]!.sha256);
    expect(got.bytes.byteLength).toBe(10 * MB);
  });

  it('stores no file when the application is not filed', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市附件回滚测试有限公司');
    const checked = await checkAttachment('证明.pdf', pdfOf(2 * MB));
    if (!checked.ok) throw new Error(checked.message);
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('storedFiles')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    // A file the table refuses (its type is checked again by the database) fails the whole filing.
    const forged = { ...checked.file, mediaType: 'text/html' as 'application/pdf' };
    await expect(
      submitApplication(db, objectionInput(w.record.id), [checked.file, forged], options('2026-03-02')),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
    expect(await db.selectFrom('applications').select('id').where('subjectId', '=', w.firm.id).execute()).toEqual([]);
  });

  it('are moved in from data/attachments by the migration, byte for byte', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市附件迁移测试有限公司');
    const filed = await submitApplication(db, objectionInput(w.record.id), [], options('2026-03-02'));
    const app = await appByTracking(db, filed.trackingNumber);
    // As the old code left them: a row naming a file under data/attachments.
    const key = randomUUID();
    const bytes = pdfOf(2 * MB + 123);
    await mkdir(diskFolder, { recursive: true });
    await writeFile(path.join(diskFolder, key), bytes);
    try {
      await sql`drop table import_previews, stored_file_chunks, stored_files`.execute(db);
      await db
        .insertInto('applicationAttachments')
        .values({
          applicationId: app.id,
          fileName: '旧附件.pdf',
          mediaType: 'application/pdf',
          sizeBytes: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storageKey: key,
        })
        .execute();
      await storedFiles.up(db as unknown as Kysely<unknown>);
    } finally {
      await rm(path.join(diskFolder, key), { force: true });
    }
    const row = await db
      .selectFrom('applicationAttachments')
      .select('id')
      .where('storageKey', '=', key)
      .executeTakeFirstOrThrow();
    const staff = await createStaff(db, 'department', w.department.id);
    const got = await attachmentForStaff(db, staff, row.id);
    expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});
