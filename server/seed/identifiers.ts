// Identifiers of generated subjects: organisation codes (GB 11714) and 工商注册号 (GB/T 17710
// MOD 11,10), unique by construction: each is a bijection of the subject's index, so no lookups.

import { USCC_CHARSET } from '../rules/uscc';

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Value of an organisation-code character: digits 0–9, letters A=10 … Z=35. */
function orgCharValue(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** GB 11714 check character of an 8-character organisation code body. */
export function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** (i·a + b) mod m: a bijection of [0, m) when a and m are coprime. */
function scramble(i: number, m: number, a: number, b: number): number {
  return Number((BigInt(i) * BigInt(a) + BigInt(b)) % BigInt(m));
}

function base31(n: number, width: number): string {
  let s = '';
  for (let k = 0; k < width; k++) {
    s = USCC_CHARSET.charAt(n % 31) + s;
    n = Math.floor(n / 31);
  }
  return s;
}

export type OrgCodeFamily = 'new' | 'social' | 'enterprise_old' | 'institution_old' | 'individual_old';

/**
 * A unique 9-character organisation code (8 characters and the GB 11714 check) for subject
 * `index`: new-style MA6… (since 2015), MJ… for social organisations, old numeric codes
 * (7… enterprises, 4… institutions, L… individual businesses).
 */
export function orgCode(index: number, family: OrgCodeFamily, salt: number): string {
  let body: string;
  switch (family) {
    case 'new':
      body = `MA6${base31(scramble(index, 31 ** 5, 7_654_321, salt % 31 ** 5), 5)}`;
      break;
    case 'social':
      body = `MJ${base31(scramble(index, 31 ** 6, 7_654_321, salt % 31 ** 6), 6)}`;
      break;
    case 'enterprise_old':
      body = `7${String(scramble(index, 10 ** 7, 3_141_593, salt % 10 ** 7)).padStart(7, '0')}`;
      break;
    case 'institution_old':
      body = `4${String(scramble(index, 10 ** 7, 2_718_281, salt % 10 ** 7)).padStart(7, '0')}`;
      break;
    case 'individual_old':
      body = `L${String(scramble(index, 10 ** 7, 1_618_033, salt % 10 ** 7)).padStart(7, '0')}`;
      break;
  }
  return body + orgCodeCheck(body);
}

/** ISO 7064 MOD 11,10 check digit of the 14 digits of a registration number. */
export function registrationCheckDigit(first14: string): string {
  let p = 10;
  for (const ch of first14) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

/** A unique 15-digit 工商注册号: division, a type digit (6 = individual business), a sequence, the check digit. */
export function registrationNumber(index: number, division: string, typeDigit: string, salt: number): string {
  const seq = String(scramble(index, 10 ** 7, 9_876_543, salt % 10 ** 7)).padStart(7, '0');
  const first14 = division + typeDigit + seq;
  return first14 + registrationCheckDigit(first14);
}
