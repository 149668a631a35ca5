import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { insertAudit } from '../audit';
import type { StaffPrincipal, StaffRole } from './principal';
import * as repo from './repository';
import { reserveAttempt } from '../rate-limit/service';
import { SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS, signInBuckets } from '../rate-limit/doors';

// Staff sign-in (SPEC §7): argon2id hashes, sessions in the database (the cookie holds a
// random token; the table keeps only its SHA-256). Failures are throttled per username and
// address and per address (server/rate-limit/doors.ts), never per account alone: someone
// guessing from elsewhere cannot lock a colleague out of their own desk.

export const SESSION_HOURS = 8;
/** Wrong passwords for one username from one address before that pair waits. */
export const MAX_FAILED_LOGINS = SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS.limit;
export const LOCK_MINUTES = SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS.windowSeconds / 60;

/** @node-rs/argon2 hashes with argon2id by default; these are OWASP's minimum settings. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// A real hash of a random password, verified when the username is unknown so timing does not tell.
let dummyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; token: string; staff: StaffPrincipal } | { ok: false; message: string };

/**
 * The one answer to every failed sign-in — unknown username, wrong password, or paused after
 * too many failures — so it never tells whether a username exists.
 */
export const SIGN_IN_REFUSED = `用户名或密码不正确，或尝试次数过多。请核对后重试；连续出错后须等待 ${LOCK_MINUTES} 分钟。`;

export async function signIn(
  db: Db,
  input: { username: string; password: string; ip?: string | null; userAgent?: string | null },
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const attempt = await reserveAttempt(db, signInBuckets(username, input.ip));
  if (!attempt.allowed) return { ok: false, message: SIGN_IN_REFUSED };
  const user = await repo.findUserByUsername(db, username);
  if (!user || !user.active) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, input.password).catch(() => false);
    return { ok: false, message: SIGN_IN_REFUSED };
  }
  const good = await verify(user.passwordHash, input.password).catch(() => false);
  if (!good) {
    await insertAudit(db, {
      actorType: 'public',
      actorId: null,
      actorLabel: input.username,
      action: 'staff.sign_in_failed',
      entityType: 'staff_user',
      entityId: String(user.id),
      before: null,
      after: null,
      note: input.ip ?? null,
    });
    return { ok: false, message: SIGN_IN_REFUSED };
  }
  await attempt.refund();
  await repo.recordSuccessfulLogin(db, user.id);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const sessionId = sha256(token);
  await repo.insertSession(db, {
    id: sessionId,
    staffUserId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  await insertAudit(db, {
    actorType: 'staff',
    actorId: String(user.id),
    actorLabel: user.displayName,
    action: 'staff.sign_in',
    entityType: 'staff_user',
    entityId: String(user.id),
    before: null,
    after: null,
  });
  return {
    ok: true,
    token,
    staff: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      departmentId: user.departmentId,
      csrfToken,
      sessionId,
    },
  };
}

export async function staffFromToken(db: Db, token: string | undefined): Promise<StaffPrincipal | null> {
  if (!token || token.length > 100) return null;
  const row = await repo.findSession(db, sha256(token));
  if (!row) return null;
  await repo.touchSession(db, row.sessionId);
  return row;
}

/** Synchronizer-token check: the form's hidden token must equal the session's. */
export function csrfMatches(staff: StaffPrincipal, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(staff.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function signOut(db: Db, staff: StaffPrincipal) {
  await repo.revokeSession(db, staff.sessionId);
}

export async function signOutEverywhere(db: Db, staff: StaffPrincipal) {
  const n = await repo.revokeAllSessions(db, staff.id);
  await insertAudit(db, {
    actorType: 'staff',
    actorId: String(staff.id),
    actorLabel: staff.displayName,
    action: 'staff.sign_out_everywhere',
    entityType: 'staff_user',
    entityId: String(staff.id),
    before: null,
    after: { revokedSessions: n },
  });
  return n;
}

export async function createUser(
  db: Db,
  actor: StaffPrincipal,
  u: { username: string; displayName: string; password: string; role: StaffRole; departmentId: number | null },
) {
  const row = await repo.insertUser(db, {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.role === 'department' ? u.departmentId : null,
    passwordHash: await hashPassword(u.password),
  });
  if (!row) throw new TRPCError({ code: 'CONFLICT', message: `用户名“${u.username}”已存在。` });
  await insertAudit(db, {
    actorType: 'staff',
    actorId: String(actor.id),
    actorLabel: actor.displayName,
    action: 'staff.create',
    entityType: 'staff_user',
    entityId: String(row.id),
    before: null,
    after: { username: u.username, role: u.role, departmentId: u.departmentId },
  });
  return row;
}

/** A new API key: shown once; only its SHA-256 is stored. */
export async function createApiKey(db: Db, actor: StaffPrincipal, k: { departmentId: number; name: string }) {
  const secret = `cls_${randomBytes(24).toString('base64url')}`;
  const row = await repo.insertApiKey(db, {
    departmentId: k.departmentId,
    name: k.name,
    keyPrefix: secret.slice(0, 8),
    keyHash: sha256(secret),
    createdBy: actor.id,
  });
  await insertAudit(db, {
    actorType: 'staff',
    actorId: String(actor.id),
    actorLabel: actor.displayName,
    action: 'api_key.create',
    entityType: 'api_key',
    entityId: String(row.id),
    before: null,
    after: { name: k.name, departmentId: k.departmentId, keyPrefix: secret.slice(0, 8) },
  });
  return { id: row.id, key: secret };
}

export async function revokeApiKey(db: Db, actor: StaffPrincipal, id: number) {
  const ok = await repo.revokeApiKey(db, id);
  if (!ok) throw new TRPCError({ code: 'NOT_FOUND', message: '没有这个有效的 API 密钥。' });
  await insertAudit(db, {
    actorType: 'staff',
    actorId: String(actor.id),
    actorLabel: actor.displayName,
    action: 'api_key.revoke',
    entityType: 'api_key',
    entityId: String(id),
    before: null,
    after: { revoked: true },
  });
}

export const listUsers = repo.listUsers;
export const listApiKeys = repo.listApiKeys;
export const listDepartments = repo.listDepartments;
