import { describe, expect, it } from 'vitest';
import {
  RESIDENT_ID_WEIGHTS,
  makeResidentId,
  residentIdCheckChar,
  validateResidentId,
} from '../../../server/rules/idcard';

/** The example of SPEC §2. */
const EXAMPLE = '110101190001010014';
const TODAY = '2026-11-28';

describe('residentIdCheckChar', () => {
  it('uses the GB 11643 weights 2^(17−i) mod 11', () => {
    RESIDENT_ID_WEIGHTS.forEach((w, i) => expect(w).toBe(2 ** (17 - i) % 11));
  });

  it.each([
    ['11010119000101001', '4'],
    ['51110219850312006', 'X'],
    ['51112320000229002', 'X'],
    ['00000000000000000', '1'], // sum 0 → "10X98765432"[0]
    ['00000000000000001', 'X'], // sum 2 → index 2
  ])('%s → %s', (first17, check) => {
    expect(residentIdCheckChar(first17)).toBe(check);
  });

  it.each(['1101011900010100', '110101190001010014', '1101011900010100A', ''])('throws on %j', (bad) => {
    expect(() => residentIdCheckChar(bad)).toThrow(RangeError);
  });
});

describe('validateResidentId', () => {
  it('accepts the example and reads birth date and sex', () => {
    expect(validateResidentId(EXAMPLE, TODAY)).toEqual({ ok: true, id: EXAMPLE, birthDate: '1900-01-01', sex: 'male' });
  });

  it.each([
    ['51110219850312006X', '51110219850312006X', '1985-03-12'],
    ['51110219850312006x', '51110219850312006X', '1985-03-12'],
    [' 5111 0219 8503 1200 6x ', '51110219850312006X', '1985-03-12'],
    ['５１１１０２１９８５０３１２００６ｘ', '51110219850312006X', '1985-03-12'],
    ['51112320000229002X', '51112320000229002X', '2000-02-29'],
  ])('accepts %j (X check digit, lower-case x, spaces, full width)', (input, id, birthDate) => {
    expect(validateResidentId(input, TODAY)).toEqual({ ok: true, id, birthDate, sex: 'female' });
  });

  it('rejects every single-character change of the example', () => {
    const accepted: string[] = [];
    for (let i = 0; i < EXAMPLE.length; i++) {
      for (const c of '0123456789X') {
        if (c === EXAMPLE[i]) continue;
        const changed = EXAMPLE.slice(0, i) + c + EXAMPLE.slice(i + 1);
        const result = validateResidentId(changed, TODAY);
        if (result.ok) accepted.push(changed);
        else expect(['check', 'birth_date', 'format']).toContain(result.reason);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('rejects a wrong check digit with reason check', () => {
    expect(validateResidentId('110101190001010015', TODAY)).toMatchObject({ ok: false, reason: 'check' });
    expect(validateResidentId('11010119000101001X', TODAY)).toMatchObject({ ok: false, reason: 'check' });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['11010119000101001', 'length'],
    ['1101011900010100144', 'length'],
    ['110101000101001', 'length'],
    ['11010119000101001A', 'format'],
    ['X10101190001010014', 'format'],
    ['1101011900010100-4', 'format'],
    ['110101190002300010', 'birth_date'], // 1900-02-30
    ['110101190013010010', 'birth_date'], // month 13
    ['110101190000010010', 'birth_date'], // month 00
    ['110101190001000010', 'birth_date'], // day 00
    ['110101190002290010', 'birth_date'], // 1900 is not a leap year
    ['110101179901010010', 'birth_date'], // before 1800
  ] as const)('%j → %s', (input, reason) => {
    const result = validateResidentId(input, TODAY);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok ? '' : result.message).toMatch(/请|应为/);
  });

  it('explains that 15-digit numbers are no longer accepted', () => {
    const result = validateResidentId('110101000101001', TODAY);
    expect(result.ok ? '' : result.message).toContain('15位');
  });

  it('rejects a birth date after today and accepts one on today', () => {
    const id = makeResidentId({ division: '511102', birthDate: '2026-11-29', sequence: 1 });
    expect(validateResidentId(id, '2026-11-28')).toMatchObject({ ok: false, reason: 'birth_date' });
    expect(validateResidentId(id, '2026-11-29')).toMatchObject({ ok: true, birthDate: '2026-11-29' });
  });

  it('defaults today to the current date in Shanghai', () => {
    const farFuture = makeResidentId({ division: '511102', birthDate: '2999-01-01', sequence: 1 });
    expect(validateResidentId(farFuture)).toMatchObject({ ok: false, reason: 'birth_date' });
    expect(validateResidentId(EXAMPLE)).toMatchObject({ ok: true });
  });
});

describe('makeResidentId', () => {
  it('builds the example', () => {
    expect(makeResidentId({ division: '110101', birthDate: '1900-01-01', sequence: 1 })).toBe(EXAMPLE);
  });

  it.each([
    [0, 'female'],
    [1, 'male'],
    [2, 'female'],
    [517, 'male'],
    [998, 'female'],
    [999, 'male'],
  ] as const)('sequence %i gives a valid ID of a %s', (sequence, sex) => {
    const id = makeResidentId({ division: '511181', birthDate: '1979-12-31', sequence });
    expect(id).toMatch(/^51118119791231\d{3}[\dX]$/);
    expect(id.slice(14, 17)).toBe(String(sequence).padStart(3, '0'));
    expect(validateResidentId(id, TODAY)).toEqual({ ok: true, id, birthDate: '1979-12-31', sex });
  });

  it.each([
    { division: '51118', birthDate: '1979-12-31', sequence: 1 },
    { division: '5111811', birthDate: '1979-12-31', sequence: 1 },
    { division: '511181', birthDate: '1979-02-30', sequence: 1 },
    { division: '511181', birthDate: '19791231', sequence: 1 },
    { division: '511181', birthDate: '1979-12-31', sequence: -1 },
    { division: '511181', birthDate: '1979-12-31', sequence: 1000 },
    { division: '511181', birthDate: '1979-12-31', sequence: 1.5 },
  ])('refuses %o', (parts) => {
    expect(() => makeResidentId(parts)).toThrow(RangeError);
  });
});
