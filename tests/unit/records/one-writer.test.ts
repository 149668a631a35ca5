import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 12: every change to a public record goes through server/records (the rule decides,
// the writer writes row, audit, search and events together). This test reads the source and
// fails when code anywhere else writes penalty_records, licensing_records or list_entries.

const ROOT = join(__dirname, '../../..');
const SCANNED = ['server', 'app', 'scripts', 'components', 'lib'];

/** Files that may write the record tables, and why. */
const ALLOWED: Record<string, string> = {
  'server/records/writer.ts': 'the one writer',
  'server/records/import-batch.ts': 'its batched variant for imports (same rule per row)',
  'server/seed/insert.ts': 'the demo and benchmark generator fills empty tables before the portal runs',
};
const ALLOWED_DIRS = ['server/db/migrations/'];

const TABLES = ['penalty_records', 'licensing_records', 'list_entries'];
const KYSELY_TABLES = ['penaltyRecords', 'licensingRecords', 'listEntries'];

const WRITES: RegExp[] = [
  ...KYSELY_TABLES.map(
    (t) => new RegExp(`(updateTable|insertInto|deleteFrom|replaceInto|mergeInto)\\(\\s*['"\`]${t}['"\`]`),
  ),
  ...TABLES.map((t) => new RegExp(`\\b(update|insert\\s+into|delete\\s+from|truncate)\\s+(only\\s+)?${t}\\b`, 'i')),
  // A table chosen at run time can be any of them: only the allowed files may do that.
  /(updateTable|insertInto|deleteFrom)\(\s*[^'"`\s)]/,
  /\b(update|insert\s+into|delete\s+from)\s+\$\{/i,
];

function* sourceFiles(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

/** Writes of the record tables outside the allow-list, as `file:line: text`. */
function recordTableWritesOutsideWriter(): string[] {
  const found: string[] = [];
  for (const top of SCANNED) {
    for (const path of sourceFiles(join(ROOT, top))) {
      const file = relative(ROOT, path).replaceAll('\\', '/');
      if (ALLOWED[file] || ALLOWED_DIRS.some((d) => file.startsWith(d))) continue;
      const lines = readFileSync(path, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!WRITES.some((re) => re.test(line))) return;
        // A run-time table whose function never names a record table writes something else.
        const dynamic = !TABLES.some((t) => line.includes(t)) && !KYSELY_TABLES.some((t) => line.includes(t));
        if (dynamic && !recordTableNamed(lines.slice(Math.max(0, i - 15), i + 3))) return;
        found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  return found;
}

const recordTableNamed = (lines: string[]) =>
  lines.some((l) => TABLES.some((t) => l.includes(t)) || KYSELY_TABLES.some((t) => l.includes(`'${t}'`)));

describe('one writer for public records (issue 12)', () => {
  it('nothing outside server/records (and migrations, the seed generator) writes penalty_records, licensing_records or list_entries', () => {
    expect(recordTableWritesOutsideWriter()).toEqual([]);
  });

  it('the scan recognises each form of write it guards against', () => {
    const hits = (line: string) => WRITES.some((re) => re.test(line));
    expect(hits(`await db.updateTable('penaltyRecords').set({ status: 'published' })`)).toBe(true);
    expect(hits(`await trx.insertInto("listEntries").values(v)`)).toBe(true);
    expect(hits('await sql`update list_entries set status = ${s}`')).toBe(true);
    expect(hits('insert into licensing_records (id) values (1)')).toBe(true);
    expect(hits('delete from penalty_records where id = 1')).toBe(true);
    expect(hits(`db.updateTable(table).set(x)`)).toBe(true);
    expect(hits(`db.selectFrom('penaltyRecords').selectAll()`)).toBe(false);
  });
});
