import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { QueryCodeHashKind } from '../db/types';
import type { IdentityKeys } from '../identities/protect';

// The query code (查询码) has only ~40 bits, so its stored hash is keyed: without the server
// secret a stolen database cannot be brute-forced offline. Rows filed before the key was used
// keep a plain SHA-256 ('sha256') until their first successful check upgrades them.

const QUERY_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The scheme every new row is stored with. */
export const CURRENT_QUERY_CODE_HASH: QueryCodeHashKind = 'hmac_sha256';

function queryCodeSecret(keys: IdentityKeys): Buffer {
  return createHmac('sha256', keys.hmac).update('credit-leshan/query-code/v1').digest();
}

// A different label from the one that generates codes, so the two purposes never share a key.
function queryCodeHashSecret(keys: IdentityKeys): Buffer {
  return createHmac('sha256', keys.hmac).update('credit-leshan/query-code-hash/v1').digest();
}

/** Derived from the form's one-time token, so a repeated submit shows the same code. */
export function queryCodeFor(keys: IdentityKeys, idempotencyKey: string): string {
  const digest = createHmac('sha256', queryCodeSecret(keys)).update(idempotencyKey).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += QUERY_CODE_ALPHABET[digest[i]! % QUERY_CODE_ALPHABET.length];
  return code;
}

/** A fresh random code, for one reissued to the applicant's e-mail address ("找回查询码"). */
export function randomQueryCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}

export function normalizeQueryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export interface StoredQueryCode {
  trackingNumber: string;
  queryCodeHash: string;
  queryCodeHashKind: QueryCodeHashKind;
}

/** A stored hash in the current scheme, to replace a legacy one. */
export interface QueryCodeHashUpgrade {
  queryCodeHash: string;
  queryCodeHashKind: QueryCodeHashKind;
}

export function hashQueryCode(
  keys: IdentityKeys,
  trackingNumber: string,
  code: string,
  kind: QueryCodeHashKind = CURRENT_QUERY_CODE_HASH,
): string {
  const message = `${trackingNumber}:${normalizeQueryCode(code)}`;
  return kind === 'sha256'
    ? createHash('sha256').update(message).digest('hex')
    : createHmac('sha256', queryCodeHashSecret(keys)).update(message).digest('hex');
}

/**
 * Checks a code in constant time with the row's own scheme. `upgrade` is the current-scheme
 * hash to store when a legacy row matched, undefined otherwise.
 */
export function verifyQueryCode(
  keys: IdentityKeys,
  stored: StoredQueryCode,
  code: string,
): { ok: boolean; upgrade?: QueryCodeHashUpgrade } {
  const candidate = Buffer.from(hashQueryCode(keys, stored.trackingNumber, code, stored.queryCodeHashKind), 'hex');
  const expected = Buffer.from(stored.queryCodeHash, 'hex');
  const ok = candidate.length === expected.length && timingSafeEqual(candidate, expected);
  if (!ok || stored.queryCodeHashKind === CURRENT_QUERY_CODE_HASH) return { ok };
  return {
    ok,
    upgrade: {
      queryCodeHash: hashQueryCode(keys, stored.trackingNumber, code),
      queryCodeHashKind: CURRENT_QUERY_CODE_HASH,
    },
  };
}
