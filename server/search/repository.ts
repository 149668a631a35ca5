import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/client';
import { columnList, jsonRecordset, snakeCase } from '../db/json-rows';
import { readOnlyTransaction } from '../db/read-routing';
import { timed } from '../perf/phases';
import type { Database } from '../db/types';
import type { SubjectKind } from '../rules/codes';
import type {
  ExposureSource,
  LicensingSource,
  ListEntrySource,
  PenaltySource,
  SearchDocument,
  SubjectSource,
} from './documents';
import type { LexemeStatistics } from './planner';
import type { HitKind, SearchRequest } from './types';

// All SQL of the search: reading the sources of documents, writing documents, and the
// queries of the PostgreSQL engine.

// ------------------------------------------------------------------ sources

type IdFilter = { ids: readonly number[] } | { afterId: number; limit: number };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelect = SelectQueryBuilder<any, any, any>;

/** The same paging for every source table: some ids, or the next batch after an id. */
function idFilter<Q extends AnySelect>(query: Q, column: string, filter: IdFilter): Q {
  if ('ids' in filter) return query.where(column, 'in', filter.ids.length ? filter.ids : [-1]) as Q;
  return query.where(column, '>', filter.afterId).orderBy(column).limit(filter.limit) as Q;
}

export function subjectSources(db: Db, filter: IdFilter): Promise<SubjectSource[]> {
  const query = db
    .selectFrom('subjects')
    .select([
      'id',
      'kind',
      'name',
      'uscc',
      'registrationNumber',
      'legalRepresentative',
      'address',
      'industry',
      'divisionCode',
      'establishedOn',
    ]);
  return query.$call((q) => idFilter(q, 'subjects.id', filter)).execute();
}

/**
 * The subject of record `r`, probed by its primary key: as a plain join the planner hashes the
 * whole subjects table for a batch of ids, a cost that grows with the table on every import batch.
 */
const SUBJECT_OF_RECORD = sql<Pick<Database['subjects'], 'kind' | 'name' | 'divisionCode'>>`(
  select kind, name, division_code from subjects where subjects.id = r.subject_id limit 1)`.as('s');

/** What both record kinds' documents need of the record, its subject and its department. */
const RECORD_PARTY_COLUMNS = [
  'r.id',
  'r.status',
  'r.subjectId',
  's.kind as subjectKind',
  'r.subjectName',
  's.name as currentName',
  's.divisionCode as subjectDivision',
  'r.uscc',
  'r.departmentId',
  'd.name as departmentName',
] as const;

export function licensingSources(db: Db, filter: IdFilter): Promise<LicensingSource[]> {
  const query = db
    .selectFrom('licensingRecords as r')
    .innerJoinLateral(SUBJECT_OF_RECORD, (j) => j.onTrue())
    .innerJoin('departments as d', 'd.id', 'r.departmentId')
    .select([
      ...RECORD_PARTY_COLUMNS,
      'r.decisionDocumentName',
      'r.documentNumber',
      'r.licenceCategory',
      'r.certificateName',
      'r.licenceNumber',
      'r.content',
      'r.decisionDate',
      'r.validUntil',
      'r.publicFrom',
    ]);
  return query.$call((q) => idFilter(q, 'r.id', filter)).execute();
}

export function penaltySources(db: Db, filter: IdFilter): Promise<PenaltySource[]> {
  const query = db
    .selectFrom('penaltyRecords as r')
    .innerJoinLateral(SUBJECT_OF_RECORD, (j) => j.onTrue())
    .innerJoin('departments as d', 'd.id', 'r.departmentId')
    .select([
      ...RECORD_PARTY_COLUMNS,
      'r.documentNumber',
      'r.violationType',
      'r.violationFacts',
      'r.legalBasis',
      'r.categories',
      'r.content',
      'r.decisionDate',
      'r.severity',
      'r.domain',
      'r.publicFrom',
      'r.publicUntil',
    ]);
  return query.$call((q) => idFilter(q, 'r.id', filter)).execute();
}

export function listEntrySources(db: Db, filter: IdFilter): Promise<ListEntrySource[]> {
  const query = db
    .selectFrom('listEntries as e')
    .innerJoin('subjects as s', 's.id', 'e.subjectId')
    .innerJoin('departments as d', 'd.id', 'e.departmentId')
    .select([
      'e.id',
      'e.status',
      'e.listType',
      'e.subjectId',
      's.kind as subjectKind',
      's.name as subjectName',
      's.name as currentName',
      's.divisionCode as subjectDivision',
      's.uscc',
      'e.departmentId',
      'd.name as departmentName',
      'e.decisionNumber',
      'e.basis',
      'e.reason',
      'e.domain',
      'e.listedOn',
      'e.validUntil',
    ]);
  return query.$call((q) => idFilter(q, 'e.id', filter)).execute();
}

export function exposureSources(db: Db, filter: IdFilter): Promise<ExposureSource[]> {
  const query = db
    .selectFrom('exposureCases as c')
    .leftJoin('subjects as s', 's.id', 'c.subjectId')
    .leftJoin('departments as d', 'd.id', 'c.departmentId')
    .select([
      'c.id',
      'c.status',
      'c.title',
      'c.domain',
      'c.subjectId',
      's.kind as subjectKind',
      'c.subjectName',
      's.divisionCode as subjectDivision',
      'c.departmentId',
      'd.name as departmentName',
      'c.summary',
      'c.body',
      'c.publishedOn',
    ]);
  return query.$call((q) => idFilter(q, 'c.id', filter)).execute();
}

/** Every record that carries the subject's name in its document. */
export async function recordIdsOfSubjects(db: Db, subjectIds: readonly number[]) {
  if (subjectIds.length === 0) return { licensing: [], penalty: [], list_entry: [], exposure: [] };
  const ids = async (table: 'licensingRecords' | 'penaltyRecords' | 'listEntries' | 'exposureCases') =>
    (await db.selectFrom(table).select('id').where('subjectId', 'in', subjectIds).execute()).map((r) => r.id);
  return {
    licensing: await ids('licensingRecords'),
    penalty: await ids('penaltyRecords'),
    list_entry: await ids('listEntries'),
    exposure: await ids('exposureCases'),
  };
}

// ------------------------------------------------------------------ documents

const INSERT_BATCH = 2000;

/** Inserts or replaces documents: one statement per table and batch (see upsertDocumentRows). */
export async function upsertDocuments(db: Db, docs: readonly SearchDocument[]): Promise<void> {
  for (let i = 0; i < docs.length; i += INSERT_BATCH) {
    const batch = docs.slice(i, i + INSERT_BATCH);
    await timed('db: upsert search_documents (tsv + GIN)', () =>
      upsertDocumentRows(db, 'search_documents', DOCUMENT_FIELDS, batch, ''),
    );
    await timed('db: upsert search_document_contents', () =>
      upsertDocumentRows(db, 'search_document_contents', CONTENT_FIELDS, batch, 'updated_at = now()'),
    );
  }
}

export async function deleteDocuments(db: Db, docIds: readonly string[]): Promise<void> {
  if (docIds.length === 0) return;
  await db.deleteFrom('searchDocuments').where('docId', 'in', docIds).execute();
}

export async function deleteAllDocuments(db: Db): Promise<void> {
  await sql`truncate search_documents, search_document_contents`.execute(db);
}

/**
 * Runs a bulk load with the GIN text index dropped and rebuilds it afterwards, from its own
 * stored definition: building a GIN index once is several times faster than updating it row
 * by row. The table is locked meanwhile; full rebuilds are maintenance, not live traffic.
 */
export async function withoutTextIndex<T>(db: Db, load: () => Promise<T>): Promise<T> {
  const found = await sql<{ indexdef: string }>`
    select indexdef from pg_indexes where schemaname = current_schema() and indexname = 'search_documents_tsv'`.execute(
    db,
  );
  // On the partitioned table the stored definition reads `ON ONLY`, which would create the
  // parent index alone; without ONLY it is created on every partition too.
  const definition = found.rows[0]?.indexdef.replace(' ON ONLY ', ' ON ');
  if (definition) await sql`drop index search_documents_tsv`.execute(db);
  try {
    return await load();
  } finally {
    if (definition) await sql.raw(definition).execute(db);
  }
}

/** Removes documents whose public window ended before `today`: they can never show again. */
export async function deleteExpiredDocuments(db: Db, today: string): Promise<number> {
  const result = await db.deleteFrom('searchDocuments').where('publicUntil', '<=', today).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** For engines that keep their own copy (Meilisearch): what changed, in order. */
export async function enqueueOutbox(db: Db, changes: readonly { docId: string; op: 'upsert' | 'delete' }[]) {
  if (changes.length === 0) return;
  // Two array parameters rather than two bound values per change (thousands per import batch).
  await sql`
    insert into search_outbox (doc_id, op)
    select * from unnest(${sql.val(changes.map((c) => c.docId))}::text[], ${sql.val(changes.map((c) => c.op))}::text[])`.execute(
    db,
  );
}

// ------------------------------------------------------------------ queries

type SD = ExpressionBuilder<Database, 'searchDocuments'>;

/** Plain column filters, for plans that do not go through the text index. */
export type DocumentFilters = Pick<
  SearchRequest,
  'kinds' | 'departmentIds' | 'divisionCodes' | 'years' | 'categories' | 'severities' | 'listTypes' | 'domains'
>;

export type TitleCondition =
  | { type: 'equals'; value: string }
  | { type: 'prefix'; pattern: string; not: string }
  | { type: 'contains'; pattern: string; notPrefix: string }
  | { type: 'textOnly'; notContains: string }
  /** All three name classes at once (the title contains the query). */
  | { type: 'anyName'; pattern: string };

/**
 * What to match. `tsquery` (when set) goes to the GIN index and already holds the term
 * lexemes, the facet tokens of the filters and, for name classes, title tokens; `columns`
 * repeats the filters as column conditions for plans without the index.
 */
export interface MatchSpec {
  tsquery: string | null;
  /** Terms that must occur in search_text (substring test): what makes longer terms exact. */
  containsTerms: readonly string[];
  columns: DocumentFilters | null;
  title: TitleCondition | null;
  today: string;
}

/**
 * The lexemes of a document: the expression the GIN index is built on (migration 0003), which
 * a query must repeat exactly for PostgreSQL to answer it from the index.
 */
const DOCUMENT_TSV = sql.raw(
  'search_document_tsv(search_text, title_norm, kind, department_id, division_code, year, severity, list_type, domain, categories)',
);

/** The date half of visibility: the status half decided which documents exist. */
export function documentIsPublic(eb: SD, today: string): Expression<SqlBool> {
  return eb.and([
    eb.or([eb('publicFrom', 'is', null), eb('publicFrom', '<=', today)]),
    eb.or([eb('publicUntil', 'is', null), eb('publicUntil', '>', today)]),
  ]);
}

function titleMatches(eb: SD, title: TitleCondition): Expression<SqlBool> {
  switch (title.type) {
    case 'equals':
      return eb('titleNorm', '=', title.value);
    case 'prefix':
      return eb.and([eb('titleNorm', 'like', title.pattern), eb('titleNorm', '<>', title.not)]);
    case 'contains':
      return eb.and([eb('titleNorm', 'like', title.pattern), eb('titleNorm', 'not like', title.notPrefix)]);
    case 'textOnly':
      return eb('titleNorm', 'not like', title.notContains);
    case 'anyName':
      return eb('titleNorm', 'like', title.pattern);
  }
}

function matching(eb: SD, spec: MatchSpec): Expression<SqlBool> {
  // Cheapest first: where the conditions are tested row by row (a date walk's examined documents),
  // short columns and the title decide most rows before the long text is read.
  const all: Expression<SqlBool>[] = [documentIsPublic(eb, spec.today)];
  const f = spec.columns;
  if (f) {
    if (f.kinds?.length) all.push(eb('kind', 'in', f.kinds as never));
    if (f.departmentIds?.length) all.push(eb('departmentId', 'in', f.departmentIds));
    if (f.divisionCodes?.length) all.push(eb('divisionCode', 'in', f.divisionCodes));
    if (f.years?.length) all.push(eb('year', 'in', f.years));
    if (f.categories?.length) all.push(sql<SqlBool>`categories && ${sql.val(f.categories)}::text[]`);
    if (f.severities?.length) all.push(eb('severity', 'in', f.severities));
    if (f.listTypes?.length) all.push(eb('listType', 'in', f.listTypes));
    if (f.domains?.length) all.push(eb('domain', 'in', f.domains));
  }
  if (spec.title) all.push(titleMatches(eb, spec.title));
  if (spec.tsquery) all.push(sql<SqlBool>`${DOCUMENT_TSV} @@ ${spec.tsquery}::tsquery`);
  // strpos, not LIKE '%…%': its skip-table search is about twice as fast on long texts (measured).
  for (const term of spec.containsTerms) all.push(sql<SqlBool>`strpos(search_text, ${term}) > 0`);
  return eb.and(all);
}

/** Facets as the summary query names them, with the column each counts. */
const FACET_COLUMNS = {
  kind: 'kind',
  department: 'department_id',
  division: 'division_code',
  year: 'year',
  severity: 'severity',
  listType: 'list_type',
  domain: 'domain',
} as const;

export type SummaryFacet = keyof typeof FACET_COLUMNS | 'category';

/** How hits rank: by these name classes (0 exact name, 1 name prefix, 2 name contains, 3 text only). */
export interface SummaryRanking {
  nameQuery: string;
  exactPattern: { prefix: string; contains: string };
}

/** A page read with the summary: a flat page of hits in rank or date order, or a page of cards (see groupedPage). */
export type SummaryPage =
  | { offset: number; limit: number; sort: 'relevance' | 'date'; grouped?: false }
  | { offset: number; limit: number; grouped: true };

export interface Summary {
  /** Matches counted, at most the cap. */
  total: number;
  counts: { facet: SummaryFacet; value: string; n: number }[];
  /** Rank class (0 exact … 3 text only) → its matches among the counted ones (exact below the cap, lower bounds at it). */
  classes: Map<number, number>;
  /** The requested flat page in rank order, when asked for and the total is below the cap. */
  page: { docId: string; titleNorm: string; sortDate: string | null }[] | null;
  /** The requested page of cards, when asked for and the total is below the cap. */
  groups: GroupedPage | null;
}

/**
 * One statement over at most `cap` matches: their number, the counts of the requested facets
 * and rank classes, and (when `page` is given) one page in rank order, of hits or of cards. The
 * matches never leave the database, only the counts and the page. Without a page the matches
 * are aggregated as they are read; a page needs them kept (a materialised CTE, about a fifth of
 * the statement). A page is kept only when the total is below the cap: it then ranks every match.
 */
export async function summarize(
  db: Db,
  spec: MatchSpec,
  cap: number,
  facets: readonly SummaryFacet[],
  ranking: SummaryRanking | null,
  page: SummaryPage | null,
): Promise<Summary> {
  // Cards rank every match, so only below the cap: past it the engine reads them from a sample.
  const cards = page?.grouped ? cardsOver(ranking!, page.offset, page.limit, cap) : null;
  const matches = db
    .selectFrom('searchDocuments')
    .select([
      'docId',
      'kind',
      ...(cards ? (['subjectId', 'entityId'] as const) : []),
      'titleNorm',
      'sortDate',
      'departmentId',
      'divisionCode',
      'year',
      'categories',
      'severity',
      'listType',
      'domain',
    ])
    .where((eb) => matching(eb, spec))
    .limit(cap);
  const classOf = ranking
    ? sql`case when title_norm = ${ranking.nameQuery} then 0 when title_norm like ${ranking.exactPattern.prefix} then 1
                   when title_norm like ${ranking.exactPattern.contains} then 2 else 3 end`
    : null;
  // The total, each facet's counts and the rank classes in one pass over the matches: first
  // the distinct combinations of the facet values (a few hundred among 10,000 matches), then
  // grouping sets of one column each over those, told apart by their grouping() bit mask.
  const grouped = facets.filter((f): f is keyof typeof FACET_COLUMNS => f !== 'category');
  const names: string[] = [...grouped, ...(classOf ? ['class'] : [])];
  const columns = [...grouped.map((f) => sql.raw(FACET_COLUMNS[f])), ...(classOf ? [classOf] : [])];
  const withCategories = facets.includes('category');
  const g = names.map((_, i) => sql.raw(`g${i}`));
  const comboColumns = [
    ...columns.map((c, i) => sql`${c} as ${g[i]}`),
    ...(withCategories ? [sql`categories`] : []),
    sql`count(*) as n`,
  ];
  const comboKeys = names.length + (withCategories ? 1 : 0);
  const source = page ? sql`c` : sql`(${matches}) c`;
  const combos = sql`select ${sql.join(comboColumns, sql`, `)} from ${source}
    ${comboKeys > 0 ? sql`group by ${sql.raw(Array.from({ length: comboKeys }, (_, i) => i + 1).join(', '))}` : sql``}`;
  const all = (1 << names.length) - 1;
  const labelOfMask = sql.join(
    names.map((name, i) => sql`when ${sql.lit(all - (1 << (names.length - 1 - i)))} then ${sql.lit(name)}`),
    sql` `,
  );
  const parts = [
    names.length === 0
      ? sql`select 'total' as facet, null::text as value, coalesce(sum(n), 0) as n, null::text as title_norm, null::date as sort_date from combos`
      : sql`select facet, value, n, null::text as title_norm, null::date as sort_date from (
      select case grouping(${sql.join(g, sql`, `)}) when ${sql.lit(all)} then 'total' ${labelOfMask} end as facet,
             coalesce(${sql.join(
               g.map((x) => sql`${x}::text`),
               sql`, `,
             )}) as value, sum(n) as n
      from combos
      group by grouping sets ((), ${sql.join(
        g.map((x) => sql`(${x})`),
        sql`, `,
      )})) sets
      where facet = 'total' or value is not null`,
  ];
  if (withCategories)
    parts.push(
      sql`select 'category', cat, sum(n), null, null from combos cross join lateral unnest(categories) as cat group by cat`,
    );
  if (page && !page.grouped) {
    // Top-N first (a bounded heap sort of the capped matches), then numbered: no sort of every match;
    // only below the cap, since past it the engine finds the page class by class.
    const byDate = sql`sort_date desc nulls last, doc_id collate "C" desc`;
    const order = page.sort === 'date' || !classOf ? byDate : sql`${classOf}, ${byDate}`;
    parts.push(sql`select 'page', doc_id, rn, title_norm, sort_date from (
        select doc_id, title_norm, sort_date, row_number() over (order by ${order}) as rn
        from (select doc_id, title_norm, sort_date from c
              where (select count(*) from c) < ${cap} order by ${order} limit ${page.offset + page.limit}) top) ranked
      where rn > ${page.offset}`);
  }
  const counted = sql.join(parts, sql` union all `);
  const statement = sql<{
    facet: string;
    value: string | null;
    n: number;
    titleNorm: string | null;
    sortDate: string | null;
    /** A card row's rank (see cardsOver), null for every other row. */
    rn: number | null;
    subjectId: number | null;
    doc: DocumentRow | null;
  }>`
    with ${page ? sql`c as materialized (${matches}),` : sql``} combos as materialized (${combos})
    ${
      cards
        ? // The cards rank the same matches: their rows in the counts' columns, told apart by rn.
          sql`, ${cards.ctes}
    select facet, value, n, title_norm, sort_date, null::int as rn, null::int as subject_id, null::json as doc
      from (${counted}) counted
    union all
    select part, coalesce(doc_id, kind), n, title_norm, null, rn, subject_id, doc from (${cards.select}) cards`
        : counted
    }`;
  // Read straight from the table, the matches come with column statistics that make the planner
  // expect thousands of combinations and sort them (9 keys, 10,000 rows); hashing them is a
  // third faster (measured), so sorting is ruled out for this statement.
  const result = page
    ? await statement.execute(db)
    : // May be answered by a read replica (server/db/read-routing.ts).
      await readOnlyTransaction(db, async (trx) => {
        await sql`set local enable_sort = off`.execute(trx);
        return statement.execute(trx);
      });
  const summary: Summary = { total: 0, counts: [], classes: new Map(), page: null, groups: null };
  const pageRows: { rn: number; row: NonNullable<Summary['page']>[number] }[] = [];
  const cardRows: CardRow[] = [];
  const classes = summary.classes;
  for (const row of result.rows) {
    if (cards && row.rn !== null) {
      const other = row.facet === 'other';
      cardRows.push({
        part: row.facet as CardRow['part'],
        rn: row.rn,
        docId: other ? null : row.value,
        titleNorm: row.titleNorm,
        subjectId: row.subjectId,
        kind: other ? (row.value as HitKind) : null,
        n: Number(row.n),
        doc: row.doc,
      });
    } else if (row.facet === 'total') summary.total = Number(row.n);
    else if (row.facet === 'class') classes.set(Number(row.value), Number(row.n));
    else if (row.facet === 'page')
      pageRows.push({
        rn: Number(row.n),
        row: { docId: row.value!, titleNorm: row.titleNorm!, sortDate: row.sortDate },
      });
    else summary.counts.push({ facet: row.facet as SummaryFacet, value: row.value!, n: Number(row.n) });
  }
  if (summary.total < cap) {
    // Below the cap the matches were all of them: the page ranks them all.
    if (cards) summary.groups = cardsFrom(cardRows);
    else if (page) summary.page = pageRows.sort((a, b) => a.rn - b.rn).map((p) => p.row);
  }
  summary.classes = classes;
  return summary;
}

/**
 * Matching documents newest first. With `walkBudget`, the date index is walked until the page
 * is full or that many documents were examined (then fewer rows come back than asked for): the
 * engine knows (from lexeme statistics) that the matches are many, while the planner's guess for
 * a substring test is a constant and would often sort every match instead.
 */
export function newestMatches(
  db: Db,
  spec: MatchSpec,
  offset: number,
  limit: number,
  walkBudget?: number,
): Promise<{ docId: string; titleNorm: string; sortDate: string | null }[]> {
  const newest = sql`sort_date desc nulls last`;
  const tieBreak = sql`doc_id collate "C" desc`;
  if (walkBudget === undefined)
    return db
      .selectFrom('searchDocuments')
      .select(['docId', 'titleNorm', 'sortDate'])
      .where((eb) => matching(eb, spec))
      .orderBy(newest)
      .orderBy(tieBreak)
      .offset(offset)
      .limit(limit)
      .execute();
  return readOnlyTransaction(db, async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    // The newest `walkBudget` documents, each marked whether it matches, read lazily: a page
    // filled early stops the walk there.
    const examined = trx
      .selectFrom('searchDocuments')
      .select(['docId', 'titleNorm', 'sortDate'])
      .select((eb) => sql<SqlBool>`${matching(eb, spec)}`.as('hit'))
      .orderBy(newest)
      .orderBy(tieBreak)
      .limit(walkBudget);
    return trx
      .selectFrom(examined.as('w'))
      .select(['docId', 'titleNorm', 'sortDate'])
      .where(sql<SqlBool>`hit`)
      .orderBy(newest)
      .orderBy(tieBreak)
      .offset(offset)
      .limit(limit)
      .execute();
  });
}

/** How many documents match, counting at most `cap`. */
export async function countMatches(db: Db, spec: MatchSpec, cap: number): Promise<number> {
  const capped = db
    .selectFrom('searchDocuments')
    .select(sql`1`.as('one'))
    .where((eb) => matching(eb, spec))
    .limit(cap)
    .as('capped');
  const row = await db
    .selectFrom(capped)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The sizes of the three name classes (exact, prefix, contains) in one capped statement:
 * `spec` must match the documents whose title contains the query; `total` is at most `cap`.
 */
export async function countNameClasses(
  db: Db,
  spec: MatchSpec,
  cap: number,
  nameQuery: string,
  prefix: string,
): Promise<{ total: number; equals: number; prefix: number; contains: number }> {
  const capped = db
    .selectFrom('searchDocuments')
    .select('titleNorm')
    .where((eb) => matching(eb, spec))
    .limit(cap)
    .as('capped');
  const row = await db
    .selectFrom(capped)
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where title_norm = ${nameQuery})`.as('equals'),
      sql<number>`count(*) filter (where title_norm like ${prefix} and title_norm <> ${nameQuery})`.as('prefix'),
      sql<number>`count(*) filter (where title_norm not like ${prefix})`.as('contains'),
    ])
    .executeTakeFirstOrThrow();
  return { total: row.total, equals: row.equals, prefix: row.prefix, contains: row.contains };
}

export interface DocumentRow {
  docId: string;
  kind: HitKind;
  entityId: number;
  subjectId: number | null;
  title: string;
  body: string;
  display: unknown;
  expiresOn: string | null;
  /** The document's subject (null columns when it has none). */
  subjectUscc: string | null;
  subjectName: string | null;
  subjectKind: SubjectKind | null;
}

/**
 * The documents of a page. Read from the contents table (one B-tree) with each document's row
 * looked up in its own partition (run-time pruning), not with the id list sent to all eight
 * partitions; its subject by primary key, not by hashing every subject.
 */
export function documentsByIds(db: Db, docIds: readonly string[]): Promise<DocumentRow[]> {
  if (docIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('searchDocumentContents as c')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('searchDocuments as d')
          .select(['d.kind', 'd.entityId', 'd.subjectId'])
          .whereRef('d.docId', '=', 'c.docId')
          .as('d'),
      (join) => join.onTrue(),
    )
    .select(['c.docId', 'd.kind', 'd.entityId', 'd.subjectId', 'c.title', 'c.body', 'c.display', 'c.expiresOn'])
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('subjects as s')
          .select(['s.uscc as subjectUscc', 's.name as subjectName', 's.kind as subjectKind'])
          .whereRef('s.id', '=', 'd.subjectId')
          .as('s'),
      (join) => join.onTrue(),
    )
    .select(['s.subjectUscc', 's.subjectName', 's.subjectKind'])
    .where('c.docId', 'in', docIds)
    .execute() as Promise<DocumentRow[]>;
}

/**
 * Planner statistics of the text index: how common each frequent lexeme is. The table is
 * partitioned, so each partition's index has its own sample; they are merged weighted by rows
 * (a lexeme a partition does not track counts there at half that partition's floor).
 */
export async function lexemeStatistics(db: Db): Promise<LexemeStatistics> {
  const stats = await sql<{ elems: string[] | string | null; freqs: number[] | string | null; rows: number }>`
    select s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs,
           greatest(t.reltuples, 0)::float8 as rows
    from pg_partition_tree('search_documents_tsv') p
    join pg_class i on i.oid = p.relid
    join pg_index x on x.indexrelid = i.oid
    join pg_class t on t.oid = x.indrelid
    join pg_stats s on s.schemaname = current_schema() and s.tablename = i.relname and s.attname = 'search_document_tsv'
    where p.isleaf`.execute(db);
  const partitions = stats.rows.map((row) => {
    const elems = (row.elems ?? []) as string[];
    const freqs = ((row.freqs ?? []) as (number | string)[]).map(Number);
    // After the per-element frequencies come the minimum, the maximum and the null fraction.
    return { rows: Math.max(0, Number(row.rows)), elems, freqs, floor: freqs[elems.length] ?? 0 };
  });
  const rows = partitions.reduce((sum, p) => sum + p.rows, 0);
  const frequencies = new Map<string, number>();
  if (rows === 0) return { rows: 0, frequencies, floor: 0, partitions: partitions.length };
  const floor = partitions.reduce((sum, p) => sum + p.floor * p.rows, 0) / rows;
  const counted = new Map<string, { n: number; rows: number }>();
  for (const p of partitions)
    p.elems.forEach((e, i) => {
      const c = counted.get(e) ?? { n: 0, rows: 0 };
      c.n += (p.freqs[i] ?? 0) * p.rows;
      c.rows += p.rows;
      counted.set(e, c);
    });
  for (const [e, c] of counted) frequencies.set(e, (c.n + ((rows - c.rows) * floor) / 2) / rows);
  return { rows, frequencies, floor, partitions: partitions.length };
}

export function subjectsByUscc(db: Db, usccs: readonly string[]) {
  if (usccs.length === 0) return Promise.resolve([]);
  return db.selectFrom('subjects').select(['id', 'uscc', 'name']).where('uscc', 'in', usccs).execute();
}

export function departmentLabels(db: Db) {
  return db.selectFrom('departments').select(['id', 'name']).execute();
}

export function divisionLabels(db: Db) {
  return db.selectFrom('divisions').select(['code', 'name']).execute();
}

// ------------------------------------------------------------------ bulk writes (imports)

const DOCUMENT_FIELDS = [
  'docId',
  'kind',
  'entityId',
  'subjectId',
  'titleNorm',
  'searchText',
  'departmentId',
  'divisionCode',
  'year',
  'categories',
  'severity',
  'listType',
  'domain',
  'sortDate',
  'publicFrom',
  'publicUntil',
] as const satisfies readonly (keyof SearchDocument)[];
const CONTENT_FIELDS = [
  'docId',
  'title',
  'body',
  'display',
  'expiresOn',
] as const satisfies readonly (keyof SearchDocument)[];
/** Set again on conflict: all but the key and what a document id already fixes. */
const KEPT_ON_CONFLICT = new Set(['doc_id', 'kind', 'entity_id']);

/** One upsert statement for any number of documents: they travel as one JSON parameter of json_populate_recordset. */
async function upsertDocumentRows(
  db: Db,
  table: 'search_documents' | 'search_document_contents',
  fields: readonly (keyof SearchDocument)[],
  docs: readonly SearchDocument[],
  touched: string,
) {
  const columns = fields.map(snakeCase);
  const list = columnList(fields);
  const sets = columns.filter((c) => !KEPT_ON_CONFLICT.has(c)).map((c) => `${c} = excluded.${c}`);
  await sql`
    insert into ${sql.raw(table)} (${list})
    select ${list} from json_populate_recordset(null::${sql.raw(table)}, ${jsonRecordset(docs, fields)})
    on conflict (doc_id) do update set ${sql.raw([...sets, ...(touched ? [touched] : [])].join(', '))}`.execute(db);
}

// ------------------------------------------------------------------ grouped pages

/** Matches of one spec that a grouped page ranks, at most `limit` of them. */
export interface GroupedRead {
  spec: MatchSpec;
  limit: number;
  /**
   * Look for the spec's name class among at most this many of its other matches: a sample, like
   * `limit`, whose cost does not grow when the class is rare among many matches (names that
   * contain "乐山市" among hundreds of thousands that begin with it).
   */
  examine?: number;
}

export interface GroupedPage {
  /** Cards among the matches read (a subject with its records, or a hit of its own). */
  groupCount: number;
  /** The page's cards in order: the representative document and the others' counts by kind. */
  groups: {
    docId: string;
    titleNorm: string;
    subjectId: number | null;
    /** The representative document as documentsByIds reads it (null when its contents are missing). */
    document: DocumentRow | null;
    others: { kind: HitKind; n: number }[];
  }[];
}

/**
 * One page of cards. Licences and penalties join the card of their subject; a subject, a list
 * entry and an exposure case each make their own (list entries and cases keep theirs). Cards
 * rank by their best member: name class first, within it a card whose subject itself matched,
 * then the newest member. The member shown is the best one, the subject when it matched.
 * Each read contributes up to its limit of matches (the engine decides how many per class).
 */
export async function groupedPage(
  db: Db,
  reads: readonly GroupedRead[],
  ranking: SummaryRanking,
  offset: number,
  limit: number,
): Promise<GroupedPage> {
  const columns = ['docId', 'kind', 'subjectId', 'entityId', 'titleNorm', 'sortDate'] as const;
  const selects = reads.map(({ spec, limit: most, examine }) => {
    if (examine === undefined || !spec.title)
      return sql`(${db
        .selectFrom('searchDocuments')
        .select(columns)
        .where((eb) => matching(eb, spec))
        .limit(most)})`;
    const title = spec.title;
    const examined = db
      .selectFrom('searchDocuments')
      .select(columns)
      .where((eb) => matching(eb, { ...spec, title: null }))
      .limit(examine);
    return sql`(${db
      .selectFrom(examined.as('examined'))
      .select(columns)
      // The examined rows are the table's own columns: the same name test applies.
      .where((eb) => titleMatches(eb as unknown as SD, title))
      .limit(most)})`;
  });
  const cards = cardsOver(ranking, offset, limit);
  const rows = await sql<CardRow>`
    with c as materialized (${sql.join(selects, sql` union `)}), ${cards.ctes}
    ${cards.select}`.execute(db);
  return cardsFrom(rows.rows);
}

/** A row of a page of cards: a card's lead document, the count of one kind of its other members, or the number of cards. */
interface CardRow {
  part: 'group' | 'other' | 'count';
  rn: number;
  docId: string | null;
  titleNorm: string | null;
  subjectId: number | null;
  kind: HitKind | null;
  n: number;
  /** A lead document as documentsByIds reads it (null when its contents are missing). */
  doc: DocumentRow | null;
}

/**
 * The CTEs (after `c`, the matches to rank) and the select of a page of cards, as CardRows:
 * the same SQL whether the matches were read for the page alone (groupedPage) or are counted
 * in the same statement (summarize).
 */
function cardsOver(ranking: SummaryRanking, offset: number, limit: number, below?: number) {
  const classOf = sql`case when title_norm = ${ranking.nameQuery} then 0 when title_norm like ${ranking.exactPattern.prefix} then 1
                   when title_norm like ${ranking.exactPattern.contains} then 2 else 3 end`;
  const memberOrder = sql`k, sort_date desc nulls last, doc_id collate "C" desc`;
  const groupOrder = sql`k, newest desc nulls last, g collate "C" desc`;
  return {
    // Each match's rank class and group (x); the groups, ranked by a bounded top-N sort; and the
    // members of the page's groups alone numbered within their group (m): numbering every match
    // sorted all of them (1M database, "烟花", 9,865 matches, grouped search: 55-70 -> 36-51 ms).
    ctes: sql`x as materialized (
      select doc_id, kind, subject_id, entity_id, title_norm, sort_date,
             (${classOf}) * 2 + (kind <> 'subject')::int as k,
             case when subject_id is not null and kind in ('subject', 'licensing', 'penalty')
                  then 's' || subject_id else doc_id end as g
      from c ${below === undefined ? sql`` : sql`where (select count(*) from c) < ${below}`}),
    groups as materialized (select g, min(k) as k, max(sort_date) as newest from x group by g),
    card_page as (select g, rn from (
               select g, row_number() over (order by ${groupOrder}) as rn
               from (select g, k, newest from groups order by ${groupOrder} limit ${offset + limit}) top) o
             where rn > ${offset}),
    m as materialized (
      select x.*, p.rn, row_number() over (partition by x.g order by ${memberOrder}) as pos
      from x join card_page p on p.g = x.g),
    leads as materialized (select * from m where pos = 1)`,
    // The lead documents come with their contents and subject (see documentsByIds), by primary key,
    // for the page's leads alone: joined to every match's lead instead, the planner (which cannot
    // tell how few cards a page holds) looked up thousands of contents (1M database, "有机物",
    // 7,441 groups: 48 of the statement's 125 ms).
    select: sql`select 'group' as part, l.rn, l.doc_id, l.title_norm, l.subject_id, null as kind, 0 as n,
             case when dc.doc_id is not null then json_build_object(
               'docId', l.doc_id, 'kind', l.kind, 'entityId', l.entity_id, 'subjectId', l.subject_id,
               'title', dc.title, 'body', dc.body, 'display', dc.display, 'expiresOn', dc.expires_on,
               'subjectUscc', s.uscc, 'subjectName', s.name, 'subjectKind', s.kind) end as doc
      from leads l
      left join lateral (select * from search_document_contents where doc_id = l.doc_id) dc on true
      left join lateral (select uscc, name, kind from subjects where id = l.subject_id) s on true
    union all
    select 'other', m.rn, null, null, null, m.kind, count(*), null from m where m.pos > 1 group by m.rn, m.kind
    union all
    select 'count', 0, null, null, null, null, count(*), null from groups`,
  };
}

function cardsFrom(rows: readonly CardRow[]): GroupedPage {
  const byRank = new Map<number, GroupedPage['groups'][number]>();
  let groupCount = 0;
  for (const row of rows) {
    const rn = Number(row.rn);
    if (row.part === 'count') groupCount = Number(row.n);
    else if (row.part === 'group')
      byRank.set(rn, {
        docId: row.docId!,
        titleNorm: row.titleNorm!,
        subjectId: row.subjectId,
        document: row.doc,
        others: byRank.get(rn)?.others ?? [],
      });
    else {
      const group = byRank.get(rn) ?? { docId: '', titleNorm: '', subjectId: null, document: null, others: [] };
      group.others.push({ kind: row.kind!, n: Number(row.n) });
      byRank.set(rn, group);
    }
  }
  const groups = [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
  for (const g of groups) g.others.sort((a, b) => b.n - a.n || a.kind.localeCompare(b.kind));
  return { groupCount, groups };
}

// ------------------------------------------------------------------ forgiving names

/**
 * Subjects (never natural persons) whose name key contains `key` (see nameKey): the name as
 * typed without its brackets or with another company form. Equal keys first, then shorter.
 * `key` should have 3 or more characters, so that the trigram index answers.
 */
export function subjectsByNameKey(db: Db, key: string, limit: number) {
  return db
    .selectFrom('subjects')
    .select(['id', 'name'])
    .where('kind', '<>', 'natural_person')
    .where('nameKey', 'like', `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    .orderBy(sql`name_key = ${key}`, 'desc')
    .orderBy(sql`length(name_key)`)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** Subjects whose name key is `key` (another company form or bracket of the same name). */
export function subjectsWithNameKey(db: Db, key: string, limit: number) {
  return db
    .selectFrom('subjects')
    .select(['id', 'name'])
    .where('kind', '<>', 'natural_person')
    .where('nameKey', '=', key)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/**
 * Names read whole for typo suggestions before the nearest-first index is asked instead: each
 * costs about 6 µs to check, the nearest-first walk 12–20 ms (1M database).
 */
export const NEAR_PROBE = 1000;

/**
 * Candidates for typo suggestions: subjects whose name key shares at least `threshold` of
 * `key`'s trigrams with some part of it (pg_trgm word similarity), most similar first. Up to
 * `probe` candidates are read whole through the GIN trigram index (a few ms); past that many (a
 * short key with a common beginning: "乐山锦邦" and the 42,000 names that begin with 乐山 on the
 * 1M database, 150 ms) the GiST index walks the names nearest first and stops at `limit`.
 */
export function subjectsNearNameKey(db: Db, key: string, limit: number, threshold: number, probe = NEAR_PROBE) {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`.execute(trx);
    const near = trx
      .selectFrom('subjects')
      .select(['id', 'name', sql<number>`word_similarity(${key}, name_key)`.as('similarity')])
      .where('kind', '<>', 'natural_person');
    const few = await near
      .where(sql<SqlBool>`${key} <% name_key`)
      .limit(probe + 1)
      .execute();
    // The same names nearest first (distance = 1 - similarity) by lower(name_key), which only
    // the GiST index holds (pg_trgm lower-cases trigrams anyway).
    const rows =
      few.length <= probe
        ? few
        : await near
            .where(sql<SqlBool>`${key} <% lower(name_key)`)
            .orderBy(sql`lower(name_key) <->> ${key}`)
            .limit(limit)
            .execute();
    return rows
      .sort((a, b) => b.similarity - a.similarity || a.id - b.id)
      .slice(0, limit)
      .map(({ id, name }) => ({ id, name }));
  });
}

// ------------------------------------------------------------------ as-you-type suggestions

/**
 * Up to `limit` public subject names for a partial name `nameQuery` (normalised): names that
 * start with it first (one range of the title B-tree), then names that contain it (the title
 * lexemes in the text index, made exact by a substring test), each in name order.
 */
export async function suggestSubjects(
  db: Db,
  nameQuery: string,
  today: string,
  limit: number,
  titleLexemes: readonly string[],
  subjectToken: string,
): Promise<{ entityId: number; title: string }[]> {
  const base = (eb: SD) => eb.and([eb('kind', '=', 'subject'), documentIsPublic(eb, today)]);
  // The prefix walks the title B-tree (text_pattern_ops, so in its ~<~ order) and stops at `n`;
  // the contains read stops at `n` too, in no order, since a sort would read every match.
  const read = (where: (eb: SD) => Expression<SqlBool>, n: number, inTitleOrder: boolean) =>
    db
      .selectFrom('searchDocuments as d')
      .innerJoin('searchDocumentContents as c', 'c.docId', 'd.docId')
      .select(['d.entityId', 'c.title', 'd.titleNorm'])
      .where((eb) => eb.and([base(eb as unknown as SD), where(eb as unknown as SD)]))
      .$if(inTitleOrder, (q) => q.orderBy(sql`d.title_norm using ~<~`))
      .limit(n)
      .execute();
  const prefix = await read((eb) => eb('titleNorm', 'like', `${likeEscapeText(nameQuery)}%`), limit, true);
  if (prefix.length >= limit) return prefix;
  const contains = await read(
    (eb) =>
      eb.and([
        sql<SqlBool>`${DOCUMENT_TSV} @@ ${[...titleLexemes, subjectToken].map(quoteLexemeText).join(' & ')}::tsquery`,
        eb('titleNorm', 'like', `%${likeEscapeText(nameQuery)}%`),
        eb('titleNorm', 'not like', `${likeEscapeText(nameQuery)}%`),
      ]),
    limit - prefix.length,
    false,
  );
  return [...prefix, ...contains.sort((a, b) => (a.titleNorm < b.titleNorm ? -1 : 1))];
}

const likeEscapeText = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const quoteLexemeText = (l: string) => `'${l.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
