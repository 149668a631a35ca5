import { z } from '../validation';
import { publicProcedure, router } from '../trpc';
import { monitoringReport, monthPeriod } from './service';

export const MONTH = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份应写作 YYYY-MM，例如 2026-10');

export const statsRouter = router({
  month: publicProcedure
    .input(z.object({ month: MONTH }))
    .query(({ ctx, input }) => monitoringReport(ctx.db, monthPeriod(input.month), ctx.today)),
});
