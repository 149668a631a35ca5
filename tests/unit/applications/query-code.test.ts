import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { hashQueryCode, queryCodeFor, verifyQueryCode } from '@/server/applications/query-code';

const keys = deriveIdentityKeys(Buffer.alloc(32, 7));
const otherKeys = deriveIdentityKeys(Buffer.alloc(32, 8));
const TRACKING = 'YY20260302123456';
const CODE = queryCodeFor(keys, 'form-token-1');
const plainSha256 = (message: string) => createHash('sha256').update(message).digest('hex');
const stored = (queryCodeHash: string, queryCodeHashKind: 'sha256' | 'hmac_sha256' = 'hmac_sha256') => ({
  trackingNumber: TRACKING,
  queryCodeHash,
  queryCodeHashKind,
});

describe('query-code hashes', () => {
  it('are keyed: not the plain SHA-256 of the same input, and different under another key', () => {
    const hash = hashQueryCode(keys, TRACKING, CODE);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(plainSha256(`${TRACKING}:${CODE}`));
    expect(hashQueryCode(otherKeys, TRACKING, CODE)).not.toBe(hash);
    expect(hashQueryCode(keys, 'YY20260302123457', CODE)).not.toBe(hash);
  });

  it('still computes the legacy plain SHA-256 when asked for it', () => {
    expect(hashQueryCode(keys, TRACKING, CODE, 'sha256')).toBe(plainSha256(`${TRACKING}:${CODE}`));
  });

  it('accept the code whatever its case, spaces or dashes', () => {
    const row = stored(hashQueryCode(keys, TRACKING, CODE));
    const typed = ` ${CODE.slice(0, 4).toLowerCase()}-${CODE.slice(4)} `;
    expect(verifyQueryCode(keys, row, typed).ok).toBe(true);
  });
});

describe('checking a query code', () => {
  it('passes the right code with the right key only, and asks no upgrade of a current row', () => {
    const row = stored(hashQueryCode(keys, TRACKING, CODE));
    expect(verifyQueryCode(keys, row, CODE)).toEqual({ ok: true });
    expect(verifyQueryCode(keys, row, 'WRONG000').ok).toBe(false);
    expect(verifyQueryCode(otherKeys, row, CODE).ok).toBe(false);
  });

  it('passes a legacy row with its own scheme and hands back the keyed hash to store', () => {
    const row = stored(plainSha256(`${TRACKING}:${CODE}`), 'sha256');
    const check = verifyQueryCode(keys, row, CODE.toLowerCase());
    expect(check.ok).toBe(true);
    expect(check.upgrade).toEqual({
      queryCodeHash: hashQueryCode(keys, TRACKING, CODE),
      queryCodeHashKind: 'hmac_sha256',
    });
    expect(verifyQueryCode(keys, stored(check.upgrade!.queryCodeHash), CODE).ok).toBe(true);
  });

  it('offers no upgrade when a legacy row gets a wrong code', () => {
    const row = stored(plainSha256(`${TRACKING}:${CODE}`), 'sha256');
    expect(verifyQueryCode(keys, row, 'WRONG000')).toEqual({ ok: false });
  });

  it('does not take a legacy hash as a keyed one (no downgrade by relabelling)', () => {
    const row = stored(plainSha256(`${TRACKING}:${CODE}`), 'hmac_sha256');
    expect(verifyQueryCode(keys, row, CODE).ok).toBe(false);
  });

  it('fails, without throwing, on a malformed stored hash', () => {
    expect(verifyQueryCode(keys, stored('x'), CODE).ok).toBe(false);
    expect(verifyQueryCode(keys, stored(''), CODE).ok).toBe(false);
  });
});
