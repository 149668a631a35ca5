import { describe, expect, it } from 'vitest';
import { PENALTY_CATEGORIES, type PenaltyCategory, type Severity } from '../../../server/rules/codes';
import {
  SERIOUS_CATEGORIES,
  defaultSeverity,
  parsePenaltyCategories,
  parseSeverityLabel,
  resolveSeverity,
} from '../../../server/rules/severity';

describe('parsePenaltyCategories', () => {
  it.each([
    ['警告', ['警告'], []],
    ['警告;罚款', ['警告', '罚款'], []],
    ['警告；罚款', ['警告', '罚款'], []],
    ['罚款,没收违法所得', ['罚款', '没收违法所得'], []],
    ['罚款，没收违法所得', ['罚款', '没收违法所得'], []],
    ['罚款、没收违法所得、没收非法财物', ['罚款', '没收违法所得', '没收非法财物'], []],
    ['罚款 没收违法所得', ['罚款', '没收违法所得'], []],
    ['罚款\u3000没收违法所得', ['罚款', '没收违法所得'], []],
    [' ;罚款;; 警告 ;', ['罚款', '警告'], []],
    ['罚款;警告;罚款', ['罚款', '警告'], []],
    ['吊销营业执照', ['吊销许可证件'], []],
    ['吊销许可证件;吊销营业执照', ['吊销许可证件'], []],
    ['暂扣许可证', ['暂扣许可证件'], []],
    ['罚款;责令改正;责令改正', ['罚款'], ['责令改正']],
    ['其他', ['其他'], []],
    ['没收', [], ['没收']],
    ['', [], []],
    ['  ', [], []],
  ] as const)('%j', (input, categories, unknown) => {
    expect(parsePenaltyCategories(input)).toEqual({ categories, unknown });
  });

  it('recognises every category of the national standard', () => {
    expect(parsePenaltyCategories(PENALTY_CATEGORIES.join(';'))).toEqual({
      categories: [...PENALTY_CATEGORIES],
      unknown: [],
    });
  });
});

describe('defaultSeverity', () => {
  it.each([
    [['警告'], 'minor'],
    [['通报批评'], 'minor'],
    [['警告', '通报批评'], 'minor'],
    [['罚款'], 'general'],
    [['警告', '罚款'], 'general'],
    [['没收违法所得'], 'general'],
    [['没收非法财物'], 'general'],
    [['暂扣许可证件'], 'general'],
    [['其他'], 'general'],
    [['警告', '其他'], 'general'],
    [[], 'general'],
    [['吊销许可证件'], 'serious'],
    [['责令停产停业'], 'serious'],
    [['责令关闭'], 'serious'],
    [['限制从业'], 'serious'],
    [['限制开展生产经营活动'], 'serious'],
    [['降低资质等级'], 'serious'],
    [['行政拘留'], 'serious'],
    [['警告', '行政拘留'], 'serious'],
    [['罚款', '没收违法所得', '责令停产停业'], 'serious'],
  ] as const satisfies ReadonlyArray<readonly [readonly PenaltyCategory[], Severity]>)(
    '%j → %s',
    (categories, expected) => {
      expect(defaultSeverity(categories)).toBe(expected);
    },
  );

  it('treats every category outside the serious and minor lists as general', () => {
    for (const c of PENALTY_CATEGORIES) {
      const expected = SERIOUS_CATEGORIES.includes(c)
        ? 'serious'
        : c === '警告' || c === '通报批评'
          ? 'minor'
          : 'general';
      expect(defaultSeverity([c]), c).toBe(expected);
    }
  });

  it.each([
    [['罚款'], 'minor'],
    [['警告'], 'minor'],
    [['罚款', '没收违法所得'], 'minor'],
    [['罚款', '吊销许可证件'], 'serious'],
    [[], 'minor'],
  ] as const satisfies ReadonlyArray<readonly [readonly PenaltyCategory[], Severity]>)(
    'summary procedure: %j → %s',
    (categories, expected) => {
      expect(defaultSeverity(categories, { summaryProcedure: true })).toBe(expected);
    },
  );

  it('ignores summaryProcedure: false', () => {
    expect(defaultSeverity(['罚款'], { summaryProcedure: false })).toBe('general');
  });
});

describe('resolveSeverity', () => {
  it('lets the department’s explicit severity win in both directions', () => {
    expect(resolveSeverity(['罚款'], 'serious')).toBe('serious');
    expect(resolveSeverity(['吊销许可证件'], 'general')).toBe('general');
    expect(resolveSeverity(['警告'], 'general')).toBe('general');
  });

  it('falls back to the default when nothing is stated', () => {
    expect(resolveSeverity(['罚款'])).toBe('general');
    expect(resolveSeverity(['罚款'], null)).toBe('general');
    expect(resolveSeverity(['警告'], undefined)).toBe('minor');
    expect(resolveSeverity(['罚款'], null, { summaryProcedure: true })).toBe('minor');
  });
});

describe('parseSeverityLabel', () => {
  it.each([
    ['轻微', 'minor'],
    ['一般', 'general'],
    ['严重', 'serious'],
    [' 严重 ', 'serious'],
    ['严重失信', 'serious'],
    ['一般失信行为', 'general'],
    ['minor', 'minor'],
    ['General', 'general'],
    ['SERIOUS', 'serious'],
    ['ｓｅｒｉｏｕｓ', 'serious'],
    ['', null],
    ['  ', null],
    ['较重', null],
    ['严', null],
    ['特别严重', null],
  ] as const)('%j → %s', (input, expected) => {
    expect(parseSeverityLabel(input)).toBe(expected);
  });
});
