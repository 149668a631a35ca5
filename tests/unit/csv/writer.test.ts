import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, csvCell, csvDocument, csvLine, csvStream } from '@/server/csv/writer';

/** Reads back one RFC 4180 file (quoted cells may hold commas, quotes and line breaks). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe('the CSV writer', () => {
  it('neutralises every formula start (=, +, -, @, tab, CR) in text cells', () => {
    for (const attack of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(parse(csvLine([attack]))[0]![0]).toBe(`'${attack}`);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvLine([-5, 0.5, 12n, null, undefined])).toBe('-5,0.5,12,,\r\n');
  });

  it('round-trips any text: what a spreadsheet reads is the text, or the text behind an apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), { maxLength: 5 }),
        (rows) => {
          const text = csvDocument(rows);
          expect(text.startsWith(BOM)).toBe(true);
          const back = parse(text.slice(1));
          expect(back).toHaveLength(rows.length);
          back.forEach((r, i) =>
            r.forEach((cell, j) => {
              const original = rows[i]![j]!;
              expect(cell).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
              expect(cell).not.toMatch(/^[=+\-@\t\r]/);
            }),
          );
        },
      ),
    );
  });

  it('streams a BOM and header first, then every row once', async () => {
    async function* rows() {
      for (let i = 0; i < 3000; i++) yield [i, `=行${i}`];
    }
    let text = '';
    for await (const chunk of csvStream(['序号', '内容'], rows())) text += chunk;
    const back = parse(text.slice(1));
    expect(text.startsWith(BOM)).toBe(true);
    expect(back[0]).toEqual(['序号', '内容']);
    expect(back).toHaveLength(3001);
    expect(back[3000]).toEqual(['2999', "'=行2999"]);
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});
