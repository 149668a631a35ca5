import { describe, expect, it } from 'vitest';
import {
  acceptDueOn,
  canTransition,
  currentDeadline,
  decideDueOn,
  DECISIONS_BY_KIND,
  isDecisionAllowed,
  recordEffectOf,
  resumeEnd,
  suspendsOnAccept,
  workdaysLeft,
} from '@/server/rules/applications';
import { calendarWithEnteredYears, parseWorkdayOverrides } from '@/server/rules/workdays';

const calendar = calendarWithEnteredYears();

describe('application status machine', () => {
  it('allows accept or refuse only from submitted, and decide only once accepted', () => {
    expect(canTransition('submitted', 'accepted')).toBe(true);
    expect(canTransition('submitted', 'refused')).toBe(true);
    expect(canTransition('submitted', 'decided')).toBe(false);
    expect(canTransition('accepted', 'decided')).toBe(true);
    expect(canTransition('accepted', 'refused')).toBe(false);
    expect(canTransition('decided', 'accepted')).toBe(false);
    expect(canTransition('refused', 'accepted')).toBe(false);
  });

  it('offers each kind only its own decisions', () => {
    expect(isDecisionAllowed('objection', 'reject')).toBe(true);
    expect(isDecisionAllowed('objection', 'approve_repair')).toBe(false);
    expect(isDecisionAllowed('repair', 'approve_repair')).toBe(true);
    expect(isDecisionAllowed('repair', 'revoke')).toBe(false);
    expect(isDecisionAllowed('complaint', 'amend')).toBe(true);
    expect(isDecisionAllowed('complaint', 'correct')).toBe(false);
    expect(DECISIONS_BY_KIND.objection).toEqual(['correct', 'revoke', 'reject']);
  });

  it('suspends on accepting an objection or complaint, never a repair', () => {
    expect(suspendsOnAccept('objection')).toBe(true);
    expect(suspendsOnAccept('complaint')).toBe(true);
    expect(suspendsOnAccept('repair')).toBe(false);
  });

  it('maps decisions to their effect on the record', () => {
    expect(recordEffectOf('reject')).toBe('resume');
    expect(recordEffectOf('uphold')).toBe('resume');
    expect(recordEffectOf('revoke')).toBe('withdraw');
    expect(recordEffectOf('amend')).toBe('withdraw');
    expect(recordEffectOf('approve_repair')).toBe('repair');
    expect(recordEffectOf('deny_repair')).toBe('none');
  });
});

describe('working-day deadlines', () => {
  it('counts into 2027 on the holidays office staff entered (元旦 off), else Monday–Friday', () => {
    // Filed Wednesday 2026-12-30: Thursday 31st is one working day; Friday 2027-01-01 is 元旦.
    expect(acceptDueOn(calendar, '2026-12-30')).toBe('2027-01-01');
    const entered = calendarWithEnteredYears(
      parseWorkdayOverrides({
        '2027': { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: '测试' },
      }),
    );
    expect(acceptDueOn(entered, '2026-12-30')).toBe('2027-01-04');
    expect(workdaysLeft(entered, '2026-12-31', '2027-01-04')).toBe(1);
  });

  it('counts 2 working days to accept across a weekend', () => {
    // Friday 2026-11-27 → Monday 30th, Tuesday 1 Dec.
    expect(acceptDueOn(calendar, '2026-11-27')).toBe('2026-12-01');
  });

  it('skips the National Day holiday and counts the make-up Saturday 10 October 2026', () => {
    // Accepted Wed 2026-09-30: Oct 1–7 off; 8, 9, 10 (make-up Saturday), 12–16, 19, 20.
    const due = decideDueOn(calendar, '2026-09-30');
    expect(due).toBe('2026-10-20');
    expect(workdaysLeft(calendar, '2026-09-30', due)).toBe(10);
  });

  it('shows negative working days when overdue and no deadline once decided', () => {
    expect(workdaysLeft(calendar, '2026-12-03', '2026-12-01')).toBeLessThan(0);
    expect(currentDeadline({ status: 'submitted', acceptDueOn: '2026-12-01', decideDueOn: null })).toBe('2026-12-01');
    expect(currentDeadline({ status: 'accepted', acceptDueOn: '2026-12-01', decideDueOn: '2026-12-15' })).toBe(
      '2026-12-15',
    );
    expect(currentDeadline({ status: 'decided', acceptDueOn: '2026-12-01', decideDueOn: '2026-12-15' })).toBeNull();
  });
});

describe('resumption moves the end by exactly the suspended days', () => {
  it('adds the calendar days between suspension and rejection', () => {
    expect(resumeEnd('2026-09-01', '2026-03-01', '2026-03-11')).toEqual({ end: '2026-09-11', days: 10 });
  });
  it('crosses a month end and a leap day correctly', () => {
    expect(resumeEnd('2028-03-01', '2028-02-20', '2028-03-05')).toEqual({ end: '2028-03-15', days: 14 });
  });
  it('moves nothing when rejected on the day of acceptance', () => {
    expect(resumeEnd('2026-09-01', '2026-03-01', '2026-03-01')).toEqual({ end: '2026-09-01', days: 0 });
  });
});
