// Verification codes of issued credit reports: random, unguessable, easy to read aloud and type.
// Crockford base32 (no I, L, O, U); 15 characters = 75 random bits, shown as three groups of five.

import { toHalfWidth } from './normalize';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 15;
const GROUP = 5;

/** A new code from a source of random bytes (node:crypto randomBytes in production). */
export function newVerificationCode(randomBytes: (n: number) => Uint8Array): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  return [...randomBytes(VERIFICATION_CODE_LENGTH)].map((b) => ALPHABET[b % 32]).join('');
}

/** 'ABCDE-FGHJK-MNPQR' for people; the stored form has no separators. */
export function formatVerificationCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? code;
}

/**
 * What a person typed, as a stored code, or null if it cannot be one: separators and spaces
 * dropped, full-width and lower case folded, and the look-alikes Crockford allows (O→0, I/L→1).
 */
export function normalizeVerificationCode(input: string): string | null {
  const folded = toHalfWidth(input)
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (folded.length !== VERIFICATION_CODE_LENGTH) return null;
  return [...folded].every((c) => ALPHABET.includes(c)) ? folded : null;
}
