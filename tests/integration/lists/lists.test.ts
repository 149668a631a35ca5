import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { PERSON_ID, createCatalogItem, createDivision, createListEntry, createPerson } from './fixtures';

// The red and black lists show exactly the entries in force today (SPEC §5, listEntryIsInForce),
// each with the catalog measures of its own kind, persons masked, and stable pages of 20.
describeEachDatabase('public lists (守信红名单, 失信惩戒名单)', (current) => {
  const today = '2026-03-01';
  const caller = () => createCaller({ db: current().db, today });

  async function expectNotFound(p: Promise<unknown>) {
    await expect(p).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'NOT_FOUND');
  }

  it('shows an entry from its listing day through its 有效期至, a suspended one marked, and nothing that ended', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市边界测试有限公司');
    const punishment = await createCatalogItem(db, 'punishment');
    const base = { measures: [punishment] };
    const endsToday = await createListEntry(db, company, department, { ...base, validUntil: today });
    const listedToday = await createListEntry(db, company, department, { ...base, listedOn: today });
    const suspended = await createListEntry(db, company, department, {
      ...base,
      status: 'suspended',
      suspendedSince: '2026-02-20',
      validUntil: '2026-02-25', // past, but a suspended entry stays until its objection is decided
    });
    const absent = {
      listedTomorrow: await createListEntry(db, company, department, { ...base, listedOn: '2026-03-02' }),
      endedYesterday: await createListEntry(db, company, department, { ...base, validUntil: '2026-02-28' }),
      removed: await createListEntry(db, company, department, {
        ...base,
        status: 'removed',
        removedOn: '2026-02-01',
        removalReason: '已履行全部义务',
      }),
      repaired: await createListEntry(db, company, department, {
        ...base,
        status: 'repaired',
        removedOn: '2026-02-01',
        removalReason: '信用修复',
      }),
      expired: await createListEntry(db, company, department, { ...base, status: 'expired' }),
    };

    const page = await caller().lists.browse({ listType: 'dishonesty', departmentId: department.id });
    const ids = page.entries.map((e) => e.id);
    expect(ids.sort()).toEqual([endsToday.id, listedToday.id, suspended.id].sort());
    expect(page.total).toBe(3);
    expect(page.entries.find((e) => e.id === suspended.id)?.suspended).toBe(true);
    expect(page.entries.find((e) => e.id === endsToday.id)?.suspended).toBe(false);

    // Each entry's own page answers exactly when the list shows it.
    const shown = await caller().lists.entry({ listType: 'dishonesty', id: suspended.id });
    expect(shown.suspended).toBe(true);
    await caller().lists.entry({ listType: 'dishonesty', id: endsToday.id });
    for (const entry of Object.values(absent))
      await expectNotFound(caller().lists.entry({ listType: 'dishonesty', id: entry.id }));
    // The day after its 有效期至 the entry leaves by itself.
    const tomorrow = createCaller({ db, today: '2026-03-02' });
    await expectNotFound(tomorrow.lists.entry({ listType: 'dishonesty', id: endsToday.id }));
    expect(
      (await tomorrow.lists.browse({ listType: 'dishonesty', departmentId: department.id })).entries.map((e) => e.id),
    ).toContain(absent.listedTomorrow.id);
  });

  it('answers 404 for an entry asked for on the other list or that does not exist', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市名单类型测试有限公司');
    const honor = await createListEntry(db, company, department, {
      listType: 'honor',
      measures: [await createCatalogItem(db, 'incentive')],
    });
    await expectNotFound(caller().lists.entry({ listType: 'dishonesty', id: honor.id }));
    await expectNotFound(caller().lists.entry({ listType: 'honor', id: 987654321 }));
    expect((await caller().lists.entry({ listType: 'honor', id: honor.id })).listLabel).toBe('守信红名单');
    const black = await caller().lists.browse({ listType: 'dishonesty', departmentId: department.id });
    expect(black.total).toBe(0);
  });

  it('lists the catalog measures of each entry, incentives on the red list and punishments on the black one', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市措施测试有限公司');
    const green = await createCatalogItem(db, 'incentive', { measure: '行政审批绿色通道' });
    const priority = await createCatalogItem(db, 'incentive', { measure: '容缺受理' });
    const procurement = await createCatalogItem(db, 'punishment', {
      measure: '限制参加政府采购',
      implementingUnits: '乐山市财政局、各县（市、区）财政局',
      legalBasis: '《中华人民共和国政府采购法》第二十二条',
    });
    const honor = await createListEntry(db, company, department, { listType: 'honor', measures: [green, priority] });
    const black = await createListEntry(db, company, department, { measures: [procurement] });
    // The database refuses a measure of the wrong kind [plan].
    await expect(
      db.insertInto('listEntryMeasures').values({ listEntryId: black.id, catalogItemId: green.id }).execute(),
    ).rejects.toThrow();

    const red = await caller().lists.browse({ listType: 'honor', departmentId: department.id });
    expect(red.entries.find((e) => e.id === honor.id)?.measures.map((m) => m.measure)).toEqual([
      '行政审批绿色通道',
      '容缺受理',
    ]);
    const dark = await caller().lists.entry({ listType: 'dishonesty', id: black.id });
    expect(dark.measures).toEqual([
      {
        code: procurement.code,
        measure: '限制参加政府采购',
        content: '依法限制。',
        implementingUnits: ['乐山市财政局', '各县（市、区）财政局'],
        legalBasis: '《中华人民共和国政府采购法》第二十二条',
      },
    ]);
    expect(dark.measures.every((m) => m.code.startsWith('CJ-'))).toBe(true);
  });

  it('filters by a catalog measure, as the catalog links to it', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市措施筛选测试有限公司');
    const consumption = await createCatalogItem(db, 'punishment', { measure: '限制高消费' });
    const flights = await createCatalogItem(db, 'punishment', { measure: '限制乘坐飞机' });
    const both = await createListEntry(db, company, department, { measures: [consumption, flights] });
    const onlyFlights = await createListEntry(db, company, department, { measures: [flights] });
    await createListEntry(db, company, department, { measures: [consumption], validUntil: '2026-02-01' }); // ended

    const page = await caller().lists.browse({ listType: 'dishonesty', measure: consumption.code });
    expect(page.entries.map((e) => e.id)).toEqual([both.id]);
    expect(page.measure).toEqual({ code: consumption.code, measure: '限制高消费' });
    const flying = await caller().lists.browse({ listType: 'dishonesty', measure: flights.code });
    expect(flying.entries.map((e) => e.id).sort()).toEqual([both.id, onlyFlights.id].sort());
    // A punishment never filters the red list into showing anything.
    expect((await caller().lists.browse({ listType: 'honor', measure: consumption.code })).total).toBe(0);
  });

  it('links the penalty behind an entry only while that penalty is public', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市处罚链接测试有限公司');
    const item = await createCatalogItem(db, 'punishment');
    const publicPenalty = await createPenalty(db, company, department, { severity: 'serious' });
    const repairedPenalty = await createPenalty(db, company, department, {
      status: 'repaired',
      repairedOn: '2026-01-10',
    });
    const linked = await createListEntry(db, company, department, {
      measures: [item],
      penaltyRecordId: publicPenalty.id,
    });
    const unlinked = await createListEntry(db, company, department, {
      measures: [item],
      penaltyRecordId: repairedPenalty.id,
    });
    expect((await caller().lists.entry({ listType: 'dishonesty', id: linked.id })).penaltyId).toBe(publicPenalty.id);
    expect((await caller().lists.entry({ listType: 'dishonesty', id: unlinked.id })).penaltyId).toBeNull();
  });

  it('masks a natural person and never carries an ID number, nor finds the entry by the full name', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const person = await createPerson(db, '欧阳明华', PERSON_ID);
    const entry = await createListEntry(db, person, department, {
      measures: [await createCatalogItem(db, 'punishment')],
      decisionNumber: '（2026）川1102执77号',
    });
    const page = await caller().lists.browse({ listType: 'dishonesty', departmentId: department.id });
    const detail = await caller().lists.entry({ listType: 'dishonesty', id: entry.id });
    for (const dto of [page, detail]) {
      const json = JSON.stringify(dto);
      expect(json).not.toContain(PERSON_ID);
      expect(json).not.toContain(PERSON_ID.slice(6, 14)); // not even the birth date part
      expect(json).not.toContain('欧阳明华');
    }
    expect(detail.subject.name).toBe('欧阳**');
    expect(detail.subject.uscc).toBeNull();

    const byName = await caller().lists.browse({ listType: 'dishonesty', keyword: '欧阳明华' });
    expect(byName.entries.map((e) => e.id)).not.toContain(entry.id);
    const byNumber = await caller().lists.browse({ listType: 'dishonesty', keyword: '川1102执77' });
    expect(byNumber.entries.map((e) => e.id)).toEqual([entry.id]);
  });

  it('pages 20 at a time, newest listing first and then by id, and filters by department, division, domain and name', async () => {
    const { db } = current();
    await createDivision(db, '511181', '峨眉山市');
    await createDivision(db, '511123', '犍为县');
    const department = await createDepartment(db);
    const other = await createDepartment(db);
    const item = await createCatalogItem(db, 'punishment');
    const company = await createCompany(db, '乐山市分页测试有限公司');
    await db.updateTable('subjects').set({ divisionCode: '511181' }).where('id', '=', company.id).execute();
    const created: { id: number; listedOn: string }[] = [];
    for (let i = 0; i < 25; i++) {
      // Pairs share a listing day, so the id decides their order.
      const listedOn = `2025-12-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`;
      const e = await createListEntry(db, company, department, {
        measures: [item],
        listedOn,
        domain: i % 5 === 0 ? '食品药品' : null,
      });
      created.push({ id: e.id, listedOn });
    }
    const expected = [...created]
      .sort((a, b) => (a.listedOn === b.listedOn ? b.id - a.id : a.listedOn < b.listedOn ? 1 : -1))
      .map((e) => e.id);

    const first = await caller().lists.browse({ listType: 'dishonesty', departmentId: department.id });
    const second = await caller().lists.browse({ listType: 'dishonesty', departmentId: department.id, page: 2 });
    expect(first.total).toBe(25);
    expect(first.pageCount).toBe(2);
    expect(first.entries).toHaveLength(20);
    expect(second.entries).toHaveLength(5);
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(expected);
    expect(first.options.departments.map((d) => d.id)).toContain(department.id);
    expect(first.options.domains).toContain('食品药品');

    const otherCompany = await createCompany(db, '犍为县其他测试有限公司');
    await db.updateTable('subjects').set({ divisionCode: '511123' }).where('id', '=', otherCompany.id).execute();
    const elsewhere = await createListEntry(db, otherCompany, other, { measures: [item], domain: '生态环境' });

    const byDepartment = await caller().lists.browse({ listType: 'dishonesty', departmentId: other.id });
    expect(byDepartment.entries.map((e) => e.id)).toEqual([elsewhere.id]);
    const byDivision = await caller().lists.browse({ listType: 'dishonesty', divisionCode: '511123' });
    expect(byDivision.entries.map((e) => e.id)).toEqual([elsewhere.id]);
    const byDomain = await caller().lists.browse({
      listType: 'dishonesty',
      departmentId: department.id,
      domain: '食品药品',
    });
    expect(byDomain.total).toBe(5);
    const byName = await caller().lists.browse({ listType: 'dishonesty', keyword: '犍为县其他' });
    expect(byName.entries.map((e) => e.id)).toEqual([elsewhere.id]);
    // A LIKE wildcard in the keyword is taken literally.
    expect((await caller().lists.browse({ listType: 'dishonesty', keyword: '%' })).total).toBe(0);
  });

  it('refuses malformed filters with a Chinese message', async () => {
    await expect(caller().lists.browse({ listType: 'dishonesty', page: 0 })).rejects.toThrow(/页码从 1 开始/);
    await expect(caller().lists.browse({ listType: 'dishonesty', divisionCode: '5111' } as never)).rejects.toThrow(
      /6 位行政区划代码/,
    );
    await expect(caller().lists.browse({ listType: 'grey' } as never)).rejects.toThrow(/名单类型/);
  });
});
