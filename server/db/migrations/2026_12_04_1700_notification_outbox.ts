import { sql, type Kysely } from 'kysely';

// E-mails to applicants (receipt, acceptance or refusal, decision, a reissued query code) are
// written here in the same transaction as the change they report, and sent by a loop in each
// server instance: a row is claimed with a lease (FOR UPDATE SKIP LOCKED, then `locked_until`),
// so several instances never send the same row at once and a crashed sender's rows come back.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table notification_outbox (
    id bigserial primary key,
    application_id bigint not null references applications(id),
    channel text not null default 'email' check (channel in ('email')),
    event text not null,
    recipient text not null,
    subject text not null,
    body text not null,
    -- A reissued query code, AES-256-GCM under the identity key; cleared once sent.
    secret text,
    created_at timestamptz not null default now(),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    sent_at timestamptz,
    last_error text
  )`.execute(db);
  await sql`create index notification_outbox_due on notification_outbox (next_attempt_at) where sent_at is null`.execute(
    db,
  );
  await sql`create index notification_outbox_application on notification_outbox (application_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notification_outbox`.execute(db);
}
