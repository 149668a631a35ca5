import { sql, type Kysely } from 'kysely';

// The search index in PostgreSQL (the search issue). Replaces the placeholder table of
// 0001, which nothing had written to. Two tables, so that the rows a query scans stay narrow:
//
// search_documents — what matching, ranking and facets read:
// - `tsv`: distinct lexemes without positions (array form): character unigrams and bigrams
//   of the normalised title and body fields, the title's own unigrams and bigrams again
//   under a private-use prefix (for name-class counts), and one token per facet value (so
//   that filters are answered inside the GIN index). "Has all these lexemes" is then exact
//   and needs no recheck; a LIKE on `search_text` makes longer terms exact substrings.
// - `search_text`: normalised title and body fields separated by U+0001; short and inline,
//   so the LIKE never decompresses the tsvector.
// - `public_from` / `public_until`: the date half of visibility, compared with today at
//   query time (expiry needs no job); the status half decides which rows exist.
//
// search_document_contents — what a hit shows, read for one page only.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop table search_documents`.execute(db);
  await sql`
    create table search_documents (
      doc_id text primary key,
      kind text not null check (kind in ('subject', 'licensing', 'penalty', 'list_entry', 'exposure')),
      entity_id bigint not null,
      subject_id bigint,
      title_norm text not null,
      search_text text not null,
      tsv tsvector not null,
      department_id integer,
      division_code text,
      year integer,
      categories text[] not null default '{}',
      severity text,
      list_type text,
      domain text,
      sort_date date,
      public_from date,
      public_until date
    )`.execute(db);
  await sql`
    create table search_document_contents (
      doc_id text primary key references search_documents(doc_id) on delete cascade,
      title text not null,
      body text not null,
      display jsonb not null,
      expires_on date,
      updated_at timestamptz not null default now()
    )`.execute(db);
  // Keep scanned rows narrow: the tsvector (about 1.5 kB) always out of line, the short
  // search_text inline. Without this the tsvector stays in the row and triples the heap.
  await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db);
  await sql`alter table search_documents alter column tsv set storage external`.execute(db);
  await sql`alter table search_documents alter column search_text set storage main`.execute(db);
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  await sql`create index search_documents_title on search_documents (title_norm text_pattern_ops)`.execute(db);
  await sql`create index search_documents_recent on search_documents (sort_date desc nulls last, doc_id collate "C" desc)`.execute(
    db,
  );
  await sql`create index search_documents_subject on search_documents (subject_id)`.execute(db);
  await sql`create index search_documents_public_until on search_documents (public_until) where public_until is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table search_document_contents`.execute(db);
  await sql`drop table search_documents`.execute(db);
  await sql`
    create table search_documents (
      doc_id text primary key,
      kind text not null check (kind in ('subject', 'licensing', 'penalty', 'list_entry', 'exposure')),
      entity_id bigint not null,
      subject_id bigint,
      title text not null,
      title_norm text not null,
      body text not null default '',
      codes text[] not null default '{}',
      tsv tsvector not null,
      department_id integer,
      division_code text,
      year integer,
      categories text[] not null default '{}',
      severity text,
      list_type text,
      domain text,
      sort_date date,
      public_until date,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  await sql`create index search_documents_title_trgm on search_documents using gin (title_norm gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index search_documents_codes on search_documents using gin (codes)`.execute(db);
  await sql`create index search_documents_kind_date on search_documents (kind, sort_date desc)`.execute(db);
}
