import { describe, expect, it } from 'vitest';
import { classifyCodeQuery } from '@/server/search/codes';
import {
  containsPattern,
  highlight,
  lexemesOf,
  parseQuery,
  prefixPattern,
  rankClassOf,
  snippet,
  termLexemes,
  tsqueryLiteral,
} from '@/server/search/text';

const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('query parsing', () => {
  it('splits on half- and full-width spaces and normalises each term', () => {
    expect(parseQuery('  招商\u3000公司  ').terms).toEqual(['招商', '公司']);
    expect(parseQuery('（乐山）ＡＢＣ').terms).toEqual(['(乐山)abc']);
  });

  it('joins the terms without spaces for name matching', () => {
    expect(parseQuery('峨眉山 金顶旅游').nameQuery).toBe('峨眉山金顶旅游');
  });

  it('drops duplicate and empty terms', () => {
    expect(parseQuery('公司 公司   ').terms).toEqual(['公司']);
    expect(parseQuery('   ').terms).toEqual([]);
  });

  it('bounds a long query and says so', () => {
    const parsed = parseQuery('乐'.repeat(150));
    expect(Array.from(parsed.terms[0]!)).toHaveLength(100);
    expect(parsed.notice).toContain('100');
  });

  it('keeps at most 8 terms and says so', () => {
    const parsed = parseQuery('一 二 三 四 五 六 七 八 九 十');
    expect(parsed.terms).toHaveLength(8);
    expect(parsed.notice).toContain('8');
  });
});

describe('lexemes', () => {
  it('indexes every character and every adjacent pair', () => {
    expect(lexemesOf('农业发展').sort()).toEqual(['业', '业发', '农', '农业', '发', '发展', '展'].sort());
  });

  it('treats characters outside the basic plane as one character', () => {
    expect(lexemesOf('𠀋店')).toEqual(['𠀋', '𠀋店', '店']);
  });

  it('asks a one-character term for its unigram and a longer one for its bigrams', () => {
    expect(termLexemes('店')).toEqual(['店']);
    expect(termLexemes('市中区')).toEqual(['市中', '中区']);
  });

  it('quotes lexemes so that tsquery operators and quotes are literal', () => {
    expect(tsqueryLiteral(["a'", '&|'])).toBe("'a''' & '&|'");
    expect(tsqueryLiteral(["a'b"])).toBe("'a''' & '''b'");
    expect(tsqueryLiteral(['\\'])).toBe("'\\\\'");
  });

  it('escapes LIKE wildcards so that % and _ match themselves', () => {
    expect(containsPattern('10%_off\\')).toBe('%10\\%\\_off\\\\%');
    expect(prefixPattern('a_b')).toBe('a\\_b%');
  });
});

describe('rank classes', () => {
  it.each([
    ['峨眉山金顶旅游开发有限公司', '峨眉山金顶旅游开发有限公司', 0],
    ['峨眉山金顶旅游开发有限公司', '峨眉山金顶', 1],
    ['峨眉山金顶旅游开发有限公司', '金顶', 2],
    ['峨眉山金顶旅游开发有限公司', '火锅', 3],
  ] as const)('%s for %s is class %i', (title, query, expected) => {
    expect(rankClassOf(title, query)).toBe(expected);
  });
});

describe('highlighting', () => {
  it('marks every occurrence of every term', () => {
    expect(marked(highlight('乐山招商投资有限公司招商部', ['招商', '公司']))).toEqual(['招商', '公司招商']);
  });

  it('matches a full-width bracket with a half-width query and keeps the original characters', () => {
    const segments = highlight('四川嘉州食品（乐山）有限公司', ['(乐山)']);
    expect(marked(segments)).toEqual(['（乐山）']);
    expect(segments.map((s) => s.text).join('')).toBe('四川嘉州食品（乐山）有限公司');
  });

  it('skips spaces inside a name and lower-cases ASCII', () => {
    expect(marked(highlight('乐山 ABC 科技', ['abc科技']))).toEqual(['ABC 科技']);
  });

  it('returns the text unmarked when nothing matches', () => {
    expect(highlight('乐山市', ['峨眉'])).toEqual([{ text: '乐山市', match: false }]);
  });
});

describe('snippets', () => {
  const body = `${'前文'.repeat(60)}经查，当事人的申请待处理期间擅自经营。${'后文'.repeat(60)}`;

  it('shows a window around the first match, with ellipses where it is cut', () => {
    const s = snippet(body, ['处理'])!;
    const text = s.map((x) => x.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('待处理');
    expect(Array.from(text).length).toBeLessThanOrEqual(82);
    expect(marked(s)).toEqual(['处理']);
  });

  it('starts at the field the match is in rather than in the middle of a code', () => {
    const s = snippet(`${'内容'.repeat(50)}\n91511100MA62ABCDE1\n乐山市市场监督管理局金顶分局`, ['金顶'])!;
    expect(s.map((x) => x.text).join('')).toBe('…乐山市市场监督管理局金顶分局');
  });

  it('is null when the body does not match', () => {
    expect(snippet(body, ['火锅'])).toBeNull();
  });
});

describe('code queries', () => {
  it('recognises a valid USCC in any case or width', () => {
    expect(classifyCodeQuery(['91350100m000100y43'])).toEqual({ type: 'uscc', uscc: '91350100M000100Y43' });
    expect(classifyCodeQuery(['９１３５０１００Ｍ０００１００Ｙ４３'])).toEqual({
      type: 'uscc',
      uscc: '91350100M000100Y43',
    });
  });

  it('reports a wrong check character and offers one-character corrections', () => {
    const result = classifyCodeQuery(['91350100M000100Y44']);
    expect(result.type).toBe('invalid_uscc');
    if (result.type !== 'invalid_uscc') return;
    expect(result.message).toContain('校验位');
    expect(result.candidates).toContain('91350100M000100Y43');
  });

  it('never treats a resident ID number as a code to look up', () => {
    expect(classifyCodeQuery(['110101190001010014'])).toEqual({ type: 'personal_id' });
  });

  it('recognises the individual-business placeholder', () => {
    expect(classifyCodeQuery(['00000000000000000x'])).toEqual({ type: 'placeholder' });
  });

  it('leaves names, multi-term queries and 15-digit registration numbers alone', () => {
    expect(classifyCodeQuery(['乐山市嘉州有限公司'])).toEqual({ type: 'none' });
    expect(classifyCodeQuery(['91350100M000100Y43', '公司'])).toEqual({ type: 'none' });
    expect(classifyCodeQuery(['511102600123456'])).toEqual({ type: 'none' });
  });
});
