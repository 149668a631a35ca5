import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';
import { searchRouter } from './search/router';
import { sitemapRouter } from './sitemap/router';
import { subjectsRouter } from './subjects/router';

export const appRouter = router({
  portal: portalRouter,
  search: searchRouter,
  sitemap: sitemapRouter,
  subjects: subjectsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
