import { sql, type Kysely } from 'kysely';

// 联合奖惩协同 (plan 二(一)2): joint-action tasks per implementing department, their feedback,
// the credit checks approval systems report against, and the webhook outbox (subscriptions,
// events written in the change's transaction, one delivery row per subscriber).
const statements: string[] = [
  `create table credit_checks (
     id bigserial primary key,
     subject_id bigint not null references subjects(id),
     checked_on date not null,
     status text not null,
     catalog_item_ids integer[] not null default '{}',
     api_key_id integer references api_keys(id),
     department_id integer references departments(id),
     created_at timestamptz not null default now()
   )`,
  `create index credit_checks_created on credit_checks (created_at)`,
  `create table coordination_tasks (
     id bigserial primary key,
     list_entry_id bigint not null references list_entries(id),
     department_id integer not null references departments(id),
     unit_name text not null,
     catalog_item_ids integer[] not null check (cardinality(catalog_item_ids) >= 1),
     origin text not null check (origin in ('auto', 'manual')),
     status text not null default 'open' check (status in ('open', 'paused', 'answered', 'ended')),
     received_on date not null,
     due_on date not null,
     paused_since date,
     ended_on date,
     end_reason text,
     answered_at timestamptz,
     created_by integer references staff_users(id),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     unique (list_entry_id, department_id),
     check ((status = 'paused') = (paused_since is not null))
   )`,
  `create index coordination_tasks_inbox on coordination_tasks (department_id, status, due_on)`,
  `create table coordination_feedback (
     id bigserial primary key,
     task_id bigint references coordination_tasks(id),
     credit_check_id bigint references credit_checks(id),
     department_id integer not null references departments(id),
     catalog_item_id integer not null references catalog_items(id),
     outcome text not null check (outcome in ('applied', 'not_applicable')),
     decision text,
     applied_on date not null,
     document_number text not null,
     reason text,
     idempotency_key text,
     request_hash text,
     actor_type text not null check (actor_type in ('staff', 'api')),
     actor_label text not null,
     created_at timestamptz not null default now(),
     check (num_nonnulls(task_id, credit_check_id) = 1),
     check (outcome <> 'not_applicable' or reason is not null)
   )`,
  `create unique index coordination_feedback_task_measure on coordination_feedback (task_id, catalog_item_id) where task_id is not null`,
  `create unique index coordination_feedback_check_measure on coordination_feedback (credit_check_id, catalog_item_id) where credit_check_id is not null`,
  `create unique index coordination_feedback_idempotency on coordination_feedback (department_id, idempotency_key) where idempotency_key is not null`,
  `create index coordination_feedback_month on coordination_feedback (applied_on)`,
  `create table coordination_inbox_views (
     staff_user_id integer primary key references staff_users(id) on delete cascade,
     seen_at timestamptz not null
   )`,
  `create table webhook_subscriptions (
     id serial primary key,
     department_id integer not null references departments(id),
     api_key_id integer references api_keys(id),
     url text not null check (url ~ '^https?://'),
     secret text not null check (length(secret) >= 16),
     events text[] not null check (cardinality(events) >= 1),
     active boolean not null default true,
     created_by integer references staff_users(id),
     created_at timestamptz not null default now()
   )`,
  `create table webhook_events (
     id bigserial primary key,
     event_id text not null unique,
     type text not null,
     subject_key text not null,
     department_id integer references departments(id),
     payload jsonb not null,
     occurred_at timestamptz not null default now()
   )`,
  `create table webhook_deliveries (
     id bigserial primary key,
     subscription_id integer not null references webhook_subscriptions(id) on delete cascade,
     event_row_id bigint not null references webhook_events(id),
     subject_key text not null,
     status text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
     attempts integer not null default 0,
     next_attempt_at timestamptz not null default now(),
     retry_until timestamptz not null default now() + interval '24 hours',
     leased_until timestamptz,
     last_status integer,
     last_error text,
     delivered_at timestamptz,
     created_at timestamptz not null default now()
   )`,
  `create index webhook_deliveries_due on webhook_deliveries (id) where status = 'pending'`,
  `create index webhook_deliveries_group on webhook_deliveries (subscription_id, subject_key, id) where status = 'pending'`,
  `create index webhook_deliveries_dead on webhook_deliveries (subscription_id, id) where status = 'dead'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'webhook_deliveries',
    'webhook_events',
    'webhook_subscriptions',
    'coordination_inbox_views',
    'coordination_feedback',
    'coordination_tasks',
    'credit_checks',
  ])
    await sql.raw(`drop table if exists ${t}`).execute(db);
}
