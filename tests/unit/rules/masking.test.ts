import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonName, maskPhone } from '../../../server/rules/masking';

describe('maskIdNumber', () => {
  it.each([
    ['110101190001010014', '1101**********0014'],
    ['51110219850312006X', '5111**********006X'],
    ['51110219850312006x', '5111**********006X'],
    [' 5111 0219 8503 1200 6X ', '5111**********006X'],
    ['E12345678', 'E123*5678'], // passport: 9 characters, one masked
    ['12345678', '********'],
    ['1234', '****'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });

  it('never shows the birth date of an 18-digit ID', () => {
    expect(maskIdNumber('511102198503120061')).not.toContain('19850312');
  });

  it('keeps the length so the masked value still reads as an ID number', () => {
    expect(maskIdNumber('110101190001010014')).toHaveLength(18);
  });
});

describe('maskPersonName', () => {
  it.each([
    ['张三', '张*'],
    ['王小明', '王**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳锋', '欧阳*'],
    ['司马光', '司马*'],
    ['诸葛孔明', '诸葛**'],
    ['上官婉儿', '上官**'],
    ['欧阳', '欧*'], // two characters: surname + given name
    ['钟离春', '钟**'], // ambiguous pair treated as a one-character surname
    ['李', '*'],
    ['  张三  ', '张*'],
    ['阿依古丽·买买提', '阿***·***'],
    ['John Smith', 'J*** *****'],
    ['𠇔小明', '𠇔**'], // a surname outside the BMP counts as one character
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskPersonName(input)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['+8613812345678', '+86 138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['0833-2123456', '0833-***3456'],
    ['(0833)21234567', '0833-****4567'],
    ['028-81234567转123', '028-****4567-***'],
    ['12345', '*2345'],
    ['1234', '****'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});
