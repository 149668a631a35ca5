// Small helpers shared by the record generators: departments, numbering, money and dates as text.

import { addDays, addMonths, addYears, compareDates, type IsoDate } from '../rules/dates';
import type { DeptInfo, GenContext } from './model';
import type { Random } from './random';

export const FIRST_DECISION_DATE = '2019-01-01';
export const LONG_TERM = '2099-12-31';

/** The unit families whose records a county bureau may have decided instead of the city bureau. */
export const MARKET = 'market';

export function dept(ctx: GenContext, code: string): DeptInfo {
  const found = ctx.depts.get(code);
  if (found === undefined) throw new Error(`department ${code} is not in the reference data`);
  return found;
}

/** The deciding unit: the county market bureau for a subject in its county (most of the time), else the city unit. */
export function resolveDept(ctx: GenContext, family: string, divisionCode: string, rng: Random): DeptInfo {
  if (family === MARKET) {
    const county = ctx.countyMarket.get(divisionCode);
    if (county !== undefined && rng.chance(0.75)) return county;
    return dept(ctx, 'scjg');
  }
  return dept(ctx, family);
}

/** The next free number in a numbering series (per department, record kind and year), with the gaps real series have. */
export function nextNumber(ctx: GenContext, series: string, rng: Random, firstAtMost = 30): number {
  const prev = ctx.counters.get(series);
  const next = prev === undefined ? rng.int(1, firstAtMost) : prev + 1 + (rng.chance(0.25) ? rng.int(1, 4) : 0);
  ctx.counters.set(series, next);
  return next;
}

/** 乐市监处罚〔2024〕45号 — mostly with 〔〕, sometimes with the brackets departments type instead. */
export function documentNumber(prefix: string, year: number, n: number, rng: Random): string {
  const r = rng.next();
  const [open, close] = r < 0.9 ? ['〔', '〕'] : r < 0.94 ? ['[', ']'] : r < 0.98 ? ['（', '）'] : ['(', ')'];
  return `${prefix}${open}${year}${close}${n}号`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 2024年3月5日 */
export function chineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** A whole number of yuan as a decimal string of 万元 (5000 → "0.5"); never a float. */
export function wanFromYuan(yuan: number): string {
  const whole = Math.floor(yuan / 10000);
  const rest = String(yuan % 10000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return rest === '' ? String(whole) : `${whole}.${rest}`;
}

/** An amount as people write it in a decision: 800元, 5000元, 12.5万元. */
export function yuanText(yuan: number): string {
  return yuan >= 10000 ? `${wanFromYuan(yuan)}万元` : `${yuan}元`;
}

/** A round amount in [min, max] yuan, drawn log-uniformly (small fines are far more common). */
export function roundAmount(rng: Random, min: number, max: number): number {
  // Log-uniform, bent further towards the minimum: most fines sit near the lower end of the range.
  const v = min * Math.pow(max / min, Math.pow(rng.next(), 1.5));
  const step = v < 1000 ? 50 : v < 10000 ? 100 : v < 100000 ? 1000 : 10000;
  return Math.max(min, Math.min(max, Math.round(v / step) * step));
}

export type Validity = { years?: number; months?: number; days?: number } | 'long';

/** Last valid day of something valid from `from` for `validity`. */
export function validUntil(from: IsoDate, validity: Validity): IsoDate {
  if (validity === 'long') return LONG_TERM;
  let end = from;
  if (validity.years) end = addYears(end, validity.years);
  if (validity.months) end = addMonths(end, validity.months);
  if (validity.days) end = addDays(end, validity.days);
  return addDays(end, -1);
}

/** When the department sent the record: mostly within a week of the decision, sometimes late. */
export function reportedAt(rng: Random, decisionDate: IsoDate, today: IsoDate): string {
  const delay = rng.chance(0.88) ? rng.int(0, 7) : rng.int(8, 45);
  let day = addDays(decisionDate, delay);
  if (compareDates(day, today) > 0) day = today;
  const hh = String(rng.int(8, 18)).padStart(2, '0');
  const mm = String(rng.int(0, 59)).padStart(2, '0');
  return `${day} ${hh}:${mm}:00+08`;
}

/** A decision date between the later of 2019-01-01 and `notBefore`, and today. */
export function decisionDateFor(rng: Random, notBefore: IsoDate | null, today: IsoDate): IsoDate {
  const from = notBefore !== null && compareDates(notBefore, FIRST_DECISION_DATE) > 0 ? notBefore : FIRST_DECISION_DATE;
  if (compareDates(from, today) >= 0) return today;
  // Uniform: younger subjects already make later years fuller.
  return rng.date(from, today);
}

export function minDateOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDateOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}
