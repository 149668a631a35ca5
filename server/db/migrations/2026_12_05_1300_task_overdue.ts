import { sql, type Kysely } from 'kysely';

// Issue 14: a task whose deadline passed while open is announced once (audit row and the
// task.overdue webhook to its department). The day it was announced is kept on the task; a
// resumed task gets a new deadline and may become overdue (and be announced) again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table coordination_tasks add column if not exists overdue_announced_on date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table coordination_tasks drop column if exists overdue_announced_on`.execute(db);
}
