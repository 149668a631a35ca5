import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveIdentityKeys, idNumberHmac, protectIdNumber, revealIdNumber } from '@/server/identities/protect';

const keys = deriveIdentityKeys(Buffer.alloc(32, 7));
const ID = '110101190001010014';

describe('protected ID numbers', () => {
  it('keeps only a masked copy in the clear', () => {
    const p = protectIdNumber(keys, ID);
    expect(p.masked).toBe('1101**********0014');
    expect(p.ciphertext).not.toContain(ID);
    expect(Buffer.from(p.ciphertext.slice(3), 'base64').toString('latin1')).not.toContain(ID);
    expect(p.hmac).not.toContain(ID);
  });

  it('decrypts with the key and only with the key', () => {
    const p = protectIdNumber(keys, ID);
    expect(revealIdNumber(keys, p.ciphertext)).toBe(ID);
    const otherKeys = deriveIdentityKeys(randomBytes(32));
    expect(() => revealIdNumber(otherKeys, p.ciphertext)).toThrow();
  });

  it('matches the same person by HMAC whatever the case or spaces, and differs per key', () => {
    const a = protectIdNumber(keys, '11010119000101001x');
    const b = protectIdNumber(keys, ' 11010119000101001X ');
    expect(a.hmac).toBe(b.hmac);
    expect(a.ciphertext).not.toBe(b.ciphertext); // fresh IV each time
    expect(idNumberHmac(deriveIdentityKeys(Buffer.alloc(32, 8)), ID)).not.toBe(idNumberHmac(keys, ID));
  });

  it('refuses a short secret', () => {
    expect(() => deriveIdentityKeys(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
