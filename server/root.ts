import { createCallerFactory, router } from './trpc';
import { portalRouter } from './portal/router';
import { searchRouter } from './search/router';
import { sitemapRouter } from './sitemap/router';
import { subjectsRouter } from './subjects/router';
import { disclosuresRouter } from './disclosures/router';
import { listsRouter } from './lists/router';
import { catalogRouter } from './catalog/router';
import { exposureRouter } from './exposure/router';
import { openDataRouter } from './open-data/router';
import { statsRouter } from './stats/router';
import { applicationsRouter } from './applications/router';
import { staffRouter } from './auth/router';
import { recordsRouter } from './records/router';
import { importsRouter } from './imports/router';
import { calendarRouter } from './calendar/router';
import { coordinationRouter } from './coordination/router';
import { notificationsRouter } from './notifications/router';
import { auditRouter } from './audit/router';
import { unitsRouter } from './departments/router';

export const appRouter = router({
  portal: portalRouter,
  search: searchRouter,
  sitemap: sitemapRouter,
  subjects: subjectsRouter,
  disclosures: disclosuresRouter,
  lists: listsRouter,
  catalog: catalogRouter,
  exposure: exposureRouter,
  openData: openDataRouter,
  stats: statsRouter,
  applications: applicationsRouter,
  staff: staffRouter,
  records: recordsRouter,
  imports: importsRouter,
  calendar: calendarRouter,
  coordination: coordinationRouter,
  notifications: notificationsRouter,
  audit: auditRouter,
  units: unitsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
