import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/client';
import type { Database } from '../db/types';
import { CITY_DIVISION_CODE } from '../reference/divisions';
import { licensingIsPublic, penaltyIsPublic } from '../visibility/public';

// All SQL of the 双公示 pages. Every query filters with the public predicates of
// server/visibility/public.ts; ordering is decision date desc, id desc everywhere (the
// indexes of 0001 and 0210 serve it), so pages, counts and downloads agree.

export interface ResolvedFilters {
  /** One record (detail pages). */
  recordId?: number;
  departmentId?: number;
  divisionCode?: string;
  category?: string;
  from?: string;
  to?: string;
  /** Keyword as a LIKE pattern over normalised names and document numbers, and as a code. */
  keyword?: { pattern: string; code: string };
}

/** Where to continue a download: the last row already sent, in list order. */
export interface Cursor {
  decisionDate: string;
  id: number;
}

type RecordTable = 'penaltyRecords' | 'licensingRecords';
const snake = (table: RecordTable) => (table === 'penaltyRecords' ? 'penalty_records' : 'licensing_records');

/**
 * The filters both kinds share; `table` names the record table. Subject filters are
 * semi-joins (subject_id in …), so that counting needs no join and each side can use its index.
 */
function sharedConditions<T extends RecordTable>(
  db: Db,
  eb: ExpressionBuilder<Database, T>,
  table: T,
  f: ResolvedFilters,
  after?: Cursor,
) {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const conditions: Expression<SqlBool>[] = [];
  if (f.recordId !== undefined) conditions.push(eb(col('id'), '=', f.recordId));
  if (f.departmentId !== undefined) conditions.push(eb(col('departmentId'), '=', f.departmentId));
  if (f.divisionCode !== undefined) {
    const inDivision = db
      .selectFrom('subjects')
      .select('subjects.id')
      .where('subjects.divisionCode', '=', f.divisionCode);
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
    conditions.push(eb(eb.refTuple(col('decisionDate'), col('id')), '<', eb.tuple(after.decisionDate, after.id)));
  }
  return conditions;
}

function penaltiesMatching(db: Db, today: string, f: ResolvedFilters, after?: Cursor) {
  return db
    .selectFrom('penaltyRecords')
    .where((eb) =>
      eb.and([
        penaltyIsPublic(eb, today),
        ...sharedConditions(db, eb, 'penaltyRecords', f, after),
        ...(f.category === undefined
          ? []
          : [eb('penaltyRecords.categories', '@>', sql<string[]>`array[${f.category}]::text[]`)]),
      ]),
    );
}

function licensingMatching(db: Db, today: string, f: ResolvedFilters, after?: Cursor) {
  return db
    .selectFrom('licensingRecords')
    .where((eb) =>
      eb.and([
        licensingIsPublic(eb, today),
        ...sharedConditions(db, eb, 'licensingRecords', f, after),
        ...(f.category === undefined ? [] : [eb('licensingRecords.licenceCategory', '=', f.category as '普通')]),
      ]),
    );
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

export function listPenalties(db: Db, today: string, f: ResolvedFilters, limit: number, offset: number) {
  return penaltiesMatching(db, today, f)
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
      'penaltyRecords.status',
      'departments.name as departmentName',
    ])
    .orderBy('penaltyRecords.decisionDate', 'desc')
    .orderBy('penaltyRecords.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function listLicensing(db: Db, today: string, f: ResolvedFilters, limit: number, offset: number) {
  return licensingMatching(db, today, f)
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
    ])
    .orderBy('licensingRecords.decisionDate', 'desc')
    .orderBy('licensingRecords.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Full public rows (every standard field), for detail pages and downloads, in list order after `after`. */
export function penaltyRows(db: Db, today: string, f: ResolvedFilters, limit: number, after?: Cursor) {
  return penaltiesMatching(db, today, f, after)
    .innerJoin('subjects', 'subjects.id', 'penaltyRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
    .selectAll('penaltyRecords')
    .select(['subjects.kind as subjectKind', 'departments.name as departmentName'])
    .orderBy('penaltyRecords.decisionDate', 'desc')
    .orderBy('penaltyRecords.id', 'desc')
    .limit(limit)
    .execute();
}

export function licensingRows(db: Db, today: string, f: ResolvedFilters, limit: number, after?: Cursor) {
  return licensingMatching(db, today, f, after)
    .innerJoin('subjects', 'subjects.id', 'licensingRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
    .selectAll('licensingRecords')
    .select(['subjects.kind as subjectKind', 'departments.name as departmentName'])
    .orderBy('licensingRecords.decisionDate', 'desc')
    .orderBy('licensingRecords.id', 'desc')
    .limit(limit)
    .execute();
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
