import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { migrateToLatest, migrator } from '@/server/db/migrate';
import { migrations } from '@/server/db/migrations';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { queryCodeFor, verifyQueryCode } from '@/server/applications/query-code';
import { submitApplication, trackApplication } from '@/server/applications/service';
import { createCaller } from '@/server/root';
import { describeEachDatabase } from '../helpers/databases';
import {
  appByTracking,
  createWorld,
  formToken,
  keys,
  objectionInput,
  officeDepartment,
  options,
  submit,
} from './helpers';

// Query codes are stored as HMAC-SHA-256 with a server key; rows filed before that keep their
// plain SHA-256 until their first successful check. Legacy rows are written on the schema as
// it stood before 0420 and then migrated, as a real database would be.

const plainSha256 = (trackingNumber: string, code: string) =>
  createHash('sha256').update(`${trackingNumber}:${code}`).digest('hex');

let serial = 0;
/** An objection as the code before 0420 stored it: the same code derivation, an unkeyed hash. */
async function legacyObjection(
  db: Db,
  w: Awaited<ReturnType<typeof createWorld>>,
  status: 'submitted' | 'refused' = 'submitted',
) {
  serial += 1;
  const trackingNumber = `YY20260301${String(900000 + serial)}`;
  const idempotencyKey = formToken();
  const queryCode = queryCodeFor(keys, idempotencyKey);
  await db
    .insertInto('applications')
    .values({
      kind: 'objection',
      trackingNumber,
      queryCodeHash: plainSha256(trackingNumber, queryCode),
      idempotencyKey,
      status,
      subjectId: w.firm.id,
      departmentId: w.department.id,
      penaltyRecordId: w.record.id,
      applicantType: 'organisation',
      applicantName: '测试公司',
      phone: '13800000000',
      reasonCategory: '信息错误',
      description: '处罚决定书记载的违法事实与本公司实际情况不符。',
      acceptDueOn: '2026-03-03',
    })
    .execute();
  return { trackingNumber, queryCode };
}

const trackAs = (db: Db, client: string, codes: { trackingNumber: string; queryCode: string }) =>
  trackApplication(db, { ...codes, client }, '2026-03-02', keys);

describeEachDatabase(
  'keyed query-code hashes',
  (current) => {
    let legacy: {
      tracked: { trackingNumber: string; queryCode: string };
      guessed: { trackingNumber: string; queryCode: string };
      parent: { trackingNumber: string; queryCode: string };
      world: Awaited<ReturnType<typeof createWorld>>;
    };

    beforeAll(async () => {
      const { db } = current();
      const before = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name !== '2026_11_28_0420_query_code_hmac'),
      );
      const result = await migrator(db, before).migrateToLatest();
      if (result.error) throw result.error;
      const world = await createWorld(db, '乐山市沙湾旧码有限公司');
      legacy = {
        world,
        tracked: await legacyObjection(db, world),
        guessed: await legacyObjection(db, world),
        parent: await legacyObjection(db, world, 'refused'),
      };
      await migrateToLatest(db);
    });

    it('marks every row filed before the migration as plain SHA-256, and new ones as keyed', async () => {
      const { db } = current();
      for (const codes of [legacy.tracked, legacy.guessed, legacy.parent]) {
        const row = await appByTracking(db, codes.trackingNumber);
        expect(row.queryCodeHashKind).toBe('sha256');
        expect(row.queryCodeHash).toBe(plainSha256(codes.trackingNumber, codes.queryCode));
      }
      const filed = await submit(db, objectionInput(legacy.world.record.id), '2026-03-02');
      expect((await appByTracking(db, filed.trackingNumber)).queryCodeHashKind).toBe('hmac_sha256');
    });

    it('stores a new application’s code as a keyed hash that another key cannot check', async () => {
      const { db } = current();
      const w = await createWorld(db, '乐山市五通桥盐业有限公司');
      const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
      const row = await appByTracking(db, filed.trackingNumber);
      expect(row.queryCodeHashKind).toBe('hmac_sha256');
      expect(row.queryCodeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.queryCodeHash).not.toBe(plainSha256(filed.trackingNumber, filed.queryCode));
      expect(verifyQueryCode(keys, row, filed.queryCode).ok).toBe(true);
      // A stolen database with a guessed or wrong key is no help: the right code does not match.
      expect(verifyQueryCode(deriveIdentityKeys(Buffer.alloc(32, 9)), row, filed.queryCode).ok).toBe(false);
      const elsewhere = createCaller({
        db,
        today: '2026-03-02',
        clientIp: 'other-key',
        keys: deriveIdentityKeys(Buffer.alloc(32, 9)),
      });
      await expect(elsewhere.applications.track(filed)).rejects.toThrow('受理编号或查询码不正确');
    });

    it('tracks a new application with the right code through the router and refuses a wrong one', async () => {
      const { db } = current();
      const w = await createWorld(db, '乐山市夹江纸业有限公司');
      const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
      const caller = createCaller({ db, today: '2026-03-02', clientIp: 'citizen-1', keys });
      const tracked = await caller.applications.track({
        trackingNumber: filed.trackingNumber.toLowerCase(),
        queryCode: filed.queryCode,
      });
      expect(tracked).toMatchObject({ trackingNumber: filed.trackingNumber, status: 'submitted' });
      const wrong = `${filed.queryCode.slice(0, 7)}${filed.queryCode.endsWith('A') ? 'B' : 'A'}`;
      await expect(
        caller.applications.track({ trackingNumber: filed.trackingNumber, queryCode: wrong }),
      ).rejects.toThrow('受理编号或查询码不正确');
    });

    it('still tracks a legacy row with its code, and upgrades it to the keyed hash on that first success', async () => {
      const { db } = current();
      const codes = legacy.tracked;
      const tracked = await trackAs(db, 'citizen-2', codes);
      expect(tracked.trackingNumber).toBe(codes.trackingNumber);
      const row = await appByTracking(db, codes.trackingNumber);
      expect(row.queryCodeHashKind).toBe('hmac_sha256');
      expect(row.queryCodeHash).not.toBe(plainSha256(codes.trackingNumber, codes.queryCode));
      expect(verifyQueryCode(keys, row, codes.queryCode).ok).toBe(true);
      // The staff version is untouched: the upgrade must not make a staff decision conflict.
      expect(row.version).toBe(0);
      // And it keeps working afterwards, now on the keyed hash.
      await expect(trackAs(db, 'citizen-2', codes)).resolves.toMatchObject({ trackingNumber: codes.trackingNumber });
    });

    it('leaves a legacy row as it was after wrong codes, and rate-limits them per number and address', async () => {
      const { db } = current();
      const codes = legacy.guessed;
      for (let i = 0; i < 5; i++) {
        await expect(trackAs(db, 'attacker-2', { ...codes, queryCode: 'WRONG000' })).rejects.toThrow(
          '受理编号或查询码不正确',
        );
      }
      const blocked = await trackAs(db, 'attacker-2', codes).catch((e: unknown) => e);
      expect(blocked).toBeInstanceOf(TRPCError);
      expect((blocked as TRPCError).code).toBe('TOO_MANY_REQUESTS');
      // Nothing was upgraded meanwhile (the paused attempt checked no code).
      const row = await appByTracking(db, codes.trackingNumber);
      expect(row.queryCodeHashKind).toBe('sha256');
      expect(row.queryCodeHash).toBe(plainSha256(codes.trackingNumber, codes.queryCode));
    });

    it('checks a legacy parent objection’s code for a complaint and upgrades it with the complaint', async () => {
      const { db } = current();
      await officeDepartment(db);
      const parent = legacy.parent;
      const complain = (queryCode: string) =>
        submitApplication(
          db,
          objectionInput(legacy.world.record.id, {
            kind: 'complaint',
            record: undefined,
            parentTrackingNumber: parent.trackingNumber,
            parentQueryCode: queryCode,
            reasonCategory: '异议答复理由不充分',
          }),
          [],
          options('2026-03-02'),
        );
      await expect(complain('WRONG000')).rejects.toThrow('查询码不正确');
      expect((await appByTracking(db, parent.trackingNumber)).queryCodeHashKind).toBe('sha256');

      const complaint = await complain(parent.queryCode.toLowerCase());
      const row = await appByTracking(db, parent.trackingNumber);
      expect(row.queryCodeHashKind).toBe('hmac_sha256');
      expect(verifyQueryCode(keys, row, parent.queryCode).ok).toBe(true);
      expect((await appByTracking(db, complaint.trackingNumber)).parentApplicationId).toBe(row.id);
    });

    it('refuses an unknown tracking number with the same message', async () => {
      const { db } = current();
      await expect(
        trackAs(db, 'citizen-3', { trackingNumber: 'YY20260302000000', queryCode: 'ABCDEFGH' }),
      ).rejects.toThrow('受理编号或查询码不正确');
    });
  },
  { migrate: false },
);
