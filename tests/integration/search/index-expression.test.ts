import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/server/db/client';
import { migrateToLatest, migrator } from '@/server/db/migrate';
import { deriveIdentityKeys } from '@/server/identities/protect';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { seedDemoIfEmpty } from '@/server/seed';
import { FIELD_SEPARATOR, facetToken, lexemesOf, titleLexemes } from '@/server/search/text';
import { describeEachDatabase } from '../helpers/databases';
import { seedSearchFixtures, TODAY } from './fixtures';

// The GIN index is built on an SQL expression (migration 0003) while queries are tokenised in
// TypeScript: both must produce the same lexemes, or a search would silently miss documents.

type Row = {
  docId: string;
  searchText: string;
  titleNorm: string;
  kind: string;
  departmentId: number | null;
  divisionCode: string | null;
  year: number | null;
  severity: string | null;
  listType: string | null;
  domain: string | null;
  categories: string[];
  lexemes: string[];
};

/** What the query side expects the index to hold for a document. */
function expectedLexemes(row: Row): string[] {
  const facets: [string, string | number | null][] = [
    ['kind', row.kind],
    ['department', row.departmentId],
    ['division', row.divisionCode],
    ['year', row.year],
    ['severity', row.severity],
    ['listType', row.listType],
    ['domain', row.domain],
    ...row.categories.map((c): [string, string] => ['category', c]),
  ];
  const all = [
    ...row.searchText.split(FIELD_SEPARATOR).flatMap(lexemesOf),
    ...titleLexemes(row.titleNorm),
    ...facets.flatMap(([facet, value]) => (value === null ? [] : [facetToken(facet, value)])),
  ];
  return [...new Set(all)].sort();
}

describeEachDatabase('search index expression', (current) => {
  let db: Db;
  beforeAll(async () => {
    db = current().db;
    await seedSearchFixtures(db);
  });

  it('holds exactly the lexemes the query side computes, for every document', async () => {
    const rows = await sql<Row>`
      select doc_id, search_text, title_norm, kind, department_id, division_code, year, severity, list_type, domain,
             categories,
             tsvector_to_array(search_document_tsv(search_text, title_norm, kind, department_id, division_code, year,
                                                   severity, list_type, domain, categories)) as lexemes
      from search_documents`.execute(db);
    expect(rows.rows.length).toBeGreaterThan(20);
    for (const row of rows.rows) expect([...row.lexemes].sort(), row.docId).toEqual(expectedLexemes(row));
  });
});

describeEachDatabase(
  'search index upgraded in place (migration 0003)',
  (current) => {
    it('keeps the documents of a portal indexed before 0003 findable, without a rebuild', async () => {
      const db = current().db;
      const to0002 = await migrator(db).migrateTo('2026_11_28_0002_search_documents');
      expect(to0002.error).toBeUndefined();
      // A document as the indexer of 0002 stored it: the tsvector in the row.
      await sql`
        insert into search_documents (doc_id, kind, entity_id, subject_id, title_norm, search_text, tsv, year, sort_date)
        values ('subject:1', 'subject', 1, 1, '犍为县农业发展有限公司', ${'犍为县农业发展有限公司' + FIELD_SEPARATOR + '91511123ma62xxxx1x'},
                array_to_tsvector(array['犍', '农业']), 2024, '2024-05-01')`.execute(db);
      await sql`
        insert into search_document_contents (doc_id, title, body, display)
        values ('subject:1', '犍为县农业发展有限公司', '91511123MA62XXXX1X',
                ${JSON.stringify({ title: '犍为县农业发展有限公司', subtitle: null, documentNumber: null, departmentName: null, date: null, badges: [] })})`.execute(
        db,
      );
      await migrateToLatest(db);
      for (const plan of ['index', 'scan'] as const) {
        const engine = createPostgresSearchEngine(db, { plan });
        for (const q of ['农', '农业', '农业发展', '犍为 公司']) {
          const result = await engine.search({ q }, TODAY);
          expect(
            result.hits.map((h) => h.docId),
            `${plan} ${q}`,
          ).toEqual(['subject:1']);
        }
        const filtered = await engine.search({ q: '农业', years: [2024], kinds: ['subject'] }, TODAY);
        expect(filtered.total, plan).toBe(1);
        expect((await engine.search({ q: '农业', years: [2023] }, TODAY)).total, plan).toBe(0);
      }
    });
  },
  { migrate: false },
);

describeEachDatabase('an existing portal with an empty search index', (current) => {
  it('gets its index rebuilt at start, and only once', async () => {
    const { db } = current();
    const options = { size: 60, seed: 'reindex', today: TODAY, identityKeys: deriveIdentityKeys(Buffer.alloc(32, 7)) };
    const first = await seedDemoIfEmpty(db, options);
    expect(first.reindexed).toBeNull();
    const count = async () =>
      (
        await db
          .selectFrom('searchDocuments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const indexed = await count();
    expect(indexed).toBeGreaterThan(60);
    const subject = await db
      .selectFrom('subjects')
      .select('name')
      .where('kind', '<>', 'natural_person')
      .limit(1)
      .executeTakeFirstOrThrow();

    // What an upgrade that recreates the derived search tables leaves behind.
    await sql`truncate search_documents, search_document_contents`.execute(db);
    const engine = createPostgresSearchEngine(db);
    expect((await engine.search({ q: subject.name }, TODAY)).total).toBe(0);

    const restarted = await seedDemoIfEmpty(db, options);
    expect(restarted.generated).toBeNull();
    expect(restarted.reindexed).toBe(indexed);
    expect(await count()).toBe(indexed);
    const found = await engine.search({ q: subject.name }, TODAY);
    expect(found.hits[0]?.display.title).toBe(subject.name);

    expect((await seedDemoIfEmpty(db, options)).reindexed).toBeNull();
  });
});
