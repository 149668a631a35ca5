import { publicProcedure, router } from '../trpc';
import { searchRequestSchema } from './schema';
import { searchPublic } from './service';
import { suggestInputSchema, suggestSubjectNames } from './suggest';

export const searchRouter = router({
  query: publicProcedure.input(searchRequestSchema).query(({ ctx, input }) => searchPublic(ctx.db, input, ctx.today)),
  suggest: publicProcedure
    .input(suggestInputSchema)
    .query(({ ctx, input }) => suggestSubjectNames(ctx.db, input.q, ctx.today)),
});
