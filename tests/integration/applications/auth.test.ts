import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import {
  hashPassword,
  signIn,
  signOutEverywhere,
  staffFromToken,
  csrfMatches,
  SIGN_IN_REFUSED,
} from '@/server/auth/service';
import { describeEachDatabase } from '../helpers/databases';
import { createDepartment } from '../helpers/fixtures';

describeEachDatabase('staff sign-in and sessions', (current) => {
  const createUser = async (username: string, password: string) => {
    const { db } = current();
    const d = await createDepartment(db);
    await db
      .insertInto('staffUsers')
      .values({
        username,
        displayName: '张三',
        passwordHash: await hashPassword(password),
        role: 'department',
        departmentId: d.id,
      })
      .execute();
  };

  it('hashes with argon2id, signs in to a database session and finds the staff member from the cookie token', async () => {
    const { db } = current();
    await createUser('zhangsan', 'correct horse battery');
    const row = await db
      .selectFrom('staffUsers')
      .select('passwordHash')
      .where('username', '=', 'zhangsan')
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const result = await signIn(db, { username: 'ZhangSan', password: 'correct horse battery' });
    if (!result.ok) throw new Error(result.message);
    const session = await db
      .selectFrom('staffSessions')
      .selectAll()
      .where('staffUserId', '=', result.staff.id)
      .executeTakeFirstOrThrow();
    expect(session.id).not.toBe(result.token); // only the token's hash is stored
    const staff = await staffFromToken(db, result.token);
    expect(staff?.username).toBe('zhangsan');
    expect(csrfMatches(staff!, staff!.csrfToken)).toBe(true);
    expect(csrfMatches(staff!, 'forged')).toBe(false);
  });

  it('pauses a username and address after 5 wrong passwords, with the same message as a wrong password', async () => {
    const { db } = current();
    await createUser('lisi', 'correct horse battery');
    for (let i = 0; i < 5; i++)
      expect(await signIn(db, { username: 'lisi', password: 'wrong' })).toMatchObject({
        ok: false,
        message: SIGN_IN_REFUSED,
      });
    const paused = await signIn(db, { username: 'lisi', password: 'correct horse battery' });
    expect(paused).toEqual({ ok: false, message: SIGN_IN_REFUSED });
    expect(await signIn(db, { username: 'nobody', password: 'x' })).toMatchObject({
      ok: false,
      message: SIGN_IN_REFUSED,
    });
  });

  it('signing out everywhere ends every session of that person', async () => {
    const { db } = current();
    await createUser('wangwu', 'correct horse battery');
    const a = await signIn(db, { username: 'wangwu', password: 'correct horse battery' });
    const b = await signIn(db, { username: 'wangwu', password: 'correct horse battery' });
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    expect(await signOutEverywhere(db, a.staff)).toBe(2);
    expect(await staffFromToken(db, a.token)).toBeNull();
    expect(await staffFromToken(db, b.token)).toBeNull();
  });

  it('refuses staff procedures without a session', async () => {
    const { db } = current();
    const error = await createCaller({ db, today: '2026-03-02' })
      .applications.queue({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
