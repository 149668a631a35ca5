import { z } from '../validation';
import { roleProcedure, router } from '../trpc';
import * as service from './service';

const reason = z.string().trim().min(5, '请写明理由（至少5个字）。').max(1000);
const date = z.iso.date('日期格式应为 YYYY-MM-DD。');

export const recordsRouter = router({
  withdraw: roleProcedure('department')
    .input(z.object({ kind: z.enum(['penalty', 'licensing']), id: z.coerce.number().int().positive(), reason }))
    .mutation(({ ctx, input }) => service.withdrawRecord(ctx.db, ctx.staff, input, ctx.today)),
  correctPenalty: roleProcedure('department')
    .input(
      z.object({
        id: z.coerce.number().int().positive(),
        violationFacts: z.string().max(4000).optional(),
        content: z.string().max(4000).optional(),
        legalBasis: z.string().max(1000).optional(),
        reason,
      }),
    )
    .mutation(({ ctx, input }) => service.correctPenalty(ctx.db, ctx.staff, input)),
  createListEntry: roleProcedure('department')
    .input(
      z
        .object({
          listType: z.enum(['honor', 'dishonesty']),
          subjectId: z.coerce.number().int().positive(),
          decisionNumber: z.string().trim().min(3, '请填写认定文号。').max(100),
          basis: z.string().trim().min(2, '请填写认定依据。').max(1000),
          reason: z.string().trim().min(2, '请填写列入事由。').max(1000),
          listedOn: date,
          validUntil: date,
          penaltyRecordId: z.coerce.number().int().positive().nullable().optional(),
          catalogItemIds: z.array(z.coerce.number().int().positive()).max(50),
        })
        .refine((v) => v.validUntil >= v.listedOn, { message: '有效期至不能早于列入日期。', path: ['validUntil'] }),
    )
    .mutation(({ ctx, input }) => service.createListEntry(ctx.db, ctx.staff, input)),
});
