import { roleProcedure, router } from '../trpc';
import { auditFilterInput } from './schema';
import { auditActors, auditTrail } from './service';

export const auditRouter = router({
  /** Read-only: the office and admins every entry, department staff their own department's. */
  list: roleProcedure('department', 'office', 'admin')
    .input(auditFilterInput)
    .query(({ ctx, input }) => auditTrail(ctx.db, ctx.staff, input)),
  actors: roleProcedure('department', 'office', 'admin').query(({ ctx }) => auditActors(ctx.db, ctx.staff)),
});
