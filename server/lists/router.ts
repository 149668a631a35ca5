import { TRPCError } from '@trpc/server';
import { publicProcedure, router } from '../trpc';
import { listEntryRefSchema, listQuerySchema } from './schema';
import { browseList, getListEntry } from './service';

export const listsRouter = router({
  browse: publicProcedure.input(listQuerySchema).query(({ ctx, input }) => browseList(ctx.db, ctx.today, input)),
  entry: publicProcedure.input(listEntryRefSchema).query(async ({ ctx, input }) => {
    const entry = await getListEntry(ctx.db, ctx.today, input.listType, input.id);
    if (!entry) throw new TRPCError({ code: 'NOT_FOUND', message: '该名单信息不存在或已不在有效期内。' });
    return entry;
  }),
});
