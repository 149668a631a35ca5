import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

// Streaming readers for departments' files: rows come out one at a time whatever the file's
// size, so 100,000-row files never sit in memory. CSV may be UTF-8 (with or without BOM) or
// GB18030/GBK, as Excel on a Chinese Windows saves it; XLSX is read from its first visible sheet.

export type FileFormat = 'csv' | 'xlsx';

export interface TableRow {
  /** The row's number as the department sees it in its file (header = 1). */
  rowNumber: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: AsyncIterable<TableRow>;
  /** Lets go of the file when its rows are not going to be read to the end. */
  close(): void;
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
    close: () => parser.destroy(),
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

/** What this file uses of ExcelJS's streaming reader beyond its typed surface (exceljs 4.4.0). */
interface ReaderParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string; state?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(chunks: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

const MAX_ZIP_ENTRIES = 10_000;

/**
 * The bytes as an open zip file. They are written to a private temporary file, whose name is
 * removed as soon as it is open: the file lives as long as the open descriptor and no longer.
 */
async function openZip(bytes: AsyncIterable<Buffer | Uint8Array>): Promise<yauzl.ZipFile> {
  const dir = await mkdtemp(join(tmpdir(), 'import-'));
  try {
    const path = join(dir, 'upload.xlsx');
    await pipeline(Readable.from(bytes), createWriteStream(path, { mode: 0o600 }));
    return await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) return Promise.reject(new Error('too many zip entries'));
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** The part holding the workbook's first visible sheet (the first tab a person sees in Excel). */
function firstSheetPart(reader: ReaderParts, entries: Map<string, yauzl.Entry>): string | null {
  const partOf = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  const sheets = reader.model?.sheets ?? [];
  const ordered = [...sheets.filter((s) => !s.state || s.state === 'visible'), ...sheets];
  for (const sheet of ordered) {
    const rel = reader.workbookRels?.find((r) => r.Id === sheet.rId);
    if (rel && entries.has(partOf(rel.Target))) return partOf(rel.Target);
  }
  const numbered = [...entries.keys()]
    .map((name) => ({ name, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] }))
    .filter((p) => p.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  return numbered[0]?.name ?? null;
}

/**
 * XLSX through its central directory: the workbook's relations, sheet list, shared strings and
 * styles are read first, whatever order the zip stores them in, then the first sheet row by row.
 * ExcelJS's own streaming reader reads the zip front to back and loses parts stored after the
 * sheets (exceljs#3064): a workbook with several sheets was refused as damaged, at random.
 */
async function xlsxTable(bytes: AsyncIterable<Buffer | Uint8Array>): Promise<Table> {
  const zip = await openZip(bytes);
  const close = () => {
    if (zip.isOpen) zip.close();
  };
  try {
    const entries = await entriesOf(zip);
    const part = (name: string) => {
      const entry = entries.get(name);
      return entry ? zip.openReadStreamPromise(entry) : null;
    };
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    }) as unknown as ReaderParts;
    const rels = await part('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(rels);
    const workbook = await part('xl/workbook.xml');
    if (workbook) await reader._parseWorkbook(workbook);
    const strings = await part('xl/sharedStrings.xml');
    if (strings) for await (const _ of reader._parseSharedStrings(strings)) void _;
    const styles = await part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);
    const sheetPart = firstSheetPart(reader, entries);
    const sheet = sheetPart ? await part(sheetPart) : null;
    if (!sheetPart || !sheet) {
      close();
      return { headers: [], rows: (async function* () {})(), close };
    }
    const [emitted] = reader._parseWorksheet(sheet, /(\d+)\.xml$/.exec(sheetPart)?.[1] ?? '1');
    const rowIterator = emitted!.value[Symbol.asyncIterator]();
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
          try {
            for (;;) {
              const next = await rowIterator.next();
              if (next.done) break;
              const cells = toCells(next.value);
              if (cells.every((c) => c === '')) continue;
              yield { rowNumber: next.value.number, cells };
            }
          } finally {
            close();
          }
        },
      },
      close,
    };
  } catch (err) {
    close();
    throw err;
  }
}

export function openTable(format: FileFormat, bytes: AsyncIterable<Buffer | Uint8Array>): Promise<Table> {
  return format === 'csv' ? csvTable(bytes) : xlsxTable(bytes);
}
