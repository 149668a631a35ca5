import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import type { SearchEngine, SearchRequest } from '@/server/search/types';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures, TODAY } from './fixtures';

// Past the exact-total limit the engine stops sorting every hit and finds each page class by
// class down the date index. With the limit lowered to 3 the fixtures reach that path; its
// order must be exactly the order of the exact path, page after page.

async function everything(engine: SearchEngine, request: SearchRequest): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await engine.search({ ...request, page }, TODAY);
    ids.push(...result.hits.map((h) => h.docId));
    if (result.hits.length < result.pageSize) break;
  }
  return ids;
}

describeEachDatabase('search past the exact-total limit', (current) => {
  let db: Db;
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
  });

  const queries: SearchRequest[] = [
    { q: '公司' },
    { q: '乐山' },
    { q: '有限' },
    { q: '峨眉山金顶' },
    { q: '市' },
    { q: '公司', sort: 'date' },
    { q: '乐山', kinds: ['penalty', 'licensing'] },
    { q: '公司', years: [2025, 2026] },
  ];

  for (const request of queries) {
    it(`orders ${JSON.stringify(request)} exactly like the exact path, across pages`, async () => {
      const exact = createPostgresSearchEngine(db);
      const exactResult = await exact.search(request, TODAY);
      expect(exactResult.totalIsExact).toBe(true);
      expect(exactResult.total).toBeGreaterThan(3);
      // The last engine keeps its broad summaries (as the portal's does): later pages reuse them.
      for (const [plan, cacheSummaries] of [
        ['auto', false],
        ['scan', false],
        ['index', false],
        ['auto', true],
      ] as const) {
        const broad = createPostgresSearchEngine(db, { exactTotalLimit: 3, plan, cacheSummaries });
        const first = await broad.search(request, TODAY);
        expect(first.totalIsExact).toBe(false);
        expect(first.total).toBe(3);
        expect(first.notice).toContain('超过 3 条');
        expect(await everything(broad, request), plan).toEqual(await everything(exact, request));
      }
      // An exact total whose page the summary did not keep (the statistics expected the cap):
      // found class by class from the exact class sizes, in the same order.
      for (const dateWalkThreshold of [1, 2000]) {
        const unkept = createPostgresSearchEngine(db, { summaryPage: 'never', dateWalkThreshold });
        const result = await unkept.search(request, TODAY);
        expect(result.totalIsExact).toBe(true);
        expect(result.total).toBe(exactResult.total);
        expect(await everything(unkept, request), `threshold ${dateWalkThreshold}`).toEqual(
          await everything(exact, request),
        );
      }
    });
  }

  // With the limit just below the total, the capped matches hold every rank class, so the
  // engine takes class sizes from them (and from one count of names) instead of counting each.
  for (const q of ['公司', '乐山', '市']) {
    it(`orders "${q}" like the exact path when class sizes come from the capped matches`, async () => {
      const exact = createPostgresSearchEngine(db);
      const { total } = await exact.search({ q }, TODAY);
      expect(total).toBeGreaterThan(21);
      for (const dateWalkThreshold of [1, 10, 2000]) {
        const broad = createPostgresSearchEngine(db, { exactTotalLimit: total - 1, dateWalkThreshold });
        expect((await broad.search({ q }, TODAY)).totalIsExact).toBe(false);
        expect(await everything(broad, { q }), `threshold ${dateWalkThreshold}`).toEqual(
          await everything(exact, { q }),
        );
      }
    });
  }

  it('reports facet counts over the capped set as not exact', async () => {
    const broad = createPostgresSearchEngine(db, { exactTotalLimit: 3 });
    const result = await broad.search({ q: '公司' }, TODAY);
    expect(result.facetsAreExact).toBe(false);
    const kindCounts = result.facets.kind.reduce((n, f) => n + f.count, 0);
    expect(kindCounts).toBeLessThanOrEqual(4);
  });

  it('counts the one selected value of a capped facet as the exact total, not its sample', async () => {
    const exact = createPostgresSearchEngine(db);
    const request: SearchRequest = { q: '公司', kinds: ['penalty'] };
    const { total } = await exact.search(request, TODAY);
    const unfiltered = await exact.search({ q: '公司' }, TODAY);
    expect(total).toBeGreaterThan(0);
    // A limit between the two totals: the kind facet's own (unfiltered) count is capped, the filtered total is exact.
    expect(unfiltered.total).toBeGreaterThan(total + 1);
    const broad = createPostgresSearchEngine(db, { exactTotalLimit: total + 1 });
    const result = await broad.search(request, TODAY);
    expect(result.totalIsExact).toBe(true);
    expect(result.facetsAreExact).toBe(false);
    expect(result.facets.kind.find((f) => f.value === 'penalty')?.count).toBe(total);
  });
});
