import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { PAGE_SIZE, SORTS, type DisclosureSort } from '@/server/disclosures/filters';
import { createCompany, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createLicence } from './fixtures';
import { csvRows, departmentWithCode } from './helpers';

// Every order of the 双公示 lists, on the pages and in the download: total (ties broken by id
// in the same direction), so that no record shows twice or goes missing across a page or a
// download batch boundary.

const today = '2026-03-01';

interface Made {
  id: number;
  documentNumber: string;
  date: string;
  fine: number | null;
}

function expectedOrder(made: Made[], sort: DisclosureSort): string[] {
  const key = (m: Made) => (sort.startsWith('fine') ? (m.fine ?? 0) : m.date);
  const desc = sort.endsWith('desc');
  return [...made]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const byKey = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
      return desc ? -byKey : byKey;
    })
    .map((m) => m.documentNumber);
}

describeEachDatabase('双公示 list orders', (current) => {
  const caller = () => createCaller({ db: current().db, today });

  it('pages and downloads penalties in each order, ties broken by id, nothing twice or missing', async () => {
    const { db } = current();
    const department = await departmentWithCode(db);
    const company = await createCompany(db, '乐山市排序测试有限公司');
    // Few distinct dates and fines (and some without a fine) make many ties across page borders.
    const fines = [null, '0.5', '12', '0.05', '12', '3.25', null];
    const made: Made[] = [];
    for (let i = 0; i < 47; i++) {
      const date = `2025-10-${String(10 + (i % 4)).padStart(2, '0')}`;
      const fine = fines[i % fines.length]!;
      const r = await createPenalty(db, company, department, {
        decisionDate: date,
        publicFrom: date,
        fineAmount: fine,
      });
      made.push({ id: r.id, documentNumber: r.documentNumber, date, fine: fine === null ? null : Number(fine) });
    }
    const filters = { department: [department.code] };
    for (const sort of SORTS) {
      const expected = expectedOrder(made, sort);
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(await caller().disclosures.penalties({ ...filters, page, sort }));
      expect(pages.map((p) => p.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 7]);
      expect(pages[0]?.sort).toBe(sort);
      expect(
        pages.flatMap((p) => p.items.map((i) => i.documentNumber)),
        sort,
      ).toEqual(expected);
      // The download pages by keyset, here 6 rows a query: the same order across every batch.
      const csv = await csvRows(db, today, 'penalty', filters, { sort, batch: 6 });
      const doc = csv.header.indexOf('行政处罚决定书文号(CF_WSH)');
      expect(
        csv.rows.map((r) => r[doc]),
        `${sort} (CSV)`,
      ).toEqual(expected);
    }
    // The list shows the fine, without trailing zeros.
    const top = await caller().disclosures.penalties({ ...filters, sort: 'fine-desc' });
    expect(top.items[0]?.fineAmount).toBe('12');
    const bottom = await caller().disclosures.penalties({ ...filters, sort: 'fine-asc' });
    expect(bottom.items[0]?.fineAmount).toBeNull();
  });

  it('orders licences by decision date both ways and refuses a fine order for them', async () => {
    const { db } = current();
    const department = await departmentWithCode(db);
    const company = await createCompany(db, '乐山市许可排序有限公司');
    const made: Made[] = [];
    for (let i = 0; i < 25; i++) {
      const date = `2025-0${1 + (i % 3)}-15`;
      const r = await createLicence(db, company, department, { decisionDate: date, publicFrom: date, validFrom: date });
      made.push({ id: r.id, documentNumber: r.documentNumber, date, fine: null });
    }
    const filters = { department: [department.code] };
    for (const sort of ['date-desc', 'date-asc'] as const) {
      const pages = [];
      for (const page of [1, 2]) pages.push(await caller().disclosures.licensing({ ...filters, page, sort }));
      expect(
        pages.flatMap((p) => p.items.map((i) => i.documentNumber)),
        sort,
      ).toEqual(expectedOrder(made, sort));
      const csv = await csvRows(db, today, 'licensing', filters, { sort, batch: 4 });
      const doc = csv.header.indexOf('行政许可决定文书号(XK_WSH)');
      expect(doc).toBeGreaterThanOrEqual(0);
      expect(csv.rows.map((r) => r[doc])).toEqual(expectedOrder(made, sort));
    }
    await expect(caller().disclosures.licensing({ ...filters, sort: 'fine-desc' } as never)).rejects.toThrow(
      /排序方式无效/,
    );
  });
});
