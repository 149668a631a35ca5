import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client';

// Per-department API keys for the push API (SPEC §7). A key is 32 random bytes shown once;
// only its SHA-256 is stored (a random 256-bit secret needs no slow hash), with a short
// prefix so that staff can tell keys apart. Revocation is immediate.

const KEY_PREFIX = 'lsk_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key.trim()).digest('hex');
}

export interface CreatedApiKey {
  id: number;
  /** The full key: shown once, never stored. */
  key: string;
  keyPrefix: string;
}

export async function createApiKey(
  db: Db,
  input: { departmentId: number; name: string; createdBy?: number | null },
): Promise<CreatedApiKey> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const keyPrefix = key.slice(0, KEY_PREFIX.length + 6);
  const row = await db
    .insertInto('apiKeys')
    .values({
      departmentId: input.departmentId,
      name: input.name,
      keyPrefix,
      keyHash: hashApiKey(key),
      createdBy: input.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key, keyPrefix };
}

export async function revokeApiKey(db: Db, id: number): Promise<boolean> {
  const result = await db
    .updateTable('apiKeys')
    .set({ revokedAt: new Date() })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export type KeyCheck =
  | { ok: true; keyId: number; departmentId: number; departmentName: string; departmentCode: string }
  | { ok: false; reason: 'unknown' | 'revoked' };

/** Looks a presented key up by its hash; marks it used. */
export async function verifyApiKey(db: Db, presented: string): Promise<KeyCheck> {
  const hash = hashApiKey(presented);
  const row = await db
    .selectFrom('apiKeys')
    .innerJoin('departments', 'departments.id', 'apiKeys.departmentId')
    .select([
      'apiKeys.id',
      'apiKeys.keyHash',
      'apiKeys.revokedAt',
      'apiKeys.departmentId',
      'departments.name',
      'departments.code',
    ])
    .where('apiKeys.keyHash', '=', hash)
    .executeTakeFirst();
  if (!row || !timingSafeEqual(Buffer.from(row.keyHash), Buffer.from(hash))) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  await db.updateTable('apiKeys').set({ lastUsedAt: new Date() }).where('id', '=', row.id).execute();
  return {
    ok: true,
    keyId: row.id,
    departmentId: row.departmentId,
    departmentName: row.name,
    departmentCode: row.code,
  };
}

export async function listApiKeys(db: Db, departmentId?: number) {
  let q = db
    .selectFrom('apiKeys')
    .select(['id', 'departmentId', 'name', 'keyPrefix', 'createdAt', 'lastUsedAt', 'revokedAt'])
    .orderBy('id');
  if (departmentId !== undefined) q = q.where('departmentId', '=', departmentId);
  return q.execute();
}

/**
 * The demo keys: one per department, derived from the identity secret so that restarts print
 * the same keys and nobody can guess them. Created only when `create` (right after the demo
 * seed); later starts print the ones that exist.
 */
export async function demoApiKeys(
  db: Db,
  secret: Buffer,
  options: { create: boolean },
): Promise<{ departmentCode: string; departmentName: string; key: string }[]> {
  const departments = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name'])
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
  const out: { departmentCode: string; departmentName: string; key: string }[] = [];
  for (const d of departments) {
    const key = `${KEY_PREFIX}demo_${createHmac('sha256', secret).update(`demo-api-key/${d.code}`).digest('base64url').slice(0, 32)}`;
    const exists = await db
      .selectFrom('apiKeys')
      .select(['id', 'revokedAt'])
      .where('keyHash', '=', hashApiKey(key))
      .executeTakeFirst();
    if (!exists && options.create) {
      await db
        .insertInto('apiKeys')
        .values({
          departmentId: d.id,
          name: '演示密钥',
          keyPrefix: key.slice(0, KEY_PREFIX.length + 6),
          keyHash: hashApiKey(key),
        })
        .execute();
    } else if (!exists || exists.revokedAt) continue;
    out.push({ departmentCode: d.code, departmentName: d.name, key });
  }
  return out;
}
