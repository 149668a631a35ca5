import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { openDeadlines, setDueDates } from '../applications/repository';
import { insertAudit } from '../audit';
import type { StaffPrincipal } from '../auth/principal';
import { acceptDueOn, decideDueOn } from '../rules/applications';
import { dayOfWeek } from '../rules/dates';
import {
  calendarWithEnteredYears,
  deadlineNote,
  parseDateLines,
  parseWorkdayOverrides,
  type WorkdayCalendar,
  type WorkdayOverrides,
} from '../rules/workdays';
import * as repo from './repository';
import type { CalendarYearInput } from './schema';

// The working-day calendar in force (SPEC §6): chinese-days for the years it covers, plus the
// years office staff entered in /admin/calendar. Loaded once and kept for a minute per database
// (other instances see a save within that minute); a save here forgets it at once.

const TTL_MS = 60_000;
let cache = new WeakMap<Db, { calendar: WorkdayCalendar; loadedAt: number }>();

const fail = (code: TRPCError['code'], message: string): never => {
  throw new TRPCError({ code, message });
};

function toOverrides(rows: repo.EnteredYearRow[]): WorkdayOverrides {
  return parseWorkdayOverrides(
    Object.fromEntries(
      rows.map((r) => [String(r.year), { holidays: r.holidays, workdays: r.workdays, source: r.source }]),
    ),
  );
}

async function loadCalendar(db: Db): Promise<WorkdayCalendar> {
  return calendarWithEnteredYears(toOverrides(await repo.listEnteredYears(db)));
}

/** The calendar deadlines are counted on. */
export async function workdayCalendar(db: Db, now = Date.now()): Promise<WorkdayCalendar> {
  const hit = cache.get(db);
  if (hit && now - hit.loadedAt < TTL_MS) return hit.calendar;
  const calendar = await loadCalendar(db);
  cache.set(db, { calendar, loadedAt: now });
  return calendar;
}

/** Forgets every cached calendar (after a save, and in tests). */
export function forgetWorkdayCalendars(): void {
  cache = new WeakMap();
}

/** The years around today with where their working days come from, and what was entered. */
export async function calendarYears(db: Db, today: string) {
  const [calendar, entered] = await Promise.all([workdayCalendar(db), repo.listEnteredYears(db)]);
  const thisYear = Number(today.slice(0, 4));
  const years = new Set([thisYear, thisYear + 1, thisYear + 2, ...entered.map((e) => e.year)]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const row = entered.find((e) => e.year === year);
      return {
        year,
        source: calendar.calendarSourceFor(year),
        note: calendar.calendarNote(year),
        entered: row
          ? {
              holidays: row.holidays,
              workdays: row.workdays,
              source: row.source,
              updatedAt: row.updatedAt.toISOString(),
              updatedBy: row.updatedBy,
            }
          : null,
      };
    });
}

const packageCalendar = calendarWithEnteredYears();

/** Checks what staff typed; returns the year's dates or throws a Chinese message naming the field. */
function checkYear(input: CalendarYearInput) {
  const { year } = input;
  if (packageCalendar.calendarSourceFor(year) === 'chinese-days')
    fail('BAD_REQUEST', `${year}年的节假日安排已随系统提供（chinese-days），无需录入。`);
  const holidays = parseDateLines(input.holidays, year);
  if (!holidays.ok) return fail('BAD_REQUEST', `节假日：${holidays.message}`);
  if (holidays.dates.length === 0) fail('BAD_REQUEST', '节假日：请至少填写一天放假日期。');
  const workdays = parseDateLines(input.workdays, year);
  if (!workdays.ok) return fail('BAD_REQUEST', `调休上班日：${workdays.message}`);
  const weekdays = workdays.dates.filter((d) => dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5);
  if (weekdays.length > 0)
    fail('BAD_REQUEST', `调休上班日：${weekdays.join('、')} 是周一至周五，本来就上班，只需填写调休上班的周六、周日。`);
  const both = holidays.dates.filter((d) => workdays.dates.includes(d));
  if (both.length > 0) fail('BAD_REQUEST', `${both.join('、')} 同时填在节假日和调休上班日中。`);
  return { holidays: holidays.dates, workdays: workdays.dates };
}

/**
 * Office: enters (or corrects) a year's holidays and make-up days. In one transaction: the year,
 * its audit entry, and the open applications' deadlines counted again on the new calendar.
 */
export async function saveCalendarYear(db: Db, staff: StaffPrincipal, input: CalendarYearInput) {
  const dates = checkYear(input);
  const result = await db.transaction().execute(async (trx) => {
    const before = await repo.findEnteredYear(trx, input.year);
    await repo.saveEnteredYear(trx, { year: input.year, ...dates, source: input.source, updatedBy: staff.displayName });
    const calendar = await loadCalendar(trx);
    const rescheduled: { id: number; from: string; to: string }[] = [];
    // Only a deadline in the saved year or later can move: the days before it count as before.
    const from = `${input.year}-01-01`;
    for (const app of await openDeadlines(trx)) {
      const current = app.status === 'submitted' ? app.acceptDueOn : app.decideDueOn;
      if (current === null || current < from) continue;
      if (app.status === 'submitted') {
        const due = acceptDueOn(calendar, app.submittedOn);
        if (due !== app.acceptDueOn) {
          await setDueDates(trx, app.id, { acceptDueOn: due });
          rescheduled.push({ id: app.id, from: app.acceptDueOn, to: due });
        }
      } else if (app.acceptedOn && app.decideDueOn) {
        const due = decideDueOn(calendar, app.acceptedOn);
        if (due !== app.decideDueOn) {
          await setDueDates(trx, app.id, { decideDueOn: due });
          rescheduled.push({ id: app.id, from: app.decideDueOn, to: due });
        }
      }
    }
    await insertAudit(trx, {
      actorType: 'staff',
      actorId: String(staff.id),
      actorLabel: staff.displayName,
      action: 'calendar.save',
      entityType: 'workday_calendar',
      entityId: String(input.year),
      before: before ? { holidays: before.holidays, workdays: before.workdays, source: before.source } : null,
      after: { ...dates, source: input.source, rescheduled },
      note: rescheduled.length > 0 ? `${rescheduled.length} 件申请的办理期限按新安排重新计算。` : null,
    });
    return {
      year: input.year,
      holidays: dates.holidays.length,
      workdays: dates.workdays.length,
      rescheduled: rescheduled.length,
    };
  });
  forgetWorkdayCalendars();
  return result;
}

/** What the deadlines of an application filed (and accepted) on a day would be, for staff to check an entry. */
export async function previewDeadlines(db: Db, filedOn: string) {
  const calendar = await workdayCalendar(db);
  const accept = acceptDueOn(calendar, filedOn);
  const decide = decideDueOn(calendar, filedOn);
  return {
    filedOn,
    acceptDueOn: accept,
    acceptNote: deadlineNote(calendar, accept),
    decideDueOn: decide,
    decideNote: deadlineNote(calendar, decide),
  };
}
