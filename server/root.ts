import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';
import { searchRouter } from './search/router';
import { openDataRouter } from './open-data/router';

export const appRouter = router({
  portal: portalRouter,
  search: searchRouter,
  openData: openDataRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
