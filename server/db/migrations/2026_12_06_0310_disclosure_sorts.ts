import { sql, type Kysely } from 'kysely';

// Orders of the 双公示 lists beyond "decision date, newest first" (0210 serves that one and,
// read backwards, "oldest first"). Penalties sort by fine amount with a missing fine as 0 and
// ties broken by id; the expression index lets the first page and every download batch
// (keyset: (coalesce(fine_amount, 0), id) past the last row sent) stop early.

const statements = [
  `create index penalty_fine_order on penalty_records ((coalesce(fine_amount, 0)), id)
     include (status, public_from, public_until, department_id)`,
];

const INDEXES = ['penalty_fine_order'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of INDEXES) {
    await sql.raw(`drop index if exists ${name}`).execute(db);
  }
}
