// Calendar dates as 'YYYY-MM-DD' strings in Asia/Shanghai (STYLE: dates are calendar dates).
// Arithmetic runs on UTC midnights (UTCDate) so the server's time zone can never shift a day.

import { UTCDate } from '@date-fns/utc';
import { addDays as fnsAddDays, addMonths as fnsAddMonths } from 'date-fns';
import { toHalfWidth } from './normalize';

/** A calendar date 'YYYY-MM-DD' (Asia/Shanghai). A plain string so it crosses JSON, SQL and URLs unchanged. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for current dates. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The UTC-midnight instant of a date, or null if y-m-d is not a real calendar date. */
function utcMidnight(year: number, month: number, day: number): number | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d.getTime() : null;
}

function fromEpochMs(ms: number): IsoDate {
  const iso = new Date(ms).toISOString().slice(0, 10);
  if (!ISO_DATE.test(iso)) throw new RangeError(`Date out of the supported range 0001–9999: ${iso}`);
  return iso;
}

function assertWholeNumber(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number of days, months or years, got ${n}`);
}

function toUtcDate(date: IsoDate): UTCDate {
  const m = ISO_DATE.exec(date);
  const ms = m ? utcMidnight(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (ms === null) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: "${date}"`);
  return new UTCDate(ms);
}

/** Today's date in Leshan, whatever the server's time zone. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return fromEpochMs(now.getTime() + SHANGHAI_OFFSET_MS);
}

/** True for a real calendar date written exactly 'YYYY-MM-DD' (2023-02-30 and 2023-2-3 are false). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && utcMidnight(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

// What departments send (SPEC §3): 2024-01-05, 2024/1/5, 2024.1.5, 20240105, 2024年1月5日,
// and spreadsheet exports that append a local time of day (2024-01-05 00:00:00), which is dropped.
const TIME_OF_DAY = '(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?)?';
const SEPARATED = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME_OF_DAY}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** A date typed or imported in any accepted form, as 'YYYY-MM-DD'; null when it is not a real date. */
export function parseDateInput(s: string): IsoDate | null {
  const t = toHalfWidth(s).trim();
  let y: string | undefined;
  let mo: string | undefined;
  let d: string | undefined;
  const sep = SEPARATED.exec(t);
  if (sep) [y, mo, d] = [sep[1], sep[3], sep[4]];
  else {
    const m = COMPACT.exec(t) ?? CHINESE.exec(t);
    if (m) [y, mo, d] = [m[1], m[2], m[3]];
  }
  if (y === undefined || mo === undefined || d === undefined) return null;
  const ms = utcMidnight(Number(y), Number(mo), Number(d));
  return ms === null ? null : fromEpochMs(ms);
}

/** The date n calendar days later (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n);
  return fromEpochMs(fnsAddDays(toUtcDate(date), n).getTime());
}

/** The date n months later; a day that does not exist in the target month becomes its last day (01-31 + 1 month = 02-28/29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n);
  return fromEpochMs(fnsAddMonths(toUtcDate(date), n).getTime());
}

/** The date n years later; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, n * 12);
}

/** Calendar days from a to b (b − a): positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / MS_PER_DAY);
}

/** −1, 0 or 1, for sorting; 'YYYY-MM-DD' strings order like the dates they name. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  if (!ISO_DATE.test(a) || !ISO_DATE.test(b)) {
    throw new RangeError(`compareDates needs two YYYY-MM-DD dates, got "${a}" and "${b}"`);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
export function dayOfWeek(date: IsoDate): number {
  return toUtcDate(date).getUTCDay();
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}
