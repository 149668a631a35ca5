import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { createCaller } from '@/server/root';
import { PAGE_SIZE } from '@/server/disclosures/filters';
import { countPenalties } from '@/server/disclosures/repository';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createCompanyIn, createLicence, createPerson, createPersonPenalty, insertDivisions } from './fixtures';

// The 双公示 lists through tRPC: every filter, a stable order across pages, and only public
// records (SPEC §4): expired, withdrawn, repaired and unpublished penalties never appear.

const today = '2026-03-01';

async function departmentWithCode(db: Db) {
  const department = await createDepartment(db);
  const { code } = await db
    .selectFrom('departments')
    .select('code')
    .where('id', '=', department.id)
    .executeTakeFirstOrThrow();
  return { ...department, code };
}

describeEachDatabase('双公示 lists', (current) => {
  const caller = () => createCaller({ db: current().db, today });

  it('filters penalties by department, division, category, decision dates and keyword', async () => {
    const { db } = current();
    await insertDivisions(db);
    const market = await departmentWithCode(db);
    const ecology = await departmentWithCode(db);
    const inShizhong = await createCompanyIn(db, '乐山市嘉州食品有限公司', '511102');
    const inEmei = await createCompanyIn(db, '峨眉山市金顶茶业有限公司', '511181');
    const person = await createPerson(db, '王小明', '511102');
    const fine = await createPenalty(db, inShizhong, market, { decisionDate: '2025-09-01' });
    const revoke = await createPenalty(db, inEmei, market, {
      decisionDate: '2025-10-15',
      publicFrom: '2025-10-15',
      categories: ['罚款', '吊销许可证件'],
      severity: 'serious',
    });
    const warn = await createPenalty(db, inEmei, ecology, {
      decisionDate: '2025-12-31',
      publicFrom: '2025-12-31',
      categories: ['警告'],
    });
    const personal = await createPersonPenalty(db, person, ecology, {
      decisionDate: '2026-01-05',
      publicFrom: '2026-01-05',
    });

    const ids = async (filters: Record<string, string>) =>
      (await caller().disclosures.penalties(filters)).items.map((i) => i.id);
    const mine = [fine.id, revoke.id, warn.id, personal.id];
    const within = async (filters: Record<string, string>) => (await ids(filters)).filter((id) => mine.includes(id));

    expect(await ids({ department: market.code })).toEqual([revoke.id, fine.id]);
    expect(await ids({ department: ecology.code })).toEqual([personal.id, warn.id]);
    expect(await within({ division: '511181' })).toEqual([warn.id, revoke.id]);
    expect(await within({ division: '511102' })).toEqual([personal.id, fine.id]);
    // A record with several categories matches each of them.
    expect(await within({ category: '吊销许可证件' })).toEqual([revoke.id]);
    expect(await within({ category: '罚款' })).toEqual([personal.id, revoke.id, fine.id]);
    // Both ends of the date range are inclusive.
    expect(await within({ from: '2025-10-15', to: '2025-12-31' })).toEqual([warn.id, revoke.id]);
    expect(await within({ from: '2026-01-05' })).toEqual([personal.id]);
    expect(await within({ to: '2025-09-01' })).toEqual([fine.id]);
    // Keyword: company name (brackets and width do not matter), document number, USCC.
    expect(await within({ q: '金顶茶业' })).toEqual([warn.id, revoke.id]);
    expect(await within({ q: fine.documentNumber.replace('〔', '(').replace('〕', ')') })).toEqual([fine.id]);
    expect(await within({ q: inShizhong.uscc ?? '' })).toEqual([fine.id]);
    // A natural person's name is not a search key for the public.
    expect(await within({ q: '王小明' })).toEqual([]);
    // Filters combine.
    expect(await within({ department: market.code, division: '511181', category: '罚款', from: '2025-10-01' })).toEqual(
      [revoke.id],
    );
    const list = await caller().disclosures.penalties({ department: market.code });
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({
      subjectName: '峨眉山市金顶茶业有限公司',
      title: '未按规定公示年度报告',
      documentNumber: revoke.documentNumber,
      departmentName: market.name,
      decisionDate: '2025-10-15',
      categories: ['罚款', '吊销许可证件'],
      badges: [],
    });
  });

  it('filters licences by 许可类别 and marks expired licences without hiding them', async () => {
    const { db } = current();
    const department = await departmentWithCode(db);
    const company = await createCompany(db, '乐山市岷江客运有限公司');
    const ordinary = await createLicence(db, company, department);
    const special = await createLicence(db, company, department, {
      licenceCategory: '特许',
      decisionDate: '2025-10-01',
      publicFrom: '2025-10-01',
    });
    const expired = await createLicence(db, company, department, {
      decisionDate: '2020-01-01',
      publicFrom: '2020-01-01',
      validFrom: '2020-01-01',
      validUntil: '2025-12-31',
    });
    await createLicence(db, company, department, { status: 'withdrawn', withdrawnOn: '2025-10-01' });

    const all = await caller().disclosures.licensing({ department: department.code });
    expect(all.items.map((i) => i.id)).toEqual([special.id, ordinary.id, expired.id]);
    expect(all.items.find((i) => i.id === expired.id)?.badges).toEqual(['已过期']);
    expect(all.items.find((i) => i.id === ordinary.id)?.badges).toEqual([]);
    expect(all.items[0]?.title).toBe('食品经营许可证');
    const special_ = await caller().disclosures.licensing({ department: department.code, category: '特许' });
    expect(special_.items.map((i) => i.id)).toEqual([special.id]);
  });

  it('pages in a stable order: decision date desc, then id desc, with no record twice', async () => {
    const { db } = current();
    const department = await departmentWithCode(db);
    const company = await createCompany(db, '乐山市分页测试有限公司');
    const created: { id: number; date: string }[] = [];
    for (let i = 0; i < 45; i++) {
      // Three records share each date, so the id decides within a day.
      const date = `2025-10-${String(10 + Math.floor(i / 3)).padStart(2, '0')}`;
      const r = await createPenalty(db, company, department, { decisionDate: date, publicFrom: date });
      created.push({ id: r.id, date });
    }
    const expected = [...created]
      .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1))
      .map((r) => r.id);
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(await caller().disclosures.penalties({ department: department.code, page }));
    expect(pages.map((p) => p.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected);
    expect(pages[0]).toMatchObject({ total: 45, pageCount: 3, page: 1 });
    // Asking again gives the same page.
    const again = await caller().disclosures.penalties({ department: department.code, page: 2 });
    expect(again.items.map((i) => i.id)).toEqual(pages[1]?.items.map((i) => i.id));
  });

  it('lists only public penalties and marks a suspended one 异议处理中', async () => {
    const { db } = current();
    const department = await departmentWithCode(db);
    const company = await createCompany(db, '乐山市可见性测试有限公司');
    const published = await createPenalty(db, company, department);
    const suspended = await createPenalty(db, company, department, {
      status: 'suspended',
      suspendedSince: '2026-02-20',
      publicUntil: '2026-02-25',
    });
    const hidden = [
      await createPenalty(db, company, department, { publicUntil: today }),
      await createPenalty(db, company, department, { status: 'withdrawn', withdrawnOn: '2025-10-01' }),
      await createPenalty(db, company, department, { status: 'repaired', repairedOn: '2026-01-10' }),
      await createPenalty(db, company, department, { status: 'unpublished', severity: 'minor' }),
      await createPenalty(db, company, department, { publicFrom: '2026-03-02', decisionDate: '2026-03-02' }),
    ];
    const list = await caller().disclosures.penalties({ department: department.code });
    expect(list.items.map((i) => i.id).sort()).toEqual([published.id, suspended.id].sort());
    expect(list.total).toBe(2);
    expect(list.items.find((i) => i.id === suspended.id)?.badges).toEqual(['异议处理中']);
    for (const h of hidden) {
      await expect(caller().disclosures.penalty({ id: h.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const detail = await caller().disclosures.penalty({ id: suspended.id });
    expect(detail.badges).toEqual(['异议处理中']);
    expect(detail.suspended).toBe(true);
    // Departments without a public record are not offered in the filter.
    const lonely = await departmentWithCode(db);
    await createPenalty(db, company, lonely, { status: 'withdrawn', withdrawnOn: '2025-10-01' });
    const options = await caller().disclosures.options({ kind: 'penalty' });
    expect(options.departments.map((d) => d.code)).toContain(department.code);
    expect(options.departments.map((d) => d.code)).not.toContain(lonely.code);
  });

  it('refuses wrong filters with Chinese messages and reports unknown departments beside the field', async () => {
    const reject = async (input: Record<string, unknown>) => {
      const error = await caller()
        .disclosures.penalties(input as never)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      return (error as TRPCError).message;
    };
    expect(await reject({ from: '2025-12-01', to: '2025-01-01' })).toContain('起始日期不能晚于截止日期');
    expect(await reject({ from: '2025-02-30' })).toContain('起始日期不是有效日期');
    expect(await reject({ category: '许可' })).toContain('处罚类别无效');
    expect(await reject({ page: 0 })).toMatch(/页码/);
    const unknown = await caller().disclosures.penalties({ department: 'no_such_unit' });
    expect(unknown.errors).toEqual([{ field: 'department', message: '没有这个部门，请从列表中选择。' }]);
  });

  it('counts exactly, and stops one past a cap when one is given', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市计数测试有限公司');
    for (let i = 0; i < 4; i++) await createPenalty(db, company, department);
    // Counting stops one past the cap, which is how "10,000+" is known without a full count.
    expect(await countPenalties(db, today, { departmentIds: [department.id] }, 2)).toBe(3);
    expect(await countPenalties(db, today, { departmentIds: [department.id] }, null)).toBe(4);
  });
});
