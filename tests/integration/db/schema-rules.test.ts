import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { describeEachDatabase } from '../helpers/databases';

async function insertDivisionAndDepartment(db: Db) {
  await db
    .insertInto('divisions')
    .values({ code: '511100', name: '乐山市', fullName: '四川省乐山市', parentCode: null })
    .execute();
  return db
    .insertInto('departments')
    .values({
      code: 'scjg',
      name: '乐山市市场监督管理局',
      shortName: '市市场监管局',
      docPrefix: '乐市监处罚',
      uscc: '115111000087080252',
      divisionCode: '511100',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describeEachDatabase('schema rules enforced by the database', (current) => {
  it('keeps the audit log append-only: inserts work, updates, deletes and truncates are refused', async () => {
    const { db } = current();
    const row = await db
      .insertInto('auditLog')
      .values({
        actorType: 'system',
        actorLabel: '系统',
        action: 'test.insert',
        entityType: 'test',
        entityId: '1',
        before: null,
        after: JSON.stringify({ a: 1 }),
      })
      .returning(['id', 'after'])
      .executeTakeFirstOrThrow();
    expect(row.after).toEqual({ a: 1 });
    await expect(
      db.updateTable('auditLog').set({ note: 'changed' }).where('id', '=', row.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('auditLog').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const count = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('refuses a catalog measure of the wrong kind on a list entry', async () => {
    const { db } = current();
    const department = await insertDivisionAndDepartment(db);
    const subject = await db
      .insertInto('subjects')
      .values({
        kind: 'legal_person',
        name: '乐山市测试有限公司',
        nameNorm: '乐山市测试有限公司',
        uscc: '91350100M000100Y43',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [incentive, punishment] = await db
      .insertInto('catalogItems')
      .values(
        (['incentive', 'punishment'] as const).map((kind, i) => ({
          code: `T-${i}`,
          kind,
          decidingUnit: '乐山市发展和改革委员会',
          measure: kind === 'incentive' ? '绿色通道' : '限制参加政府采购',
          reason: '测试',
          legalBasis: '国发〔2016〕33号',
          implementingUnits: '各有关单位',
          content: '测试',
          evidence: '测试',
        })),
      )
      .returning('id')
      .execute();
    const entry = await db
      .insertInto('listEntries')
      .values({
        listType: 'dishonesty',
        subjectId: subject.id,
        departmentId: department.id,
        decisionNumber: '乐市监认〔2024〕1号',
        basis: '测试依据',
        reason: '测试事由',
        listedOn: '2024-01-01',
        validUntil: '2027-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      db.insertInto('listEntryMeasures').values({ listEntryId: entry.id, catalogItemId: incentive!.id }).execute(),
    ).rejects.toThrow(/cannot be applied/);
    await db.insertInto('listEntryMeasures').values({ listEntryId: entry.id, catalogItemId: punishment!.id }).execute();
    const measures = await db.selectFrom('listEntryMeasures').selectAll().where('listEntryId', '=', entry.id).execute();
    expect(measures).toHaveLength(1);
  });

  it('accepts the individual-business placeholder USCC only with a registration number', async () => {
    const { db } = current();
    const base = { name: '市中区张记面馆', nameNorm: '市中区张记面馆', uscc: '00000000000000000X' };
    await expect(
      db
        .insertInto('subjects')
        .values({ ...base, kind: 'legal_person', registrationNumber: '511102600123456' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto('subjects')
        .values({ ...base, kind: 'individual_business' })
        .execute(),
    ).rejects.toThrow();
    await db
      .insertInto('subjects')
      .values({ ...base, kind: 'individual_business', registrationNumber: '511102600123456' })
      .execute();
    // The placeholder is shared by many shops, so it is not unique.
    await db
      .insertInto('subjects')
      .values({ ...base, kind: 'individual_business', registrationNumber: '511102600654321' })
      .execute();
  });

  it('returns counts as numbers, money as decimal strings and dates as calendar dates on both drivers', async () => {
    const { db } = current();
    const row = await sql<{ n: number; money: string; day: string }>`
      select count(*) as n, 0.2::numeric(16, 6) as money, '2024-02-29'::date as day`.execute(db);
    expect(row.rows[0]).toEqual({ n: 1, money: '0.200000', day: '2024-02-29' });
  });

  it('rolls a failed transaction back completely', async () => {
    const { db } = current();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('appSettings')
          .values({ key: 'tx-test', value: JSON.stringify(1) })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const left = await db.selectFrom('appSettings').select('key').where('key', '=', 'tx-test').execute();
    expect(left).toEqual([]);
  });

  it('keeps concurrent transactions apart', async () => {
    const { db } = current();
    await db
      .insertInto('appSettings')
      .values({ key: 'counter', value: JSON.stringify(0) })
      .execute();
    const increment = () =>
      db.transaction().execute(async (trx) => {
        const row = await sql<{
          value: number;
        }>`select value from app_settings where key = 'counter' for update`.execute(trx);
        const next = Number(row.rows[0]!.value) + 1;
        await trx
          .updateTable('appSettings')
          .set({ value: JSON.stringify(next) })
          .where('key', '=', 'counter')
          .execute();
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    const final = await db
      .selectFrom('appSettings')
      .select('value')
      .where('key', '=', 'counter')
      .executeTakeFirstOrThrow();
    expect(final.value).toBe(10);
  });
});
