import type { Db } from '../db/client';
import { exposureIsPublic, penaltyIsPublic } from '../visibility/public';
import { changePage, cursorTs, inYear, type ChangeFilters, type ChangePage } from '../db/keyset';

// All SQL of the 曝光台: published cases only, through exposureIsPublic.

function publicCases(db: Db, today: string) {
  return db
    .selectFrom('exposureCases')
    .leftJoin('subjects', 'subjects.id', 'exposureCases.subjectId')
    .leftJoin('departments', 'departments.id', 'exposureCases.departmentId')
    .where((eb) => exposureIsPublic(eb, today));
}

const CASE_COLUMNS = [
  'exposureCases.id',
  'exposureCases.title',
  'exposureCases.domain',
  'exposureCases.subjectId',
  'subjects.kind as subjectKind',
  'exposureCases.subjectName',
  'exposureCases.summary',
  'exposureCases.publishedOn',
  'departments.name as departmentName',
] as const;

/** Cases published in `month` ('YYYY-MM'): from its first day to the next month's first day. */
export interface MonthRange {
  from: string;
  until: string;
}

export async function findPublicCases(
  db: Db,
  today: string,
  domain: string | undefined,
  limit: number,
  offset = 0,
  month?: MonthRange,
) {
  let rows = publicCases(db, today);
  if (domain !== undefined) rows = rows.where('exposureCases.domain', '=', domain);
  if (month)
    rows = rows
      .where('exposureCases.publishedOn', '>=', month.from)
      .where('exposureCases.publishedOn', '<', month.until);
  return rows
    .select(CASE_COLUMNS)
    .orderBy('exposureCases.publishedOn', 'desc')
    .orderBy('exposureCases.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type CaseRow = Awaited<ReturnType<typeof findPublicCases>>[number];

/** Public cases per domain (the tabs of /exposure). */
export async function countByDomain(db: Db, today: string, month?: MonthRange) {
  let query = db.selectFrom('exposureCases').where((eb) => exposureIsPublic(eb, today));
  if (month)
    query = query
      .where('exposureCases.publishedOn', '>=', month.from)
      .where('exposureCases.publishedOn', '<', month.until);
  const rows = await query
    .select(['exposureCases.domain', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('exposureCases.domain')
    .execute();
  return rows.map((r) => ({ domain: r.domain, count: Number(r.n) }));
}

export async function findPublicCase(db: Db, today: string, id: number) {
  return publicCases(db, today)
    .where('exposureCases.id', '=', id)
    .select([...CASE_COLUMNS, 'exposureCases.body', 'exposureCases.penaltyRecordId'])
    .executeTakeFirst();
}

/** The penalty behind a case, if it is public today (only then may it be linked). */
export async function publicPenalty(db: Db, today: string, id: number) {
  return db
    .selectFrom('penaltyRecords')
    .where('penaltyRecords.id', '=', id)
    .where((eb) => penaltyIsPublic(eb, today))
    .select(['penaltyRecords.id', 'penaltyRecords.documentNumber'])
    .executeTakeFirst();
}

/** Published cases in change order, for the REST API. */
export function casesByChange(db: Db, today: string, filters: ChangeFilters & { domain?: string }, page: ChangePage) {
  let q = db
    .selectFrom('exposureCases')
    .leftJoin('subjects', 'subjects.id', 'exposureCases.subjectId')
    .leftJoin('departments', 'departments.id', 'exposureCases.departmentId')
    .select([
      'exposureCases.id',
      'exposureCases.title',
      'exposureCases.domain',
      'exposureCases.subjectName',
      'subjects.kind as subjectKind',
      'subjects.uscc',
      'departments.code as departmentCode',
      'exposureCases.summary',
      'exposureCases.body',
      'exposureCases.publishedOn',
      cursorTs('exposure_cases').as('updatedAt'),
    ])
    .where((eb) => exposureIsPublic(eb, today));
  if (filters.departmentId) q = q.where('exposureCases.departmentId', '=', filters.departmentId);
  if (filters.domain) q = q.where('exposureCases.domain', '=', filters.domain);
  if (filters.year) q = q.where(inYear('exposure_cases.published_on', filters.year));
  return changePage(q, 'exposure_cases', page).execute();
}
