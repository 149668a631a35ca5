import { TRPCError } from '@trpc/server';
import { text, z } from '../validation';
import { identityKeys } from '../identities/keys';
import { publicProcedure, roleProcedure, router, type Context } from '../trpc';
import { checkAttachment, MAX_ATTACHMENTS, type CheckedAttachment } from './attachments';
import {
  actSchema,
  decideSchema,
  queueSchema,
  recordRefSchema,
  refuseSchema,
  repairMaterialSchema,
  submitSchema,
  trackSchema,
} from './schema';
import * as service from './service';
import { movedDatesNoteOf } from './moved-dates.service';
import { requiredRepairMaterials } from '../rules/repair-materials';
import { reissueQueryCode } from '../notifications/service';
import { consumeFixedWindow } from '../rate-limit/service';
import { applicationsByAddress } from '../rate-limit/doors';
import { retryWhen } from '../rules/rate-limit';

// The router hands the service its keys: the context's (tests) or the server's identity secret.
const keysOf = (ctx: Context) => ctx.keys ?? identityKeys();

const fileSchema = z.object({
  fileName: text('附件文件名', { singleLine: true, trim: false }).max(300, '附件文件名不超过300个字符。'),
  bytes: z.instanceof(Uint8Array),
  material: repairMaterialSchema.optional(),
});

export const applicationsRouter = router({
  /** The record a prefilled form is about, with repair eligibility. */
  record: publicProcedure.input(recordRefSchema).query(async ({ ctx, input }) => {
    const record = await service.recordForForm(ctx.db, input, ctx.today);
    if (!record) throw new TRPCError({ code: 'NOT_FOUND', message: '没有找到这条公示信息，或它已不再公示。' });
    return {
      record,
      repair: service.repairEligibility(record, ctx.today),
      repairMaterials: requiredRepairMaterials(record.kind === 'penalty' ? record.categories : null),
    };
  }),
  /** Why a penalty's end dates moved: the objections and complaints that suspended it (SPEC §6). */
  movedDates: publicProcedure
    .input(z.object({ id: z.coerce.number().int().positive() }))
    .query(({ ctx, input }) => movedDatesNoteOf(ctx.db, input.id)),
  submit: publicProcedure
    .input(
      submitSchema.and(
        z.object({
          files: z.array(fileSchema).max(MAX_ATTACHMENTS, `最多上传 ${MAX_ATTACHMENTS} 个附件。`).default([]),
        }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      // Filing is open to everyone, so each address files at most so many per hour (one upsert: exact under concurrency).
      const limit = applicationsByAddress();
      const rate = await consumeFixedWindow(ctx.db, limit, ctx.clientIp ?? 'unknown');
      if (!rate.allowed) {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `本网络地址提交申请过于频繁（每小时最多 ${limit.limit} 件），${retryWhen(rate.retryAfter, new Date())}；已填写的内容仍保留在表单中。`,
        });
      }
      const checked: CheckedAttachment[] = [];
      for (const f of input.files) {
        const r = await checkAttachment(f.fileName, f.bytes);
        if (!r.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: r.message });
        checked.push(f.material ? { ...r.file, material: f.material } : r.file);
      }
      return service.submitApplication(ctx.db, input, checked, {
        today: ctx.today,
        keys: keysOf(ctx),
        client: ctx.clientIp ?? 'unknown',
      });
    }),
  track: publicProcedure
    .input(trackSchema)
    .query(({ ctx, input }) =>
      service.trackApplication(ctx.db, { ...input, client: ctx.clientIp ?? 'unknown' }, ctx.today, keysOf(ctx)),
    ),

  /** "找回查询码": a new code to the e-mail address on file (the same answer whether or not it exists). */
  reissueQueryCode: publicProcedure
    .input(trackSchema.pick({ trackingNumber: true }))
    .mutation(({ ctx, input }) =>
      reissueQueryCode(
        ctx.db,
        { trackingNumber: input.trackingNumber, client: ctx.clientIp ?? 'unknown' },
        keysOf(ctx),
      ),
    ),

  // Staff: department staff and the office read queues; acting is checked per application.
  queue: roleProcedure('department', 'office')
    .input(queueSchema)
    .query(({ ctx, input }) => service.staffQueue(ctx.db, ctx.staff, input, ctx.today)),
  get: roleProcedure('department', 'office')
    .input(z.object({ id: z.coerce.number().int().positive() }))
    .query(({ ctx, input }) => service.staffApplication(ctx.db, ctx.staff, input.id, ctx.today)),
  accept: roleProcedure('department', 'office')
    .input(actSchema)
    .mutation(({ ctx, input }) => service.acceptApplication(ctx.db, ctx.staff, input, ctx.today)),
  refuse: roleProcedure('department', 'office')
    .input(refuseSchema)
    .mutation(({ ctx, input }) => service.refuseApplication(ctx.db, ctx.staff, input, ctx.today)),
  decide: roleProcedure('department', 'office')
    .input(decideSchema)
    .mutation(({ ctx, input }) => service.decideApplication(ctx.db, ctx.staff, input, ctx.today)),
  attachment: roleProcedure('department', 'office')
    .input(z.object({ id: z.coerce.number().int().positive() }))
    .query(({ ctx, input }) => service.attachmentForStaff(ctx.db, ctx.staff, input.id)),
});
