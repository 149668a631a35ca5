import { sql, type Kysely } from 'kysely';

// An issued credit report keeps what it said (the canonical JSON whose SHA-256 is
// content_sha256), so that /verify shows the server's copy, never what a visitor brings.
// report_seq numbers reports for people (信用报告编号); one row per subject, day and content,
// so re-issuing an unchanged report the same day reuses it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table issued_reports add column report_seq bigserial`.execute(db);
  await sql`alter table issued_reports add column content jsonb`.execute(db);
  await sql`create unique index issued_reports_report_seq on issued_reports (report_seq)`.execute(db);
  await sql`create unique index issued_reports_same_content on issued_reports (subject_id, issued_on, content_sha256)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists issued_reports_same_content`.execute(db);
  await sql`drop index if exists issued_reports_report_seq`.execute(db);
  await sql`alter table issued_reports drop column if exists content`.execute(db);
  await sql`alter table issued_reports drop column if exists report_seq`.execute(db);
}
