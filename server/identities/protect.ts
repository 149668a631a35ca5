import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber } from '../rules/masking';

// A natural person's ID number is stored three ways (SPEC §2): an HMAC to match the same
// person again, AES-256-GCM ciphertext that only staff code can open, and the masked form
// that public pages show. The HMAC key is derived from the same secret with a label, so a
// leaked database (or search index) without the key exposes nothing.

export interface ProtectedIdNumber {
  idType: string;
  hmac: string;
  ciphertext: string;
  masked: string;
}

export interface IdentityKeys {
  encryption: Buffer;
  hmac: Buffer;
}

export function deriveIdentityKeys(secret: Buffer): IdentityKeys {
  if (secret.length < 32) throw new Error('IDENTITY_KEY must be at least 32 bytes');
  return {
    encryption: createHmac('sha256', secret).update('credit-leshan/id-encryption/v1').digest(),
    hmac: createHmac('sha256', secret).update('credit-leshan/id-hmac/v1').digest(),
  };
}

export function idNumberHmac(keys: IdentityKeys, idNumber: string): string {
  return createHmac('sha256', keys.hmac).update(idNumber.trim().toUpperCase()).digest('hex');
}

export function protectIdNumber(keys: IdentityKeys, idNumber: string, idType = '身份证'): ProtectedIdNumber {
  const normalized = idNumber.trim().toUpperCase();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const encrypted = Buffer.concat([cipher.update(normalized, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    idType,
    hmac: idNumberHmac(keys, normalized),
    ciphertext: `v1:${Buffer.concat([iv, tag, encrypted]).toString('base64')}`,
    masked: maskIdNumber(normalized),
  };
}

export function revealIdNumber(keys: IdentityKeys, ciphertext: string): string {
  const [version, payload] = ciphertext.split(':');
  if (version !== 'v1' || !payload) throw new Error('unknown identity ciphertext version');
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
