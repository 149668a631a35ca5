import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { IdentityKeys } from '../identities/protect';

// A reissued query code waits in the outbox until it is mailed: sealed with AES-256-GCM under
// a key derived from the identity secret for this purpose only, and cleared once sent.

const keyOf = (keys: IdentityKeys) =>
  createHmac('sha256', keys.encryption).update('credit-leshan/notification-secret/v1').digest();

export function sealSecret(keys: IdentityKeys, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(keys), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function openSecret(keys: IdentityKeys, sealed: string): string {
  const [version, payload] = sealed.split(':');
  if (version !== 'v1' || !payload) throw new Error('unknown notification secret version');
  const raw = Buffer.from(payload, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keys), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
