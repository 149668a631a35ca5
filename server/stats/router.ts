import { z } from '../validation';
import { publicProcedure, roleProcedure, router } from '../trpc';
import { monitoringReport, monthPeriod } from './service';

export const MONTH = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份应写作 YYYY-MM，例如 2026-10');

/** A span of whole months, at most two years (the office's 监测报告 over a quarter or a year). */
export const MONTH_RANGE = z
  .object({ from: MONTH, to: MONTH })
  .refine((v) => v.from <= v.to, { message: '起始月份不能晚于结束月份。', path: ['from'] })
  .refine(
    (v) =>
      Number(v.to.slice(0, 4)) * 12 +
        Number(v.to.slice(5)) -
        (Number(v.from.slice(0, 4)) * 12 + Number(v.from.slice(5))) <
      24,
    {
      message: '统计期间最长24个月。',
      path: ['to'],
    },
  );

export const statsRouter = router({
  month: publicProcedure
    .input(z.object({ month: MONTH }))
    .query(({ ctx, input }) => monitoringReport(ctx.db, monthPeriod(input.month), ctx.today)),
  /**
   * The report over a span of months, per department and month (SPEC §3, §7): the office and
   * admins see every department; department staff their own, scoped by the session (no parameter
   * widens it).
   */
  monitoring: roleProcedure('office', 'admin', 'department')
    .input(MONTH_RANGE)
    .query(({ ctx, input }) =>
      monitoringReport(
        ctx.db,
        { from: monthPeriod(input.from).from, to: monthPeriod(input.to).to },
        ctx.today,
        ctx.staff.role === 'department' ? (ctx.staff.departmentId ?? -1) : null,
      ),
    ),
});
