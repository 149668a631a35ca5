import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../server/rules/codes';
import { compareDates } from '../../../server/rules/dates';
import {
  NEVER_EARLY_REPAIR_CATEGORIES,
  NEVER_EARLY_REPAIR_DOMAINS,
  PUBLICATION_RULES,
  addDuration,
  isNeverEarlyRepair,
  isWithinPublicPeriod,
  publicationPeriod,
  ruleFor,
} from '../../../server/rules/periods';

describe('PUBLICATION_RULES', () => {
  it('lists the three rules oldest first with their dates of entry into force', () => {
    expect(PUBLICATION_RULES.map((r) => [r.inForceFrom, r.basis.includes(r.shortBasis)])).toEqual([
      ['2019-07-01', true],
      ['2025-06-22', true],
      ['2026-04-01', true],
    ]);
    expect(PUBLICATION_RULES[0]?.basis).toContain('发改办财金〔2019〕527号');
    expect(PUBLICATION_RULES[1]?.basis).toContain('国办发〔2025〕22号');
    expect(PUBLICATION_RULES[2]?.basis).toContain('信用修复管理办法');
  });

  it('has unique ids', () => {
    expect(new Set(PUBLICATION_RULES.map((r) => r.id)).size).toBe(PUBLICATION_RULES.length);
  });

  it.each([
    ['发改办财金〔2019〕527号', 0, { months: 3 }, { years: 1 }, { months: 6 }, { years: 3 }],
    ['国办发〔2025〕22号', 1, { months: 3 }, { years: 1 }, { years: 1 }, { years: 3 }],
    ['信用修复管理办法', 2, { months: 3 }, { years: 1 }, { years: 1 }, { years: 3 }],
  ])('%s: general %o–%o, serious %o–%o', (_, index, gMin, gMax, sMin, sMax) => {
    const rule = PUBLICATION_RULES[index];
    expect(rule?.periods.general).toEqual({ min: gMin, max: gMax });
    expect(rule?.periods.serious).toEqual({ min: sMin, max: sMax });
  });

  it('never publishes minor penalties by default, and allows at most 3 months, repairable at once', () => {
    for (const rule of PUBLICATION_RULES) {
      expect(rule.publishedByDefault).toEqual({ minor: false, general: true, serious: true });
      expect(addDuration('2026-01-31', rule.periods.minor.min)).toBe('2026-01-31');
      expect(addDuration('2026-01-31', rule.periods.minor.max)).toBe('2026-04-30');
    }
  });

  it('has a minimum no later than the maximum for every severity', () => {
    for (const rule of PUBLICATION_RULES) {
      for (const severity of SEVERITIES) {
        const { min, max } = rule.periods[severity];
        expect(compareDates(addDuration('2024-02-29', min), addDuration('2024-02-29', max))).toBeLessThanOrEqual(0);
      }
    }
  });
});

describe('addDuration', () => {
  it.each([
    ['2024-08-31', { months: 6 }, '2025-02-28'],
    ['2024-02-29', { years: 1 }, '2025-02-28'],
    ['2024-01-31', { years: 1, months: 1 }, '2025-02-28'],
    ['2023-01-31', { years: 1, months: 1 }, '2024-02-29'], // one clamp at the end, not one per unit
    ['2024-05-10', {}, '2024-05-10'],
  ])('%s + %o = %s', (date, d, expected) => {
    expect(addDuration(date, d)).toBe(expected);
  });
});

describe('ruleFor', () => {
  it.each([
    ['2010-01-01', 'ndrc-2019-527'],
    ['2019-06-30', 'ndrc-2019-527'],
    ['2019-07-01', 'ndrc-2019-527'],
    ['2025-06-21', 'ndrc-2019-527'],
    ['2025-06-22', 'gbf-2025-22'],
    ['2026-03-31', 'gbf-2025-22'],
    ['2026-04-01', 'ndrc-order-36-2026'],
    ['2030-01-01', 'ndrc-order-36-2026'],
  ])('a decision on %s falls under %s', (date, id) => {
    expect(ruleFor(date).id).toBe(id);
  });

  it.each(['2025-6-22', '2025-02-30', ''])('refuses %j', (bad) => {
    expect(() => ruleFor(bad)).toThrow(RangeError);
  });
});

describe('publicationPeriod', () => {
  describe('rule boundaries', () => {
    it('2019-06-30 vs 2019-07-01: both use 527号, the earlier with a warning that it predates it', () => {
      const before = publicationPeriod({ decisionDate: '2019-06-30', severity: 'general' });
      const onDay = publicationPeriod({ decisionDate: '2019-07-01', severity: 'general' });
      expect(before).toMatchObject({
        ruleId: 'ndrc-2019-527',
        earliestRepair: '2019-09-30',
        publicUntil: '2020-06-30',
      });
      expect(before.warnings).toHaveLength(1);
      expect(before.warnings[0]).toContain('早于发改办财金〔2019〕527号施行日期2019-07-01');
      expect(onDay).toMatchObject({ ruleId: 'ndrc-2019-527', earliestRepair: '2019-10-01', publicUntil: '2020-07-01' });
      expect(onDay.warnings).toEqual([]);
    });

    it('2025-06-21 vs 2025-06-22: the minimum for a serious penalty rises from 6 months to 1 year', () => {
      expect(publicationPeriod({ decisionDate: '2025-06-21', severity: 'serious' })).toMatchObject({
        ruleId: 'ndrc-2019-527',
        publicFrom: '2025-06-21',
        earliestRepair: '2025-12-21',
        publicUntil: '2028-06-21',
      });
      expect(publicationPeriod({ decisionDate: '2025-06-22', severity: 'serious' })).toMatchObject({
        ruleId: 'gbf-2025-22',
        publicFrom: '2025-06-22',
        earliestRepair: '2026-06-22',
        publicUntil: '2028-06-22',
      });
    });

    it('2025-06-21 vs 2025-06-22: general penalties keep 3 months – 1 year', () => {
      expect(publicationPeriod({ decisionDate: '2025-06-21', severity: 'general' })).toMatchObject({
        earliestRepair: '2025-09-21',
        publicUntil: '2026-06-21',
      });
      expect(publicationPeriod({ decisionDate: '2025-06-22', severity: 'general' })).toMatchObject({
        earliestRepair: '2025-09-22',
        publicUntil: '2026-06-22',
      });
    });

    it('2026-03-31 vs 2026-04-01: same periods, the basis changes to 《信用修复管理办法》', () => {
      const before = publicationPeriod({ decisionDate: '2026-03-31', severity: 'serious' });
      const after = publicationPeriod({ decisionDate: '2026-04-01', severity: 'serious' });
      expect(before).toMatchObject({ ruleId: 'gbf-2025-22', earliestRepair: '2027-03-31', publicUntil: '2029-03-31' });
      expect(before.basis).toContain('国办发〔2025〕22号');
      expect(after).toMatchObject({
        ruleId: 'ndrc-order-36-2026',
        earliestRepair: '2027-04-01',
        publicUntil: '2029-04-01',
      });
      expect(after.basis).toContain('信用修复管理办法');
    });
  });

  describe('calendar edges', () => {
    it('clamps to the month end: decided 2024-08-31, 6 months later is 2025-02-28', () => {
      expect(publicationPeriod({ decisionDate: '2024-08-31', severity: 'serious' })).toMatchObject({
        earliestRepair: '2025-02-28',
        publicUntil: '2027-08-31',
      });
    });

    it('handles a decision on a leap day', () => {
      expect(publicationPeriod({ decisionDate: '2024-02-29', severity: 'general' })).toMatchObject({
        earliestRepair: '2024-05-29',
        publicUntil: '2025-02-28',
      });
      expect(publicationPeriod({ decisionDate: '2028-02-29', severity: 'serious' })).toMatchObject({
        earliestRepair: '2029-02-28',
        publicUntil: '2031-02-28',
      });
    });

    it('3 months from 30 November ends on the last day of February', () => {
      expect(publicationPeriod({ decisionDate: '2026-11-30', severity: 'general' }).earliestRepair).toBe('2027-02-28');
    });
  });

  describe('minor penalties', () => {
    it.each(['2020-01-15', '2025-07-01', '2026-05-10'])(
      'decided %s: not published unless decided, at most 3 months',
      (date) => {
        const result = publicationPeriod({ decisionDate: date, severity: 'minor' });
        expect(result.published).toBe(false);
        expect(result.earliestRepair).toBe(date);
        expect(result.publicUntil).toBe(addDuration(date, { months: 3 }));
        expect(result.repairableEarly).toBe(true);
        expect(result.warnings).toEqual([]);
      },
    );

    it('is published when the department decides so', () => {
      expect(publicationPeriod({ decisionDate: '2026-05-10', severity: 'minor', publish: true })).toMatchObject({
        published: true,
        publicFrom: '2026-05-10',
        earliestRepair: '2026-05-10',
        publicUntil: '2026-08-10',
      });
      expect(publicationPeriod({ decisionDate: '2026-05-10', severity: 'minor', publish: false }).published).toBe(
        false,
      );
    });

    it('accepts a requested end within 3 months and moves a later one back', () => {
      expect(
        publicationPeriod({
          decisionDate: '2026-05-10',
          severity: 'minor',
          publish: true,
          requestedPublicUntil: '2026-06-10',
        }),
      ).toMatchObject({ publicUntil: '2026-06-10', warnings: [] });
      const late = publicationPeriod({
        decisionDate: '2026-05-10',
        severity: 'minor',
        publish: true,
        requestedPublicUntil: '2026-12-31',
      });
      expect(late.publicUntil).toBe('2026-08-10');
      expect(late.warnings).toHaveLength(1);
    });
  });

  it.each(['general', 'serious'] as const)('always publishes %s penalties, warning when asked not to', (severity) => {
    expect(publicationPeriod({ decisionDate: '2026-05-10', severity }).published).toBe(true);
    const refused = publicationPeriod({ decisionDate: '2026-05-10', severity, publish: false });
    expect(refused.published).toBe(true);
    expect(refused.warnings).toHaveLength(1);
    expect(refused.warnings[0]).toContain('应当公示');
  });

  describe('requested 公示截止期 (CF_GSJZQ)', () => {
    // general, decided 2026-05-10: minimum 2026-08-10, maximum 2027-05-10
    const base = { decisionDate: '2026-05-10', severity: 'general' } as const;

    it.each([
      ['2026-12-31', '2026-12-31'],
      ['2026-08-10', '2026-08-10'],
      ['2027-05-10', '2027-05-10'],
    ])('within the range: %s is used', (requested, expected) => {
      const result = publicationPeriod({ ...base, requestedPublicUntil: requested });
      expect(result.publicUntil).toBe(expected);
      expect(result.earliestRepair).toBe('2026-08-10');
      expect(result.warnings).toEqual([]);
    });

    it.each([
      ['2026-08-09', '2026-08-10', '早于一般失信行为的最短公示期满日2026-08-10'],
      ['2026-05-10', '2026-08-10', '早于'],
      ['2025-01-01', '2026-08-10', '早于'],
      ['2027-05-11', '2027-05-10', '晚于一般失信行为的最长公示期满日2027-05-10'],
      ['2099-12-31', '2027-05-10', '晚于'],
    ])('outside the range: %s becomes %s with a warning', (requested, expected, phrase) => {
      const result = publicationPeriod({ ...base, requestedPublicUntil: requested });
      expect(result.publicUntil).toBe(expected);
      expect(result.earliestRepair).toBe('2026-08-10');
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toContain(phrase);
      expect(result.warnings[0]).toContain(`已改为${expected}`);
    });

    it('suggests credit repair when a department wants to end publication early', () => {
      const result = publicationPeriod({ ...base, requestedPublicUntil: '2026-06-01' });
      expect(result.warnings[0]).toContain('信用修复');
    });

    it.each([null, undefined, '', '  '])('%j means no request', (requested) => {
      const result = publicationPeriod({ ...base, requestedPublicUntil: requested });
      expect(result.publicUntil).toBe('2027-05-10');
      expect(result.warnings).toEqual([]);
    });

    it('ignores an impossible date with a warning', () => {
      const result = publicationPeriod({ ...base, requestedPublicUntil: '2026-02-30' });
      expect(result.publicUntil).toBe('2027-05-10');
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toContain('不是有效日期');
    });

    it('uses the serious range under the rule of the decision date', () => {
      // 527号: 6 months – 3 years
      expect(
        publicationPeriod({ decisionDate: '2025-01-10', severity: 'serious', requestedPublicUntil: '2025-08-01' }),
      ).toMatchObject({ publicUntil: '2025-08-01', warnings: [] });
      // 22号: 1 year – 3 years
      const result = publicationPeriod({
        decisionDate: '2025-07-10',
        severity: 'serious',
        requestedPublicUntil: '2026-02-01',
      });
      expect(result.publicUntil).toBe('2026-07-10');
      expect(result.warnings[0]).toContain('国办发〔2025〕22号');
    });
  });

  describe('penalties that may never be repaired early', () => {
    it.each(NEVER_EARLY_REPAIR_DOMAINS)('in %s: public for the full maximum', (domain) => {
      const result = publicationPeriod({
        decisionDate: '2026-05-10',
        severity: 'serious',
        categories: ['罚款', '吊销许可证件'],
        domain,
      });
      expect(result).toMatchObject({
        published: true,
        repairableEarly: false,
        earliestRepair: '2029-05-10',
        publicUntil: '2029-05-10',
        warnings: [],
      });
    });

    it.each(NEVER_EARLY_REPAIR_CATEGORIES)('%s in 安全生产 is never repaired early', (category) => {
      expect(isNeverEarlyRepair([category], '安全生产')).toBe(true);
    });

    it('keeps the maximum even if the department asked for less', () => {
      const result = publicationPeriod({
        decisionDate: '2026-05-10',
        severity: 'serious',
        categories: ['责令停产停业'],
        domain: '消防安全',
        requestedPublicUntil: '2027-06-01',
      });
      expect(result).toMatchObject({ publicUntil: '2029-05-10', earliestRepair: '2029-05-10', repairableEarly: false });
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toContain('消防安全领域的“责令停产停业”处罚不得提前修复');
      expect(result.warnings[0]).toContain('2029-05-10');
    });

    it('says nothing when the department asked for exactly the maximum', () => {
      expect(
        publicationPeriod({
          decisionDate: '2026-05-10',
          severity: 'serious',
          categories: ['限制从业'],
          domain: '食品药品',
          requestedPublicUntil: '2029-05-10',
        }).warnings,
      ).toEqual([]);
    });

    it.each([
      [['吊销许可证件'], '税务'],
      [['吊销许可证件'], null],
      [['吊销许可证件'], undefined],
      [['责令关闭'], '食品药品'], // 责令关闭 is serious but not on the never-early list
      [['行政拘留'], '安全生产'],
      [['罚款'], '生态环境'],
      [[], '工程质量'],
    ] as const)('%j in %s may be repaired after the minimum', (categories, domain) => {
      expect(isNeverEarlyRepair(categories, domain)).toBe(false);
      const result = publicationPeriod({ decisionDate: '2026-05-10', severity: 'serious', categories, domain });
      expect(result).toMatchObject({ repairableEarly: true, earliestRepair: '2027-05-10', publicUntil: '2029-05-10' });
    });
  });

  it('refuses an invalid decision date', () => {
    expect(() => publicationPeriod({ decisionDate: '2026/05/10', severity: 'general' })).toThrow(RangeError);
  });
});

describe('isWithinPublicPeriod', () => {
  const period = { publicFrom: '2026-05-10', publicUntil: '2027-05-10' };
  it.each([
    ['2026-05-09', false], // before the decision
    ['2026-05-10', true], // from the decision date
    ['2026-12-31', true],
    ['2027-05-09', true], // the day before publicUntil
    ['2027-05-10', false], // at publicUntil the record leaves
    ['2027-05-11', false],
  ])('%s → %s', (d, expected) => {
    expect(isWithinPublicPeriod(d, period)).toBe(expected);
  });

  it('is never true for an empty window', () => {
    expect(isWithinPublicPeriod('2026-05-10', { publicFrom: '2026-05-10', publicUntil: '2026-05-10' })).toBe(false);
  });

  it('agrees with publicationPeriod at the end of a computed window', () => {
    const p = publicationPeriod({ decisionDate: '2024-08-31', severity: 'general' });
    expect(isWithinPublicPeriod('2025-08-30', p)).toBe(true);
    expect(isWithinPublicPeriod(p.publicUntil, p)).toBe(false);
  });
});
