import { TRPCError } from '@trpc/server';
import { z } from '../validation';
import { publicProcedure, router } from '../trpc';
import { getIssuedReport, getProfile, issueReport, verifyReport } from './service';

const subjectId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const code = z.string().trim().max(64);

function found<T>(value: T | null, message: string): T {
  if (value === null) throw new TRPCError({ code: 'NOT_FOUND', message });
  return value;
}

const NO_SUBJECT = '没有找到该信用主体，或其信息未公开。';

export const subjectsRouter = router({
  profile: publicProcedure
    .input(z.object({ id: subjectId }))
    .query(async ({ ctx, input }) => found(await getProfile(ctx.db, input.id, ctx.today), NO_SUBJECT)),
  issueReport: publicProcedure
    .input(z.object({ subjectId }))
    .mutation(async ({ ctx, input }) => found(await issueReport(ctx.db, input.subjectId, ctx.today), NO_SUBJECT)),
  report: publicProcedure
    .input(z.object({ subjectId, code }))
    .query(async ({ ctx, input }) =>
      found(await getIssuedReport(ctx.db, input.subjectId, input.code), '没有找到该信用报告，请检查报告链接或验证码。'),
    ),
  verify: publicProcedure
    .input(z.object({ code }))
    .query(({ ctx, input }) => verifyReport(ctx.db, input.code, ctx.clientIp)),
});
