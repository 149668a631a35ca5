import { sql, type Kysely } from 'kysely';

// Typo suggestions (issue 15) for a short name with a common beginning: "乐山锦邦" shares enough
// trigrams with the 42,000 names that begin with 乐山 (1M benchmark database) that checking each
// through the GIN index took 150 ms. This GiST index gives the nearest names first instead
// (pg_trgm's <->> distance, about 15–20 ms however many are near). It indexes lower(name_key),
// which pg_trgm compares as it compares name_key (trigrams are lower-cased), so that the planner
// keeps the GIN index for the cheap probe of every other name query (server/search/repository.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists subjects_name_key_near on subjects using gist (lower(name_key) gist_trgm_ops)
    where kind <> 'natural_person'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists subjects_name_key_near`.execute(db);
}
