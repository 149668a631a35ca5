import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movedDatesNote } from '../../../server/rules/suspension-note';

describe('movedDatesNote', () => {
  it('says nothing when the dates did not move', () => {
    expect(movedDatesNote(0, [{ kind: 'objection', decidedOn: '2026-03-31' }])).toBeNull();
  });

  it('names the objection, the span and the days, and which dates moved', () => {
    expect(movedDatesNote(28, [{ kind: 'objection', decidedOn: '2026-03-31' }])).toBe(
      '因异议（2026年3月31日办结）处理期间暂停计算公示期，共暂停 28 天，自2026年3月3日至2026年3月31日；公示截止日期和最早可申请修复日期相应顺延 28 天。',
    );
  });

  it('names the objection and the complaint that continued it', () => {
    const note = movedDatesNote(40, [
      { kind: 'objection', decidedOn: '2026-03-31' },
      { kind: 'complaint', decidedOn: '2026-04-12' },
    ]);
    expect(note).toContain('因异议（2026年3月31日办结）、投诉（2026年4月12日办结）处理期间');
    expect(note).toContain('共暂停 40 天');
  });

  it('leaves out the repair date of a penalty that may never be repaired early', () => {
    expect(movedDatesNote(5, [{ kind: 'objection', decidedOn: '2026-03-31' }], false)).toContain(
      '；公示截止日期相应顺延 5 天。',
    );
  });

  it('falls back to the short note when the applications are not known', () => {
    expect(movedDatesNote(7, [])).toBe('因异议处理暂停 7 天，相应顺延：公示截止日期和最早可申请修复日期均推后 7 天。');
    expect(movedDatesNote(7, [{ kind: 'objection', decidedOn: null }])).toContain('因异议处理暂停 7 天');
  });

  it('always states the exact number of days, and never a raw ISO date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom('objection' as const, 'complaint' as const),
            decidedOn: fc.constantFrom('2026-01-05', '2027-12-31', null),
          }),
          { maxLength: 3 },
        ),
        (days, apps) => {
          const note = movedDatesNote(days, apps)!;
          expect(note).toContain(` ${days} 天`);
          expect(note).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        },
      ),
    );
  });
});
