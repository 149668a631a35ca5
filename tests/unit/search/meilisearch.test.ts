import { describe, expect, it } from 'vitest';
import {
  toMeiliDocument,
  bigramStream,
  containsAllTerms,
  encodeChar,
  gramQuery,
  MAX_QUERY_WORDS,
  termTokens,
  unigramStream,
  titleKey,
  prefixKey,
  FAR_FUTURE,
} from '@/server/search/meilisearch/grams';
import {
  allOf,
  anyOf,
  facetFilter,
  facetQueries,
  NOTHING,
  quoteValue,
  visibilityFilter,
} from '@/server/search/meilisearch/filters';
import { GRAM_ATTRIBUTES, SEARCH_SETTINGS } from '@/server/search/meilisearch/settings';
import { matchOf, MAX_PINNED_IDS, rankedSearchQueries, rankOrder } from '@/server/search/meilisearch/engine';
import { parseQuery } from '@/server/search/text';
import { createFallbackEngine } from '@/server/search/fallback';
import { penaltyDocument } from '@/server/search/documents';
import { normalizeSearchText } from '@/server/search/text';
import { EXACT_TOTAL_LIMIT, PAGE_SIZE, type SearchEngine, type SearchResult } from '@/server/search/types';

/** Does the phrase (space-separated tokens) occur at consecutive positions of one field of a stream? */
function phraseIn(stream: string, phrase: string): boolean {
  return stream.split(' . ').some((field) => ` ${field} `.includes(` ${phrase} `));
}
const phrasesOf = (q: string) => [...q.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);

describe('gram tokens', () => {
  it('encode every code point as five lower-case letters, distinct per character', () => {
    for (const ch of ['嘉', 'a', '1', '𠮷', '（', '\u{10FFFF}']) expect(encodeChar(ch)).toMatch(/^[a-z]{5}$/);
    expect(encodeChar('嘉')).not.toBe(encodeChar('州'));
    expect(encodeChar('𠮷')).not.toBe(encodeChar('吉'));
  });

  it('a term is a phrase of its consecutive bigrams, a single character its unigram', () => {
    expect(termTokens('嘉')).toEqual([`u${encodeChar('嘉')}`]);
    expect(termTokens('嘉州餐')).toHaveLength(2);
    expect(termTokens('')).toEqual([]);
  });

  const title = normalizeSearchText('乐山市市中区嘉州餐饮管理有限公司');
  const finds = (text: string, term: string) =>
    phraseIn(Array.from(term).length === 1 ? unigramStream([text]) : bigramStream([text]), termTokens(term).join(' '));

  it('substrings anywhere are found, across what a segmenter would call word boundaries', () => {
    for (const term of ['市中区', '区嘉州餐', '嘉州', '司', '乐山市市中区嘉州餐饮管理有限公司'])
      expect(finds(title, term)).toBe(true);
  });

  it('reversed or non-adjacent characters are not found', () => {
    for (const term of ['州嘉', '嘉餐', '公司乐']) expect(finds(title, term)).toBe(false);
  });

  it('a phrase never spans two fields', () => {
    const stream = bigramStream(['有限公司', '未明码']);
    expect(phraseIn(stream, termTokens('公司未').join(' '))).toBe(false);
    expect(phraseIn(stream, termTokens('明码').join(' '))).toBe(true);
  });
});

describe('gram query', () => {
  it('one quoted phrase per term when the words fit', () => {
    const q = gramQuery(['招商', '公司']);
    expect(q.loose).toBe(false);
    expect(phrasesOf(q.q)).toEqual([termTokens('招商').join(' '), termTokens('公司').join(' ')]);
  });

  it(`a query of more than ${MAX_QUERY_WORDS} words is cut to ${MAX_QUERY_WORDS}, keeping every term, and marked loose`, () => {
    const q = gramQuery(['峨眉山金顶旅游开发有限公司', '索道']);
    expect(q.loose).toBe(true);
    const phrases = phrasesOf(q.q);
    expect(phrases).toHaveLength(2);
    expect(phrases.join(' ').split(' ')).toHaveLength(MAX_QUERY_WORDS);
    // What is kept is a prefix of each term's phrase: a necessary condition, so nothing true is lost.
    expect(termTokens('峨眉山金顶旅游开发有限公司').join(' ').startsWith(phrases[0]!)).toBe(true);
  });

  it('terms of one or two characters are exact by their single token; three or more need verification', () => {
    expect(gramQuery(['嘉州', '公司', '山']).loose).toBe(false);
    expect(gramQuery(['嘉州餐']).loose).toBe(true);
  });

  it(`${MAX_QUERY_WORDS} words fit; more are cut to ${MAX_QUERY_WORDS} and need verification`, () => {
    const five = ['一二三', '四五六', '七八九', '十一二', '三四五'];
    expect(phrasesOf(gramQuery(five).q).join(' ').split(' ')).toHaveLength(MAX_QUERY_WORDS);
    const six = gramQuery([...five, '六七八']);
    expect(six.loose).toBe(true);
    expect(phrasesOf(six.q)).toHaveLength(6);
    expect(phrasesOf(six.q).join(' ').split(' ')).toHaveLength(MAX_QUERY_WORDS);
  });

  it('no terms, no query', () => {
    expect(gramQuery([])).toEqual({ q: '', loose: false });
  });

  it('candidates of a cut query are verified within one field', () => {
    const text = ['峨眉山金顶旅游开发有限公司', '未明码标价'].join('\u0001');
    expect(containsAllTerms(text, ['开发有限公司'])).toBe(true);
    expect(containsAllTerms(text, ['开发有限公司未明码'])).toBe(false);
  });
});

describe('document mapping', () => {
  const doc = penaltyDocument({
    id: 7,
    status: 'published',
    subjectId: 3,
    subjectKind: 'legal_person',
    subjectName: '乐山市市中区嘉州餐饮管理有限公司',
    currentName: '乐山市市中区嘉州餐饮管理有限公司',
    subjectDivision: '511102',
    uscc: null,
    departmentId: 2,
    departmentName: '乐山市市场监督管理局',
    documentNumber: '乐市监处罚〔2024〕45号',
    violationType: '未明码标价',
    violationFacts: '经查，当事人未明码标价。',
    legalBasis: '价格法',
    categories: ['警告', '罚款'],
    content: '警告、罚款。',
    decisionDate: '2024-11-15',
    severity: 'serious',
    domain: null,
    publicFrom: '2024-11-15',
    publicUntil: '2027-11-15',
  })!;
  const m = toMeiliDocument(doc);

  it('has a Meilisearch-valid primary key and keeps the contract id', () => {
    expect(m.id).toBe('penalty-7');
    expect(m.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(m.docId).toBe('penalty:7');
  });

  it('dates become yyyymmdd numbers; no end date is the far future', () => {
    expect(m.sortDay).toBe(20241115);
    expect(m.publicFromDay).toBe(20241115);
    expect(m.publicUntilDay).toBe(20271115);
    expect(toMeiliDocument({ ...doc, publicUntil: null, publicFrom: null, sortDate: null })).toMatchObject({
      publicUntilDay: FAR_FUTURE,
      publicFromDay: 0,
      sortDay: 0,
    });
  });

  it('grams of the title and body are ASCII letters only', () => {
    for (const s of [m.titleGrams, m.titleUnigrams, m.bodyGrams, m.bodyUnigrams]) expect(s).toMatch(/^[a-z .]+$/);
    expect(phraseIn(m.bodyGrams, termTokens(normalizeSearchText('〔2024〕45')).join(' '))).toBe(true);
    expect(phraseIn(m.titleGrams, termTokens('嘉州').join(' '))).toBe(true);
  });

  it('title keys: the exact title and each prefix', () => {
    expect(m.titleKey).toBe(titleKey(doc.titleNorm));
    expect(m.titlePrefixKeys).toContain(prefixKey('乐山市'));
    expect(m.titlePrefixKeys).toContain(prefixKey(doc.titleNorm));
    expect(m.titlePrefixKeys).not.toContain(prefixKey('山市'));
  });

  it('facet fields are carried as the contract names them', () => {
    expect(m).toMatchObject({
      kind: 'penalty',
      departmentId: 2,
      divisionCode: '511102',
      year: 2024,
      categories: ['警告', '罚款'],
      severity: 'serious',
    });
  });
});

describe('settings', () => {
  it('typo tolerance is off for every gram attribute and the body (codes, document numbers)', () => {
    for (const a of [...GRAM_ATTRIBUTES, 'body'])
      expect(SEARCH_SETTINGS.typoTolerance.disableOnAttributes).toContain(a);
  });

  it(`pagination reaches one past the exact limit (${EXACT_TOTAL_LIMIT + 1}), so "10,000+" can be told apart`, () => {
    expect(SEARCH_SETTINGS.pagination.maxTotalHits).toBe(EXACT_TOTAL_LIMIT + 1);
  });

  it('every facet and visibility attribute is filterable; date and id sortable; sort ranks first', () => {
    for (const a of [
      'kind',
      'departmentId',
      'divisionCode',
      'year',
      'categories',
      'severity',
      'listType',
      'domain',
      'publicFromDay',
      'publicUntilDay',
      'docId',
      'titleKey',
      'titlePrefixKeys',
    ])
      expect(SEARCH_SETTINGS.filterableAttributes).toContain(a);
    expect(SEARCH_SETTINGS.sortableAttributes).toEqual(['sortDay', 'docId']);
    expect(SEARCH_SETTINGS.rankingRules[0]).toBe('sort');
  });

  it('the human-readable fields are localized as Chinese (cmn), and grams are searchable', () => {
    expect(SEARCH_SETTINGS.localizedAttributes[0]).toMatchObject({ locales: ['cmn'] });
    for (const a of GRAM_ATTRIBUTES) expect(SEARCH_SETTINGS.searchableAttributes).toContain(a);
    expect(SEARCH_SETTINGS.faceting.maxValuesPerFacet).toBeGreaterThanOrEqual(100);
  });
});

describe('filter expressions', () => {
  it('values are quoted, with quotes and backslashes escaped', () => {
    expect(quoteValue('生态环境')).toBe('"生态环境"');
    expect(quoteValue('a"b')).toBe('"a\\"b"');
    expect(quoteValue('a\\')).toBe('"a\\\\"');
    expect(quoteValue(12)).toBe('"12"');
  });

  it('an injection attempt stays one string value', () => {
    const f = anyOf('domain', ['a" OR kind = "subject'])!;
    expect(f).toBe('domain IN ["a\\" OR kind = \\"subject"]');
    // Unescaped quotes in the expression: only the two that delimit the value.
    expect(f.replaceAll('\\\\', '').replaceAll('\\"', '').match(/"/g)).toHaveLength(2);
    expect(anyOf('domain', ['x\\" OR kind = "subject'])).toBe('domain IN ["x\\\\\\" OR kind = \\"subject"]');
  });

  it('OR within a facet (IN, duplicates once), AND across, nothing for empty lists', () => {
    expect(anyOf('kind', ['penalty', 'licensing', 'penalty'])).toBe('kind IN ["penalty", "licensing"]');
    expect(anyOf('kind', [])).toBeNull();
    expect(allOf(['a = 1', null, 'b = 2'])).toBe('(a = 1) AND (b = 2)');
    expect(allOf([null, undefined])).toBeNull();
  });

  it('numeric facets compare as numbers; a non-number matches nothing instead of everything', () => {
    expect(facetFilter('year', ['2024', '2025'])).toBe('year IN [2024, 2025]');
    expect(facetFilter('department', ['1 OR 1=1'])).toBe(NOTHING);
    expect(facetFilter('year', [])).toBeNull();
  });

  it('visibility: public from its first day, gone on its last', () => {
    expect(visibilityFilter('2026-06-30')).toBe('publicFromDay <= 20260630 AND publicUntilDay > 20260630');
    expect(() => visibilityFilter('x; DROP')).toThrow();
  });

  it('disjunctive facets: one query per selected facet, without its own filter', () => {
    const queries = facetQueries({ kinds: ['penalty'], years: [2025] }, ['V']);
    expect(queries).toHaveLength(3);
    expect(queries[0]!.filter).toBe('(V) AND (kind IN ["penalty"]) AND (year IN [2025])');
    expect(queries[0]!.facets).not.toContain('kind');
    expect(queries[0]!.facets).not.toContain('year');
    expect(queries[1]).toEqual({ facet: 'kind', filter: '(V) AND (year IN [2025])', facets: ['kind'] });
    expect(queries[2]).toEqual({ facet: 'year', filter: '(V) AND (kind IN ["penalty"])', facets: ['year'] });
    expect(facetQueries({}, [null])).toEqual([
      { facet: null, filter: null, facets: expect.arrayContaining(['kind', 'year']) },
    ]);
  });
});

describe('rank order', () => {
  it('classes exact, prefix, contains, text only; newest first kept within each', () => {
    const rows = ['峨眉山金顶旅游', 'x', '峨眉山金顶', '四川峨眉山金顶', '峨眉山金顶索道'].map((titleNorm, i) => ({
      titleNorm,
      i,
    }));
    expect(rankOrder(rows, '峨眉山金顶').map((r) => r.i)).toEqual([2, 0, 4, 3, 1]);
  });
});

describe('fallback engine', () => {
  const answer = (name: string): SearchResult => ({
    terms: [name],
    total: 0,
    totalIsExact: true,
    page: 1,
    pageSize: PAGE_SIZE,
    pageCount: 0,
    hits: [],
    facets: {} as SearchResult['facets'],
    facetsAreExact: true,
    code: null,
    notice: null,
  });
  const engine = (name: string, search: SearchEngine['search']): SearchEngine => ({ name, search });
  const postgres = engine('postgresql', async () => answer('postgresql'));

  it('answers from the primary while it is well, and says the fallback is not active', async () => {
    const e = createFallbackEngine(
      engine('meilisearch', async () => answer('meilisearch')),
      postgres,
      { timeoutMs: 100 },
    );
    expect((await e.search({ q: 'x' }, '2026-06-30')).terms).toEqual(['meilisearch']);
    expect(e.status().fallbackActive).toBe(false);
  });

  it('answers from PostgreSQL when the primary throws, and reports why', async () => {
    const e = createFallbackEngine(
      engine('meilisearch', async () => {
        throw new Error('connect ECONNREFUSED');
      }),
      postgres,
      { timeoutMs: 100 },
    );
    expect((await e.search({ q: 'x' }, '2026-06-30')).terms).toEqual(['postgresql']);
    expect(e.status()).toMatchObject({ fallbackActive: true });
    expect(e.status().reason).toContain('ECONNREFUSED');
  });

  it('answers from PostgreSQL when the primary hangs past the timeout', async () => {
    const e = createFallbackEngine(
      engine('meilisearch', () => new Promise(() => undefined)),
      postgres,
      { timeoutMs: 30 },
    );
    const started = Date.now();
    expect((await e.search({ q: 'x' }, '2026-06-30')).terms).toEqual(['postgresql']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(e.status().reason).toMatch(/超时/);
  });

  it('answers from PostgreSQL while the outbox backlog is stale, and returns to the primary after', async () => {
    let stale = true;
    let asked = 0;
    const switches: boolean[] = [];
    const e = createFallbackEngine(
      engine('meilisearch', async () => {
        asked++;
        return answer('meilisearch');
      }),
      postgres,
      {
        timeoutMs: 100,
        isStale: async () => stale,
        onSwitch: (s) => switches.push(s.fallbackActive),
      },
    );
    expect((await e.search({ q: 'x' }, '2026-06-30')).terms).toEqual(['postgresql']);
    expect(asked).toBe(0);
    stale = false;
    expect((await e.search({ q: 'x' }, '2026-06-30')).terms).toEqual(['meilisearch']);
    expect(switches).toEqual([true, false]);
    expect(e.status()).toMatchObject({ fallbackActive: false, reason: null, since: null });
  });
});

describe('query building', () => {
  const VIS = visibilityFilter('2026-06-30');
  type Row = { docId: string; titleNorm: string; sortDay: number; searchText?: string };
  const fakeSearch = (hits: Row[], totalHits = hits.length) => {
    const calls: { q: string; params: Record<string, unknown> }[] = [];
    const fn = async (q: string, params: Record<string, unknown>) => {
      calls.push({ q, params });
      return { hits, totalHits };
    };
    return { fn, calls };
  };

  it('a query that fits is matched by its phrases, without a candidate round trip', async () => {
    const { fn, calls } = fakeSearch([]);
    const match = await matchOf(fn, parseQuery('招商 公司'), VIS, EXACT_TOTAL_LIMIT + 1);
    expect(match).toEqual({ q: gramQuery(['招商', '公司']).q, filter: null, exact: true });
    expect(calls).toEqual([]);
  });

  it('a cut long query verifies its candidates and pins the true ones by id (exact counts)', async () => {
    const q = '峨眉山金顶旅游开发有限公司';
    const row = (docId: string, text: string): Row => ({ docId, titleNorm: '', sortDay: 0, searchText: text });
    const { fn, calls } = fakeSearch([
      row('subject:1', q),
      row('penalty:2', ['x', `冒用${q}名义`].join('\u0001')),
      row('subject:3', '峨眉山金顶旅游开发公司'),
    ]);
    const match = await matchOf(fn, parseQuery(q), VIS, EXACT_TOTAL_LIMIT + 1);
    expect(calls[0]!.q).toBe(gramQuery([q]).q);
    expect(calls[0]!.params).toMatchObject({
      filter: VIS,
      matchingStrategy: 'all',
      hitsPerPage: MAX_PINNED_IDS,
    });
    expect(match).toEqual({ q: '', filter: 'docId IN ["subject:1", "penalty:2"]', exact: true });
  });

  it('a cut query whose candidates verify to nothing matches nothing', async () => {
    const { fn } = fakeSearch([{ docId: 'subject:3', titleNorm: '', sortDay: 0, searchText: '别的' }]);
    expect(await matchOf(fn, parseQuery('开发有限公司未明码标价了'), VIS, 10)).toMatchObject({
      q: '',
      filter: NOTHING,
      exact: true,
    });
  });

  it('more candidates than can be pinned: the phrase query is used and hits are verified later (exact: false)', async () => {
    const some = Array.from({ length: 3 }, (_, i) => ({
      docId: `subject:${i}`,
      titleNorm: '',
      sortDay: 0,
      searchText: '峨眉山金顶旅游开发有限公司',
    }));
    const { fn } = fakeSearch(some, MAX_PINNED_IDS + 1);
    expect(await matchOf(fn, parseQuery('峨眉山金顶旅游开发有限公司'), VIS, EXACT_TOTAL_LIMIT + 1)).toEqual({
      q: gramQuery(['峨眉山金顶旅游开发有限公司']).q,
      filter: null,
      exact: false,
    });
  });

  it('the ranked query asks for small hits newest first up to the cap; facet queries only count', () => {
    const match = { q: '"x"', filter: null, exact: true };
    const queries = rankedSearchQueries(
      'idx',
      match,
      facetQueries({ kinds: ['penalty'] }, [VIS]),
      EXACT_TOTAL_LIMIT + 1,
    );
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatchObject({
      indexUid: 'idx',
      q: '"x"',
      matchingStrategy: 'all',
      page: 1,
      hitsPerPage: EXACT_TOTAL_LIMIT + 1,
      sort: ['sortDay:desc', 'docId:desc'],
    });
    expect(queries[0]!.attributesToRetrieve).not.toContain('searchText');
    expect(queries[1]).toMatchObject({ hitsPerPage: 0, facets: ['kind'] });
    const loose = rankedSearchQueries('idx', { ...match, exact: false }, facetQueries({}, [VIS]), 5);
    expect(loose[0]!.attributesToRetrieve).toContain('searchText');
  });
});
