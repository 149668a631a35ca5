import { roleProcedure, router } from '../trpc';
import { mailStatus } from './service';

export const notificationsRouter = router({
  /** Whether e-mail to applicants is on (SMTP_URL), and how the outbox stands: for /admin. */
  status: roleProcedure('department', 'office', 'admin').query(({ ctx }) => mailStatus(ctx.db)),
});
