import { sql, type Kysely } from 'kysely';

// One owner for every record change (issue 12, SPEC §3 and §6):
// - department_units: the sub-units (county branches) the office registered for a department;
//   a row naming one of them as its authority is accepted, any other unit is refused.
// - penalty_records.decided_corrections: the fields an upheld objection or a staff correction
//   fixed; a re-import applies them again over the file's facts, so it never undoes them.
// - applications.decided_on: the working day of a decision (the complaint window runs from an
//   objection's rejection, SPEC §6).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table department_units (
     id serial primary key,
     department_id integer not null references departments(id),
     name text not null,
     name_norm text not null,
     uscc text,
     registered_by integer references staff_users(id),
     created_at timestamptz not null default now(),
     unique (department_id, name_norm))`.execute(db);
  await sql`alter table penalty_records add column decided_corrections jsonb not null default '{}'::jsonb`.execute(db);
  await sql`alter table applications add column decided_on date`.execute(db);
  await sql`update applications set decided_on = (decided_at at time zone 'Asia/Shanghai')::date where decided_at is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table applications drop column if exists decided_on`.execute(db);
  await sql`alter table penalty_records drop column if exists decided_corrections`.execute(db);
  await sql`drop table if exists department_units`.execute(db);
}
