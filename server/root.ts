import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';
import { searchRouter } from './search/router';
import { sitemapRouter } from './sitemap/router';

export const appRouter = router({
  portal: portalRouter,
  search: searchRouter,
  sitemap: sitemapRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
