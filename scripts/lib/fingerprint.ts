import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// What the Next build depends on; a change to any of it means `npm start` rebuilds.
const INPUTS = [
  'app',
  'components',
  'server',
  'content',
  'public',
  'next.config.ts',
  'postcss.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];

export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  const visit = (rel: string) => {
    const abs = path.join(root, rel);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(abs).sort()) visit(path.join(rel, name));
    } else {
      hash.update(rel).update('\0').update(readFileSync(abs)).update('\0');
    }
  };
  INPUTS.forEach(visit);
  return hash.digest('hex');
}
