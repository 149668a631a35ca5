// 统一社会信用代码 (GB 32100-2015), SPEC §2.

import type { SubjectKind } from './codes';
import { normalizeCode } from './normalize';

/** The 31 characters a USCC may use; a character's value is its index (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17 in the check-character sum (3^i mod 31). */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Stands in for the code of an individual business that has none; valid only for individual_business. */
export const USCC_PLACEHOLDER = '00000000000000000X';
export const USCC_LENGTH = 18;

/** A subject's own USCC: null when it has none or only the placeholder that stands for none (SPEC). */
export function ownUscc(uscc: string | null | undefined): string | null {
  return uscc && uscc !== USCC_PLACEHOLDER ? uscc : null;
}

const MODULUS = USCC_CHARSET.length;

/** Letters people type for a digit they see on a licence. */
const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = { O: '0', I: '1' };

/** Value of a USCC character, −1 when it is not in the charset. */
function charValue(c: string): number {
  return c.length === 1 ? USCC_CHARSET.indexOf(c) : -1;
}

/** Check character of the first 17 characters, or null if one of them is not in the charset. */
function checkCharOrNull(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < USCC_WEIGHTS.length; i++) {
    const v = charValue(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

/** True when an already normalised 18-character string has a matching check character. */
function hasValidCheck(code: string): boolean {
  return code.length === USCC_LENGTH && checkCharOrNull(code.slice(0, 17)) === code.charAt(17);
}

/** The check character (position 18) for 17 already normalised characters; throws on anything else. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1) {
    throw new RangeError(`usccCheckChar needs exactly 17 characters, got ${first17.length}`);
  }
  const check = checkCharOrNull(first17);
  if (check === null) throw new RangeError(`"${first17}" contains a character outside the USCC charset`);
  return check;
}

/**
 * Result of validateUscc. `uscc` is the normalised code. `placeholder: true` means the
 * individual-business placeholder 00000000000000000X was accepted: the caller must then
 * require the 工商注册号 (registration number) to identify the subject.
 */
export type UsccValidation =
  | { ok: true; uscc: string; placeholder: boolean }
  | {
      ok: false;
      reason: 'empty' | 'length' | 'charset' | 'check' | 'placeholder_not_allowed';
      message: string;
      /** The check character the first 17 characters call for (reason 'check' only). */
      expectedCheck?: string;
    };

/** Validates a USCC as typed or imported (any case, full-width, with spaces); messages are for people. */
export function validateUscc(input: string, subjectKind?: SubjectKind): UsccValidation {
  const code = normalizeCode(input);
  if (code === '') return { ok: false, reason: 'empty', message: '请填写统一社会信用代码。' };
  if (code.length !== USCC_LENGTH) {
    return {
      ok: false,
      reason: 'length',
      message: `统一社会信用代码应为18位，当前为${code.length}位，请核对后重新输入。`,
    };
  }
  if (code === USCC_PLACEHOLDER) {
    if (subjectKind === 'individual_business') return { ok: true, uscc: code, placeholder: true };
    return {
      ok: false,
      reason: 'placeholder_not_allowed',
      message: `“${USCC_PLACEHOLDER}”仅供没有统一社会信用代码的个体工商户使用，请填写该主体的18位统一社会信用代码。`,
    };
  }
  for (let i = 0; i < code.length; i++) {
    const c = code.charAt(i);
    if (charValue(c) < 0) {
      const lookalike = LOOKALIKE_DIGITS[c];
      const hint = lookalike === undefined ? '' : `是否应为数字“${lookalike}”？`;
      return {
        ok: false,
        reason: 'charset',
        message: `统一社会信用代码第${i + 1}位“${c}”不是有效字符（代码中不使用字母I、O、S、V、Z）。${hint}请核对后重新输入。`,
      };
    }
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code.charAt(17)) {
    return {
      ok: false,
      reason: 'check',
      message: `统一社会信用代码校验位错误：第18位应为“${expected}”，请核对后重新输入。`,
      expectedCheck: expected,
    };
  }
  return { ok: true, uscc: code, placeholder: false };
}

/**
 * Every valid USCC that differs from the (normalised, 18-character) input in exactly one
 * position, in position then charset order — the "did you mean" list; the caller keeps only
 * codes of known subjects. A valid input has none: the weights are invertible mod 31, so no
 * single change keeps a code valid. At most 18 × 30 candidate checks.
 */
export function usccSingleEditCandidates(input: string): string[] {
  const code = normalizeCode(input);
  if (code.length !== USCC_LENGTH) return [];
  const found: string[] = [];
  for (let i = 0; i < USCC_LENGTH; i++) {
    const head = code.slice(0, i);
    const tail = code.slice(i + 1);
    for (const c of USCC_CHARSET) {
      if (c === code.charAt(i)) continue;
      const candidate = head + c + tail;
      if (hasValidCheck(candidate)) found.push(candidate);
    }
  }
  return found;
}

/** The parts of a USCC (GB 32100-2015 positions 1, 2, 3–8, 9–17, 18). */
export type UsccParts = {
  /** Position 1, 登记管理部门 (9 = 市场监管, 1 = 机构编制, 5 = 民政 …). */
  registrationDept: string;
  /** Position 2, 机构类别 (with 9: 1 企业, 2 个体工商户, 3 农民专业合作社 …). */
  orgType: string;
  /** Positions 3–8, 登记管理机关行政区划码 (GB/T 2260). */
  division: string;
  /** Positions 9–17, 主体标识码 (组织机构代码). */
  orgCode: string;
};

function assertCharset(label: string, value: string, length: number): void {
  if (value.length !== length || [...value].some((c) => charValue(c) < 0)) {
    throw new RangeError(`${label} must be ${length} USCC characters, got "${value}"`);
  }
}

/** Builds a valid USCC from its parts by computing the check character (for seed data and tests). */
export function makeUscc(parts: UsccParts): string {
  const registrationDept = normalizeCode(parts.registrationDept);
  const orgType = normalizeCode(parts.orgType);
  const division = normalizeCode(parts.division);
  const orgCode = normalizeCode(parts.orgCode);
  assertCharset('registrationDept', registrationDept, 1);
  assertCharset('orgType', orgType, 1);
  if (!/^\d{6}$/.test(division)) throw new RangeError(`division must be 6 digits, got "${parts.division}"`);
  assertCharset('orgCode', orgCode, 9);
  const first17 = registrationDept + orgType + division + orgCode;
  return first17 + usccCheckChar(first17);
}

/** Splits a USCC into its parts; checks shape and charset only (use validateUscc for the check character). */
export function parseUscc(uscc: string): UsccParts & { check: string } {
  const code = normalizeCode(uscc);
  assertCharset('uscc', code, USCC_LENGTH);
  return {
    registrationDept: code.slice(0, 1),
    orgType: code.slice(1, 2),
    division: code.slice(2, 8),
    orgCode: code.slice(8, 17),
    check: code.slice(17),
  };
}
