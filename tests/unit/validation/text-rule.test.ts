import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, findTextFault, hasLoneSurrogate, text, textProblem } from '@/server/validation';

// The portal's one text rule (server/validation.ts): refuse control characters and lone
// surrogates (and line breaks where a field is one line), clean NFC and CRLF.

describe('the text rule', () => {
  it('refuses NUL, other C0/C1 controls and DEL, but keeps tab and line breaks in multi-line text', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(textProblem(`a${c}b`)).toBe('control');
    }
    expect(textProblem('a\tb\nc\r\nd')).toBeNull();
    expect(textProblem('a\nb', { singleLine: true })).toBe('line-break');
    expect(textProblem('a\u2028b', { singleLine: true })).toBe('line-break');
  });

  it('finds lone surrogates and accepts pairs (emoji, rare CJK)', () => {
    expect(hasLoneSurrogate('\ud800')).toBe(true);
    expect(hasLoneSurrogate('a\udc00')).toBe(true);
    expect(hasLoneSurrogate('\ud800\ud800\udc00')).toBe(true);
    expect(hasLoneSurrogate('😀𠀀乐山')).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(hasLoneSurrogate(s)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(hasLoneSurrogate(s)).toBe(!s.isWellFormed());
      }),
    );
  });

  it('cleans to NFC and LF, idempotently, and what it accepts PostgreSQL can store', () => {
    expect(cleanText('Cafe\u0301\r\nx\ry')).toBe('Café\nx\ny');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        if (textProblem(s) !== null) return;
        const clean = cleanText(s);
        expect(cleanText(clean)).toBe(clean);
        expect(clean).not.toContain('\u0000');
        expect(clean.isWellFormed()).toBe(true);
        expect(clean).toBe(clean.normalize('NFC'));
      }),
    );
  });

  it('a text() field names itself in Chinese and keeps its other checks', () => {
    const name = text('单位名称', { singleLine: true }).min(2, '请填写单位名称。');
    expect(name.safeParse(' 乐山 ').data).toBe('乐山');
    expect(name.safeParse('乐\u0000山').error!.issues[0]!.message).toBe(
      '单位名称含有无法显示的控制字符（如空字符），请删除后重新填写。',
    );
    expect(name.safeParse('乐\n山').error!.issues[0]!.message).toBe('单位名称不能换行，请写在一行内。');
    expect(name.safeParse(42).error!.issues[0]!.message).toBe('单位名称应为文本');
  });

  it('finds the first bad string anywhere in an input, keys included, and skips bytes', () => {
    expect(findTextFault({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ path: ['a', 1, 'c'], problem: 'control' });
    expect(findTextFault({ ['k\u0000']: 1 })).toMatchObject({ problem: 'control' });
    expect(findTextFault({ files: [{ fileName: 'a\nb.png', bytes: new Uint8Array([0]) }] })).toEqual({
      path: ['files', 0, 'fileName'],
      problem: 'line-break',
    });
    expect(findTextFault({ description: 'a\nb', n: 1, d: new Date(), nil: null })).toBeNull();
  });
});
