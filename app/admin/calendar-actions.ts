'use server';

import { runStaffForm } from './_lib/form-action';

/** Office: saves a year's holidays and make-up days, then returns to the year with a notice. */
export async function saveCalendarYearAction(form: FormData) {
  const field = (name: string) => String(form.get(name) ?? '');
  const year = Number(field('year'));
  await runStaffForm(
    form,
    `/admin/calendar?year=${Number.isInteger(year) ? year : ''}`,
    async (caller) => {
      const saved = await caller.calendar.save({
        year: field('year'),
        holidays: field('holidays'),
        workdays: field('workdays'),
        source: field('source'),
      });
      return {
        code: 'saved',
        message: saved.rescheduled > 0 ? `${saved.rescheduled} 件申请的办理期限已按新安排重新计算。` : undefined,
      };
    },
    'saved',
  );
}
