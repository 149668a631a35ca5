import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../server/rules/canonical-json';
import {
  VERIFICATION_CODE_LENGTH,
  formatVerificationCode,
  newVerificationCode,
  normalizeVerificationCode,
} from '../../../server/rules/verification-code';

describe('verification codes', () => {
  it('are 15 Crockford base32 characters, different every time', () => {
    const codes = Array.from({ length: 200 }, () => newVerificationCode((n) => randomBytes(n)));
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{15}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(VERIFICATION_CODE_LENGTH * 5).toBeGreaterThanOrEqual(75);
  });

  it('are shown in groups of five and read back from what people type', () => {
    expect(formatVerificationCode('ABCDE0123456789')).toBe('ABCDE-01234-56789');
    expect(normalizeVerificationCode(' abcde-01234-56789 ')).toBe('ABCDE0123456789');
    // Full-width characters and the look-alikes O→0, I/L→1.
    expect(normalizeVerificationCode('ＡＢＣＤＥ ｏ１２３４ 56789')).toBe('ABCDE0123456789');
    expect(normalizeVerificationCode('ABCDE-O1234-5678I')).toBe('ABCDE0123456781');
  });

  it('reject anything that cannot be a code', () => {
    expect(normalizeVerificationCode('')).toBeNull();
    expect(normalizeVerificationCode('ABCDE-01234-5678')).toBeNull(); // too short
    expect(normalizeVerificationCode('ABCDE-01234-56789U')).toBeNull(); // too long
    expect(normalizeVerificationCode('ABCDE-01234-5678U')).toBeNull(); // U is not in the alphabet
    expect(normalizeVerificationCode('信用报告验证码一二三四五六七八九')).toBeNull();
  });
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, e: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
    expect(canonicalJson({ a: { c: true, d: [1, 'x', null] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } }),
    );
  });

  it('keeps Chinese text as is', () => {
    expect(canonicalJson({ 名称: '乐山市（嘉州）食品有限公司' })).toBe('{"名称":"乐山市（嘉州）食品有限公司"}');
  });
});
