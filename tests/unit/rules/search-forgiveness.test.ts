import { describe, expect, it } from 'vitest';
import {
  canonicalDocumentNumber,
  editsToSubstring,
  looseName,
  nameKey,
  nearThresholds,
  rankNameSuggestions,
} from '@/server/rules/search-forgiveness';
import { tradeName } from '@/server/seed/names';
import { Random } from '@/server/seed/random';

// Names drawn from the demo seed's own generator (字号 + the forms the seed uses), a fresh
// seed each run, printed so a failure can be replayed.
const SEED = Number(process.env.FORGIVENESS_SEED ?? Date.now() % 1_000_000);
const FORMS = ['有限公司', '有限责任公司', '股份有限公司'] as const;
function seedNames(n: number): string[] {
  const rng = new Random(SEED);
  return Array.from(
    { length: n },
    (_, i) => `乐山市${tradeName(rng)}${['食品', '建材', '商贸', '物流'][i % 4]}${FORMS[i % 3]}`,
  );
}

describe(`forgiving search rules (seed ${SEED})`, () => {
  it('document numbers typed without brackets, with a space or without 号 have one form', () => {
    for (const typed of [
      '乐应急罚2026 17号',
      '乐应急罚〔2026〕17号',
      '乐应急罚[2026]17',
      '乐应急罚【2026】 17',
      '乐应急罚（2026）17号',
    ])
      expect(canonicalDocumentNumber(typed), typed).toBe('乐应急罚(2026)17号');
    expect(canonicalDocumentNumber('乐市监处罚[2026]101号')).toBe('乐市监处罚(2026)101号');
  });

  it('names, plain numbers and codes are not document numbers', () => {
    for (const typed of ['乐山市峰宇食品有限公司', '2026', '91511100MA62345678', '第2026号', '公司 2026'])
      expect(canonicalDocumentNumber(typed), typed).toBeNull();
  });

  it('a name key drops brackets and makes every company form 公司', () => {
    expect(nameKey('金顶山珍（特产）经营部')).toBe('金顶山珍特产经营部');
    expect(nameKey('峰宇食品有限责任公司')).toBe(nameKey('峰宇食品有限公司'));
    expect(nameKey('峰宇食品股份有限公司')).toBe('峰宇食品公司');
    expect(nameKey('乐山ＡＢＣ科技有限公司')).toBe('乐山abc科技公司');
  });

  it('every seed name typed with another company form has the same key', () => {
    for (const name of seedNames(200)) {
      for (const form of FORMS) {
        const other = name.replace(/(股份有限公司|有限责任公司|有限公司)$/, form);
        expect(nameKey(other), other).toBe(nameKey(name));
      }
    }
  });

  it('edits to a substring: 0 when contained, 1 for one wrong, missing or extra character', () => {
    expect(editsToSubstring('峰宇食品', '乐山市峰宇食品有限公司')).toBe(0);
    expect(editsToSubstring('峰宇食品有限工司', '乐山市峰宇食品有限公司')).toBe(1);
    expect(editsToSubstring('峰宇食有限公司', '乐山市峰宇食品有限公司')).toBe(1);
    expect(editsToSubstring('峰宇食品品有限公司', '乐山市峰宇食品有限公司')).toBe(1);
    expect(editsToSubstring('峰宇建材', '乐山市峰宇食品有限公司')).toBe(2);
  });

  it('every seed name with one character replaced suggests that name first, an unrelated name never', () => {
    const names = seedNames(120);
    const rng = new Random(SEED + 1);
    const candidates = names.map((name, id) => ({ id, name }));
    for (const [id, name] of names.entries()) {
      const chars = Array.from(name);
      const at = 1 + Math.floor(rng.next() * (chars.length - 2));
      chars[at] = chars[at] === '错' ? '误' : '错';
      const typo = chars.join('');
      const ranked = rankNameSuggestions(typo, candidates, 50);
      expect(
        ranked.map((c) => c.id),
        typo,
      ).toContain(id);
      // Closest first: nothing ranked above it is further away.
      for (const c of ranked)
        expect(
          editsToSubstring(looseName(typo), looseName(c.name)) <= 1 ||
            editsToSubstring(nameKey(typo), nameKey(c.name)) <= 1,
        ).toBe(true);
    }
  });

  it('queries shorter than 4 characters get no typo suggestions', () => {
    expect(rankNameSuggestions('峰宇食', [{ id: 1, name: '峰宇食品有限公司' }])).toEqual([]);
  });

  it('closer names rank first: fewer edits, then the length nearest the query', () => {
    const ranked = rankNameSuggestions('乐山市峰宇食品有限工司', [
      { id: 1, name: '四川乐山市峰宇食品有限公司第一分公司' },
      { id: 2, name: '乐山市峰宇食品有限公司' },
      { id: 3, name: '乐山市宏达建材有限公司' },
    ]);
    expect(ranked.map((c) => c.id)).toEqual([2, 1]);
  });
});

describe('nearThresholds', () => {
  it('asks strictly first for longer keys, always ending at the index threshold 0.3, never below it', () => {
    for (let n = 4; n <= 40; n++) {
      const t = nearThresholds(n);
      expect(t.at(-1)).toBe(0.3);
      expect(t.every((x) => x >= 0.3)).toBe(true);
      expect([...t].sort((a, b) => b - a)).toEqual(t);
    }
    expect(nearThresholds(4)).toEqual([0.3]);
    expect(nearThresholds(9)[0]).toBeCloseTo(0.52);
    expect(nearThresholds(20)[0]!).toBeGreaterThan(nearThresholds(9)[0]!);
  });
});
