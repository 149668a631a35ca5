import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  isIsoDate,
  maxDate,
  minDate,
  parseDateInput,
  todayInShanghai,
} from '../../../server/rules/dates';

describe('todayInShanghai', () => {
  it.each([
    ['2026-11-27T15:59:59.999Z', '2026-11-27'],
    ['2026-11-27T16:00:00.000Z', '2026-11-28'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2024-02-28T16:30:00Z', '2024-02-29'],
    ['2026-06-30T23:00:00-08:00', '2026-07-01'], // 07:00 UTC, 15:00 in Shanghai
  ])('%s is %s in Leshan', (instant, expected) => {
    expect(todayInShanghai(new Date(instant))).toBe(expected);
  });

  it('returns an ISO date for now', () => {
    expect(isIsoDate(todayInShanghai())).toBe(true);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-28', true],
    ['2099-12-31', true],
    ['0001-01-01', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
    ['2023-1-5', false],
    ['20230105', false],
    ['2023/01/05', false],
    [' 2023-01-05', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/01/05', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024 年 01 月 05 日', '2024-01-05'],
    [' 2024-01-05 ', '2024-01-05'],
    ['２０２４／０１／０５', '2024-01-05'],
    ['2024-01-05 00:00:00', '2024-01-05'],
    ['2024/1/5 14:30', '2024-01-05'],
    ['2024-01-05T08:00:00', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['20991231', '2099-12-31'],
  ])('%j → %s', (input, expected) => {
    expect(parseDateInput(input)).toBe(expected);
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '20230230',
    '2023/13/01',
    '2023-04-31',
    '2024-01/05', // mixed separators
    '24-01-05',
    '2024-001-05',
    '2024105',
    '05/01/2024',
    '2024-01-05Z',
    '2024-01-05T08:00:00Z', // an instant, not a calendar date
    '2024年1月',
    'abc',
    '',
  ])('%j → null', (input) => {
    expect(parseDateInput(input)).toBeNull();
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-03-10', 0, '2024-03-10'],
    ['2026-03-29', 1, '2026-03-30'], // a DST change date elsewhere has no effect
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses a non-date and a fractional count', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2024/02/03', 1)).toThrow(RangeError);
    expect(() => addDays('2024-02-03', 0.5)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-05-31', -1, '2024-04-30'],
    ['2024-01-15', 3, '2024-04-15'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-12-31', 12, '2025-12-31'],
    ['2024-02-29', 0, '2024-02-29'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});

describe('addYears', () => {
  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2023-03-01', 1, '2024-03-01'],
    ['2025-06-22', 3, '2028-06-22'],
  ])('%s + %i years = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it('refuses to leave the four-digit year range', () => {
    expect(() => addYears('9999-06-01', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-01-01', '2024-01-01', 0],
    ['2024-01-01', '2024-01-02', 1],
    ['2024-01-02', '2024-01-01', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2023-01-01', '2024-01-01', 365],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-03-28', '2026-03-30', 2],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it('is the inverse of addDays', () => {
    for (const n of [-400, -31, -1, 0, 1, 59, 365, 1096]) {
      expect(daysBetween('2024-02-29', addDays('2024-02-29', n))).toBe(n);
    }
  });
});

describe('compareDates, minDate, maxDate', () => {
  it.each([
    ['2024-01-01', '2024-01-02', -1],
    ['2024-01-02', '2024-01-01', 1],
    ['2024-01-01', '2024-01-01', 0],
    ['2023-12-31', '2024-01-01', -1],
    ['2024-10-01', '2024-09-30', 1],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('sorts dates chronologically', () => {
    const dates = ['2024-10-01', '2023-12-31', '2024-02-29', '2024-09-30'];
    expect([...dates].sort(compareDates)).toEqual(['2023-12-31', '2024-02-29', '2024-09-30', '2024-10-01']);
  });

  it('refuses dates that would sort wrongly as text', () => {
    expect(() => compareDates('2024-1-5', '2024-01-10')).toThrow(RangeError);
  });

  it('picks the earlier and the later date', () => {
    expect(minDate('2024-03-01', '2024-02-29')).toBe('2024-02-29');
    expect(maxDate('2024-03-01', '2024-02-29')).toBe('2024-03-01');
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['2026-09-20', 0], // Sunday
    ['2026-10-01', 4], // Thursday
    ['2026-10-10', 6], // Saturday
    ['2024-02-29', 4],
    ['2000-01-01', 6],
  ])('%s → %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});
