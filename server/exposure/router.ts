import { TRPCError } from '@trpc/server';
import { publicProcedure, router } from '../trpc';
import { exposureFeedSchema, exposureQuerySchema, exposureRefSchema } from './schema';
import { browseExposure, getExposureCase, latestForFeed } from './service';

export const exposureRouter = router({
  browse: publicProcedure
    .input(exposureQuerySchema.optional())
    .query(({ ctx, input }) => browseExposure(ctx.db, ctx.today, input ?? {})),
  case: publicProcedure.input(exposureRefSchema).query(async ({ ctx, input }) => {
    const found = await getExposureCase(ctx.db, ctx.today, input.id);
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: '该曝光案例不存在或尚未发布。' });
    return found;
  }),
  feed: publicProcedure
    .input(exposureFeedSchema.optional())
    .query(({ ctx, input }) => latestForFeed(ctx.db, ctx.today, input?.domain)),
});
