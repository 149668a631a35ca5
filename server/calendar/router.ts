import { roleProcedure, router } from '../trpc';
import { calendarYearInput } from './schema';
import { z } from '../validation';
import { calendarYears, previewDeadlines, saveCalendarYear } from './service';

export const calendarRouter = router({
  years: roleProcedure('office').query(({ ctx }) => calendarYears(ctx.db, ctx.today)),
  preview: roleProcedure('office')
    .input(z.strictObject({ filedOn: z.iso.date('试算日期格式应为 YYYY-MM-DD') }))
    .query(({ ctx, input }) => previewDeadlines(ctx.db, input.filedOn)),
  save: roleProcedure('office')
    .input(calendarYearInput)
    .mutation(({ ctx, input }) => saveCalendarYear(ctx.db, ctx.staff, input)),
});
