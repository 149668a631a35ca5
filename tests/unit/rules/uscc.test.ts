import { describe, expect, it } from 'vitest';
import { SUBJECT_KINDS } from '../../../server/rules/codes';
import {
  USCC_CHARSET,
  USCC_PLACEHOLDER,
  USCC_WEIGHTS,
  makeUscc,
  ownUscc,
  parseUscc,
  usccCheckChar,
  usccSingleEditCandidates,
  validateUscc,
} from '../../../server/rules/uscc';

/** The example of GB 32100-2015. */
const EXAMPLE = '91350100M000100Y43';

function replaceAt(s: string, i: number, c: string): string {
  return s.slice(0, i) + c + s.slice(i + 1);
}

describe('constants', () => {
  it('uses 31 distinct characters without I, O, S, V, Z', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(new Set(USCC_CHARSET).size).toBe(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
  });

  it('has weights 3^i mod 31 for the 17 positions', () => {
    expect(USCC_WEIGHTS).toHaveLength(17);
    USCC_WEIGHTS.forEach((w, i) => expect(w).toBe(3 ** i % 31));
  });
});

describe('usccCheckChar', () => {
  it.each([
    ['91350100M000100Y4', '3'],
    ['00000000000000000', '0'], // sum 0
    ['10000000000000000', 'Y'], // sum 1 → 30
    ['01000000000000000', 'W'], // sum 3 → 28
    ['20000000000000000', 'X'], // sum 2 → 29
  ])('%s → %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it.each(['91350100M000100Y', '91350100M000100Y43', '91350100O000100Y4', '91350100m000100Y4'])(
    'throws on %j',
    (bad) => {
      expect(() => usccCheckChar(bad)).toThrow(RangeError);
    },
  );
});

describe('validateUscc', () => {
  it('accepts the standard example', () => {
    expect(validateUscc(EXAMPLE)).toEqual({ ok: true, uscc: EXAMPLE, placeholder: false });
  });

  it.each([
    ['lower case', '91350100m000100y43'],
    ['full width', '９１３５０１００Ｍ０００１００Ｙ４３'],
    ['full-width lower case', '９１３５０１００ｍ０００１００ｙ４３'],
    ['spaces and tabs', ' 9135 0100\tM000 100Y 43 '],
    ['ideographic spaces', '913501\u300000M000100Y43'],
  ])('accepts %s input and returns the normalised code', (_, input) => {
    expect(validateUscc(input)).toEqual({ ok: true, uscc: EXAMPLE, placeholder: false });
  });

  it('rejects every single-character change of the example', () => {
    const accepted: string[] = [];
    for (let i = 0; i < EXAMPLE.length; i++) {
      for (const c of `${USCC_CHARSET}IOSVZ`) {
        if (c === EXAMPLE[i]) continue;
        const changed = replaceAt(EXAMPLE, i, c);
        const result = validateUscc(changed);
        if (result.ok) accepted.push(changed);
        else expect(result.reason).toBe(USCC_CHARSET.includes(c) ? 'check' : 'charset');
      }
    }
    expect(accepted).toEqual([]);
  });

  it('rejects swapping two adjacent different characters', () => {
    for (let i = 0; i < 16; i++) {
      if (EXAMPLE[i] === EXAMPLE[i + 1]) continue;
      const swapped = EXAMPLE.slice(0, i) + EXAMPLE[i + 1] + EXAMPLE[i] + EXAMPLE.slice(i + 2);
      expect(validateUscc(swapped).ok, swapped).toBe(false);
    }
  });

  it('names the expected check character in the message', () => {
    expect(validateUscc('91350100M000100Y44')).toEqual({
      ok: false,
      reason: 'check',
      message: '统一社会信用代码校验位错误：第18位应为“3”，请核对后重新输入。',
      expectedCheck: '3',
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u3000', 'empty'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['913501', 'length'],
  ] as const)('%j → %s', (input, reason) => {
    const result = validateUscc(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
      expect(result.expectedCheck).toBeUndefined();
    }
  });

  it('says how long the input was', () => {
    const result = validateUscc('91350100M000100Y4');
    expect(result.ok ? '' : result.message).toContain('当前为17位');
  });

  it('names the position of a character outside the charset and suggests the digit for O', () => {
    const result = validateUscc('91350100M0O0100Y43');
    expect(result).toMatchObject({ ok: false, reason: 'charset' });
    expect(result.ok ? '' : result.message).toContain('第11位“O”');
    expect(result.ok ? '' : result.message).toContain('是否应为数字“0”');
  });

  it('reports a character that is not even a letter', () => {
    const result = validateUscc('91350100M000100Y4-');
    expect(result).toMatchObject({ ok: false, reason: 'charset' });
    expect(result.ok ? '' : result.message).toContain('第18位“-”');
  });

  describe('placeholder 00000000000000000X', () => {
    it('is accepted for an individual business, flagged as a placeholder', () => {
      expect(validateUscc(USCC_PLACEHOLDER, 'individual_business')).toEqual({
        ok: true,
        uscc: USCC_PLACEHOLDER,
        placeholder: true,
      });
      expect(validateUscc('00000000000000000x', 'individual_business')).toMatchObject({ ok: true, placeholder: true });
    });

    it.each([...SUBJECT_KINDS.filter((k) => k !== 'individual_business'), undefined])('is refused for %s', (kind) => {
      expect(validateUscc(USCC_PLACEHOLDER, kind)).toMatchObject({ ok: false, reason: 'placeholder_not_allowed' });
    });

    it('would not pass the check-character rule on its own', () => {
      expect(usccCheckChar(USCC_PLACEHOLDER.slice(0, 17))).not.toBe('X');
    });
  });

  it('gives real codes the same answer whatever the subject kind', () => {
    for (const kind of [...SUBJECT_KINDS, undefined]) {
      expect(validateUscc(EXAMPLE, kind)).toEqual({ ok: true, uscc: EXAMPLE, placeholder: false });
    }
  });
});

describe('usccSingleEditCandidates', () => {
  it('has no candidates for a valid code', () => {
    expect(usccSingleEditCandidates(EXAMPLE)).toEqual([]);
  });

  it('finds the original code after any single typo', () => {
    for (let i = 0; i < EXAMPLE.length; i++) {
      for (const c of USCC_CHARSET) {
        if (c === EXAMPLE[i]) continue;
        const typo = replaceAt(EXAMPLE, i, c);
        expect(usccSingleEditCandidates(typo), typo).toContain(EXAMPLE);
      }
    }
  });

  it('finds the digit behind a letter O', () => {
    expect(usccSingleEditCandidates('91350100M0O0100Y43')).toEqual([EXAMPLE]);
  });

  it('returns only valid codes one position away, at most one per position, in position order', () => {
    const typo = replaceAt(EXAMPLE, 5, 'A');
    const candidates = usccSingleEditCandidates(typo);
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.length).toBeLessThanOrEqual(18);
    const positions = candidates.map((cand) => {
      const diffs = [...cand].flatMap((ch, i) => (ch === typo[i] ? [] : [i]));
      expect(diffs).toHaveLength(1);
      expect(validateUscc(cand).ok).toBe(true);
      return diffs[0] ?? -1;
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('normalises the input first', () => {
    expect(usccSingleEditCandidates('９１３５０１００ｍ０００１００ｙ４４')).toContain(EXAMPLE);
  });

  it.each([
    ['wrong length', '91350100M000100Y4'],
    ['empty', ''],
    ['two characters outside the charset', '91350100MOOO100Y43'],
  ])('has none for %s', (_, input) => {
    expect(usccSingleEditCandidates(input)).toEqual([]);
  });

  it('is fast enough for a form field', () => {
    const start = performance.now();
    for (let n = 0; n < 200; n++) usccSingleEditCandidates('91350100M000100Y44');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('makeUscc and parseUscc', () => {
  it('builds the standard example from its parts', () => {
    expect(makeUscc({ registrationDept: '9', orgType: '1', division: '350100', orgCode: 'M000100Y4' })).toBe(EXAMPLE);
  });

  it('parses the standard example', () => {
    expect(parseUscc(EXAMPLE)).toEqual({
      registrationDept: '9',
      orgType: '1',
      division: '350100',
      orgCode: 'M000100Y4',
      check: '3',
    });
  });

  it.each([
    { registrationDept: '9', orgType: '1', division: '511102', orgCode: 'MA62XQ0L1' },
    { registrationDept: '9', orgType: '2', division: '511181', orgCode: 'L12345678' },
    { registrationDept: '1', orgType: '1', division: '511100', orgCode: '008123456' },
    { registrationDept: 'Y', orgType: '1', division: '511123', orgCode: 'YYYYYYYYY' },
  ])('round-trips %o into a valid code', (parts) => {
    const uscc = makeUscc(parts);
    expect(validateUscc(uscc)).toEqual({ ok: true, uscc, placeholder: false });
    expect(parseUscc(uscc)).toMatchObject(parts);
  });

  it('normalises lower-case parts', () => {
    expect(makeUscc({ registrationDept: '9', orgType: '1', division: '350100', orgCode: 'm000100y4' })).toBe(EXAMPLE);
  });

  it.each([
    { registrationDept: '91', orgType: '1', division: '511102', orgCode: 'MA62XQ0L1' },
    { registrationDept: 'S', orgType: '1', division: '511102', orgCode: 'MA62XQ0L1' },
    { registrationDept: '9', orgType: '', division: '511102', orgCode: 'MA62XQ0L1' },
    { registrationDept: '9', orgType: '1', division: '51110', orgCode: 'MA62XQ0L1' },
    { registrationDept: '9', orgType: '1', division: '51110A', orgCode: 'MA62XQ0L1' },
    { registrationDept: '9', orgType: '1', division: '511102', orgCode: 'MA62XQ0L' },
    { registrationDept: '9', orgType: '1', division: '511102', orgCode: 'MA62XQ0LO' },
  ])('refuses malformed parts %o', (parts) => {
    expect(() => makeUscc(parts)).toThrow(RangeError);
  });

  it.each(['91350100M000100Y4', '91350100M000100YO3', ''])('parseUscc refuses %j', (bad) => {
    expect(() => parseUscc(bad)).toThrow(RangeError);
  });
});

describe('ownUscc', () => {
  it('is the code itself, or null for none and for the placeholder that stands for none', () => {
    expect(ownUscc(EXAMPLE)).toBe(EXAMPLE);
    expect(ownUscc(USCC_PLACEHOLDER)).toBeNull();
    expect(ownUscc(null)).toBeNull();
    expect(ownUscc(undefined)).toBeNull();
    expect(ownUscc('')).toBeNull();
  });
});
