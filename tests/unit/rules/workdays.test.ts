import chineseDays from 'chinese-days';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../server/rules/dates';
import {
  WORKDAY_DEFAULTS,
  addWorkdays,
  calendarNote,
  calendarSourceFor,
  calendarWithEnteredYears,
  createWorkdayCalendar,
  deadlineNote,
  isWorkday,
  parseDateLines,
  parseWorkdayOverrides,
  workdaysBetween,
} from '../../../server/rules/workdays';

/** A year no version of the package will cover for a long time. */
const FAR_YEAR = 2100;

describe('isWorkday with the 2026 State Council notice', () => {
  it.each([
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2026-01-01', // 元旦
    '2026-02-16', // 春节 (Monday)
    '2026-02-23', // 春节 (Monday)
    '2026-05-05', // 劳动节 (Tuesday)
    '2026-11-28', // an ordinary Saturday
    '2026-11-29', // an ordinary Sunday
  ])('%s is a day off', (date) => {
    expect(isWorkday(date)).toBe(false);
  });

  it.each([
    '2026-09-20', // make-up Sunday
    '2026-10-10', // make-up Saturday
    '2026-01-04', // make-up Sunday
    '2026-02-14', // make-up Saturday
    '2026-02-28', // make-up Saturday
    '2026-05-09', // make-up Saturday
    '2026-09-30', // Wednesday before National Day
    '2026-10-08', // Thursday after
    '2026-11-27', // an ordinary Friday
  ])('%s is a working day', (date) => {
    expect(isWorkday(date)).toBe(true);
  });

  it('refuses a non-date', () => {
    expect(() => isWorkday('2026-10-32')).toThrow(RangeError);
    expect(() => isWorkday('2026/10/01')).toThrow(RangeError);
  });
});

describe('addWorkdays', () => {
  it.each([
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-29', 2, '2026-10-08'],
    ['2026-09-28', 10, '2026-10-16'], // counts the make-up Saturday 10-10
    ['2026-10-03', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-10-10', 1, '2026-10-12'],
    ['2026-09-18', 1, '2026-09-20'], // Friday → make-up Sunday
    ['2026-11-27', 2, '2026-12-01'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-12', -2, '2026-10-09'],
  ])('%s + %i working days = %s', (date, n, expected) => {
    expect(addWorkdays(date, n)).toBe(expected);
  });

  it('returns the date itself for n = 0, even on a holiday', () => {
    expect(addWorkdays('2026-10-01', 0)).toBe('2026-10-01');
    expect(addWorkdays('2026-09-30', 0)).toBe('2026-09-30');
  });

  it('always lands on a working day for n ≠ 0', () => {
    for (let d = '2026-09-15'; d <= '2026-10-15'; d = addDays(d, 1)) {
      expect(isWorkday(addWorkdays(d, 1)), d).toBe(true);
      expect(isWorkday(addWorkdays(d, -1)), d).toBe(true);
    }
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkdays('2026-09-30', 1.5)).toThrow(RangeError);
  });

  it('gives the default deadlines across National Day', () => {
    // An objection filed on 2026-09-29: accepted within 2, decided within 10 working days.
    expect(addWorkdays('2026-09-29', WORKDAY_DEFAULTS.acceptWithin)).toBe('2026-10-08');
    expect(addWorkdays('2026-09-29', WORKDAY_DEFAULTS.decideWithin)).toBe('2026-10-19');
  });
});

describe('workdaysBetween', () => {
  it.each([
    ['2026-09-30', '2026-10-08', 1],
    ['2026-09-30', '2026-10-07', 0],
    ['2026-09-30', '2026-09-30', 0],
    ['2026-09-30', '2026-10-10', 3],
    ['2026-09-28', '2026-10-16', 10],
    ['2026-10-08', '2026-09-30', -1],
    ['2026-10-16', '2026-09-28', -10],
    ['2026-11-27', '2026-11-29', 0],
  ])('from %s to %s: %i', (from, to, expected) => {
    expect(workdaysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addWorkdays for n ≥ 0', () => {
    for (const from of ['2026-09-18', '2026-09-30', '2026-10-03', '2026-12-25', '2026-02-13']) {
      for (let n = 0; n <= 25; n++) {
        expect(workdaysBetween(from, addWorkdays(from, n)), `${from} + ${n}`).toBe(n);
      }
    }
  });

  it('counts across a year the package lacks by weekdays', () => {
    // 2100-12-31 is a Friday, 2101-01-03 a Monday.
    expect(workdaysBetween(`${FAR_YEAR}-12-31`, `${FAR_YEAR + 1}-01-03`)).toBe(1);
  });
});

describe('WORKDAY_DEFAULTS', () => {
  it('holds the SPEC §6 defaults', () => {
    expect(WORKDAY_DEFAULTS).toEqual({ acceptWithin: 2, decideWithin: 10, propagateWithin: 3 });
  });
});

describe('calendar source', () => {
  it('uses chinese-days for the years it covers', () => {
    expect(calendarSourceFor(2026)).toBe('chinese-days');
    expect(calendarSourceFor(2004)).toBe('chinese-days');
    expect(calendarNote(2026)).toBe('2026年工作日按国务院办公厅公布的节假日安排计算。');
  });

  it('falls back to weekdays for a year outside the package data and says so', () => {
    expect(calendarSourceFor(FAR_YEAR)).toBe('weekdays');
    expect(calendarSourceFor(2003)).toBe('weekdays');
    expect(calendarNote(FAR_YEAR)).toBe(`${FAR_YEAR}年节假日安排尚未录入，暂按周一至周五计算，以正式安排为准`);
    expect(isWorkday(`${FAR_YEAR}-01-01`)).toBe(true); // a Friday: no holiday data, so a working day
    expect(isWorkday(`${FAR_YEAR}-01-02`)).toBe(false); // Saturday
    expect(isWorkday(`${FAR_YEAR}-10-01`)).toBe(true); // a Friday
  });

  it.runIf(new Date('2026-01-15T12:00:00Z').getTimezoneOffset() <= 0)(
    'agrees with the package’s own functions on every day it covers (only valid east of or at UTC)',
    () => {
      const disagreements: string[] = [];
      for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
        if (isWorkday(d) !== chineseDays.isWorkday(d)) disagreements.push(d);
      }
      expect(disagreements).toEqual([]);
    },
  );
});

describe('createWorkdayCalendar with entered years', () => {
  // Test data, not the real 2027 notice.
  const overrides = parseWorkdayOverrides({
    '2027': { holidays: ['2027-01-01', '2027-10-01', '2027-10-04'], workdays: ['2027-10-09'], source: '测试用安排' },
    '2026': { holidays: ['2026-09-30'], workdays: [], source: '不应生效' },
  });
  const calendar = createWorkdayCalendar({ packageData: chineseDaysData, overrides });

  it('uses the override for a year the package lacks', () => {
    expect(calendar.calendarSourceFor(2027)).toBe('entered');
    expect(calendar.calendarNote(2027)).toBe('2027年工作日按国务院办公厅公布的节假日安排计算（测试用安排）。');
    expect(calendar.isWorkday('2027-01-01')).toBe(false); // Friday, holiday
    expect(calendar.isWorkday('2027-10-04')).toBe(false); // Monday, holiday
    expect(calendar.isWorkday('2027-10-09')).toBe(true); // Saturday, make-up day
    expect(calendar.isWorkday('2027-10-05')).toBe(true); // Tuesday, not listed
    expect(calendar.isWorkday('2027-10-10')).toBe(false); // Sunday, not listed
    expect(calendar.addWorkdays('2027-09-30', 1)).toBe('2027-10-05');
  });

  it('lets the package win for a year it covers', () => {
    expect(calendar.calendarSourceFor(2026)).toBe('chinese-days');
    expect(calendar.isWorkday('2026-09-30')).toBe(true);
  });

  it('falls back to weekdays for a year neither has', () => {
    expect(calendar.calendarSourceFor(2028)).toBe('weekdays');
  });

  it('does not take a January spill-over holiday as coverage of the year', () => {
    const partial = createWorkdayCalendar({
      packageData: { holidays: { '2027-01-01': "New Year's Day,元旦,1" }, workdays: {} },
    });
    expect(partial.calendarSourceFor(2027)).toBe('weekdays');
    const covered = createWorkdayCalendar({
      packageData: { holidays: { '2027-01-01': '元旦', '2027-04-05': '清明' }, workdays: {} },
    });
    expect(covered.calendarSourceFor(2027)).toBe('chinese-days');
    expect(covered.isWorkday('2027-01-01')).toBe(false);
  });
});

describe('parseWorkdayOverrides', () => {
  it('accepts an empty object', () => {
    expect(parseWorkdayOverrides({})).toEqual({});
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', '2027'],
    ['a non-year key', { '27': { holidays: [], workdays: [], source: 'x' } }],
    ['a non-object entry', { '2027': 'x' }],
    ['missing lists', { '2027': { source: 'x' } }],
    ['a non-string date', { '2027': { holidays: [20270101], workdays: [], source: 'x' } }],
    ['an impossible date', { '2027': { holidays: ['2027-02-30'], workdays: [], source: 'x' } }],
    ['a date of another year', { '2027': { holidays: ['2026-10-01'], workdays: [], source: 'x' } }],
    ['a day in both lists', { '2027': { holidays: ['2027-10-09'], workdays: ['2027-10-09'], source: 'x' } }],
    ['no source', { '2027': { holidays: [], workdays: [] } }],
    ['an empty source', { '2027': { holidays: [], workdays: [], source: ' ' } }],
  ])('refuses %s', (_, raw) => {
    expect(() => parseWorkdayOverrides(raw)).toThrow();
  });
});

describe('entered years (properties)', () => {
  const year = 2099;
  const dayOfYear = fc.integer({ min: 0, max: 364 }).map((n) => addDays(`${year}-01-01`, n));
  const entered = fc
    .tuple(fc.uniqueArray(dayOfYear, { maxLength: 40 }), fc.uniqueArray(dayOfYear, { maxLength: 10 }))
    .map(([holidays, workdays]) => ({
      holidays,
      workdays: workdays.filter((d) => !holidays.includes(d)),
    }));

  it('a day is a working day exactly when it is a make-up day, or a weekday not entered as a holiday', () => {
    fc.assert(
      fc.property(entered, dayOfYear, ({ holidays, workdays }, date) => {
        const calendar = calendarWithEnteredYears(
          parseWorkdayOverrides({ [year]: { holidays, workdays, source: '测试' } }),
        );
        const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
        const expected = workdays.includes(date) || (!holidays.includes(date) && dow >= 1 && dow <= 5);
        expect(calendar.isWorkday(date)).toBe(expected);
        expect(calendar.calendarSourceFor(year)).toBe('entered');
        expect(deadlineNote(calendar, date)).toBeNull();
      }),
    );
  });

  it('n working days after a date land on a working day, n working days later', () => {
    fc.assert(
      fc.property(entered, dayOfYear, fc.integer({ min: 1, max: 15 }), ({ holidays, workdays }, date, n) => {
        const calendar = calendarWithEnteredYears(
          parseWorkdayOverrides({ [year]: { holidays, workdays, source: '测试' } }),
        );
        const due = calendar.addWorkdays(date, n);
        expect(calendar.isWorkday(due)).toBe(true);
        expect(calendar.workdaysBetween(date, due)).toBe(n);
        expect(calendar.workdaysBetween(due, date)).toBe(-n);
      }),
    );
  });

  it('warns on a deadline only in a year neither the package nor staff cover', () => {
    const calendar = calendarWithEnteredYears();
    expect(deadlineNote(calendar, '2026-12-31')).toBeNull();
    expect(deadlineNote(calendar, '2027-01-04')).toBe('2027年节假日安排尚未录入，暂按周一至周五计算，以正式安排为准');
    expect(deadlineNote(calendar, null)).toBeNull();
  });
});

describe('parseDateLines', () => {
  it('reads back any set of dates typed one a line, or as ranges, with comments', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.integer({ min: 0, max: 364 }).map((n) => addDays('2027-01-01', n)),
          { minLength: 1, maxLength: 30 },
        ),
        (dates) => {
          const text = dates.map((d, i) => (i % 3 === 0 ? `  ${d} 节日 ` : i % 3 === 1 ? `${d}~${d}` : d)).join('\n');
          expect(parseDateLines(text, 2027)).toEqual({ ok: true, dates: [...dates].sort() });
        },
      ),
    );
  });

  it('expands a range and names the line it cannot read', () => {
    expect(parseDateLines('2027-02-06~2027-02-09 春节\n\n2027-01-01', 2027)).toEqual({
      ok: true,
      dates: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
    });
    expect(parseDateLines('2027-01-01\n元旦', 2027)).toMatchObject({ ok: false, line: 2 });
    expect(parseDateLines('2027-02-30', 2027)).toMatchObject({ ok: false, message: '第1行“2027-02-30”不是有效日期' });
    expect(parseDateLines('2026-12-31', 2027)).toMatchObject({ ok: false, message: '第1行“2026-12-31”不在2027年内' });
    expect(parseDateLines('2027-01-03~2027-01-01', 2027)).toMatchObject({ ok: false });
  });
});
