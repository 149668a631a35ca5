import { sql, type Kysely } from 'kysely';

// Indexes for the filters of the 双公示 lists (/disclosures/…). Each list is ordered by
// decision date desc, id desc; a filter on a rare value would otherwise walk the whole
// date index. Division filters go through subjects_division + the subject indexes.

const statements = [
  // The public predicate reads status, public_from and public_until: with them in the index,
  // counting up to the cap ("10,000+") is an index-only walk instead of 10,000 heap visits.
  `create index penalty_date_visibility on penalty_records (decision_date desc, id desc)
     include (status, public_from, public_until, department_id)`,
  // Department filter, and "which departments publish" (one probe per department).
  `create index penalty_department_date on penalty_records (department_id, decision_date desc, id desc)
     include (status, public_from, public_until)`,
  `create index licensing_department_date on licensing_records (department_id, decision_date desc, id desc)`,
  // 处罚类别 CF_CFLB is an array: "contains" is answered by GIN (rare 行政拘留 among 1M rows).
  `create index penalty_categories on penalty_records using gin (categories)`,
  // 许可类别 XK_XKLB: six values, some rare (特许).
  `create index licensing_category_date on licensing_records (licence_category, decision_date desc, id desc)`,
  // Keyword: substrings of document numbers and of organisations' names (pg_trgm, as 0001 loads it).
  `create index penalty_document_trgm on penalty_records using gin (document_number_norm gin_trgm_ops)`,
  `create index licensing_document_trgm on licensing_records using gin (document_number_norm gin_trgm_ops)`,
  `create index subjects_name_trgm on subjects using gin (name_norm gin_trgm_ops) where kind <> 'natural_person'`,
];

const INDEXES = [
  'penalty_date_visibility',
  'penalty_department_date',
  'licensing_department_date',
  'penalty_categories',
  'licensing_category_date',
  'penalty_document_trgm',
  'licensing_document_trgm',
  'subjects_name_trgm',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of INDEXES) {
    await sql.raw(`drop index if exists ${name}`).execute(db);
  }
}
