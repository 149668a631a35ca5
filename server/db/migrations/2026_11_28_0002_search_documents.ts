import { sql, type Kysely } from 'kysely';

// The search index in PostgreSQL (the search issue). Replaces the placeholder table of
// 0001, which nothing had written to.
//
// - `tsv`: distinct character unigrams and bigrams of the normalised title and body
//   (array_to_tsvector, no positions): a GIN index answers "has all these lexemes" exactly
//   and without rechecks; a LIKE on `search_text` then makes longer terms exact substrings.
// - `search_text`: normalised title, U+0001, normalised body; inline (short), so that the
//   LIKE never has to decompress the large tsvector.
// - `public_from` / `public_until`: the date part of visibility, compared with today at
//   query time (so expiry needs no job); status-based visibility decides which rows exist.
// - `display`: what a hit shows, built at index time so every engine returns the same.

export async function up(db: Kysely<unknown>): Promise<void> {
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
      search_text text not null,
      tsv tsvector not null,
      display jsonb not null,
      department_id integer,
      division_code text,
      year integer,
      categories text[] not null default '{}',
      severity text,
      list_type text,
      domain text,
      sort_date date,
      public_from date,
      public_until date,
      expires_on date,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
  await sql`create index search_documents_title on search_documents (title_norm text_pattern_ops)`.execute(db);
  await sql`create index search_documents_recent on search_documents (sort_date desc nulls last, doc_id desc)`.execute(
    db,
  );
  await sql`create index search_documents_subject on search_documents (subject_id)`.execute(db);
  await sql`create index search_documents_entity on search_documents (kind, entity_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
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
