import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hrefWith } from '@/components/query-string';
import {
  DISCLOSURE_KINDS,
  MAX_PAGE,
  listQueryToParams,
  parseFilters,
  SORTS_OF_KIND,
  type DisclosureKind,
  type ListQuery,
  type RawQuery,
} from '@/server/disclosures/filters';
import { LICENSING_CATEGORIES, PENALTY_CATEGORIES } from '@/server/rules/codes';

// The /disclosures/* address ⇄ what the list shows: any valid state survives a trip through
// its URL unchanged, and no address, however mangled, breaks the page: it is read with
// Chinese messages beside what could not be used.

/** A URL as the browser sends it, read back the way the page and the CSV route read it. */
function throughUrl(params: Record<string, string | string[]>): RawQuery {
  const search = new URL(hrefWith('/disclosures/penalties', params), 'http://localhost').searchParams;
  const raw: RawQuery = {};
  for (const key of new Set(search.keys())) raw[key] = search.getAll(key);
  return raw;
}

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const keyword = fc
  .array(fc.constantFrom(...'乐山嘉州食品有限公司峨眉茶业abc0123-'.split('')), { minLength: 1, maxLength: 30 })
  .map((chars) => chars.join(''))
  .filter((s) => s.trim() === s && s !== '');

function listQuery(kind: DisclosureKind): fc.Arbitrary<ListQuery> {
  const categories: readonly string[] = kind === 'penalty' ? PENALTY_CATEGORIES : LICENSING_CATEGORIES;
  const some = <T>(arb: fc.Arbitrary<T[]>) => fc.option(arb, { nil: undefined });
  return fc
    .record({
      department: some(fc.uniqueArray(fc.stringMatching(/^[a-z0-9_]{1,12}$/), { minLength: 1, maxLength: 5 })),
      division: some(fc.uniqueArray(fc.stringMatching(/^5111\d{2}$/), { minLength: 1, maxLength: 5 })),
      category: some(fc.shuffledSubarray([...categories], { minLength: 1 })),
      dates: fc.tuple(fc.option(isoDate, { nil: undefined }), fc.option(isoDate, { nil: undefined })),
      q: fc.option(keyword, { nil: undefined }),
      sort: fc.constantFrom(...SORTS_OF_KIND[kind]),
      page: fc.integer({ min: 1, max: MAX_PAGE }),
    })
    .map(({ dates: [a, b], department, division, category, q, sort, page }) => {
      const [from, to] = a && b && a > b ? [b, a] : [a, b];
      const filters = Object.fromEntries(
        Object.entries({ department, division, category, from, to, q }).filter(([, v]) => v !== undefined),
      );
      return { filters, sort, page };
    });
}

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '2025-02-30', '0', '-1', '1e3', '501', 'fine-desc', 'date-asc', '罚款', 'scjg', '511102'),
);
const rawQuery: fc.Arbitrary<RawQuery> = fc.dictionary(
  fc.constantFrom('department', 'division', 'category', 'from', 'to', 'q', 'sort', 'page', 'other', '__proto__'),
  fc.oneof(junk, fc.array(junk, { maxLength: 60 }), fc.constant(undefined)),
);

const CHINESE = /[\u4e00-\u9fff]/;

describe.each(DISCLOSURE_KINDS)('the %s list URL', (kind) => {
  it('reads back every valid state it writes: parse(serialize(x)) = x', () => {
    fc.assert(
      fc.property(listQuery(kind), (query) => {
        const parsed = parseFilters(kind, throughUrl(listQueryToParams(query)));
        expect(parsed.errors).toEqual([]);
        expect({ filters: parsed.filters, sort: parsed.sort, page: parsed.page }).toEqual(query);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('never throws on a mangled address; what it refuses it says in Chinese, and what it keeps is valid', () => {
    fc.assert(
      fc.property(rawQuery, (raw) => {
        const parsed = parseFilters(kind, raw);
        for (const e of parsed.errors) {
          expect(e.message).toMatch(CHINESE);
          expect(e.message).not.toMatch(/undefined|NaN|\[object/);
        }
        expect(SORTS_OF_KIND[kind]).toContain(parsed.sort);
        // What was kept is a valid state: written out and read again, nothing is refused or lost.
        const kept = { filters: parsed.filters, sort: parsed.sort, page: parsed.page };
        const again = parseFilters(kind, throughUrl(listQueryToParams(kept)));
        expect(again.errors).toEqual([]);
        expect({ filters: again.filters, sort: again.sort, page: again.page }).toEqual(kept);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('refuses an unknown order in Chinese and falls back to newest first', () => {
    const parsed = parseFilters(kind, { sort: 'price-desc', department: ['scjg', 'scjg', 'BAD!'] });
    expect(parsed.sort).toBe('date-desc');
    expect(parsed.filters.department).toEqual(['scjg']);
    expect(parsed.errors.map((e) => e.field)).toEqual(['department', 'sort']);
    expect(parsed.errors[1]?.message).toMatch(/^排序方式无效，可选：.+。已按.+决定日期从新到旧排列。$/);
  });
});

it('offers fine amount orders for penalties only', () => {
  expect(parseFilters('penalty', { sort: 'fine-desc' })).toMatchObject({ sort: 'fine-desc', errors: [] });
  expect(parseFilters('licensing', { sort: 'fine-desc' }).errors[0]?.message).toContain('排序方式无效');
});
