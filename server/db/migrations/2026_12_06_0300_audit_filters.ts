import { sql, type Kysely } from 'kysely';

// /admin/audit filters the trail by action, by actor and by date, newest first (issue 17).
// The entity filter already has audit_log_entity (entity_type, entity_id, id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists audit_log_action on audit_log (action, id)`.execute(db);
  await sql`create index if not exists audit_log_actor on audit_log (actor_type, actor_id, id)`.execute(db);
  await sql`create index if not exists audit_log_at on audit_log (at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists audit_log_at`.execute(db);
  await sql`drop index if exists audit_log_actor`.execute(db);
  await sql`drop index if exists audit_log_action`.execute(db);
}
