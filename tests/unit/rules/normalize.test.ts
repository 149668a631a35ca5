import { describe, expect, it } from 'vitest';
import { displayName, normalizeCode, normalizeName, toHalfWidth } from '../../../server/rules/normalize';

describe('toHalfWidth', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['ａｂｃ', 'abc'],
    ['（）［］！～', '()[]!~'],
    ['\u3000', ' '],
    ['乐山　市', '乐山 市'],
    ['abc', 'abc'],
    ['【】〔〕', '【】〔〕'], // outside U+FF01–U+FF5E: untouched
    ['\uFF00\uFF5F', '\uFF00\uFF5F'], // just outside the block on both sides
  ])('%j → %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('maps the whole block U+FF01–U+FF5E onto U+0021–U+007E', () => {
    for (let code = 0xff01; code <= 0xff5e; code++) {
      expect(toHalfWidth(String.fromCharCode(code))).toBe(String.fromCharCode(code - 0xfee0));
    }
  });
});

describe('normalizeCode', () => {
  it.each([
    ['  91350100m000100y43  ', '91350100M000100Y43'],
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['9135 0100\tM000\u3000100Y\u00A043', '91350100M000100Y43'],
    ['\u200B91350100M000100Y43\uFEFF', '91350100M000100Y43'],
    ['11010119000101001x', '11010119000101001X'],
    ['', ''],
    [' \u3000 ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });
});

describe('normalizeName', () => {
  const sameKey: Array<[string, string]> = [
    ['乐山市某某有限公司（峨眉山分公司）', '乐山市某某有限公司(峨眉山分公司)'],
    ['乐山市某某有限公司【峨眉山分公司】', '乐山市某某有限公司(峨眉山分公司)'],
    ['乐山市某某有限公司〔峨眉山分公司〕', '乐山市某某有限公司（峨眉山分公司）'],
    ['乐山市 某某 有限公司', '乐山市某某有限公司'],
    ['乐山市\u3000某某\u00A0有限公司', '乐山市某某有限公司'],
    ['乐山ＡＢＣ有限公司', '乐山abc有限公司'],
    ['乐山ABC有限公司', '乐山abc有限公司'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['乐山市“好又多”超市', '乐山市"好又多"超市'],
  ];
  it.each(sameKey)('%j and %j match', (a, b) => {
    expect(normalizeName(a)).toBe(normalizeName(b));
  });

  it.each([
    ['乐山市某某有限公司（峨眉山分公司）', '乐山市某某有限公司(峨眉山分公司)'],
    [' ABC Trading （China） Co. ', 'abctrading(china)co.'],
    ['ＡＢＣ　１２３', 'abc123'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps different names different', () => {
    expect(normalizeName('乐山市甲有限公司')).not.toBe(normalizeName('乐山市乙有限公司'));
    expect(normalizeName('乐山市某某有限公司(峨眉山分公司)')).not.toBe(normalizeName('乐山市某某有限公司峨眉山分公司'));
  });
});

describe('displayName', () => {
  it.each([
    ['  乐山市某某有限公司  ', '乐山市某某有限公司'],
    ['乐山市某某有限公司(峨眉山分公司)', '乐山市某某有限公司（峨眉山分公司）'],
    ['乐山市某某有限公司 ( 峨眉山分公司 ) ', '乐山市某某有限公司（峨眉山分公司）'],
    ['乐山市某某有限公司（峨眉山分公司)', '乐山市某某有限公司（峨眉山分公司）'],
    ['乐山 ABC (中国) 有限公司', '乐山 ABC（中国）有限公司'],
    ['乐山ＡＢＣ１２３商行', '乐山ABC123商行'],
    ['乐山市   市中区\u3000\u3000张三餐馆', '乐山市 市中区 张三餐馆'],
    ['ABC （China）   Co.,  Ltd.', 'ABC (China) Co., Ltd.'],
    ['乐山市\u200B某某公司', '乐山市某某公司'],
    ['乐山市【老字号】某某店', '乐山市【老字号】某某店'],
  ])('%j → %j', (input, expected) => {
    expect(displayName(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const s of ['乐山 ABC (中国) 有限公司', 'ABC （China） Ltd', '乐山市某某有限公司(峨眉山分公司)']) {
      expect(displayName(displayName(s))).toBe(displayName(s));
    }
  });

  it('gives the same matching key as the raw input', () => {
    const raw = '乐山市 某某 有限公司 (峨眉山分公司)';
    expect(normalizeName(displayName(raw))).toBe(normalizeName(raw));
  });
});
