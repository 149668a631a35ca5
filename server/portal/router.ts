import { publicProcedure, router } from '../trpc';
import { getHomeOverview } from './service';

export const portalRouter = router({
  home: publicProcedure.query(({ ctx }) => getHomeOverview(ctx.db, ctx.today)),
});
