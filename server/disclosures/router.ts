import { TRPCError } from '@trpc/server';
import { z } from '../validation';
import { publicProcedure, router } from '../trpc';
import { DISCLOSURE_KINDS, listInputSchema, type DisclosureKind } from './filters';
import { getFilterOptions, getPublicLicensing, getPublicPenalty, listDisclosures } from './service';

const idInput = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

function listProcedure(kind: DisclosureKind) {
  return publicProcedure.input(listInputSchema(kind)).query(({ ctx, input }) => {
    const { page, sort, ...filters } = input;
    return listDisclosures(ctx.db, ctx.today, kind, filters, page ?? 1, sort);
  });
}

function found<T>(record: T | null): T {
  if (record === null) throw new TRPCError({ code: 'NOT_FOUND', message: '没有这条公示信息，或已不在公示期内。' });
  return record;
}

export const disclosuresRouter = router({
  options: publicProcedure
    .input(z.object({ kind: z.enum(DISCLOSURE_KINDS) }))
    .query(({ ctx, input }) => getFilterOptions(ctx.db, ctx.today, input.kind)),
  penalties: listProcedure('penalty'),
  licensing: listProcedure('licensing'),
  penalty: publicProcedure
    .input(idInput)
    .query(async ({ ctx, input }) => found(await getPublicPenalty(ctx.db, ctx.today, input.id))),
  licence: publicProcedure
    .input(idInput)
    .query(async ({ ctx, input }) => found(await getPublicLicensing(ctx.db, ctx.today, input.id))),
});
