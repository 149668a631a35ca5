import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { identityKeys } from '../identities/keys';
import { fileSealer } from '../files/seal';
import { deleteFile, putFile, readWholeFile } from '../files/store';
import { canImportFor, canReadImport, type StaffPrincipal } from '../auth/principal';
import { ImportFileError, importErrorReportCsv, importFile, importHistory } from './service';
import { labelOf } from '../standard/fields';

// The staff upload page's side of imports: preview (a dry run that keeps the file), then
// commit that same file by the preview's number, so nothing is uploaded twice and what is
// committed is exactly what was previewed. Permissions are principal.ts's. The kept file
// holds ID numbers: it is stored in PostgreSQL sealed with AES-GCM (a key derived from
// IDENTITY_KEY), in the preview's transaction, and deleted when committed, cancelled, or
// PREVIEW_HOURS old.

/** Bad rows shown on the page; the full list is in the downloadable error report. */
export const PREVIEW_ERRORS_SHOWN = 200;

/** How long a previewed file waits for its commit. */
export const PREVIEW_HOURS = 24;

const sealer = () => fileSealer(identityKeys());

/** Deletes kept files older than PREVIEW_HOURS; their previews show as cancelled. */
export async function purgeExpiredPreviews(db: Db): Promise<number> {
  const expired = await db
    .selectFrom('importPreviews')
    .select(['importId', 'fileKey'])
    .where('expiresAt', '<=', sql<Date>`now()`)
    .execute();
  for (const p of expired) await dropPreview(db, p.importId, p.fileKey);
  return expired.length;
}

async function dropPreview(db: Db, importId: number, fileKey: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existed = await deleteFile(trx, fileKey);
    await trx
      .updateTable('imports')
      .set({ status: 'cancelled' })
      .where('id', '=', importId)
      .where('status', '=', 'previewed')
      .execute();
    return existed;
  });
}

async function keptPreview(db: Db, importId: number) {
  return db
    .selectFrom('importPreviews')
    .select(['fileKey'])
    .where('importId', '=', importId)
    .where('expiresAt', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

const actorOf = (staff: StaffPrincipal) => ({ type: 'staff' as const, id: String(staff.id), label: staff.displayName });

function departmentFor(staff: StaffPrincipal, requested: number | null | undefined): number {
  const departmentId = requested ?? (staff.role === 'department' ? staff.departmentId : null);
  if (!departmentId) throw new TRPCError({ code: 'BAD_REQUEST', message: '请选择导入数据所属的部门。' });
  if (!canImportFor(staff, departmentId)) throw new TRPCError({ code: 'FORBIDDEN', message: '只能导入本部门的数据。' });
  return departmentId;
}

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/** Dry run of an uploaded file: counts and bad rows, nothing written; the file is kept for the commit. */
export async function previewUpload(
  db: Db,
  staff: StaffPrincipal,
  input: { fileName: string; bytes: Uint8Array; departmentId?: number | null },
  today: string,
) {
  const departmentId = departmentFor(staff, input.departmentId);
  const dept = await db.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst();
  if (!dept) throw new TRPCError({ code: 'BAD_REQUEST', message: '所选部门不存在。' });
  await purgeExpiredPreviews(db);
  try {
    // The preview's numbers and its kept file are written together, or not at all.
    return await db.transaction().execute(async (trx) => {
      const summary = await importFile(
        trx,
        { name: input.fileName, bytes: once(input.bytes) },
        { departmentId, channel: 'upload', mode: 'preview', today, actor: actorOf(staff), createdBy: staff.id },
      );
      if (summary.status === 'previewed') {
        const fileKey = await putFile(trx, input.bytes, sealer());
        await trx
          .insertInto('importPreviews')
          .values({
            importId: summary.importId,
            fileKey,
            expiresAt: sql<Date>`now() + make_interval(hours => ${PREVIEW_HOURS})`,
          })
          .execute();
      }
      return { importId: summary.importId };
    });
  } catch (err) {
    if (err instanceof ImportFileError) throw new TRPCError({ code: 'BAD_REQUEST', message: err.message });
    throw err;
  }
}

async function ownedImport(db: Db, staff: StaffPrincipal, id: number) {
  const imp = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!imp || !canReadImport(staff, imp)) throw new TRPCError({ code: 'NOT_FOUND', message: '没有这个导入批次。' });
  return imp;
}

async function ownPreview(db: Db, staff: StaffPrincipal, previewId: number) {
  const preview = await ownedImport(db, staff, previewId);
  if (!canImportFor(staff, preview.departmentId) || preview.createdBy !== staff.id)
    throw new TRPCError({ code: 'FORBIDDEN', message: '只能提交自己预览过的文件。' });
  const kept = preview.status === 'previewed' ? await keptPreview(db, preview.id) : undefined;
  if (!kept) throw new TRPCError({ code: 'CONFLICT', message: '该预览已经提交过、已取消或已过期，请重新上传文件。' });
  return { preview, kept };
}

/**
 * Commits a previewed file. The kept file is claimed by deleting it first, so two clicks (or
 * two staff) commit it once; the second gets a clear message.
 */
export async function commitPreview(db: Db, staff: StaffPrincipal, previewId: number, today: string) {
  const { preview, kept } = await ownPreview(db, staff, previewId);
  const fileName = preview.fileName ?? '';
  const bytes = await readWholeFile(db, kept.fileKey, sealer());
  if (!(await deleteFile(db, kept.fileKey)))
    throw new TRPCError({ code: 'CONFLICT', message: '该预览已经提交过、已取消或已过期，请重新上传文件。' });
  const summary = await importFile(
    db,
    { name: fileName, bytes: once(bytes) },
    {
      departmentId: preview.departmentId,
      channel: 'upload',
      mode: 'commit',
      today,
      actor: actorOf(staff),
      createdBy: staff.id,
    },
  );
  return { importId: summary.importId, status: summary.status };
}

/** Cancels a preview: its kept file is deleted at once. */
export async function cancelPreview(db: Db, staff: StaffPrincipal, previewId: number) {
  const { preview, kept } = await ownPreview(db, staff, previewId);
  await dropPreview(db, preview.id, kept.fileKey);
  return { importId: preview.id };
}

/** One import with its first bad rows, for the preview and result view. */
export async function importDetail(db: Db, staff: StaffPrincipal, id: number) {
  const imp = await ownedImport(db, staff, id);
  const dept = await db
    .selectFrom('departments')
    .select('name')
    .where('id', '=', imp.departmentId)
    .executeTakeFirstOrThrow();
  const errors = await db
    .selectFrom('importErrors')
    .select(['rowNumber', 'field', 'message'])
    .where('importId', '=', id)
    .orderBy('rowNumber')
    .orderBy('id')
    .limit(PREVIEW_ERRORS_SHOWN)
    .execute();
  return {
    ...imp,
    departmentName: dept.name,
    // A preview stays committable while its kept file waits (the commit claims it).
    committable:
      imp.status === 'previewed' && imp.createdBy === staff.id && (await keptPreview(db, imp.id)) !== undefined,
    errors: errors.map((e) => ({ ...e, fieldLabel: e.field ? labelOf(imp.recordKind, e.field) : null })),
  };
}

export async function staffImportHistory(db: Db, staff: StaffPrincipal) {
  await purgeExpiredPreviews(db);
  return importHistory(db, staff.role === 'department' ? staff.departmentId : null);
}

export async function staffErrorReport(db: Db, staff: StaffPrincipal, id: number) {
  await ownedImport(db, staff, id);
  return (await importErrorReportCsv(db, id))!;
}
