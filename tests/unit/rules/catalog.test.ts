import { describe, expect, it } from 'vitest';
import { splitUnits } from '@/server/rules/catalog';

describe('splitUnits', () => {
  it('splits the implementing units at 、 but not inside brackets', () => {
    expect(splitUnits('乐山市市场监督管理局、各县（市、区）政务服务中心、乐山海关')).toEqual([
      '乐山市市场监督管理局',
      '各县（市、区）政务服务中心',
      '乐山海关',
    ]);
  });

  it('accepts the other separators, half-width brackets and stray spaces', () => {
    expect(splitUnits(' 市财政局；各县(市、区)财政局， 人民银行乐山市分行 ')).toEqual([
      '市财政局',
      '各县(市、区)财政局',
      '人民银行乐山市分行',
    ]);
    expect(splitUnits('')).toEqual([]);
  });
});
