import { sql, type Kysely } from 'kysely';

// The API looks records up by the party's USCC (`/penalties?uscc=`, `/licensing?uscc=` and the
// credit check of an approval system); without an index that was a scan of every record
// (150 ms at a million records, and the credit check's whole cost).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists penalty_uscc on penalty_records (uscc) where uscc is not null`.execute(db);
  await sql`create index if not exists licensing_uscc on licensing_records (uscc) where uscc is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists penalty_uscc`.execute(db);
  await sql`drop index if exists licensing_uscc`.execute(db);
}
