import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { config } from '../config';
import { deriveIdentityKeys, type IdentityKeys } from './protect';

let cached: IdentityKeys | undefined;

/**
 * The identity secret: IDENTITY_KEY (base64, ≥ 32 bytes) when set, as in production;
 * otherwise a key generated once into the data folder, so the embedded demo works out of
 * the box and keeps matching the same persons across restarts.
 */
export function identityKeys(): IdentityKeys {
  if (cached) return cached;
  const cfg = config();
  let secret: Buffer;
  if (cfg.IDENTITY_KEY) {
    secret = Buffer.from(cfg.IDENTITY_KEY, 'base64');
  } else {
    const file = path.join(cfg.dataDir, 'identity.key');
    if (!existsSync(file)) {
      mkdirSync(cfg.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
  cached = deriveIdentityKeys(secret);
  return cached;
}
