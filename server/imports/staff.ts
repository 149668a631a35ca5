import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { config } from '../config';
import { canImportFor, canReadImport, type StaffPrincipal } from '../auth/principal';
import { ImportFileError, importErrorReportCsv, importFile, importHistory } from './service';
import { labelOf } from '../standard/fields';

// The staff upload page's side of imports: preview (a dry run that keeps the file), then
// commit that same file by the preview's number, so nothing is uploaded twice and what is
// committed is exactly what was previewed. Permissions are principal.ts's.

/** Bad rows shown on the page; the full list is in the downloadable error report. */
export const PREVIEW_ERRORS_SHOWN = 200;

/** Where previewed files wait for their commit (outside public/, git-ignored data/). */
export function pendingImportDir(): string {
  return path.join(config().dataDir, 'imports-pending');
}

const pendingPath = (importId: number, fileName: string) =>
  path.join(pendingImportDir(), `${importId}${path.extname(fileName).toLowerCase()}`);

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
  try {
    const summary = await importFile(
      db,
      { name: input.fileName, bytes: once(input.bytes) },
      { departmentId, channel: 'upload', mode: 'preview', today, actor: actorOf(staff), createdBy: staff.id },
    );
    await mkdir(pendingImportDir(), { recursive: true });
    await writeFile(pendingPath(summary.importId, input.fileName), input.bytes);
    return { importId: summary.importId };
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

/**
 * Commits a previewed file. The kept file is claimed by renaming it first, so two clicks (or
 * two staff) commit it once; the second gets a clear message.
 */
export async function commitPreview(db: Db, staff: StaffPrincipal, previewId: number, today: string) {
  const preview = await ownedImport(db, staff, previewId);
  if (!canImportFor(staff, preview.departmentId) || preview.createdBy !== staff.id)
    throw new TRPCError({ code: 'FORBIDDEN', message: '只能提交自己预览过的文件。' });
  const fileName = preview.fileName ?? '';
  const source = pendingPath(preview.id, fileName);
  const claimed = `${source}.committing`;
  try {
    if (preview.status !== 'previewed') throw new Error('not previewed');
    await rename(source, claimed);
  } catch {
    throw new TRPCError({ code: 'CONFLICT', message: '该预览已经提交过或已失效，请重新上传文件。' });
  }
  try {
    const bytes = await readFile(claimed);
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
  } finally {
    await rm(claimed, { force: true });
  }
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
      imp.status === 'previewed' &&
      imp.createdBy === staff.id &&
      (await access(pendingPath(imp.id, imp.fileName ?? '')).then(
        () => true,
        () => false,
      )),
    errors: errors.map((e) => ({ ...e, fieldLabel: e.field ? labelOf(imp.recordKind, e.field) : null })),
  };
}

export async function staffImportHistory(db: Db, staff: StaffPrincipal) {
  return importHistory(db, staff.role === 'department' ? staff.departmentId : null);
}

export async function staffErrorReport(db: Db, staff: StaffPrincipal, id: number) {
  await ownedImport(db, staff, id);
  return (await importErrorReportCsv(db, id))!;
}
