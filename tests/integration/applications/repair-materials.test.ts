import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { createCaller } from '@/server/root';
import { MissingRepairMaterials } from '@/server/applications/service';
import { describeEachDatabase } from '../helpers/databases';
import { createWorld, keys, objectionInput, ONE_PIXEL_PNG, pngAttachment, submit } from './helpers';

// A repair application carries the materials its guide asks for (content/guides/repair.md):
// without them it is refused in Chinese and nothing is written.

const repairOf = (recordId: number) =>
  objectionInput(recordId, { kind: 'repair', reasonCategory: '已履行行政处罚决定' });

async function counts(db: Db) {
  const [apps, files, stored] = await Promise.all([
    db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('applicationAttachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('storedFiles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { applications: Number(apps.n), attachments: Number(files.n), storedFiles: Number(stored.n) };
}

describeEachDatabase('a repair application carries its required materials', (current) => {
  it('refuses a repair of a fine without 缴款凭证 and 信用承诺书, naming each, and writes nothing', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市嘉州材料有限公司');
    const before = await counts(db);
    const error = await submit(db, repairOf(w.record.id), '2026-03-02', [
      pngAttachment('licence.png', 'identity'),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toContain('请上传缴款凭证');
    expect((error as TRPCError).message).toContain('请上传信用承诺书');
    expect((error as TRPCError).message).not.toContain('身份证明');
    expect(((error as TRPCError).cause as MissingRepairMaterials).problems.map((p) => p.field)).toEqual([
      'material-payment',
      'material-commitment',
    ]);
    expect(await counts(db)).toEqual(before);
  });

  it('asks a suspension of business for proof of rectification, not a payment receipt', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市峨眉山茶叶有限公司', { categories: ['责令停产停业'] });
    await expect(
      submit(db, repairOf(w.record.id), '2026-03-02', [
        pngAttachment('receipt.png', 'payment'),
        pngAttachment('commitment.png', 'commitment'),
        pngAttachment('licence.png', 'identity'),
      ]),
    ).rejects.toThrow('请上传整改完成证明');
    const filed = await submit(db, repairOf(w.record.id), '2026-03-02', [
      pngAttachment('report.png', 'rectification'),
      pngAttachment('commitment.png', 'commitment'),
      pngAttachment('licence.png', 'identity'),
    ]);
    const names = await db
      .selectFrom('applicationAttachments')
      .innerJoin('applications', 'applications.id', 'applicationAttachments.applicationId')
      .where('applications.trackingNumber', '=', filed.trackingNumber)
      .select('applicationAttachments.fileName')
      .orderBy('applicationAttachments.id')
      .execute();
    // Staff see which material each file is.
    expect(names.map((n) => n.fileName)).toEqual([
      '【整改完成证明】report.png',
      '【信用承诺书】commitment.png',
      '【身份证明或授权委托书】licence.png',
    ]);
  });

  it('through the public API: files say which material they are; an unknown material is refused in Chinese', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市沙湾钢构有限公司');
    const caller = createCaller({ db, today: '2026-03-02', clientIp: 'materials-1', keys });
    const png = Uint8Array.from(Buffer.from(ONE_PIXEL_PNG, 'base64'));
    const input = repairOf(w.record.id);
    const before = await counts(db);
    await expect(
      caller.applications.submit({ ...input, files: [{ fileName: 'a.png', bytes: png, material: 'commitment' }] }),
    ).rejects.toThrow('请上传缴款凭证');
    await expect(
      // @ts-expect-error: a material the rule does not know
      caller.applications.submit({ ...input, files: [{ fileName: 'a.png', bytes: png, material: 'bribe' }] }),
    ).rejects.toThrow('附件所属的材料类别不正确');
    expect(await counts(db)).toEqual(before);
    const filed = await caller.applications.submit({
      ...input,
      files: (['payment', 'rectification', 'commitment', 'identity'] as const).map((material) => ({
        fileName: `${material}.png`,
        bytes: png,
        material,
      })),
    });
    expect(filed.trackingNumber).toMatch(/^XF20260302\d{6}$/);
  });

  it('an objection needs no materials', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市五通桥盐业有限公司');
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    expect(filed.trackingNumber).toMatch(/^YY/);
  });

  it('the prefilled form learns which materials the record requires', async () => {
    const { db } = current();
    const fine = await createWorld(db, '乐山市犍为茉莉花茶有限公司');
    const revoked = await createWorld(db, '乐山市井研柑橘有限公司', { categories: ['罚款', '暂扣许可证件'] });
    const caller = createCaller({ db, today: '2026-03-02', clientIp: 'materials-2', keys });
    expect((await caller.applications.record({ kind: 'penalty', id: fine.record.id })).repairMaterials).toEqual([
      'payment',
      'commitment',
      'identity',
    ]);
    expect((await caller.applications.record({ kind: 'penalty', id: revoked.record.id })).repairMaterials).toEqual([
      'payment',
      'rectification',
      'commitment',
      'identity',
    ]);
  });
});
