import { describe, expect, it } from 'vitest';
import {
  clearFiltersHref,
  displayableQuery,
  hiddenFields,
  pageHref,
  parseSearchParams,
  searchHref,
  sortHref,
  toggleFacetHref,
} from '@/components/search/search-params';
import { searchRequestSchema } from '@/server/search/schema';

const ID_NUMBER = '11010519491231002X';

describe('parseSearchParams', () => {
  it('reads the query, repeated filters, sort and page into a request the core accepts', () => {
    const { request, notices } = parseSearchParams({
      q: ' 农业 ',
      kind: ['penalty', 'licensing'],
      department: '12',
      year: ['2024', '2023'],
      list: 'dishonesty',
      category: '罚款',
      severity: 'serious',
      domain: '食品药品',
      division: '511102',
      sort: 'date',
      page: '2',
    });
    expect(notices).toEqual([]);
    expect(request).toEqual({
      q: '农业',
      kinds: ['penalty', 'licensing'],
      departmentIds: [12],
      years: [2024, 2023],
      listTypes: ['dishonesty'],
      categories: ['罚款'],
      severities: ['serious'],
      domains: ['食品药品'],
      divisionCodes: ['511102'],
      sort: 'date',
      page: 2,
    });
    expect(searchRequestSchema.safeParse(request).success).toBe(true);
  });

  it('drops bad values with a Chinese notice each, keeping the good ones', () => {
    const { request, notices } = parseSearchParams({
      q: '农业',
      kind: ['penalty', 'spaceship'],
      department: 'abc',
      year: '20245',
      sort: 'price',
      page: 'abc',
    });
    expect(request).toEqual({ q: '农业', kinds: ['penalty'] });
    expect(notices).toHaveLength(5);
    expect(notices.join('')).toContain('信息类别“spaceship”不正确');
    expect(notices.join('')).toContain('部门“abc”不正确');
    expect(notices.join('')).toContain('排序方式“price”不正确');
    expect(notices.join('')).toContain('页码“abc”不正确');
    expect(searchRequestSchema.safeParse(request).success).toBe(true);
  });

  it('shortens a 300-character query to what the core searches, and says so', () => {
    const { request, notices } = parseSearchParams({ q: '农'.repeat(300) });
    expect(Array.from(request.q)).toHaveLength(100);
    expect(notices).toEqual(['查询内容过长，只按前 100 个字查询。']);
    expect(searchRequestSchema.safeParse(request).success).toBe(true);
  });

  it('caps the page at the last reachable one and treats page 1 as the default', () => {
    expect(parseSearchParams({ q: 'a', page: '9999' }).request.page).toBe(500);
    expect(parseSearchParams({ q: 'a', page: '9999' }).notices[0]).toContain('最多可查看前 500 页');
    expect(parseSearchParams({ q: 'a', page: '1' }).request.page).toBeUndefined();
    expect(parseSearchParams({ q: 'a', page: '0' }).notices[0]).toContain('页码“0”不正确');
  });

  it('shortens a pasted essay in a notice instead of echoing it', () => {
    const { notices } = parseSearchParams({ q: 'x', domain: '很'.repeat(60) });
    expect(notices[0]).toBe(`领域“${'很'.repeat(20)}…”不正确，已忽略。`);
  });

  it('takes the first of repeated q and sort values and ignores unknown parameters', () => {
    const { request, notices } = parseSearchParams({ q: ['农业', '公司'], sort: ['date', 'relevance'], utm: 'x' });
    expect(request).toEqual({ q: '农业', sort: 'date' });
    expect(notices).toEqual([]);
  });

  it('deduplicates repeated filter values', () => {
    expect(parseSearchParams({ q: 'a', kind: ['penalty', 'penalty'] }).request.kinds).toEqual(['penalty']);
  });
});

describe('search URLs', () => {
  const { request } = parseSearchParams({ q: '农业', kind: 'penalty', year: '2024', page: '3' });

  it('round-trips a request through its URL', () => {
    const url = new URL(searchHref(request), 'http://x');
    const params: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) params[key] = url.searchParams.getAll(key);
    expect(parseSearchParams(params).request).toEqual(request);
  });

  it('toggles a facet value on and off, back to page 1', () => {
    expect(toggleFacetHref(request, 'kind', 'licensing')).toBe(
      '/search?kind=penalty&kind=licensing&q=%E5%86%9C%E4%B8%9A&year=2024',
    );
    expect(toggleFacetHref(request, 'kind', 'penalty')).toBe('/search?q=%E5%86%9C%E4%B8%9A&year=2024');
    expect(toggleFacetHref(request, 'listType', 'honor')).toContain('list=honor');
  });

  it('builds page, sort and clear links that keep the rest', () => {
    expect(pageHref(request, 4)).toBe('/search?kind=penalty&page=4&q=%E5%86%9C%E4%B8%9A&year=2024');
    expect(pageHref(request, 1)).toBe('/search?kind=penalty&q=%E5%86%9C%E4%B8%9A&year=2024');
    expect(sortHref(request, 'date')).toBe('/search?kind=penalty&q=%E5%86%9C%E4%B8%9A&sort=date&year=2024');
    expect(sortHref({ ...request, sort: 'date' }, 'relevance')).not.toContain('sort=');
    expect(clearFiltersHref({ ...request, sort: 'date' })).toBe('/search?q=%E5%86%9C%E4%B8%9A&sort=date');
  });

  it('carries filters and sort, but not the query or page, in hidden form fields', () => {
    expect(hiddenFields({ ...request, sort: 'date' })).toEqual([
      { name: 'kind', value: 'penalty' },
      { name: 'year', value: '2024' },
      { name: 'sort', value: 'date' },
    ]);
  });
});

describe('displayableQuery', () => {
  it('never shows a resident ID number back, but keeps names and company codes', () => {
    expect(displayableQuery(ID_NUMBER)).toBe('');
    expect(displayableQuery(` ${ID_NUMBER.toLowerCase()} `)).toBe('');
    expect(displayableQuery(`张三　${ID_NUMBER}`)).toBe('');
    expect(displayableQuery('农业')).toBe('农业');
    expect(displayableQuery('91511100MA62A1234X')).toBe('91511100MA62A1234X');
  });
});
