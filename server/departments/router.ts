import { roleProcedure, router } from '../trpc';
import { listUnits, registerUnit, removeUnit } from './units';
import { registerUnitInput, removeUnitInput } from './units-schema';

/** Sub-units: the office (and admins) register and remove them; department staff have no access. */
export const unitsRouter = router({
  list: roleProcedure('office', 'admin').query(({ ctx }) => listUnits(ctx.db)),
  register: roleProcedure('office', 'admin')
    .input(registerUnitInput)
    .mutation(({ ctx, input }) => registerUnit(ctx.db, ctx.staff, input)),
  remove: roleProcedure('office', 'admin')
    .input(removeUnitInput)
    .mutation(({ ctx, input }) => removeUnit(ctx.db, ctx.staff, input.id)),
});
