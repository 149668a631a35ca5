import { sql, type Kysely } from 'kysely';

// Holidays and make-up working days of a year the chinese-days package does not cover yet,
// entered by office staff in /admin/calendar (SPEC §6: no deploy needed). One row a year; every
// save is audited in audit_log ('calendar.save', entity 'workday_calendar', the year).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table if not exists workday_calendar_years (
    year integer primary key check (year between 1949 and 2200),
    holidays jsonb not null,
    workdays jsonb not null,
    source text not null,
    updated_at timestamptz not null default now(),
    updated_by text not null
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists workday_calendar_years`.execute(db);
}
