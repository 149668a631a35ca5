import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import type { DisclosureFilters } from '@/server/disclosures/filters';
import { createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createCompanyIn, createLicence, insertDivisions } from './fixtures';
import { csvRows, departmentWithCode } from './helpers';

// Several values per filter: OR inside a facet, AND across facets; each facet counts its
// values under the other facets' filters; and the total a page shows is the number of rows
// its CSV download holds, for every combination.

const today = '2026-03-01';

describeEachDatabase('双公示 multi-select filters', (current) => {
  const caller = () => createCaller({ db: current().db, today });

  async function city() {
    const { db } = current();
    await insertDivisions(db);
    const a = await departmentWithCode(db);
    const b = await departmentWithCode(db);
    const c = await departmentWithCode(db);
    const shizhong = await createCompanyIn(db, '乐山市多选测试食品有限公司', '511102');
    const emei = await createCompanyIn(db, '峨眉山市多选测试茶业有限公司', '511181');
    const jiajiang = await createCompanyIn(db, '夹江县多选测试陶瓷有限公司', '511126');
    const p = {
      aFine: await createPenalty(db, shizhong, a, { categories: ['罚款'] }),
      aWarn: await createPenalty(db, emei, a, { categories: ['警告'] }),
      aBoth: await createPenalty(db, jiajiang, a, { categories: ['警告', '罚款'] }),
      bFine: await createPenalty(db, emei, b, { categories: ['罚款'] }),
      bSeize: await createPenalty(db, shizhong, b, { categories: ['没收违法所得'] }),
      cWarn: await createPenalty(db, jiajiang, c, { categories: ['警告'] }),
    };
    return { a, b, c, p };
  }

  it('ORs the values of one facet and ANDs the facets', async () => {
    const { a, b, c, p } = await city();
    const ids = async (filters: DisclosureFilters) =>
      (await caller().disclosures.penalties(filters)).items.map((i) => i.id).sort((x, y) => x - y);
    const sorted = (...list: { id: number }[]) => list.map((r) => r.id).sort((x, y) => x - y);
    const ours = { department: [a.code, b.code, c.code] };

    expect(await ids({ department: [a.code, b.code] })).toEqual(sorted(p.aFine, p.aWarn, p.aBoth, p.bFine, p.bSeize));
    // A record with several categories matches when any of them is chosen.
    expect(await ids({ ...ours, category: ['警告'] })).toEqual(sorted(p.aWarn, p.aBoth, p.cWarn));
    expect(await ids({ ...ours, category: ['警告', '没收违法所得'] })).toEqual(
      sorted(p.aWarn, p.aBoth, p.bSeize, p.cWarn),
    );
    expect(await ids({ ...ours, division: ['511181', '511126'] })).toEqual(sorted(p.aWarn, p.aBoth, p.bFine, p.cWarn));
    // Across facets: both must hold.
    expect(await ids({ department: [a.code, c.code], category: ['警告'], division: ['511126'] })).toEqual(
      sorted(p.aBoth, p.cWarn),
    );
    expect(await ids({ department: [b.code], category: ['警告'] })).toEqual([]);
  });

  it('counts each facet value under the other facets only, and marks the chosen ones', async () => {
    const { a, b, c } = await city();
    const list = await caller().disclosures.penalties({ department: [a.code], category: ['警告'] });
    expect(list.total).toBe(2);
    const count = (facet: 'department' | 'division' | 'category', value: string) =>
      list.facets[facet].find((v) => v.value === value);
    // Departments counted with 警告 only, their own choice aside: a 2, b 0 (left out), c 1.
    expect(count('department', a.code)).toMatchObject({ count: 2, selected: true });
    expect(count('department', b.code)).toBeUndefined();
    expect(count('department', c.code)).toMatchObject({ count: 1, selected: false });
    // Categories counted within department a: 罚款 2, 警告 2.
    expect(count('category', '罚款')).toMatchObject({ count: 2, selected: false });
    expect(count('category', '警告')).toMatchObject({ count: 2, selected: true });
    // Divisions counted under both: 峨眉山市 1, 夹江县 1, named.
    expect(count('division', '511181')).toMatchObject({ count: 1, label: '峨眉山市' });
    expect(count('division', '511126')).toMatchObject({ count: 1 });
    expect(count('division', '511102')).toBeUndefined();
    expect(list.applied).toEqual({ department: [a.code], category: ['警告'] });
    // A department that does not exist is reported, the known one still applies.
    const partly = await caller().disclosures.penalties({ department: [a.code, 'no_such_unit'] });
    expect(partly.total).toBe(3);
    expect(partly.errors).toEqual([{ field: 'department', message: '没有这个部门，请从列表中选择。' }]);
    expect(partly.applied.department).toEqual([a.code]);
    expect(b.code).not.toBe(a.code);
  });

  it('shows the exact total, and the download holds that many rows, for every combination', async () => {
    const { db } = current();
    const { a, b, c } = await city();
    const company = await createCompanyIn(db, '乐山市许可计数有限公司', '511102');
    for (const category of ['普通', '特许', '普通'] as const) {
      await createLicence(db, company, a, { licenceCategory: category });
    }
    const combos: DisclosureFilters[] = [
      {},
      { department: [a.code, b.code] },
      { department: [a.code, c.code], category: ['警告', '罚款'] },
      { division: ['511102', '511126'], category: ['罚款'] },
      { department: [b.code], division: ['511181'], from: '2025-01-01', to: '2025-12-31' },
      { q: '多选测试', category: ['警告'] },
      { department: [c.code], category: ['没收违法所得'] },
    ];
    for (const filters of combos) {
      for (const sort of ['date-desc', 'fine-asc'] as const) {
        const list = await caller().disclosures.penalties({ ...filters, sort });
        const csv = await csvRows(db, today, 'penalty', filters, { sort });
        expect(csv.rows.length, JSON.stringify(filters)).toBe(list.total);
        expect(csv.total).toBe(list.total);
      }
    }
    for (const filters of [{}, { department: [a.code] }, { category: ['特许', '普通'] }, { category: ['特许'] }]) {
      const list = await caller().disclosures.licensing(filters);
      const csv = await csvRows(db, today, 'licensing', filters);
      expect(csv.rows.length, JSON.stringify(filters)).toBe(list.total);
    }
    expect((await caller().disclosures.licensing({ department: [a.code], category: ['特许'] })).total).toBe(1);
  });
});
