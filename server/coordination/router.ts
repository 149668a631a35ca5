import { TRPCError } from '@trpc/server';
import { z } from '../validation';
import { roleProcedure, router, staffProcedure } from '../trpc';
import * as webhooks from '../webhooks/service';
import * as service from './service';

// Back-office procedures of joint-action coordination and webhooks; refusals become tRPC errors.

const CODES = { 400: 'BAD_REQUEST', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' } as const;

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof service.CoordinationError)
      throw new TRPCError({ code: CODES[err.status], message: err.message });
    throw err;
  }
}

const id = z.coerce.number().int().positive();
const date = z.iso.date('日期格式应为 YYYY-MM-DD。');

export const coordinationRouter = router({
  inbox: staffProcedure
    .input(
      z.object({
        status: z.enum(['open', 'paused', 'answered', 'ended']).optional(),
        overdue: z.boolean().optional(),
        departmentId: id.optional(),
        keyword: z.string().trim().max(100).optional(),
      }),
    )
    .query(({ ctx, input }) => mapped(() => service.inbox(ctx.db, ctx.staff, ctx.today, input))),
  badge: staffProcedure.query(({ ctx }) => service.inboxBadge(ctx.db, ctx.staff, ctx.today)),
  markSeen: staffProcedure.mutation(({ ctx }) => service.markInboxSeen(ctx.db, ctx.staff)),
  feedback: staffProcedure
    .input(
      z.object({
        taskId: id,
        measure: z.string().trim().min(1, '请选择措施。').max(40),
        outcome: z.enum(['applied', 'not_applicable'], '请选择结果：已实施或不适用。'),
        appliedOn: date,
        documentNumber: z.string().trim().min(1, '请填写本部门的文书号或审批编号。').max(100),
        reason: z.string().trim().max(1000).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      mapped(async () => {
        const who = service.staffFeedbackActor(ctx.staff);
        return (await service.recordFeedback(ctx.db, who, input, ctx.today)).feedback;
      }),
    ),
  initiate: roleProcedure('office')
    .input(
      z.object({
        listEntryId: id,
        departmentIds: z.array(id).max(50),
        catalogItemIds: z.array(id).max(50),
      }),
    )
    .mutation(({ ctx, input }) => mapped(() => service.initiateManually(ctx.db, ctx.staff, input, ctx.today))),
  stats: roleProcedure('office', 'admin').query(({ ctx }) => service.coordinationStats(ctx.db, ctx.today)),
  webhooks: staffProcedure.query(({ ctx }) => webhooks.listSubscriptions(ctx.db, ctx.staff)),
  subscribe: roleProcedure('department', 'admin')
    .input(
      z.object({
        departmentId: id.optional(),
        apiKeyId: id.nullable().optional(),
        url: z.url({ protocol: /^https?$/, error: '推送地址：请填写 http:// 或 https:// 开头的完整网址。' }).max(500),
        events: z.array(z.string().max(40)).max(20),
        secret: z.string().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => mapped(() => webhooks.createSubscription(ctx.db, ctx.staff, input))),
  setSubscriptionActive: roleProcedure('department', 'admin')
    .input(z.object({ id, active: z.boolean() }))
    .mutation(({ ctx, input }) =>
      mapped(() => webhooks.setSubscriptionActive(ctx.db, ctx.staff, input.id, input.active)),
    ),
  redeliver: roleProcedure('department', 'admin')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => mapped(() => webhooks.redeliver(ctx.db, ctx.staff, input.id))),
});
