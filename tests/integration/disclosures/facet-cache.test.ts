import { expect, it } from 'vitest';
import { publicDataChanged } from '@/server/http/invalidate';
import { createCaller } from '@/server/root';
import { createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createCompanyIn, insertDivisions } from './fixtures';
import { departmentWithCode } from './helpers';

// A list page's facet counts (a scan of every public record) are kept between requests: a new
// or changed record shows in them at once, even unannounced (the table's newest updated_at is
// part of the key), and any announced change of public data counts afresh.

const today = '2026-03-01';

describeEachDatabase('双公示 facet counts between requests', (current) => {
  const penalties = (department: string) =>
    createCaller({ db: current().db, today }).disclosures.penalties({ department: [department] });
  const countOf = (list: Awaited<ReturnType<typeof penalties>>, division: string) =>
    list.facets.division.find((v) => v.value === division)?.count ?? 0;

  it('shows a new record at once, and a subject moved to another division once the change is announced', async () => {
    const { db } = current();
    await insertDivisions(db);
    const dept = await departmentWithCode(db);
    const firm = await createCompanyIn(db, '乐山市计数测试食品有限公司', '511102');
    await createPenalty(db, firm, dept, { categories: ['罚款'] });
    const first = await penalties(dept.code);
    expect(countOf(first, '511102')).toBe(1);

    // A record written without an announcement still shows: the key holds the table's last change.
    await createPenalty(db, firm, dept, { categories: ['警告'] });
    expect(countOf(await penalties(dept.code), '511102')).toBe(2);

    // The subject moves to 峨眉山市; no record row changes, so the counts are the kept ones …
    await db.updateTable('subjects').set({ divisionCode: '511181' }).where('id', '=', firm.id).execute();
    const kept = await penalties(dept.code);
    expect(countOf(kept, '511102')).toBe(2);
    // … until the change is announced, as every writer of public data does after its commit.
    publicDataChanged();
    const fresh = await penalties(dept.code);
    expect(countOf(fresh, '511102')).toBe(0);
    expect(countOf(fresh, '511181')).toBe(2);
  });
});
