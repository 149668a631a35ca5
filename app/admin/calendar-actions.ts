'use server';

import { redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { staffFromForm } from './_lib/session';

/** Office: saves a year's holidays and make-up days, then returns to the year with a notice. */
export async function saveCalendarYearAction(form: FormData) {
  const { caller } = await staffFromForm(form);
  const field = (name: string) => String(form.get(name) ?? '');
  const year = Number(field('year'));
  const back = `/admin/calendar?year=${Number.isInteger(year) ? year : ''}`;
  let target: string;
  try {
    const saved = await caller.calendar.save({
      year: field('year'),
      holidays: field('holidays'),
      workdays: field('workdays'),
      source: field('source'),
    });
    target = `${back}&notice=saved&rescheduled=${saved.rescheduled}`;
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code === 'INTERNAL_SERVER_ERROR') throw err;
    target = `${back}&notice=error&message=${encodeURIComponent(err.message.slice(0, 300))}`;
  }
  redirect(target);
}
