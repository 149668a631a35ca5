import { sql, type Kysely } from 'kysely';

// The search index's lexemes move out of the rows (the search performance issue). A stored
// tsvector of about 1.5 kB stayed inline (rows are below the 2 kB TOAST threshold) and made
// every capped scan for totals and facets read 1.5 kB rows; now the GIN index is built on an
// expression that derives the same lexemes from the row's narrow columns, and the rows a
// scan reads are about 400 B. The data is kept: the index is computed from what is there.

/**
 * The lexemes of a document, exactly as the indexer used to store them: character unigrams
 * and bigrams of each U+0001-separated field of `search_text`, the title's unigrams and
 * bigrams under U+E000, and one U+E001 token per facet value. Costly per row, so that the
 * planner never evaluates it in a scan instead of reading the index.
 */
const FUNCTION = sql`
  create function search_document_tsv(
    search_text text, title_norm text, kind text, department_id integer, division_code text, year integer,
    severity text, list_type text, domain text, categories text[]
  ) returns tsvector language sql immutable parallel safe cost 10000 as $$
    select array_to_tsvector(
      array(select u from regexp_split_to_table(search_text, '') u where u <> chr(1))
      || array(select b from (select substr(search_text, i, 2) as b from generate_series(1, length(search_text) - 1) i) x
               where strpos(b, chr(1)) = 0)
      || array(select chr(57344) || u from regexp_split_to_table(title_norm, '') u)
      || array(select chr(57344) || substr(title_norm, i, 2) from generate_series(1, length(title_norm) - 1) i)
      || array(select chr(57345) || f from unnest(array['kind:' || kind, 'department:' || department_id,
                 'division:' || division_code, 'year:' || year, 'severity:' || severity, 'listType:' || list_type,
                 'domain:' || domain]) f where f is not null)
      || array(select chr(57345) || 'category:' || c from unnest(categories) c))
  $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index search_documents_tsv`.execute(db);
  await sql`alter table search_documents drop column tsv`.execute(db);
  await FUNCTION.execute(db);
  // Rewrite the rows without the dropped column's bytes, newest first (date walks read on in order).
  await sql`cluster search_documents using search_documents_recent`.execute(db);
  await sql`
    create index search_documents_tsv on search_documents using gin (search_document_tsv(
      search_text, title_norm, kind, department_id, division_code, year, severity, list_type, domain, categories))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index search_documents_tsv`.execute(db);
  await sql`alter table search_documents add column tsv tsvector`.execute(db);
  await sql`update search_documents set tsv = search_document_tsv(
      search_text, title_norm, kind, department_id, division_code, year, severity, list_type, domain, categories)`.execute(
    db,
  );
  await sql`alter table search_documents alter column tsv set not null`.execute(db);
  await sql`alter table search_documents alter column tsv set storage external`.execute(db);
  await sql`drop function search_document_tsv`.execute(db);
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
}
