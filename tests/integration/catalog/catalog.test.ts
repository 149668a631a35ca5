import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { createCompany, createDepartment } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createCatalogItem, createListEntry } from '../lists/fixtures';

// The public 联合奖惩目录清单 (SPEC §5): every column, grouped by kind, filterable by kind and unit.
describeEachDatabase('public catalog (联合奖惩目录清单)', (current) => {
  const today = '2026-03-01';
  const caller = () => createCaller({ db: current().db, today });

  it('shows every column of an active item, incentives before punishments, and no retired item', async () => {
    const { db } = current();
    const punishment = await createCatalogItem(db, 'punishment', {
      decidingUnit: '乐山市财政局',
      measure: '限制参加政府采购',
      reason: '被列入失信联合惩戒对象名单的',
      legalBasis: '《中华人民共和国政府采购法》第二十二条',
      implementingUnits: '乐山市财政局、各县（市、区）财政局',
      content: '依法限制其参加政府采购活动。',
      evidence: '失信联合惩戒对象名单认定文件',
      domain: '欺诈',
    });
    const incentive = await createCatalogItem(db, 'incentive', { measure: '行政审批绿色通道' });
    const retired = await createCatalogItem(db, 'incentive', { measure: '已停用的措施', active: false });

    const page = await caller().catalog.browse();
    expect(page.groups.map((g) => g.kind)).toEqual(['incentive', 'punishment']);
    const codes = page.groups.flatMap((g) => g.items.map((i) => i.code));
    expect(codes).toContain(incentive.code);
    expect(codes).not.toContain(retired.code);
    const item = page.groups[1]!.items.find((i) => i.code === punishment.code);
    expect(item).toMatchObject({
      kind: 'punishment',
      kindLabel: '失信联合惩戒',
      decidingUnit: '乐山市财政局',
      measure: '限制参加政府采购',
      reasonLabel: '实施事由',
      reason: '被列入失信联合惩戒对象名单的',
      legalBasis: '《中华人民共和国政府采购法》第二十二条',
      implementingUnits: ['乐山市财政局', '各县（市、区）财政局'],
      content: '依法限制其参加政府采购活动。',
      evidence: '失信联合惩戒对象名单认定文件',
      domain: '欺诈',
      listType: 'dishonesty',
    });
    expect(page.groups[0]!.items.find((i) => i.code === incentive.code)?.reasonLabel).toBe('奖励事由');
  });

  it('filters by kind and by a unit named as deciding or implementing unit', async () => {
    const { db } = current();
    const a = await createCatalogItem(db, 'punishment', {
      decidingUnit: '乐山市水务局',
      implementingUnits: '乐山市水务局、各县（市、区）水务局',
    });
    const b = await createCatalogItem(db, 'incentive', {
      decidingUnit: '乐山市发展和改革委员会',
      implementingUnits: '乐山海关、各县（市、区）水务局',
    });
    const c = await createCatalogItem(db, 'incentive', {
      decidingUnit: '乐山市发展和改革委员会',
      // contains the unit's name inside a longer one: not the same unit
      implementingUnits: '峨眉山市乐山市水务局分局',
    });

    const punishments = await caller().catalog.browse({ kind: 'punishment' });
    expect(punishments.groups.map((g) => g.kind)).toEqual(['punishment']);

    const water = await caller().catalog.browse({ unit: '乐山市水务局' });
    const waterCodes = water.groups.flatMap((g) => g.items.map((i) => i.code));
    expect(waterCodes).toContain(a.code);
    expect(waterCodes).not.toContain(b.code);
    expect(waterCodes).not.toContain(c.code);

    const counties = await caller().catalog.browse({ unit: '各县（市、区）水务局', kind: 'incentive' });
    expect(counties.groups.flatMap((g) => g.items.map((i) => i.code))).toEqual([b.code]);
    expect(counties.units).toContain('各县（市、区）水务局');
    expect(counties.units).toContain('乐山市水务局');
  });

  it('counts the entries in force that apply each measure', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市目录计数测试有限公司');
    const item = await createCatalogItem(db, 'punishment');
    await createListEntry(db, company, department, { measures: [item] });
    await createListEntry(db, company, department, { measures: [item], validUntil: '2026-02-28' }); // ended
    await createListEntry(db, company, department, { measures: [item], listedOn: '2026-03-02' }); // not yet
    const page = await caller().catalog.browse({ kind: 'punishment' });
    expect(page.groups[0]!.items.find((i) => i.code === item.code)?.entriesInForce).toBe(1);
  });

  it('refuses an unknown kind with a Chinese message', async () => {
    await expect(caller().catalog.browse({ kind: 'reward' } as never)).rejects.toThrow(/措施类别/);
  });
});
