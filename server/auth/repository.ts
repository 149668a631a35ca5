import { sql } from 'kysely';
import type { Db } from '../db/client';
import type { StaffRole } from './principal';

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('staffUsers').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function recordSuccessfulLogin(db: Db, id: number) {
  await db.updateTable('staffUsers').set({ failedLogins: 0, lockedUntil: null }).where('id', '=', id).execute();
}

export async function insertSession(
  db: Db,
  s: {
    id: string;
    staffUserId: number;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db.insertInto('staffSessions').values(s).execute();
}

export async function findSession(db: Db, id: string) {
  return db
    .selectFrom('staffSessions')
    .innerJoin('staffUsers', 'staffUsers.id', 'staffSessions.staffUserId')
    .select([
      'staffSessions.id as sessionId',
      'staffSessions.csrfToken',
      'staffUsers.id',
      'staffUsers.username',
      'staffUsers.displayName',
      'staffUsers.role',
      'staffUsers.departmentId',
    ])
    .where('staffSessions.id', '=', id)
    .where('staffSessions.revokedAt', 'is', null)
    .where('staffSessions.expiresAt', '>', sql<Date>`now()`)
    .where('staffUsers.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string) {
  await db
    .updateTable('staffSessions')
    .set({ lastSeenAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(db: Db, id: string) {
  await db
    .updateTable('staffSessions')
    .set({ revokedAt: sql`now()` })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function revokeAllSessions(db: Db, staffUserId: number) {
  const r = await db
    .updateTable('staffSessions')
    .set({ revokedAt: sql`now()` })
    .where('staffUserId', '=', staffUserId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertUser(
  db: Db,
  u: { username: string; displayName: string; passwordHash: string; role: StaffRole; departmentId: number | null },
) {
  return db
    .insertInto('staffUsers')
    .values(u)
    .onConflict((oc) => oc.column('username').doNothing())
    .returning(['id', 'username'])
    .executeTakeFirst();
}

export async function listUsers(db: Db) {
  return db
    .selectFrom('staffUsers')
    .leftJoin('departments', 'departments.id', 'staffUsers.departmentId')
    .select([
      'staffUsers.id',
      'staffUsers.username',
      'staffUsers.displayName',
      'staffUsers.role',
      'staffUsers.active',
      'staffUsers.lockedUntil',
      'departments.name as departmentName',
    ])
    .orderBy('staffUsers.id')
    .execute();
}

export async function insertApiKey(
  db: Db,
  k: { departmentId: number; name: string; keyPrefix: string; keyHash: string; createdBy: number },
) {
  return db.insertInto('apiKeys').values(k).returning(['id']).executeTakeFirstOrThrow();
}

export async function revokeApiKey(db: Db, id: number) {
  const r = await db
    .updateTable('apiKeys')
    .set({ revokedAt: sql`now()` })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listApiKeys(db: Db) {
  return db
    .selectFrom('apiKeys')
    .innerJoin('departments', 'departments.id', 'apiKeys.departmentId')
    .select([
      'apiKeys.id',
      'apiKeys.name',
      'apiKeys.keyPrefix',
      'apiKeys.createdAt',
      'apiKeys.revokedAt',
      'departments.name as departmentName',
    ])
    .orderBy('apiKeys.id', 'desc')
    .execute();
}

export async function listDepartments(db: Db) {
  return db.selectFrom('departments').select(['id', 'name']).orderBy('sortOrder').orderBy('id').execute();
}
