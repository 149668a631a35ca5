import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';

export const appRouter = router({
  portal: portalRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
