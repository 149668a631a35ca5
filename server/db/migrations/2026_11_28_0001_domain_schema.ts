import { sql, type Kysely } from 'kysely';

// The whole domain schema (SPEC §1–§8). Enumerations are text with CHECK constraints so
// that later migrations can widen them without enum surgery. Frozen in time: never
// import application code here.

const kinds = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const SUBJECT_KINDS = ['legal_person', 'natural_person', 'individual_business'];
const SEVERITIES = ['minor', 'general', 'serious'];
const RECORD_STATUSES = ['published', 'suspended', 'withdrawn', 'repaired', 'unpublished'];
const LIST_TYPES = ['honor', 'dishonesty'];
const LIST_ENTRY_STATUSES = ['active', 'suspended', 'removed', 'repaired', 'expired'];
const CATALOG_KINDS = ['incentive', 'punishment'];
const APPLICATION_KINDS = ['objection', 'complaint', 'repair'];
const APPLICATION_STATUSES = ['submitted', 'accepted', 'refused', 'decided', 'withdrawn'];
const APPLICATION_DECISIONS = ['correct', 'revoke', 'reject', 'approve_repair', 'deny_repair', 'uphold', 'amend'];
const STAFF_ROLES = ['department', 'office', 'admin'];

/** The party (行政相对人) columns both record kinds carry, commented with the standard's codes. */
const partyColumns = (prefix: 'XK' | 'CF') => `
     subject_id bigint not null references subjects(id),
     department_id integer not null references departments(id),
     subject_name text not null,                 -- ${prefix}_XDR_MC
     subject_category text not null check (subject_category in ('法人及非法人组织', '自然人', '个体工商户')), -- ${prefix}_XDR_LB
     uscc text,                                  -- ${prefix}_XDR_SHXYM
     registration_number text,                   -- ${prefix}_XDR_GSZC
     org_code text,                              -- ${prefix}_XDR_ZZJG
     tax_number text,                            -- ${prefix}_XDR_SWDJ
     institution_cert text,                      -- ${prefix}_XDR_SYDW
     social_org_cert text,                       -- ${prefix}_XDR_SHZZ
     legal_representative text,                  -- ${prefix}_FRDB
     legal_rep_id_type text,                     -- ${prefix}_FR_ZJLX
     legal_rep_id_masked text,                   -- ${prefix}_FR_ZJHM (masked)
     legal_rep_id_ref bigint references identity_numbers(id),
     party_id_type text,                         -- ${prefix}_XDR_ZJLX
     party_id_masked text,                       -- ${prefix}_XDR_ZJHM (masked)
     party_id_ref bigint references identity_numbers(id),`;

/** The portal's own bookkeeping on both record kinds: withdrawal, source import, timeliness. */
const recordBookkeepingColumns = `
     withdrawn_on date,
     withdrawal_reason text,
     source_import_id bigint references imports(id),
     reported_at timestamptz not null default now(),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()`;

const statements: string[] = [
  // ---------------------------------------------------------------- reference data
  `create table divisions (
     code text primary key check (code ~ '^[0-9]{6}$'),
     name text not null,
     full_name text not null,
     parent_code text references divisions(code),
     population integer not null default 0 check (population >= 0),
     sort_order integer not null default 0
   )`,
  `create table departments (
     id serial primary key,
     code text not null unique check (code ~ '^[a-z0-9_]+$'),
     name text not null unique,
     short_name text not null,
     doc_prefix text not null,
     uscc text not null unique check (length(uscc) = 18),
     division_code text not null references divisions(code),
     is_office boolean not null default false,
     sort_order integer not null default 0,
     created_at timestamptz not null default now()
   )`,
  `create unique index departments_one_office on departments (is_office) where is_office`,

  // ---------------------------------------------------------------- protected identifiers
  // Full ID numbers of natural persons exist only here, encrypted (AES-256-GCM) and
  // keyed by an HMAC for matching. Public queries select the masked copies kept beside
  // each use; nothing public joins this table.
  `create table identity_numbers (
     id bigserial primary key,
     id_type text not null default '身份证',
     hmac text not null unique,
     ciphertext text not null,
     masked text not null,
     created_at timestamptz not null default now()
   )`,

  // ---------------------------------------------------------------- subjects
  `create table subjects (
     id bigserial primary key,
     kind text not null check (kind in (${kinds(SUBJECT_KINDS)})),
     name text not null check (length(name) between 1 and 200),
     name_norm text not null,
     uscc text check (uscc is null or length(uscc) = 18),
     registration_number text,
     org_code text,
     tax_number text,
     institution_cert text,
     social_org_cert text,
     legal_representative text,
     legal_rep_id_type text,
     legal_rep_id_masked text,
     legal_rep_id_ref bigint references identity_numbers(id),
     person_id_type text,
     person_id_masked text,
     person_id_ref bigint references identity_numbers(id),
     division_code text references divisions(code),
     industry text,
     address text,
     established_on date,
     registered_capital numeric(16, 4),
     business_scope text,
     registration_status text not null default '存续',
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check (kind <> 'natural_person' or uscc is null),
     check (uscc is null or uscc <> '00000000000000000X' or (kind = 'individual_business' and registration_number is not null))
   )`,
  `create unique index subjects_uscc_unique on subjects (uscc) where uscc is not null and uscc <> '00000000000000000X'`,
  `create unique index subjects_person_unique on subjects (person_id_ref) where person_id_ref is not null`,
  `create index subjects_name_norm on subjects (name_norm)`,
  `create index subjects_registration_number on subjects (registration_number) where registration_number is not null`,
  `create index subjects_division on subjects (division_code)`,

  // ---------------------------------------------------------------- imports
  `create table imports (
     id bigserial primary key,
     department_id integer not null references departments(id),
     record_kind text not null check (record_kind in ('licensing', 'penalty')),
     channel text not null check (channel in ('upload', 'cli', 'api', 'seed')),
     file_name text,
     file_sha256 text,
     status text not null default 'pending' check (status in ('pending', 'previewed', 'running', 'committed', 'failed', 'cancelled')),
     total_rows integer not null default 0,
     created_rows integer not null default 0,
     updated_rows integer not null default 0,
     unchanged_rows integer not null default 0,
     error_rows integer not null default 0,
     created_by integer,
     created_at timestamptz not null default now(),
     finished_at timestamptz
   )`,
  `create table import_errors (
     id bigserial primary key,
     import_id bigint not null references imports(id) on delete cascade,
     row_number integer not null,
     field text,
     message text not null
   )`,
  `create index import_errors_import on import_errors (import_id, row_number)`,

  // ---------------------------------------------------------------- licensing (XK_*)
  `create table licensing_records (
     id bigserial primary key,
     ${partyColumns('XK')}
     decision_document_name text not null,       -- XK_XKWS
     document_number text not null,              -- XK_WSH
     document_number_norm text not null,
     licence_category text not null check (licence_category in ('普通', '特许', '认可', '核准', '登记', '其他')), -- XK_XKLB
     certificate_name text,                      -- XK_XKZS
     licence_number text,                        -- XK_XKBH
     content text not null,                      -- XK_NR
     decision_date date not null,                -- XK_JDRQ
     valid_from date not null,                   -- XK_YXQZ
     valid_until date not null,                  -- XK_YXQZI (2099-12-31 = 长期)
     authority_name text not null,               -- XK_XKJG
     authority_code text not null,               -- XK_XKJGDM
     current_state text not null check (current_state in ('有效', '无效')), -- XK_ZT
     source_unit_name text not null,             -- XK_LYDW
     source_unit_code text not null,             -- XK_LYDWDM
     remarks text,                               -- BZ
     status text not null default 'published' check (status in (${kinds(RECORD_STATUSES)})),
     public_from date not null,
     ${recordBookkeepingColumns},
     check (valid_until >= valid_from)
   )`,
  `create unique index licensing_department_document on licensing_records (department_id, document_number_norm)`,
  `create index licensing_subject on licensing_records (subject_id)`,
  `create index licensing_decision_date on licensing_records (decision_date desc, id desc)`,
  `create index licensing_updated on licensing_records (updated_at, id)`,

  // ---------------------------------------------------------------- penalties (CF_*)
  `create table penalty_records (
     id bigserial primary key,
     ${partyColumns('CF')}
     document_number text not null,              -- CF_WSH
     document_number_norm text not null,
     violation_type text not null,               -- CF_WFXW
     violation_facts text not null,              -- CF_SY
     legal_basis text not null,                  -- CF_YJ
     categories text[] not null check (cardinality(categories) >= 1), -- CF_CFLB
     content text not null,                      -- CF_NR
     fine_amount numeric(16, 6) check (fine_amount is null or fine_amount >= 0),        -- CF_NR_FK (万元)
     confiscated_amount numeric(16, 6) check (confiscated_amount is null or confiscated_amount >= 0), -- CF_NR_WFFF (万元)
     licence_affected text,                      -- CF_NR_ZKDX
     decision_date date not null,                -- CF_JDRQ
     penalty_valid_until date not null,          -- CF_YXQ
     requested_public_until date,                -- CF_GSJZQ
     authority_name text not null,               -- CF_CFJG
     authority_code text not null,               -- CF_CFJGDM
     source_unit_name text not null,             -- CF_SJLY
     source_unit_code text not null,             -- CF_SJLYDM
     remarks text,                               -- BZ
     severity text not null check (severity in (${kinds(SEVERITIES)})),
     severity_explicit boolean not null default false,
     summary_procedure boolean not null default false,
     domain text,
     status text not null default 'published' check (status in (${kinds(RECORD_STATUSES)})),
     public_from date not null,
     earliest_repair_on date not null,
     public_until date not null,
     period_rule_id text not null,
     repairable_early boolean not null default true,
     suspended_since date,
     suspended_days integer not null default 0 check (suspended_days >= 0),
     repaired_on date,
     ${recordBookkeepingColumns},
     check (public_until >= public_from),
     check ((status = 'suspended') = (suspended_since is not null))
   )`,
  `create unique index penalty_department_document on penalty_records (department_id, document_number_norm)`,
  `create index penalty_subject on penalty_records (subject_id)`,
  `create index penalty_decision_date on penalty_records (decision_date desc, id desc)`,
  `create index penalty_public_until on penalty_records (public_until) where status = 'published'`,
  `create index penalty_updated on penalty_records (updated_at, id)`,

  // ---------------------------------------------------------------- catalog and lists
  `create table catalog_items (
     id serial primary key,
     code text not null unique,
     kind text not null check (kind in (${kinds(CATALOG_KINDS)})),
     deciding_unit text not null,                -- 行政单位
     measure text not null,                      -- 处理措施
     reason text not null,                       -- 实施事由 / 奖励事由
     legal_basis text not null,                  -- 法律依据
     implementing_units text not null,           -- 联合奖惩实施单位
     content text not null,                      -- 措施内容
     evidence text not null,                     -- 证据材料
     domain text,
     active boolean not null default true,
     sort_order integer not null default 0,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   )`,
  `create table list_entries (
     id bigserial primary key,
     list_type text not null check (list_type in (${kinds(LIST_TYPES)})),
     subject_id bigint not null references subjects(id),
     department_id integer not null references departments(id), -- 认定部门
     decision_number text not null,              -- 认定文号
     basis text not null,                        -- 认定依据
     reason text not null,                       -- 列入事由
     domain text,
     listed_on date not null,                    -- 列入日期
     valid_until date not null,                  -- 有效期至
     status text not null default 'active' check (status in (${kinds(LIST_ENTRY_STATUSES)})),
     removed_on date,                            -- 移出日期
     removal_reason text,                        -- 移出事由
     suspended_since date,
     suspended_days integer not null default 0 check (suspended_days >= 0),
     penalty_record_id bigint references penalty_records(id),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check (valid_until >= listed_on),
     check ((status = 'suspended') = (suspended_since is not null))
   )`,
  `create index list_entries_subject on list_entries (subject_id)`,
  `create index list_entries_type_date on list_entries (list_type, listed_on desc, id desc)`,
  `create index list_entries_penalty on list_entries (penalty_record_id) where penalty_record_id is not null`,
  `create table list_entry_measures (
     list_entry_id bigint not null references list_entries(id) on delete cascade,
     catalog_item_id integer not null references catalog_items(id),
     primary key (list_entry_id, catalog_item_id)
   )`,
  // No unit may reward or punish outside the catalog [plan]: a measure's kind must match the list.
  `create function list_entry_measure_kind_check() returns trigger language plpgsql as $$
   declare
     entry_type text;
     item_kind text;
   begin
     select list_type into entry_type from list_entries where id = new.list_entry_id;
     select kind into item_kind from catalog_items where id = new.catalog_item_id;
     if (entry_type = 'honor' and item_kind <> 'incentive') or (entry_type = 'dishonesty' and item_kind <> 'punishment') then
       raise exception 'catalog item % (%) cannot be applied to a % list entry', new.catalog_item_id, item_kind, entry_type
         using errcode = 'check_violation';
     end if;
     return new;
   end $$`,
  `create trigger list_entry_measures_kind before insert or update on list_entry_measures
     for each row execute function list_entry_measure_kind_check()`,

  // ---------------------------------------------------------------- exposure cases
  `create table exposure_cases (
     id bigserial primary key,
     title text not null,
     domain text not null,
     subject_id bigint references subjects(id),
     subject_name text not null,
     department_id integer references departments(id),
     penalty_record_id bigint references penalty_records(id),
     summary text not null,
     body text not null,
     published_on date,
     status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
     created_by integer,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check (status <> 'published' or published_on is not null)
   )`,
  `create index exposure_published on exposure_cases (published_on desc, id desc) where status = 'published'`,

  // ---------------------------------------------------------------- staff
  `create table staff_users (
     id serial primary key,
     username text not null unique check (username ~ '^[a-z0-9_.-]{3,40}$'),
     display_name text not null,
     password_hash text not null,
     role text not null check (role in (${kinds(STAFF_ROLES)})),
     department_id integer references departments(id),
     active boolean not null default true,
     failed_logins integer not null default 0,
     locked_until timestamptz,
     password_changed_at timestamptz not null default now(),
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check (role <> 'department' or department_id is not null)
   )`,
  `create table staff_sessions (
     id text primary key,                        -- SHA-256 of the cookie token
     staff_user_id integer not null references staff_users(id) on delete cascade,
     csrf_token text not null,
     created_at timestamptz not null default now(),
     last_seen_at timestamptz not null default now(),
     expires_at timestamptz not null,
     revoked_at timestamptz,
     ip text,
     user_agent text
   )`,
  `create index staff_sessions_user on staff_sessions (staff_user_id)`,
  `create table api_keys (
     id serial primary key,
     department_id integer not null references departments(id),
     name text not null,
     key_prefix text not null,
     key_hash text not null unique,
     created_by integer references staff_users(id),
     created_at timestamptz not null default now(),
     last_used_at timestamptz,
     revoked_at timestamptz
   )`,

  // ---------------------------------------------------------------- applications
  `create table applications (
     id bigserial primary key,
     kind text not null check (kind in (${kinds(APPLICATION_KINDS)})),
     tracking_number text not null unique,
     query_code_hash text not null,
     idempotency_key text not null unique,
     status text not null default 'submitted' check (status in (${kinds(APPLICATION_STATUSES)})),
     subject_id bigint not null references subjects(id),
     department_id integer not null references departments(id), -- who handles it (office for complaints)
     penalty_record_id bigint references penalty_records(id),
     licensing_record_id bigint references licensing_records(id),
     list_entry_id bigint references list_entries(id),
     parent_application_id bigint references applications(id),
     applicant_type text not null check (applicant_type in ('organisation', 'person')),
     applicant_name text not null,
     applicant_uscc text,
     contact_person text,
     phone text not null,
     email text,
     applicant_id_masked text,
     applicant_id_ref bigint references identity_numbers(id),
     reason_category text not null,
     description text not null,
     submitted_at timestamptz not null default now(),
     accept_due_on date not null,
     decide_due_on date,
     accepted_at timestamptz,
     decided_at timestamptz,
     decision text check (decision is null or decision in (${kinds(APPLICATION_DECISIONS)})),
     decision_reasons text,
     decided_by integer references staff_users(id),
     version integer not null default 0,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     check ((decision is null) = (decided_at is null)),
     check (num_nonnulls(penalty_record_id, licensing_record_id, list_entry_id) <= 1)
   )`,
  `create index applications_queue on applications (department_id, status, accept_due_on)`,
  `create index applications_penalty on applications (penalty_record_id) where penalty_record_id is not null`,
  `create table application_events (
     id bigserial primary key,
     application_id bigint not null references applications(id),
     at timestamptz not null default now(),
     actor_staff_id integer references staff_users(id),
     actor_label text not null,
     event_type text not null,
     from_status text,
     to_status text,
     note text,
     visible_to_applicant boolean not null default true
   )`,
  `create index application_events_app on application_events (application_id, at, id)`,
  `create table application_attachments (
     id bigserial primary key,
     application_id bigint not null references applications(id),
     file_name text not null,
     media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
     size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
     sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
     storage_key text not null unique,
     uploaded_at timestamptz not null default now()
   )`,
  `create index application_attachments_app on application_attachments (application_id)`,

  // ---------------------------------------------------------------- audit (append-only)
  `create table audit_log (
     id bigserial primary key,
     at timestamptz not null default now(),
     actor_type text not null check (actor_type in ('staff', 'system', 'public', 'api')),
     actor_id text,
     actor_label text not null,
     action text not null,
     entity_type text not null,
     entity_id text not null,
     before jsonb,
     after jsonb,
     note text
   )`,
  `create index audit_log_entity on audit_log (entity_type, entity_id, id)`,
  `create function audit_log_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger audit_log_no_update before update or delete on audit_log
     for each row execute function audit_log_append_only()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
     for each statement execute function audit_log_append_only()`,
  // Lifecycle transitions (publication ended, licence expired, list entry expired) are
  // recorded once each; the unique key makes the scheduled job idempotent.
  `create table lifecycle_transitions (
     entity_type text not null,
     entity_id bigint not null,
     transition text not null,
     effective_on date not null,
     recorded_at timestamptz not null default now(),
     primary key (entity_type, entity_id, transition)
   )`,

  // ---------------------------------------------------------------- search
  // One row per public searchable thing. \`tsv\` is a stored tsvector (never an expression
  // index: rechecks would re-parse every row); the search issue defines its tokens.
  `create table search_documents (
     doc_id text primary key,
     kind text not null check (kind in ('subject', 'licensing', 'penalty', 'list_entry', 'exposure')),
     entity_id bigint not null,
     subject_id bigint,
     title text not null,
     title_norm text not null,
     body text not null default '',
     codes text[] not null default '{}',
     tsv tsvector not null,
     department_id integer,
     division_code text,
     year integer,
     categories text[] not null default '{}',
     severity text,
     list_type text,
     domain text,
     sort_date date,
     public_until date,
     updated_at timestamptz not null default now()
   )`,
  `create index search_documents_tsv on search_documents using gin (tsv)`,
  `create index search_documents_title_trgm on search_documents using gin (title_norm gin_trgm_ops)`,
  `create index search_documents_codes on search_documents using gin (codes)`,
  `create index search_documents_kind_date on search_documents (kind, sort_date desc)`,
  `create table search_outbox (
     id bigserial primary key,
     doc_id text not null,
     op text not null check (op in ('upsert', 'delete')),
     created_at timestamptz not null default now(),
     attempts integer not null default 0,
     last_error text,
     next_attempt_at timestamptz not null default now(),
     processed_at timestamptz
   )`,
  `create index search_outbox_pending on search_outbox (next_attempt_at, id) where processed_at is null`,

  // ---------------------------------------------------------------- small infrastructure
  `create table rate_limit_buckets (
     key text primary key,
     window_start timestamptz not null,
     hits integer not null default 0
   )`,
  `create table app_settings (
     key text primary key,
     value jsonb not null,
     updated_at timestamptz not null default now()
   )`,
  `create table issued_reports (
     verification_code text primary key,
     subject_id bigint not null references subjects(id),
     issued_on date not null,
     content_sha256 text not null,
     created_at timestamptz not null default now()
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'issued_reports',
    'app_settings',
    'rate_limit_buckets',
    'search_outbox',
    'search_documents',
    'lifecycle_transitions',
    'audit_log',
    'application_attachments',
    'application_events',
    'applications',
    'api_keys',
    'staff_sessions',
    'staff_users',
    'exposure_cases',
    'list_entry_measures',
    'list_entries',
    'catalog_items',
    'penalty_records',
    'licensing_records',
    'import_errors',
    'imports',
    'subjects',
    'identity_numbers',
    'departments',
    'divisions',
  ];
  for (const table of tables) await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  await sql`drop function if exists audit_log_append_only()`.execute(db);
  await sql`drop function if exists list_entry_measure_kind_check()`.execute(db);
}
