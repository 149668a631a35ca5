import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrator } from '@/server/db/migrate';
import { SEARCH_PARTITIONS } from '@/server/db/migrations/2026_11_28_0400_search_partitions';
import { rebuildSearchIndex } from '@/server/search/indexer';
import { createPostgresSearchEngine } from '@/server/search/postgres-engine';
import { lexemeStatistics } from '@/server/search/repository';
import { FIELD_SEPARATOR } from '@/server/search/text';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { TODAY } from './fixtures';

// The search table is split into hash partitions (migration 0400), each with its own GIN
// index. A portal upgraded in place keeps its documents; the planner's statistics come from
// every partition; a rebuild recreates the text index on every partition.

const display = (title: string) =>
  JSON.stringify({ title, subtitle: null, documentNumber: null, departmentName: null, date: null, badges: [] });

/** Rows per partition of search_documents, by partition name. */
async function rowsPerPartition(db: Parameters<typeof lexemeStatistics>[0]) {
  const rows = await sql<{ name: string; n: number }>`
    select c.relname as name, (select count(*) from search_documents d where d.tableoid = c.oid) as n
    from pg_partition_tree('search_documents') p join pg_class c on c.oid = p.relid
    where p.isleaf order by c.relname`.execute(db);
  return rows.rows.map((r) => ({ name: r.name, n: Number(r.n) }));
}

describeEachDatabase(
  'search index upgraded to partitions in place (migration 0400)',
  (current) => {
    it('keeps every document findable and deletable with its contents, spread over all partitions', async () => {
      const db = current().db;
      const to0300 = await migrator(db).migrateTo('2026_11_28_0300_change_feed_indexes');
      expect(to0300.error).toBeUndefined();
      const names = Array.from({ length: 64 }, (_, i) => `峨边彝族自治县第${i + 1}号茶叶有限公司`);
      for (const [i, name] of names.entries()) {
        await sql`
          insert into search_documents (doc_id, kind, entity_id, subject_id, title_norm, search_text, year, sort_date)
          values (${`subject:${i + 1}`}, 'subject', ${i + 1}, ${i + 1}, ${name}, ${name + FIELD_SEPARATOR + 'x'}, 2024, '2024-05-01')`.execute(
          db,
        );
        await sql`insert into search_document_contents (doc_id, title, body, display)
          values (${`subject:${i + 1}`}, ${name}, '', ${display(name)})`.execute(db);
      }
      await migrateToLatest(db);

      const partitions = await rowsPerPartition(db);
      expect(partitions).toHaveLength(SEARCH_PARTITIONS);
      expect(partitions.reduce((sum, p) => sum + p.n, 0)).toBe(64);
      // A hash split: 64 ids land in every one of 8 partitions (the chance that one stays empty is below 0.02 %).
      for (const p of partitions) expect(p.n, p.name).toBeGreaterThan(0);

      for (const plan of ['index', 'scan'] as const) {
        const engine = createPostgresSearchEngine(db, { plan });
        const all = await engine.search({ q: '茶叶' }, TODAY);
        expect(all.total, plan).toBe(64);
        expect((await engine.search({ q: '第17号茶叶' }, TODAY)).hits.map((h) => h.docId)).toEqual(['subject:17']);
        expect((await engine.search({ q: '茶叶', years: [2023] }, TODAY)).total, plan).toBe(0);
      }

      // The contents still belong to their document: deleting one deletes the other.
      await db.deleteFrom('searchDocuments').where('docId', '=', 'subject:17').execute();
      const orphan = await db
        .selectFrom('searchDocumentContents')
        .select('docId')
        .where('docId', '=', 'subject:17')
        .executeTakeFirst();
      expect(orphan).toBeUndefined();
      expect((await createPostgresSearchEngine(db).search({ q: '茶叶' }, TODAY)).total).toBe(63);
    });
  },
  { migrate: false },
);

describeEachDatabase('the partitioned search index', (current) => {
  it('gives the planner statistics merged from every partition', async () => {
    const { db } = current();
    // 1,200 documents, a third of which contain 店: enough for ANALYZE to track it in every partition.
    await sql`
      insert into search_documents (doc_id, kind, entity_id, title_norm, search_text, sort_date)
      select 'subject:' || i, 'subject', i, t, t || ${FIELD_SEPARATOR} || 'x', '2025-01-01'
      from (select i, case when i % 3 = 0 then '夹江县第' || i || '号陶瓷店' else '夹江县第' || i || '号陶瓷厂' end as t
            from generate_series(1, 1200) i) s`.execute(db);
    await sql`analyze search_documents`.execute(db);
    const stats = await lexemeStatistics(db);
    expect(stats.partitions).toBe(SEARCH_PARTITIONS);
    expect(stats.rows).toBe(1200);
    expect(stats.frequencies.get('店')).toBeCloseTo(1 / 3, 1);
    expect(stats.frequencies.get('陶瓷')).toBeCloseTo(1, 1);
  });

  it('rebuilds the text index on every partition, and finds the same afterwards', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市分区检验有限公司');
    await createPenalty(db, company, department, { publicFrom: '2024-01-01', publicUntil: '2027-03-01' });
    const engine = createPostgresSearchEngine(db, { plan: 'index' });
    await rebuildSearchIndex(db);
    const before = (await engine.search({ q: '分区检验' }, TODAY)).hits.map((h) => h.docId);
    await rebuildSearchIndex(db);
    const indexes = await sql<{ n: number }>`
      select count(*) as n from pg_partition_tree('search_documents_tsv') where isleaf`.execute(db);
    expect(Number(indexes.rows[0]!.n)).toBe(SEARCH_PARTITIONS);
    expect((await engine.search({ q: '分区检验' }, TODAY)).hits.map((h) => h.docId)).toEqual(before);
    expect(before).toHaveLength(2);
  });
});
