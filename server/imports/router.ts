import { z } from '../validation';
import { roleProcedure, router } from '../trpc';
import { MAX_IMPORT_BYTES } from '../api/limits';
import * as staff from './staff';

const id = z.coerce.number().int().positive();

export const importsRouter = router({
  history: roleProcedure('department', 'office', 'admin').query(({ ctx }) =>
    staff.staffImportHistory(ctx.db, ctx.staff),
  ),
  get: roleProcedure('department', 'office', 'admin')
    .input(z.object({ id }))
    .query(({ ctx, input }) => staff.importDetail(ctx.db, ctx.staff, input.id)),
  errorReport: roleProcedure('department', 'office', 'admin')
    .input(z.object({ id }))
    .query(({ ctx, input }) => staff.staffErrorReport(ctx.db, ctx.staff, input.id)),
  preview: roleProcedure('department', 'office', 'admin')
    .input(
      z.object({
        fileName: z
          .string()
          .trim()
          .min(1, '请选择要导入的文件。')
          .max(255)
          .regex(/\.(csv|xlsx)$/i, '请上传 CSV 或 XLSX 文件。'),
        bytes: z
          .instanceof(Uint8Array)
          .refine((b) => b.length > 0, '文件是空的。')
          .refine((b) => b.length <= MAX_IMPORT_BYTES, `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限。`),
        departmentId: id.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => staff.previewUpload(ctx.db, ctx.staff, input, ctx.today)),
  commit: roleProcedure('department', 'office', 'admin')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => staff.commitPreview(ctx.db, ctx.staff, input.id, ctx.today)),
  cancel: roleProcedure('department', 'office', 'admin')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => staff.cancelPreview(ctx.db, ctx.staff, input.id)),
});
