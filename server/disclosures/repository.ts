import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/client';
import type { Database } from '../db/types';
import { CITY_DIVISION_CODE } from '../reference/divisions';
import { licensingIsPublic, penaltyIsPublic } from '../visibility/public';

// All SQL of the 双公示 pages. Every query filters with the public predicates of
// server/visibility/public.ts; lists and downloads share one order (decision date or fine
// amount, then id in the same direction; indexes of 0001, 0210 and 0310), so pages, counts
// and downloads agree.

export interface ResolvedFilters {
  /** One record (detail pages). */
  recordId?: number;
  /** Facets: OR inside each list, AND across them. */
  departmentIds?: number[];
  divisionCodes?: string[];
  categories?: string[];
  from?: string;
  to?: string;
  /** Keyword as a LIKE pattern over normalised names and document numbers, and as a code. */
  keyword?: { pattern: string; code: string };
}

export type SortColumn = 'decisionDate' | 'fineAmount';

/** A list order: one column, then id, both in `direction`. */
export interface Order {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

export const DEFAULT_ORDER: Order = { column: 'decisionDate', direction: 'desc' };

/** Where to continue a download: the last row already sent, its sort value and id. */
export interface Cursor {
  key: string;
  id: number;
}

type RecordTable = 'penaltyRecords' | 'licensingRecords';
const snake = (table: RecordTable) => (table === 'penaltyRecords' ? 'penalty_records' : 'licensing_records');

/** The value a list is sorted by: a penalty without a fine sorts as a fine of 0. */
function sortKey(table: RecordTable, column: SortColumn) {
  return column === 'fineAmount'
    ? sql<string>`coalesce(${sql.ref(`${table}.fineAmount`)}, 0)`
    : sql<string>`${sql.ref(`${table}.decisionDate`)}`;
}

/**
 * The filters both kinds share; `table` names the record table. Subject filters are
 * semi-joins (subject_id in …), so that counting needs no join and each side can use its index.
 */
function sharedConditions<T extends RecordTable>(
  db: Db,
  eb: ExpressionBuilder<Database, T>,
  table: T,
  f: ResolvedFilters,
  after?: { cursor: Cursor; order: Order },
) {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const conditions: Expression<SqlBool>[] = [];
  if (f.recordId !== undefined) conditions.push(eb(col('id'), '=', f.recordId));
  if (f.departmentIds?.length) conditions.push(eb(col('departmentId'), 'in', f.departmentIds));
  if (f.divisionCodes?.length) {
    const inDivision = db
      .selectFrom('subjects')
      .select('subjects.id')
      .where('subjects.divisionCode', 'in', f.divisionCodes);
    conditions.push(eb(col('subjectId'), 'in', inDivision));
  }
  if (f.from !== undefined) conditions.push(eb(col('decisionDate'), '>=', f.from));
  if (f.to !== undefined) conditions.push(eb(col('decisionDate'), '<=', f.to));
  if (f.keyword !== undefined) {
    // Each way to match has its own index (trigram on document numbers and names, the
    // subject index); as a union of ids the planner can use them all, where an OR could not.
    // A natural person's name is not a search key for the public (as in /search).
    const k = f.keyword;
    const records = (db as Db).selectFrom(sql.table(snake(table)).as('r')).select(sql.ref('r.id').as('id'));
    const named = db
      .selectFrom('subjects')
      .select('subjects.id')
      .where('subjects.kind', '<>', 'natural_person')
      .where((s) => s.or([s('subjects.nameNorm', 'like', k.pattern), s('subjects.uscc', '=', k.code)]));
    const matching = records
      .where(sql.ref('r.documentNumberNorm'), 'like', k.pattern)
      .union(records.where(sql.ref('r.subjectId'), 'in', named));
    conditions.push(eb(col('id'), 'in', matching));
  }
  if (after !== undefined) {
    const { cursor, order } = after;
    const key = order.column === 'fineAmount' ? sql`cast(${cursor.key} as numeric)` : sql`cast(${cursor.key} as date)`;
    const op = sql.raw(order.direction === 'desc' ? '<' : '>');
    conditions.push(sql<SqlBool>`(${sortKey(table, order.column)}, ${col('id')}) ${op} (${key}, ${cursor.id})`);
  }
  return conditions;
}

function penaltiesMatching(db: Db, today: string, f: ResolvedFilters, after?: { cursor: Cursor; order: Order }) {
  return db.selectFrom('penaltyRecords').where((eb) =>
    eb.and([
      penaltyIsPublic(eb, today),
      ...sharedConditions(db, eb, 'penaltyRecords', f, after),
      // A record with several 处罚类别 matches each of them ("overlaps" is served by GIN).
      ...(f.categories?.length
        ? [eb('penaltyRecords.categories', '&&', sql<string[]>`cast(${sql.val(f.categories)} as text[])`)]
        : []),
    ]),
  );
}

function licensingMatching(db: Db, today: string, f: ResolvedFilters, after?: { cursor: Cursor; order: Order }) {
  return db
    .selectFrom('licensingRecords')
    .where((eb) =>
      eb.and([
        licensingIsPublic(eb, today),
        ...sharedConditions(db, eb, 'licensingRecords', f, after),
        ...(f.categories?.length ? [eb('licensingRecords.licenceCategory', 'in', f.categories as '普通'[])] : []),
      ]),
    );
}

/** `order` then id in the same direction: a total order, so pages never repeat or skip a row. */
function ordered<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  table: RecordTable,
  order: Order,
): SelectQueryBuilder<DB, TB, O> {
  return query.orderBy(sortKey(table, order.column), order.direction).orderBy(sql.ref(`${table}.id`), order.direction);
}

/** How many rows a query matches, counting at most `cap + 1` (so "more than cap" is cheap to know). */
async function countOf<TB extends keyof Database>(
  db: Db,
  matching: SelectQueryBuilder<Database, TB, object>,
  cap: number | null,
): Promise<number> {
  let inner = matching.select(sql`1`.as('one'));
  if (cap !== null) inner = inner.limit(cap + 1);
  const row = await db
    .selectFrom(inner.as('matching'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export function countPenalties(db: Db, today: string, f: ResolvedFilters, cap: number | null): Promise<number> {
  return countOf(db, penaltiesMatching(db, today, f), cap);
}

export function countLicensing(db: Db, today: string, f: ResolvedFilters, cap: number | null): Promise<number> {
  return countOf(db, licensingMatching(db, today, f), cap);
}

export function listPenalties(db: Db, today: string, f: ResolvedFilters, order: Order, limit: number, offset: number) {
  const query = penaltiesMatching(db, today, f)
    .innerJoin('subjects', 'subjects.id', 'penaltyRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
    .select([
      'penaltyRecords.id',
      'penaltyRecords.subjectId',
      'subjects.kind as subjectKind',
      'penaltyRecords.subjectName',
      'penaltyRecords.documentNumber',
      'penaltyRecords.violationType',
      'penaltyRecords.categories',
      'penaltyRecords.decisionDate',
      'penaltyRecords.fineAmount',
      'penaltyRecords.status',
      'departments.name as departmentName',
    ]);
  return ordered(query, 'penaltyRecords', order).limit(limit).offset(offset).execute();
}

export function listLicensing(db: Db, today: string, f: ResolvedFilters, order: Order, limit: number, offset: number) {
  const query = licensingMatching(db, today, f)
    .innerJoin('subjects', 'subjects.id', 'licensingRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
    .select([
      'licensingRecords.id',
      'licensingRecords.subjectId',
      'subjects.kind as subjectKind',
      'licensingRecords.subjectName',
      'licensingRecords.documentNumber',
      'licensingRecords.decisionDocumentName',
      'licensingRecords.certificateName',
      'licensingRecords.licenceCategory',
      'licensingRecords.decisionDate',
      'licensingRecords.validUntil',
      'licensingRecords.status',
      'departments.name as departmentName',
    ]);
  return ordered(query, 'licensingRecords', order).limit(limit).offset(offset).execute();
}

/** Full public rows (every standard field), for detail pages and downloads, in list order after `after`. */
export function penaltyRows(
  db: Db,
  today: string,
  f: ResolvedFilters,
  limit: number,
  order: Order = DEFAULT_ORDER,
  after?: Cursor,
) {
  const query = penaltiesMatching(db, today, f, after && { cursor: after, order })
    .innerJoin('subjects', 'subjects.id', 'penaltyRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
    .selectAll('penaltyRecords')
    .select(['subjects.kind as subjectKind', 'departments.name as departmentName']);
  return ordered(query, 'penaltyRecords', order).limit(limit).execute();
}

export function licensingRows(
  db: Db,
  today: string,
  f: ResolvedFilters,
  limit: number,
  order: Order = DEFAULT_ORDER,
  after?: Cursor,
) {
  const query = licensingMatching(db, today, f, after && { cursor: after, order })
    .innerJoin('subjects', 'subjects.id', 'licensingRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
    .selectAll('licensingRecords')
    .select(['subjects.kind as subjectKind', 'departments.name as departmentName']);
  return ordered(query, 'licensingRecords', order).limit(limit).execute();
}

/** Records per value of each facet, each counted under the other facets' filters only. */
export interface FacetCounts {
  department: { departmentId: number; n: number }[];
  division: { code: string; n: number }[];
  category: { value: string; n: number }[];
}

const without = (f: ResolvedFilters, key: keyof ResolvedFilters): ResolvedFilters => ({ ...f, [key]: undefined });

/**
 * When a record table last changed (its newest updated_at, read from the (updated_at, id) index):
 * part of the facet counts' cache key, so rows written without an announcement (a script, a
 * test) still make the counts miss.
 */
export async function lastChangeOf(db: Db, kind: 'penalty' | 'licensing'): Promise<string> {
  const table = kind === 'penalty' ? 'penalty_records' : 'licensing_records';
  const row = await sql<{ at: string | null }>`select max(updated_at)::text as at from ${sql.raw(table)}`.execute(db);
  return row.rows[0]?.at ?? '';
}

export async function penaltyFacetCounts(db: Db, today: string, f: ResolvedFilters): Promise<FacetCounts> {
  const [department, division, category] = await Promise.all([
    penaltiesMatching(db, today, without(f, 'departmentIds'))
      .select((eb) => ['penaltyRecords.departmentId', eb.fn.countAll<number>().as('n')])
      .groupBy('penaltyRecords.departmentId')
      .execute(),
    penaltiesMatching(db, today, without(f, 'divisionCodes'))
      .innerJoin('subjects', 'subjects.id', 'penaltyRecords.subjectId')
      .select((eb) => ['subjects.divisionCode as code', eb.fn.countAll<number>().as('n')])
      .groupBy('subjects.divisionCode')
      .execute(),
    db
      .selectFrom(
        penaltiesMatching(db, today, without(f, 'categories'))
          .select(sql<string>`unnest(${sql.ref('penaltyRecords.categories')})`.as('value'))
          .as('c'),
      )
      .select((eb) => ['c.value', eb.fn.countAll<number>().as('n')])
      .groupBy('c.value')
      .execute(),
  ]);
  return { department, division: division.filter((d) => d.code !== null) as FacetCounts['division'], category };
}

export async function licensingFacetCounts(db: Db, today: string, f: ResolvedFilters): Promise<FacetCounts> {
  const [department, division, category] = await Promise.all([
    licensingMatching(db, today, without(f, 'departmentIds'))
      .select((eb) => ['licensingRecords.departmentId', eb.fn.countAll<number>().as('n')])
      .groupBy('licensingRecords.departmentId')
      .execute(),
    licensingMatching(db, today, without(f, 'divisionCodes'))
      .innerJoin('subjects', 'subjects.id', 'licensingRecords.subjectId')
      .select((eb) => ['subjects.divisionCode as code', eb.fn.countAll<number>().as('n')])
      .groupBy('subjects.divisionCode')
      .execute(),
    licensingMatching(db, today, without(f, 'categories'))
      .select((eb) => ['licensingRecords.licenceCategory as value', eb.fn.countAll<number>().as('n')])
      .groupBy('licensingRecords.licenceCategory')
      .execute(),
  ]);
  return { department, division: division.filter((d) => d.code !== null) as FacetCounts['division'], category };
}

/** One public record with every standard field, or undefined. */
export async function publicPenaltyById(db: Db, today: string, id: number) {
  return (await penaltyRows(db, today, { recordId: id }, 1))[0];
}

export async function publicLicensingById(db: Db, today: string, id: number) {
  return (await licensingRows(db, today, { recordId: id }, 1))[0];
}

/** Departments with at least one public record of the kind (one index probe each). */
export function publishingDepartments(db: Db, today: string, kind: 'penalty' | 'licensing') {
  return db
    .selectFrom('departments')
    .select(['departments.id', 'departments.code', 'departments.name'])
    .where((eb) =>
      kind === 'penalty'
        ? eb.exists(
            eb
              .selectFrom('penaltyRecords')
              .select(sql`1`.as('one'))
              .whereRef('penaltyRecords.departmentId', '=', 'departments.id')
              .where((inner) => penaltyIsPublic(inner, today)),
          )
        : eb.exists(
            eb
              .selectFrom('licensingRecords')
              .select(sql`1`.as('one'))
              .whereRef('licensingRecords.departmentId', '=', 'departments.id')
              .where((inner) => licensingIsPublic(inner, today)),
          ),
    )
    .orderBy('departments.sortOrder')
    .orderBy('departments.id')
    .execute();
}

/** The county-level divisions of Leshan, for the division filter. */
export function countyDivisions(db: Db) {
  return db
    .selectFrom('divisions')
    .select(['code', 'name'])
    .where('parentCode', '=', CITY_DIVISION_CODE)
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}
