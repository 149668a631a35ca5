import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';
import { searchRouter } from './search/router';
import { applicationsRouter } from './applications/router';
import { staffRouter } from './auth/router';
import { recordsRouter } from './records/router';

export const appRouter = router({
  portal: portalRouter,
  search: searchRouter,
  applications: applicationsRouter,
  staff: staffRouter,
  records: recordsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
