import { describe, expect, it } from 'vitest';
import { Planner, type LexemeStatistics } from '@/server/search/planner';

const ROWS = 1_000_000;
const stats = (frequencies: Record<string, number>, rows = ROWS, partitions = 8): LexemeStatistics => ({
  rows,
  frequencies: new Map(Object.entries(frequencies)),
  floor: 0.0005,
  partitions,
});

async function planner(s: LexemeStatistics) {
  const p = new Planner(async () => s);
  await p.refresh();
  return p;
}

describe('search planner', () => {
  it('scans for a term in nine documents of ten and uses the index for a rarer one', async () => {
    const p = await planner(stats({ 乐山: 0.9, 公司: 0.35, 药房: 0.012, 药: 0.03, 房: 0.05 }));
    const everywhere = p.estimate(['乐山'], []);
    expect(everywhere).toBeCloseTo(900_000);
    expect(p.prefersScan(['乐山'], everywhere, 10_001)).toBe(true);
    const rare = p.estimate(['药房'], []);
    expect(rare).toBeCloseTo(12_000);
    expect(p.prefersScan(['药房'], rare, 10_001)).toBe(false);
  });

  it('uses the index for a term in a third of the documents only when it needs to read one partition of several', async () => {
    const split = await planner(stats({ 公司: 0.35 }));
    expect(split.prefersScan(['公司'], split.estimate(['公司'], []), 10_001)).toBe(false);
    const whole = await planner(stats({ 公司: 0.35 }, ROWS, 1));
    expect(whole.prefersScan(['公司'], whole.estimate(['公司'], []), 10_001)).toBe(true);
  });

  it('knows a long term with two untracked bigrams is rare, and a word or a common phrase is not', async () => {
    const p = await planner(stats({ 乐山: 0.9, 山市: 0.5, 有限: 0.4, 限公: 0.4, 公司: 0.4, 安全: 0.02, 生产: 0.02 }));
    // 乐山市鑫源商贸有限公司: 市鑫, 鑫源, 源商, 商贸, 贸有 are untracked.
    expect(p.surelyRare(['乐山市鑫源商贸有限公司'])).toBe(true);
    expect(p.surelyRare(['公司', '乐山市鑫源商贸'])).toBe(true);
    // Short words, however untracked, can still pass the cap.
    expect(p.surelyRare(['火锅'])).toBe(false);
    expect(p.surelyRare(['安全生产'])).toBe(false);
    // Six characters, but only one untracked bigram.
    expect(p.surelyRare(['乐山有限公司'])).toBe(false);
    // Without statistics nothing is sure.
    expect((await planner(stats({}, 10))).surelyRare(['乐山市鑫源商贸有限公司'])).toBe(false);
  });

  it('treats an untracked lexeme as rarer than the rarest tracked one', async () => {
    const p = await planner(stats({ 公司: 0.35 }));
    expect(p.estimate(['鑫'], [])).toBeLessThan(0.0005 * ROWS);
    expect(p.prefersScan(['鑫'], p.estimate(['鑫'], []), 10_001)).toBe(false);
  });

  it('lets a selective filter turn a broad term into an index query', async () => {
    const p = await planner(stats({ 公司: 0.35, '\uE001year:2019': 0.01 }));
    const groups = [['\uE001year:2019']];
    const expected = p.estimate(['公司'], groups);
    expect(expected).toBeCloseTo(3_500);
    expect(p.prefersScan(['公司', '\uE001year:2019'], expected, 10_001)).toBe(false);
  });

  it('keeps the rarest bigrams of a long term', async () => {
    const p = await planner(stats({ 91: 0.3, 15: 0.25, 11: 0.2, 51: 0.2 }));
    expect(p.rarest(['91', '15', 'MA', '11', 'X0'], 2).sort()).toEqual(['MA', 'X0']);
  });

  it('always uses the index without statistics or on a small index', async () => {
    const none = await planner({ rows: 0, frequencies: new Map(), floor: 0, partitions: 8 });
    expect(none.estimate(['公司'], [])).toBe(0);
    expect(none.prefersScan(['公司'], 0, 10_001)).toBe(false);
    expect(none.rarest(['91', '15', 'MA'], 2)).toEqual(['91', '15', 'MA']);
    const small = await planner(stats({ 公司: 0.35 }, 20_000));
    expect(small.prefersScan(['公司'], small.estimate(['公司'], []), 10_001)).toBe(false);
  });
});
