import { sql, type Kysely } from 'kysely';

// `changed_since` paging of the API and open data walks (updated_at, id) on every public
// table; penalties and licences have that index from 0001, these three did not.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists list_entries_updated on list_entries (updated_at, id)`.execute(db);
  await sql`create index if not exists exposure_cases_updated on exposure_cases (updated_at, id)`.execute(db);
  await sql`create index if not exists catalog_items_updated on catalog_items (updated_at, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists list_entries_updated`.execute(db);
  await sql`drop index if exists exposure_cases_updated`.execute(db);
  await sql`drop index if exists catalog_items_updated`.execute(db);
}
