import { publicProcedure, router } from '../trpc';
import { searchRequestSchema } from './schema';
import { searchPublic } from './service';

export const searchRouter = router({
  query: publicProcedure.input(searchRequestSchema).query(({ ctx, input }) => searchPublic(ctx.db, input, ctx.today)),
});
