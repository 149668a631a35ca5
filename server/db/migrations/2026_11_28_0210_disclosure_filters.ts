import { sql, type Kysely } from 'kysely';

// Indexes for the filters of the 双公示 lists (/disclosures/…). Each list is ordered by
// decision date desc, id desc; a filter on a rare value would otherwise walk the whole
// date index. Division filters go through subjects_division + the subject indexes.

const statements = [
  // Department filter, and "which departments publish" (one probe per department).
  `create index penalty_department_date on penalty_records (department_id, decision_date desc, id desc)`,
  `create index licensing_department_date on licensing_records (department_id, decision_date desc, id desc)`,
  // 处罚类别 CF_CFLB is an array: "contains" is answered by GIN (rare 行政拘留 among 1M rows).
  `create index penalty_categories on penalty_records using gin (categories)`,
  // 许可类别 XK_XKLB: six values, some rare (特许).
  `create index licensing_category_date on licensing_records (licence_category, decision_date desc, id desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'penalty_department_date',
    'licensing_department_date',
    'penalty_categories',
    'licensing_category_date',
  ]) {
    await sql.raw(`drop index if exists ${name}`).execute(db);
  }
}
