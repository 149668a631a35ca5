import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { migrateToLatest, migrator } from '@/server/db/migrate';
import { describeEachDatabase } from '../helpers/databases';

// Migration 0410 replaced the body of search_document_tsv (the GIN index's expression) without
// a reindex: that is only sound if every document gets exactly the tsvector 0003's body gave
// it. The same database computes the tsvectors of generated documents (field separators, empty
// fields, odd and even lengths, private-use and astral characters, facets and categories) with
// 0003's function, then with 0410's, then with 0003's again after 0410's down().

interface Doc {
  search_text: string;
  title_norm: string;
  kind: string | null;
  department_id: number | null;
  division_code: string | null;
  year: number | null;
  severity: string | null;
  list_type: string | null;
  domain: string | null;
  categories: (string | null)[];
}

/** A small deterministic generator (mulberry32), so that a failure can be reproduced. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHARS = [
  ...'乐山市监罚公司王犍为县农业发展有限ab1(-)x',
  ' ',
  '\n',
  '\u0002',
  '\uE000',
  '\uE001',
  '😀',
  '\\',
  "'",
];
const SEP = '\u0001';

function generate(count: number): Doc[] {
  const next = random(20261128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const text = (max: number) => Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(CHARS)).join('');
  const maybe = <T>(value: T) => (next() < 0.25 ? null : value);
  return Array.from({ length: count }, (_, i) => {
    const fields = Array.from({ length: Math.floor(next() * 6) }, () => (next() < 0.2 ? '' : text(40)));
    // A few titles and facet values hold the separator too (the old loop's path).
    const odd = i % 50 === 7;
    return {
      search_text: (next() < 0.1 ? SEP : '') + fields.join(SEP) + (next() < 0.1 ? SEP : ''),
      title_norm: odd ? `${text(5)}${SEP}${text(5)}` : text(20),
      kind: maybe(pick(['subject', 'penalty', 'licensing', ''])),
      department_id: maybe(Math.floor(next() * 40)),
      division_code: maybe(pick(['511100', '511123', ''])),
      year: maybe(2000 + Math.floor(next() * 30)),
      severity: maybe(pick(['minor', 'serious'])),
      list_type: maybe(pick(['red', 'black'])),
      domain: i % 50 === 21 ? `食品${SEP}药品` : maybe(pick(['食品', 'tax'])),
      categories:
        next() < 0.3 ? [] : Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(['罚款', '警告', ''])),
    };
  });
}

const ARGS = sql.raw(
  'search_text, title_norm, kind, department_id, division_code, year, severity, list_type, domain, categories',
);
const COLUMNS = sql.raw(
  'search_text text, title_norm text, kind text, department_id integer, division_code text, year integer, ' +
    'severity text, list_type text, domain text, categories text[]',
);

const BEFORE_0410 = '2026_11_28_0300_change_feed_indexes';

/** The tsvectors (as text, which spells every lexeme) the database's current function gives the documents. */
async function tsvectors(db: Db, docs: readonly Doc[]): Promise<string[]> {
  const rows = await sql<{ tsv: string }>`
    select search_document_tsv(${ARGS})::text as tsv
    from json_to_recordset(${JSON.stringify(docs.map((d, i) => ({ ...d, i })))}::json) as d(${COLUMNS}, i integer)
    order by i`.execute(db);
  return rows.rows.map((r) => r.tsv);
}

const nullCategory = (db: Db) =>
  sql`select search_document_tsv('ab', 'a', 'penalty', 1, null, 2026, null, null, null, array['罚款', null])`.execute(
    db,
  );

describeEachDatabase(
  'search_document_tsv of migration 0410',
  (current) => {
    const docs = generate(3000);
    let db: Db;
    let before: string[];
    beforeAll(async () => {
      db = current().db;
      expect((await migrator(db).migrateTo(BEFORE_0410)).error).toBeUndefined();
      before = await tsvectors(db, docs);
      await expect(nullCategory(db)).rejects.toThrow(/null/);
      await migrateToLatest(db);
    });

    it('gives every generated document exactly the tsvector of 0003', async () => {
      const after = await tsvectors(db, docs);
      const changed = docs.flatMap((d, i) =>
        after[i] === before[i] ? [] : [{ d, before: before[i], after: after[i] }],
      );
      expect(changed.slice(0, 3), 'documents whose tsvector changed').toEqual([]);
      expect(after).toHaveLength(docs.length);
      // Most documents take the new path (no separator in the title or a facet): the comparison is not of the old loop with itself.
      const fastPath = docs.filter(
        (d) => ![d.title_norm, d.domain ?? '', ...d.categories].some((v) => v?.includes(SEP)),
      );
      expect(fastPath.length).toBeGreaterThan(docs.length * 0.9);
      // And the documents are not trivial: empty, separator-only and many-field texts all occur.
      expect(docs.some((d) => d.search_text === '')).toBe(true);
      expect(docs.some((d) => d.search_text.includes(SEP + SEP))).toBe(true);
      expect(new Set(before).size).toBeGreaterThan(docs.length * 0.9);
    });

    it('still refuses a category that is null, like 0003', async () => {
      await expect(nullCategory(db)).rejects.toThrow(/null/);
    });

    it('keeps the signature, volatility and cost the index and the planner rely on', async () => {
      const found = await sql<{ volatile: string; parallel: string; cost: number; args: string }>`
        select provolatile as volatile, proparallel as parallel, procost::int as cost,
               pg_get_function_identity_arguments(oid) as args
        from pg_proc where proname = 'search_document_tsv'`.execute(db);
      expect(found.rows).toEqual([
        {
          volatile: 'i',
          parallel: 's',
          cost: 10000,
          args:
            'search_text text, title_norm text, kind text, department_id integer, division_code text, year integer, ' +
            'severity text, list_type text, domain text, categories text[]',
        },
      ]);
    });

    it('gets 0003 back from its down()', async () => {
      expect((await migrator(db).migrateTo(BEFORE_0410)).error).toBeUndefined();
      expect(await tsvectors(db, docs)).toEqual(before);
      await migrateToLatest(db);
    });
  },
  { migrate: false },
);
