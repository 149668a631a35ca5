import { publicProcedure, router } from '../trpc';
import { openDataOverview } from './service';

export const openDataRouter = router({
  overview: publicProcedure.query(({ ctx }) => openDataOverview(ctx.db, ctx.today)),
});
