// Working-day calendar (SPEC §6): the State Council's yearly holiday notice, from the npm
// package chinese-days while it covers a year, else Monday–Friday plus the holidays and make-up
// days that office staff entered in the back office (/admin/calendar, stored in the database).
//
// We read the package's published data file (dist/chinese-days.json, documented in its README)
// rather than its functions: those parse 'YYYY-MM-DD' as UTC but read it back in local time, so
// on a server west of UTC every holiday shifts one day earlier.
//
// The rules here are pure: the entered years are passed in (server/calendar/service.ts loads
// them). An entered year is used only while the package has no data for it; once an upgraded
// chinese-days covers the year, the package wins.

import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, compareDates, dayOfWeek, isIsoDate, type IsoDate } from './dates';

/** Configurable working-day deadlines (SPEC §6): accept or refuse, decide, propagate a decision. */
export const WORKDAY_DEFAULTS = { acceptWithin: 2, decideWithin: 10, propagateWithin: 3 } as const;

/** A decision must be public within 7 working days (国办发〔2015〕51号); 报送及时率 is measured against it. */
export const PUBLISH_WITHIN_WORKDAYS = 7;

export type CalendarSource = 'chinese-days' | 'entered' | 'weekdays';

/** Holiday data in the shape of chinese-days.json: date → description. */
export type HolidayData = {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
};

export type WorkdayOverride = { holidays: readonly IsoDate[]; workdays: readonly IsoDate[]; source: string };
export type WorkdayOverrides = Readonly<Record<string, WorkdayOverride>>;

export type WorkdayCalendar = {
  isWorkday(date: IsoDate): boolean;
  addWorkdays(date: IsoDate, n: number): IsoDate;
  workdaysBetween(from: IsoDate, to: IsoDate): number;
  calendarSourceFor(year: number): CalendarSource;
  calendarNote(year: number): string;
};

type YearCalendar = {
  source: CalendarSource;
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  note: string;
};

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Checks entered years' shape so bad data fails loudly, not as a wrong deadline months later. */
export function parseWorkdayOverrides(raw: unknown): WorkdayOverrides {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('workday overrides must be a JSON object keyed by year');
  }
  const result: Record<string, WorkdayOverride> = {};
  for (const [year, entry] of Object.entries(raw)) {
    const where = `workday overrides, year "${year}"`;
    if (!/^\d{4}$/.test(year)) throw new Error(`${where}: the key must be a four-digit year`);
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: expected an object`);
    const { holidays, workdays, source } = entry as Record<string, unknown>;
    if (!isStringArray(holidays) || !isStringArray(workdays)) {
      throw new Error(`${where}: "holidays" and "workdays" must be arrays of YYYY-MM-DD dates`);
    }
    if (typeof source !== 'string' || source.trim() === '') {
      throw new Error(`${where}: "source" must name the State Council notice`);
    }
    for (const d of [...holidays, ...workdays]) {
      if (!isIsoDate(d) || !d.startsWith(`${year}-`)) throw new Error(`${where}: "${d}" is not a date in ${year}`);
    }
    const both = holidays.filter((d) => workdays.includes(d));
    if (both.length > 0) throw new Error(`${where}: ${both.join(', ')} listed as both holiday and workday`);
    result[year] = { holidays, workdays, source };
  }
  return result;
}

/** Dates of the package's data grouped by year. */
function byYear(map: Readonly<Record<string, string>>): Map<number, Set<string>> {
  const years = new Map<number, Set<string>>();
  for (const date of Object.keys(map)) {
    const year = Number(date.slice(0, 4));
    let set = years.get(year);
    if (set === undefined) years.set(year, (set = new Set()));
    set.add(date);
  }
  return years;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * A calendar over the given package data and entered years (`overrides`; the module functions
 * use the installed package alone, server/calendar/service.ts adds the entered years).
 */
export function createWorkdayCalendar(
  opts: { packageData?: HolidayData; overrides?: WorkdayOverrides } = {},
): WorkdayCalendar {
  const packageData = opts.packageData ?? { holidays: {}, workdays: {} };
  const overrides = opts.overrides ?? {};
  const packageHolidays = byYear(packageData.holidays);
  const packageWorkdays = byYear(packageData.workdays);
  const cache = new Map<number, YearCalendar>();

  // A year's notice always includes holidays from 清明 (April) on; a January date alone can be the
  // tail of the previous year's New Year holiday and does not mean the year is covered.
  const packageCovers = (year: number): boolean =>
    [...(packageHolidays.get(year) ?? EMPTY)].some((d) => d >= `${year}-03-01`);

  function yearCalendar(year: number): YearCalendar {
    const cached = cache.get(year);
    if (cached) return cached;
    const override = overrides[String(year)];
    let cal: YearCalendar;
    if (packageCovers(year)) {
      cal = {
        source: 'chinese-days',
        holidays: packageHolidays.get(year) ?? EMPTY,
        workdays: packageWorkdays.get(year) ?? EMPTY,
        note: `${year}年工作日按国务院办公厅公布的节假日安排计算。`,
      };
    } else if (override) {
      cal = {
        source: 'entered',
        holidays: new Set(override.holidays),
        workdays: new Set(override.workdays),
        note: `${year}年工作日按国务院办公厅公布的节假日安排计算（${override.source}）。`,
      };
    } else {
      cal = {
        source: 'weekdays',
        holidays: EMPTY,
        workdays: EMPTY,
        note: weekdaysNote(year),
      };
    }
    cache.set(year, cal);
    return cal;
  }

  function isWorkday(date: IsoDate): boolean {
    if (!isIsoDate(date)) throw new RangeError(`isWorkday needs a YYYY-MM-DD date, got "${date}"`);
    const cal = yearCalendar(Number(date.slice(0, 4)));
    if (cal.workdays.has(date)) return true;
    if (cal.holidays.has(date)) return false;
    const dow = dayOfWeek(date);
    return dow >= 1 && dow <= 5;
  }

  function addWorkdays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkdays needs a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(n); left > 0;) {
      d = addDays(d, step);
      if (isWorkday(d)) left--;
    }
    return d;
  }

  function countAfterUpTo(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) {
      if (isWorkday(d)) count++;
    }
    return count;
  }

  function workdaysBetween(from: IsoDate, to: IsoDate): number {
    return compareDates(to, from) >= 0 ? countAfterUpTo(from, to) : -countAfterUpTo(to, from);
  }

  return {
    isWorkday,
    addWorkdays,
    workdaysBetween,
    calendarSourceFor: (year) => yearCalendar(year).source,
    calendarNote: (year) => yearCalendar(year).note,
  };
}

/** The warning SPEC §6 requires on every deadline in a year with neither package data nor an entered calendar. */
export function weekdaysNote(year: number): string {
  return `${year}年节假日安排尚未录入，暂按周一至周五计算，以正式安排为准`;
}

/** The installed package's calendar plus the years office staff entered. */
export function calendarWithEnteredYears(entered: WorkdayOverrides = {}): WorkdayCalendar {
  return createWorkdayCalendar({ packageData: chineseDaysData, overrides: entered });
}

/** The warning to show next to a deadline, or null when its year's holidays are known. */
export function deadlineNote(calendar: WorkdayCalendar, due: IsoDate | null): string | null {
  if (due === null) return null;
  const year = Number(due.slice(0, 4));
  return calendar.calendarSourceFor(year) === 'weekdays' ? weekdaysNote(year) : null;
}

/**
 * Dates typed by staff, one a line: `2027-01-01`, or a range `2027-02-06~2027-02-12` (also `至`,
 * `—`, `-` between two dates); text after the date(s) is a comment (e.g. the holiday's name).
 * Returns the sorted distinct dates, or the first line it cannot read.
 */
export function parseDateLines(
  text: string,
  year: number,
): { ok: true; dates: IsoDate[] } | { ok: false; line: number; message: string } {
  const dates = new Set<IsoDate>();
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|～|至|—|–|-)\s*(\d{4}-\d{2}-\d{2}))?(?:\s.*)?$/.exec(line);
    const fail = (message: string) => ({ ok: false as const, line: i + 1, message });
    if (!m) return fail(`第${i + 1}行“${line.slice(0, 40)}”不是日期（格式：2027-01-01 或 2027-02-06~2027-02-12）`);
    const from = m[1]!;
    const to = m[2] ?? from;
    for (const d of [from, to]) {
      if (!isIsoDate(d)) return fail(`第${i + 1}行“${d}”不是有效日期`);
      if (!d.startsWith(`${year}-`)) return fail(`第${i + 1}行“${d}”不在${year}年内`);
    }
    if (compareDates(to, from) < 0) return fail(`第${i + 1}行的结束日期早于开始日期`);
    for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) dates.add(d);
  }
  return { ok: true, dates: [...dates].sort() };
}

const defaultCalendar = calendarWithEnteredYears();

/** Whether public offices work on that day (holidays off, make-up weekend days on). */
export function isWorkday(date: IsoDate): boolean {
  return defaultCalendar.isWorkday(date);
}

/**
 * The date n working days after `date` (n = 0 returns `date` itself, even on a holiday; a negative n
 * counts backwards). A deadline of "within N working days" from a submission is addWorkdays(submitted, N).
 */
export function addWorkdays(date: IsoDate, n: number): IsoDate {
  return defaultCalendar.addWorkdays(date, n);
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workdaysBetween(from: IsoDate, to: IsoDate): number {
  return defaultCalendar.workdaysBetween(from, to);
}

/** Which calendar a year's working days come from, so the site can say so. */
export function calendarSourceFor(year: number): CalendarSource {
  return defaultCalendar.calendarSourceFor(year);
}

/** A sentence for the site saying how the year's working days were counted. */
export function calendarNote(year: number): string {
  return defaultCalendar.calendarNote(year);
}
