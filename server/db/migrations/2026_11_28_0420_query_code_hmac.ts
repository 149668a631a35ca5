import { sql, type Kysely } from 'kysely';

// Query-code hashes become keyed (HMAC-SHA-256). Rows already filed keep their plain SHA-256,
// marked 'sha256', until a successful track upgrades them; anything inserted from now on
// defaults to the keyed scheme, so a row that forgets to say fails closed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table applications add column query_code_hash_kind text not null default 'sha256'
    check (query_code_hash_kind in ('sha256', 'hmac_sha256'))`.execute(db);
  await sql`alter table applications alter column query_code_hash_kind set default 'hmac_sha256'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table applications drop column query_code_hash_kind`.execute(db);
}
