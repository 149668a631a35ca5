import { sql, type Kysely } from 'kysely';

// The search index's lexemes move out of the rows (the search performance issue). A stored
// tsvector of about 1.5 kB stayed inline (rows are below the 2 kB TOAST threshold) and made
// every capped scan for totals and facets read 1.5 kB rows; now the GIN index is built on an
// expression that derives the same lexemes from the row's narrow columns, and the rows a
// scan reads are about 400 B. The data is kept: the index is computed from what is there.

/**
 * The lexemes of a document, exactly as the indexer used to store them: character unigrams
 * and bigrams of each U+0001-separated field of `search_text`, the title's unigrams and
 * bigrams under U+E000, and one U+E001 token per facet value. PL/pgSQL, because its loop is
 * three times faster than the same in SQL; declared costly, so that the planner never
 * evaluates it in a scan instead of reading the index.
 */
const FUNCTION = sql`
  create function search_document_tsv(
    search_text text, title_norm text, kind text, department_id integer, division_code text, year integer,
    severity text, list_type text, domain text, categories text[]
  ) returns tsvector language plpgsql immutable parallel safe cost 10000 as $$
  declare
    c text[] := string_to_array(search_text, null);
    t text[] := string_to_array(title_norm, null);
    n integer := coalesce(array_length(c, 1), 0);
    m integer := coalesce(array_length(t, 1), 0);
    out text[] := '{}';
  begin
    for i in 1 .. n loop
      if c[i] <> chr(1) then
        out := out || c[i];
        if i < n and c[i + 1] <> chr(1) then out := out || (c[i] || c[i + 1]); end if;
      end if;
    end loop;
    for i in 1 .. m loop
      out := out || (chr(57344) || t[i]);
      if i < m then out := out || (chr(57344) || t[i] || t[i + 1]); end if;
    end loop;
    out := out || array(select chr(57345) || f from unnest(array['kind:' || kind, 'department:' || department_id,
        'division:' || division_code, 'year:' || year, 'severity:' || severity, 'listType:' || list_type,
        'domain:' || domain]) f where f is not null)
      || array(select chr(57345) || 'category:' || x from unnest(categories) x);
    return array_to_tsvector(out);
  end
  $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index search_documents_tsv`.execute(db);
  await sql`alter table search_documents drop column tsv`.execute(db);
  await FUNCTION.execute(db);
  // 0002 set a tiny TOAST target to push the tsvector out of line; it also pushed out names
  // (each read of a name then costs a TOAST lookup). Rows are small now: the default keeps them inline.
  await sql`alter table search_documents reset (toast_tuple_target)`.execute(db);
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
  await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db);
  await sql`drop function search_document_tsv`.execute(db);
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
}
