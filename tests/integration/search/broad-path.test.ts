import { beforeAll, describe, expect, it } from 'vitest';
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
      // Every class walked by date, with a budget too small to fill a page (as when the matches
      // are older than the documents walked first): each page is sorted instead, in the same order.
      for (const walkBudget of [1, 7]) {
        const given = createPostgresSearchEngine(db, { exactTotalLimit: 3, dateWalkThreshold: 1, walkBudget });
        expect(await everything(given, request), `budget ${walkBudget}`).toEqual(await everything(exact, request));
      }
    });
  }

  // The page is read beside the summary on a guess of whether the cap will be reached; a wrong
  // guess is read again, and when the statistics cannot tell ('unsure') both are read. Forced
  // right, wrong and unsure, above and below the limit, flat and grouped: every page is the page
  // of an engine that waited for the summary.
  for (const q of ['公司', '乐山', '峨眉山金顶']) {
    it(`"${q}": the page read before the summary is the same page, whichever way the guess goes`, async () => {
      const { total } = await createPostgresSearchEngine(db).search({ q }, TODAY);
      for (const exactTotalLimit of [3, total - 1, total + 5]) {
        const waited = createPostgresSearchEngine(db, { exactTotalLimit, summaryPage: 'never', expectCap: 'never' });
        for (const request of [{ q }, { q, group: 'subject' as const }, { q, sort: 'date' as const }]) {
          const want = await everything(waited, request);
          for (const expectCap of ['always', 'never', 'unsure'] as const) {
            const guessed = createPostgresSearchEngine(db, { exactTotalLimit, expectCap });
            expect(
              await everything(guessed, request),
              `${JSON.stringify(request)} limit ${exactTotalLimit} ${expectCap}`,
            ).toEqual(want);
          }
        }
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

  // Grouped cards past the limit are ranked from a sample per name class (groupSample), not from
  // twice the cap: bounded work, the exact name still first, every card once across pages.
  describe('grouped cards past the exact-total limit', () => {
    async function cardsOf(engine: SearchEngine, q: string) {
      const first = await engine.search({ q, group: 'subject' }, TODAY);
      const cards = [...first.hits];
      for (let page = 2; page <= first.pageCount; page++)
        cards.push(...(await engine.search({ q, group: 'subject', page }, TODAY)).hits);
      return { first, cards };
    }
    const cardKey = (h: { kind: string; subjectId: number | null; docId: string }) =>
      (h.kind === 'subject' || h.kind === 'licensing' || h.kind === 'penalty') && h.subjectId !== null
        ? `s${h.subjectId}`
        : h.docId;

    for (const q of ['公司', '乐山', '市', '峨眉山金顶旅游开发有限公司']) {
      it(`"${q}": at most a sample per name class, each card once, classes in order`, async () => {
        const exact = await cardsOf(createPostgresSearchEngine(db), q);
        const sampled = await cardsOf(createPostgresSearchEngine(db, { exactTotalLimit: 3, groupSample: 2 }), q);
        expect(sampled.first.totalIsExact).toBe(false);
        // Exact names (all of them) plus at most two of each other class: prefix, contains, text only.
        const exactNames = exact.cards.filter((h) => h.rankClass === 0).length;
        expect(sampled.first.groupCount).toBeLessThanOrEqual(exactNames + 3 * 2);
        expect(sampled.cards.length).toBe(sampled.first.groupCount);
        const keys = sampled.cards.map(cardKey);
        expect(new Set(keys).size).toBe(keys.length);
        const classes = sampled.cards.map((h) => h.rankClass);
        expect(classes).toEqual([...classes].sort((a, b) => a - b));
        // Every card of the sample is a card of the exact ranking.
        const exactKeys = new Set(exact.cards.map(cardKey));
        for (const k of keys) expect(exactKeys.has(k), k).toBe(true);
        // A subject whose name equals the query is never lost to the sample, and comes first.
        if (exactNames > 0) expect(cardKey(sampled.cards[0]!)).toBe(cardKey(exact.cards[0]!));
      });
    }

    it('the company whose full name was typed is the first card even when the query is capped', async () => {
      const q = '峨眉山金顶旅游开发有限公司';
      const { first } = await cardsOf(createPostgresSearchEngine(db, { exactTotalLimit: 1, groupSample: 1 }), q);
      expect(first.totalIsExact).toBe(false);
      expect(first.hits[0]!.kind).toBe('subject');
      expect(first.hits[0]!.rankClass).toBe(0);
      expect(first.hits[0]!.titleSegments.map((s) => s.text).join('')).toBe(q);
    });
  });
});
