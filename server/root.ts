import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';
import { searchRouter } from './search/router';
import { disclosuresRouter } from './disclosures/router';

export const appRouter = router({
  portal: portalRouter,
  search: searchRouter,
  disclosures: disclosuresRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
