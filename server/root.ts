import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';
import { searchRouter } from './search/router';
import { openDataRouter } from './open-data/router';
import { statsRouter } from './stats/router';

export const appRouter = router({
  portal: portalRouter,
  search: searchRouter,
  openData: openDataRouter,
  stats: statsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
