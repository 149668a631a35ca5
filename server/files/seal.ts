import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { IdentityKeys } from '../identities/protect';

// Files that hold personal data at rest (import previews: ID numbers, names) are sealed
// chunk by chunk with AES-256-GCM, as identity numbers are, under a key derived from the same
// secret (IDENTITY_KEY) with its own label. The chunk's place (file key, number) is bound in
// as associated data, so chunks cannot be swapped or reordered unnoticed.

export interface Sealer {
  seal(plain: Uint8Array, context: string): Uint8Array;
  open(sealed: Uint8Array, context: string): Uint8Array;
}

export function fileSealer(keys: IdentityKeys): Sealer {
  const key = createHmac('sha256', keys.encryption).update('credit-leshan/file-seal/v1').digest();
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed, context) {
      const raw = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    },
  };
}
