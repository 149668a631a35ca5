import { z } from '../validation';
import { publicProcedure, router } from '../trpc';
import { sitemapChunkIds, sitemapRecordChunk } from './service';

export const sitemapRouter = router({
  chunks: publicProcedure.query(({ ctx }) => sitemapChunkIds(ctx.db)),
  records: publicProcedure
    .input(z.object({ id: z.string().max(40) }))
    .query(({ ctx, input }) => sitemapRecordChunk(ctx.db, ctx.today, input.id)),
});
