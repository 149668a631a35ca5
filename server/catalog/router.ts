import { publicProcedure, router } from '../trpc';
import { catalogQuerySchema } from './schema';
import { browseCatalog } from './service';

export const catalogRouter = router({
  browse: publicProcedure
    .input(catalogQuerySchema.optional())
    .query(({ ctx, input }) => browseCatalog(ctx.db, ctx.today, input ?? {})),
});
