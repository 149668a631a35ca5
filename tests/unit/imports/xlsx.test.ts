import { mkdtemp, readdir, readlink, rm } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTable } from '@/server/imports/parse';
import { rowsOfFile } from '@/server/imports/service';
import { bytesOf, PENALTY_HEADERS, penaltyRow } from '../../integration/imports/sample';

// Departments' XLSX files: ExcelJS (and other tools) store the workbook part after the sheets;
// the first sheet a person sees is the one imported, every time.

async function workbook(sheets: { name: string; hidden?: boolean; rows: Record<string, string>[] }[]) {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    ws.addRow(PENALTY_HEADERS);
    for (const r of s.rows) ws.addRow(PENALTY_HEADERS.map((h) => r[h] ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(bytes: Buffer) {
  const table = await openTable('xlsx', bytesOf(bytes));
  const rows: string[][] = [];
  for await (const r of table.rows) rows.push(r.cells);
  return { headers: table.headers, rows };
}

describe('XLSX files', () => {
  let dir = '';
  let tmp: string | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xlsx-test-'));
    tmp = process.env.TMPDIR;
    process.env.TMPDIR = dir;
  });
  afterEach(async () => {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
    await rm(dir, { recursive: true, force: true });
  });

  it('a workbook of many sheets, its workbook part stored last, reads its first sheet every time', async () => {
    const first = [penaltyRow(1), penaltyRow(2), penaltyRow(3)];
    const bytes = await workbook([
      { name: '处罚', rows: first },
      ...Array.from({ length: 11 }, (_, i) => ({ name: `备用${i}`, rows: [penaltyRow(100 + i)] })),
    ]);
    for (let i = 0; i < 10; i++) {
      const { headers, rows } = await read(bytes);
      expect(headers).toEqual(PENALTY_HEADERS);
      expect(rows.map((r) => r[0])).toEqual(first.map((r) => r.CF_WSH));
    }
  });

  it('reads the first visible sheet, with dates as dates and shared strings as text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明', { state: 'hidden' }).addRow(['本表为填报说明']);
    const ws = wb.addWorksheet('处罚');
    ws.addRow(['CF_WSH', 'CF_JDRQ', 'CF_XDR_MC']);
    ws.addRow([
      '乐市监罚〔2026〕7号',
      new Date(Date.UTC(2026, 2, 9)),
      { richText: [{ text: '乐山' }, { text: '某公司' }] },
    ]);
    ws.addRow(['乐市监罚〔2026〕8号', new Date(Date.UTC(2025, 11, 31)), '乐山某公司']);
    const { headers, rows } = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(headers).toEqual(['CF_WSH', 'CF_JDRQ', 'CF_XDR_MC']);
    expect(rows).toEqual([
      ['乐市监罚〔2026〕7号', '2026-03-09', '乐山某公司'],
      ['乐市监罚〔2026〕8号', '2025-12-31', '乐山某公司'],
    ]);
  });

  it('refuses a damaged file in Chinese and leaves no temporary file or open descriptor behind', async () => {
    const good = await workbook([{ name: '处罚', rows: [penaltyRow(1)] }]);
    for (const bytes of [good.subarray(0, good.length - 200), Buffer.from('不是表格'), Buffer.alloc(0)]) {
      await expect(rowsOfFile('x.xlsx', bytesOf(bytes))).rejects.toThrow(/无法读取：它不是有效的 XLSX 文件/);
    }
    // A readable file refused for its header lets go of the file too.
    const wrongHeader = new ExcelJS.Workbook();
    wrongHeader.addWorksheet('表').addRow(['姓名', '电话']);
    for (let i = 0; i < 5; i++) {
      await expect(rowsOfFile('y.xlsx', bytesOf(Buffer.from(await wrongHeader.xlsx.writeBuffer())))).rejects.toThrow(
        /无法识别表头/,
      );
    }
    expect(await readdir(dir)).toEqual([]);
    const leftOpen = (
      await Promise.all(readdirSync('/proc/self/fd').map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')))
    ).filter((t) => t.startsWith(dir));
    expect(leftOpen).toEqual([]);
  });
});
