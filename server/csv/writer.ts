// Every CSV the portal emits is written here: UTF-8 with a byte-order mark (Excel in China
// opens it correctly), CRLF line ends, RFC 4180 quoting, and no text cell that a spreadsheet
// would run as a formula (OWASP CSV injection) — open data, disclosure exports, import error
// reports and statistics alike.

export const BOM = '\uFEFF';

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

/** Characters that make a spreadsheet treat a cell as a formula (=, +, -, @, tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One cell. Text that starts like a formula is prefixed with an apostrophe, so it is shown
 * as text; a number is a number (a negative number is not a formula).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint')
    return Number.isFinite(Number(value)) ? String(value) : '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A whole (small) file: BOM, then one line per row. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map(csvLine).join('');
}

/**
 * A streamed file: BOM and header first, then the rows in chunks of about 64 kB, so a large
 * export never sits in memory as one string.
 */
export async function* csvStream(
  header: readonly CsvValue[],
  rows: AsyncIterable<readonly CsvValue[]> | Iterable<readonly CsvValue[]>,
): AsyncGenerator<string> {
  yield BOM + csvLine(header);
  let buffer = '';
  for await (const row of rows) {
    buffer += csvLine(row);
    if (buffer.length > 64_000) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/**
 * A Content-Disposition header for a download with a Chinese name: an ASCII fallback for
 * old clients and the UTF-8 name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
