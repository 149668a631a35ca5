// 公民身份号码 (GB 11643-1999), 18-character form only, SPEC §2.

import { isIsoDate, todayInShanghai, type IsoDate } from './dates';
import { normalizeCode } from './normalize';

/** Weights of positions 1–17 (2^(18−i) mod 11). */
export const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';
/** Birth years before this are junk, not history: nobody born earlier was ever issued an 18-digit number. */
const MIN_BIRTH_YEAR = 1800;

/** The check character (position 18) of 17 digits; throws on anything else. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`residentIdCheckChar needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

export type ResidentIdValidation =
  | { ok: true; id: string; birthDate: IsoDate; sex: 'male' | 'female' }
  | { ok: false; reason: 'empty' | 'length' | 'format' | 'birth_date' | 'check'; message: string };

/**
 * Validates an 18-character resident ID number as typed (spaces, full-width, lower-case x allowed).
 * The birth date must be a real date between 1800 and `today` (Leshan's today by default).
 */
export function validateResidentId(input: string, today: IsoDate = todayInShanghai()): ResidentIdValidation {
  const id = normalizeCode(input);
  if (id === '') return { ok: false, reason: 'empty', message: '请填写居民身份证号码。' };
  if (id.length !== 18) {
    const oldForm = id.length === 15 ? '15位旧号码已停止使用，请填写18位号码。' : '请核对后重新输入。';
    return {
      ok: false,
      reason: 'length',
      message: `居民身份证号码应为18位，当前为${id.length}位。${oldForm}`,
    };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return {
      ok: false,
      reason: 'format',
      message: '居民身份证号码前17位应为数字，第18位应为数字或字母X，请核对后重新输入。',
    };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate) || Number(id.slice(6, 10)) < MIN_BIRTH_YEAR || birthDate > today) {
    return {
      ok: false,
      reason: 'birth_date',
      message: `居民身份证号码第7至14位的出生日期“${id.slice(6, 14)}”不是有效日期，请核对后重新输入。`,
    };
  }
  if (residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) {
    return {
      ok: false,
      reason: 'check',
      message: '居民身份证号码校验位错误（第18位与前17位不符），请核对后重新输入。',
    };
  }
  // Position 17 (the last digit of the sequence number) is odd for men, even for women.
  const sex = Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id, birthDate, sex };
}

/**
 * Builds a valid ID number (for the seed-data generator and tests). `sequence` 0–999 is the
 * 顺序码; its parity decides the sex (odd = male).
 */
export function makeResidentId(parts: { division: string; birthDate: IsoDate; sequence: number }): string {
  if (!/^\d{6}$/.test(parts.division)) throw new RangeError(`division must be 6 digits, got "${parts.division}"`);
  if (!isIsoDate(parts.birthDate)) throw new RangeError(`birthDate must be YYYY-MM-DD, got "${parts.birthDate}"`);
  if (!Number.isInteger(parts.sequence) || parts.sequence < 0 || parts.sequence > 999) {
    throw new RangeError(`sequence must be a whole number 0–999, got ${parts.sequence}`);
  }
  const first17 = parts.division + parts.birthDate.replaceAll('-', '') + String(parts.sequence).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
}
