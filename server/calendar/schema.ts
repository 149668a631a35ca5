import { z } from '../validation';

/** A year's holidays and make-up days as office staff type them in /admin/calendar. */
export const calendarYearInput = z.strictObject({
  year: z.coerce
    .number({ error: '年份应为四位数字' })
    .int('年份应为四位数字')
    .min(2000, '年份不能早于 2000 年')
    .max(2200, '年份不能晚于 2200 年'),
  holidays: z.string().max(5000, '节假日一栏不能超过 5000 个字'),
  workdays: z.string().max(2000, '调休上班日一栏不能超过 2000 个字'),
  source: z.string().trim().min(1, '请填写依据（国务院办公厅通知的名称和文号）').max(200, '依据不能超过 200 个字'),
});

export type CalendarYearInput = z.infer<typeof calendarYearInput>;
