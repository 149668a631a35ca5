import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

// Streaming readers for departments' files: rows come out one at a time whatever the file's
// size, so 100,000-row files never sit in memory. CSV may be UTF-8 (with or without BOM) or
// GB18030/GBK, as Excel on a Chinese Windows saves it; XLSX is read from its first sheet.

export type FileFormat = 'csv' | 'xlsx';

export interface TableRow {
  /** The row's number as the department sees it in its file (header = 1). */
  rowNumber: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: AsyncIterable<TableRow>;
}

export function formatOf(fileName: string): FileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Decodes bytes as UTF-8, or as GB18030 when the first block is not valid UTF-8. */
async function* decodeText(bytes: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of bytes) {
    if (!decoder) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
        decoder = new TextDecoder('utf-8');
      } catch {
        decoder = new TextDecoder('gb18030');
      }
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield tail;
  }
}

async function csvTable(bytes: AsyncIterable<Buffer | Uint8Array>): Promise<Table> {
  const parser = Readable.from(decodeText(bytes)).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await iterator.next();
  const headers = first.done ? [] : first.value.record.map((h) => h.replace(/^\uFEFF/, '').trim());
  return {
    headers,
    rows: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          const { record, info } = next.value;
          if (record.every((c) => c.trim() === '')) continue;
          yield { rowNumber: info.lines, cells: record };
        }
      },
    },
  };
}

/** A cell's text as the department typed it; dates become YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

async function xlsxTable(bytes: AsyncIterable<Buffer | Uint8Array>): Promise<Table> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const sheet = await sheets.next();
  if (sheet.done) return { headers: [], rows: (async function* () {})() };
  const rowIterator = (sheet.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  const toCells = (row: ExcelJS.Row) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
    return cells;
  };
  let headers: string[] = [];
  for (;;) {
    const next = await rowIterator.next();
    if (next.done) break;
    const cells = toCells(next.value);
    if (cells.some((c) => c !== '')) {
      headers = cells;
      break;
    }
  }
  return {
    headers,
    rows: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const next = await rowIterator.next();
          if (next.done) break;
          const cells = toCells(next.value);
          if (cells.every((c) => c === '')) continue;
          yield { rowNumber: next.value.number, cells };
        }
        // Drain the remaining sheets so the zip stream finishes cleanly.
        for (let s = await sheets.next(); !s.done; s = await sheets.next()) {
          for await (const _ of s.value as AsyncIterable<ExcelJS.Row>) void _;
        }
      },
    },
  };
}

export function openTable(format: FileFormat, bytes: AsyncIterable<Buffer | Uint8Array>): Promise<Table> {
  return format === 'csv' ? csvTable(bytes) : xlsxTable(bytes);
}
