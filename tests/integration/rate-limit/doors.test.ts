import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { createApiKey } from '@/server/api-keys/service';
import { hashPassword, signIn, SIGN_IN_REFUSED } from '@/server/auth/service';
import { submitApplication } from '@/server/applications/service';
import { MAX_TRPC_BATCH, RATE_LIMIT_REQUESTS, TRPC_LIMIT_BY_ADDRESS } from '@/server/api/limits';
import {
  API_KEY_FAILURES_BY_ADDRESS,
  applicationsByAddress,
  SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS,
  SIGN_IN_FAILURES_BY_ADDRESS,
  TRACK_FAILURES_BY_NUMBER_AND_ADDRESS,
  VERIFY_MISSES_BY_ADDRESS,
} from '@/server/rate-limit/doors';
import { consumeFixedWindow } from '@/server/rate-limit/service';
import { guardTrpcRequest } from '@/server/rate-limit/trpc';
import { describeEachDatabase } from '../helpers/databases';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { apiFetch, BASE } from '../api/client';
import { createWorld, keys, objectionInput, options } from '../applications/helpers';

// Every door that checks a secret or lets the public write (issue 13, findings 4–6): counted
// per address and per thing guessed at, exactly under concurrency, and never usable to shut
// the right holder out from their own address.

const TODAY = '2026-03-02';
const PARALLEL = 50;

/** Runs `n` calls at once and counts each outcome's label. */
async function burst<T>(n: number, call: (i: number) => Promise<T>, label: (r: T | unknown) => string) {
  const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => call(i)));
  const counts: Record<string, number> = {};
  for (const s of settled) {
    const key = label(s.status === 'fulfilled' ? s.value : s.reason);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
const trpcCode = (r: unknown) => (r instanceof TRPCError ? r.code : 'OK');

describeEachDatabase('limits on the public doors', (current) => {
  const trackAs = (ip: string) => createCaller({ db: current().db, today: TODAY, clientIp: ip, keys });

  async function filed(name: string) {
    const { db } = current();
    const w = await createWorld(db, name);
    return submitApplication(db, objectionInput(w.record.id), [], options(TODAY));
  }

  it('/track: 50 simultaneous wrong codes from one address are checked exactly up to the limit', async () => {
    const app = await filed('乐山市并发测试有限公司');
    const caller = trackAs('198.51.100.20');
    const counts = await burst(
      PARALLEL,
      () => caller.applications.track({ trackingNumber: app.trackingNumber, queryCode: 'WRONG000' }),
      trpcCode,
    );
    expect(counts).toEqual({
      NOT_FOUND: TRACK_FAILURES_BY_NUMBER_AND_ADDRESS.limit,
      TOO_MANY_REQUESTS: PARALLEL - TRACK_FAILURES_BY_NUMBER_AND_ADDRESS.limit,
    });
  });

  it('/track: wrong codes from one address do not shut the applicant out from theirs, and the pause says until when', async () => {
    const app = await filed('乐山市峨眉雪芽茶业有限公司');
    const attacker = trackAs('198.51.100.21');
    for (let i = 0; i < 10; i++) {
      await expect(
        attacker.applications.track({ trackingNumber: app.trackingNumber, queryCode: 'WRONG000' }),
      ).rejects.toThrow(/受理编号或查询码不正确|查询暂时停止/);
    }
    const paused = await attacker.applications
      .track({ trackingNumber: app.trackingNumber, queryCode: app.queryCode })
      .catch((e: unknown) => e);
    expect((paused as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect((paused as TRPCError).message).toMatch(/请于 \d\d:\d\d 以后（约 \d+ 分钟后）再试/);
    expect((paused as TRPCError).message).not.toContain('不正确');
    // The applicant, from their own address, with the right code:
    await expect(
      trackAs('203.0.113.77').applications.track({ trackingNumber: app.trackingNumber, queryCode: app.queryCode }),
    ).resolves.toMatchObject({ trackingNumber: app.trackingNumber });
  });

  it('/track: a right code is not counted, so an applicant checking often is never paused', async () => {
    const app = await filed('乐山市沫若酒业有限公司');
    const me = trackAs('203.0.113.78');
    for (let i = 0; i < 3 * TRACK_FAILURES_BY_NUMBER_AND_ADDRESS.limit; i++) {
      await expect(
        me.applications.track({ trackingNumber: app.trackingNumber, queryCode: app.queryCode }),
      ).resolves.toMatchObject({ trackingNumber: app.trackingNumber });
    }
  });

  it('/verify: 50 simultaneous wrong codes from one address are checked exactly up to the limit; a fresh address still verifies', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const subject = await createCompany(db, '乐山市核验并发有限公司');
    await createPenalty(db, subject, department);
    const issued = await createCaller({ db, today: TODAY }).subjects.issueReport({ subjectId: subject.id });
    const guesser = createCaller({ db, today: TODAY, clientIp: '198.51.100.30' });
    const counts = await burst(
      PARALLEL,
      (i) => guesser.subjects.verify({ code: `AAAAA-BBBBB-${String(i).padStart(5, '0')}` }),
      (r) => (r as { status: string }).status,
    );
    expect(counts).toEqual({
      not_found: VERIFY_MISSES_BY_ADDRESS.limit,
      rate_limited: PARALLEL - VERIFY_MISSES_BY_ADDRESS.limit,
    });
    const paused = await guesser.subjects.verify({ code: issued.verificationCode });
    expect(paused).toMatchObject({ status: 'rate_limited', retryWhen: expect.stringMatching(/请于 \d\d:\d\d 以后/) });
    const fresh = createCaller({ db, today: TODAY, clientIp: '203.0.113.30' });
    expect((await fresh.subjects.verify({ code: issued.verificationCode })).status).toBe('valid');
  });

  async function staffUser(username: string, password: string) {
    const { db } = current();
    await db
      .insertInto('staffUsers')
      .values({
        username,
        displayName: '王五',
        passwordHash: await hashPassword(password),
        role: 'admin',
        departmentId: null,
      })
      .execute();
  }

  it('sign-in: wrong passwords from elsewhere never lock the account; the pair is paused with the one message', async () => {
    const { db } = current();
    await staffUser('wangwu', 'correct horse battery');
    const attacker = { ip: '198.51.100.40' };
    for (let i = 0; i < 2 * SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS.limit; i++) {
      expect(await signIn(db, { username: 'wangwu', password: `wrong${i}`, ...attacker })).toEqual({
        ok: false,
        message: SIGN_IN_REFUSED,
      });
    }
    // The attacker's pair is paused even for the right password, with the same message;
    expect(await signIn(db, { username: 'wangwu', password: 'correct horse battery', ...attacker })).toEqual({
      ok: false,
      message: SIGN_IN_REFUSED,
    });
    // the admin at their own desk signs in;
    expect(await signIn(db, { username: 'wangwu', password: 'correct horse battery', ip: '10.0.0.5' })).toMatchObject({
      ok: true,
    });
    // an unknown username reads exactly like a wrong password.
    expect(await signIn(db, { username: 'nobody-here', password: 'x', ip: '10.9.9.9' })).toEqual({
      ok: false,
      message: SIGN_IN_REFUSED,
    });
    expect(SIGN_IN_REFUSED).not.toMatch(/锁定|不存在/);
  });

  it('sign-in: password spraying across usernames from one address is paused; 50 at once verify exactly the budget', async () => {
    const { db } = current();
    await staffUser('zhaoliu', 'another correct horse');
    const sprayer = '198.51.100.41';
    const before = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'staff.sign_in_failed')
      .executeTakeFirstOrThrow();
    const counts = await burst(
      PARALLEL,
      (i) => signIn(db, { username: i % 2 ? 'zhaoliu' : `user${i}`, password: `spray${i}`, ip: sprayer }),
      (r) => (r as { ok: boolean }).ok + '',
    );
    expect(counts).toEqual({ false: PARALLEL });
    // Only the budget of attempts was checked: at most one pair's worth against the real account.
    const after = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'staff.sign_in_failed')
      .executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBeLessThanOrEqual(SIGN_IN_FAILURES_BY_ACCOUNT_AND_ADDRESS.limit);
    const buckets = await db
      .selectFrom('rateLimitBuckets')
      .select('hits')
      .where('key', '=', `${SIGN_IN_FAILURES_BY_ADDRESS.name}:${sprayer}`)
      .executeTakeFirstOrThrow();
    expect(buckets.hits).toBe(SIGN_IN_FAILURES_BY_ADDRESS.limit);
    // Even the right password of an untouched pair is refused from that address, not from another.
    expect((await signIn(db, { username: 'zhaoliu', password: 'another correct horse', ip: sprayer })).ok).toBe(false);
    expect((await signIn(db, { username: 'zhaoliu', password: 'another correct horse', ip: '10.0.0.6' })).ok).toBe(
      true,
    );
  });

  it('API keys: 50 simultaneous wrong keys from one address get exactly the budget of 401s, then 429 with Retry-After', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const { key } = await createApiKey(db, { departmentId: dept.id, name: '测试系统' });
    const fetch = apiFetch(db, TODAY);
    const as = (ip: string, token: string) =>
      fetch(`${BASE}/api/v1/catalog`, { headers: { 'x-forwarded-for': ip, authorization: `Bearer ${token}` } });
    // A good key is not counted.
    for (let i = 0; i < 3; i++) expect((await as('198.51.100.50', key)).status).toBe(200);
    const counts = await burst(
      PARALLEL,
      (i) => as('198.51.100.50', `lsk_guess_${i}`),
      (r) => String((r as Response).status),
    );
    expect(counts).toEqual({
      '401': API_KEY_FAILURES_BY_ADDRESS.limit,
      '429': PARALLEL - API_KEY_FAILURES_BY_ADDRESS.limit,
    });
    const paused = await as('198.51.100.50', key);
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await paused.json()) as { detail: string }).detail).toContain('API 密钥错误次数过多');
    expect((await as('198.51.100.51', key)).status).toBe(200);
  });

  it('/api/trpc: refuses a batch of more than the cap in Chinese, and counts each call against the address', async () => {
    const { db } = current();
    const url = (n: number) =>
      `http://localhost/api/trpc/${Array.from({ length: n }, () => 'catalog.list').join(',')}?batch=1`;
    const ip = { 'x-forwarded-for': '198.51.100.60' };
    const tooBig = await guardTrpcRequest(db, new Request(url(100), { headers: ip }));
    expect(tooBig?.status).toBe(400);
    const body = (await tooBig!.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toContain(`最多包含 ${MAX_TRPC_BATCH} 个调用`);
    expect(await guardTrpcRequest(db, new Request(url(MAX_TRPC_BATCH), { headers: ip }))).toBeNull();
    const row = await db
      .selectFrom('rateLimitBuckets')
      .select('hits')
      .where('key', '=', `${TRPC_LIMIT_BY_ADDRESS.name}:198.51.100.60`)
      .executeTakeFirstOrThrow();
    expect(row.hits).toBe(MAX_TRPC_BATCH);
  });

  it('/api/trpc: 50 simultaneous calls near the limit let exactly the rest through, then 429 with Retry-After', async () => {
    const { db } = current();
    const now = new Date('2026-03-01T02:01:00Z');
    const ip = '198.51.100.61';
    await consumeFixedWindow(db, TRPC_LIMIT_BY_ADDRESS, ip, now, RATE_LIMIT_REQUESTS - 20);
    const counts = await burst(
      PARALLEL,
      () =>
        guardTrpcRequest(
          db,
          new Request('http://localhost/api/trpc/catalog.list', { headers: { 'x-forwarded-for': ip } }),
          now,
        ),
      (r) => (r === null ? 'through' : String((r as Response).status)),
    );
    expect(counts).toEqual({ through: 20, '429': PARALLEL - 20 });
    const refused = await guardTrpcRequest(
      db,
      new Request('http://localhost/api/trpc/catalog.list', { headers: { 'x-forwarded-for': ip } }),
      now,
    );
    expect(refused?.headers.get('retry-after')).toBe('240');
  });

  it('applications: one address files at most the configured number per hour, exactly under concurrency', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市批量申请测试有限公司');
    const limit = applicationsByAddress().limit;
    const caller = createCaller({ db, today: TODAY, clientIp: '198.51.100.70', keys });
    const n = limit + 15;
    const counts = await burst(
      n,
      () => caller.applications.submit({ ...objectionInput(w.record.id), files: [] }),
      trpcCode,
    );
    expect(counts).toEqual({ OK: limit, TOO_MANY_REQUESTS: 15 });
    const refused = await caller.applications
      .submit({ ...objectionInput(w.record.id), files: [] })
      .catch((e: unknown) => e);
    expect((refused as TRPCError).message).toMatch(/每小时最多 \d+ 件.*请于 \d\d:\d\d 以后/);
    const other = createCaller({ db, today: TODAY, clientIp: '198.51.100.71', keys });
    await expect(other.applications.submit({ ...objectionInput(w.record.id), files: [] })).resolves.toMatchObject({
      duplicate: false,
    });
  });
});
