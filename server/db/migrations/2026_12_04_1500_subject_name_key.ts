import { sql, type Kysely } from 'kysely';

// Forgiving name search (issue 15): the name of a subject without its brackets and with every
// company form as 公司 (server/rules/search-forgiveness.ts nameKey, which tests keep equal to
// this expression), indexed by trigrams, so that 金顶山珍特产 finds 金顶山珍（特产）经营部,
// 峰宇食品有限责任公司 finds 乐山市峰宇食品有限公司, and a name one character off can be
// suggested. Natural persons are never looked up by name.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table subjects add column if not exists name_key text generated always as (
      replace(replace(replace(translate(name_norm, '()', ''), '股份有限公司', '公司'), '有限责任公司', '公司'), '有限公司', '公司')
    ) stored`.execute(db);
  await sql`create index if not exists subjects_name_key_trgm on subjects using gin (name_key gin_trgm_ops)
    where kind <> 'natural_person'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists subjects_name_key_trgm`.execute(db);
  await sql`alter table subjects drop column if exists name_key`.execute(db);
}
