import { roleProcedure, router } from '../trpc';
import { calendarYearInput } from './schema';
import { calendarYears, saveCalendarYear } from './service';

export const calendarRouter = router({
  years: roleProcedure('office').query(({ ctx }) => calendarYears(ctx.db, ctx.today)),
  save: roleProcedure('office')
    .input(calendarYearInput)
    .mutation(({ ctx, input }) => saveCalendarYear(ctx.db, ctx.staff, input)),
});
