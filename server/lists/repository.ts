import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/client';
import { containsPattern } from '../db/like';
import type { Database } from '../db/types';
import type { ListType } from '../rules/codes';
import { normalizeName } from '../rules/normalize';
import { listEntryIsInForce, penaltyIsPublic } from '../visibility/public';
import { changePage, cursorTs, inYear, type ChangeFilters, type ChangePage } from '../db/keyset';

// All SQL of the public lists (守信红名单, 失信惩戒名单). Only entries in force today, always
// through listEntryIsInForce.

export interface ListFilters {
  departmentId?: number;
  divisionCode?: string;
  domain?: string;
  keyword?: string;
  /** Catalog code of a measure the entry applies. */
  measure?: string;
}

type EntryScope = ExpressionBuilder<Database, 'listEntries' | 'subjects'>;

function entryConditions(eb: EntryScope, today: string, listType: ListType, f: ListFilters) {
  const conditions = [eb('listEntries.listType', '=', listType), listEntryIsInForce(eb, today)];
  if (f.departmentId !== undefined) conditions.push(eb('listEntries.departmentId', '=', f.departmentId));
  if (f.divisionCode !== undefined) conditions.push(eb('subjects.divisionCode', '=', f.divisionCode));
  if (f.domain !== undefined) conditions.push(eb('listEntries.domain', '=', f.domain));
  if (f.measure !== undefined) {
    const code = f.measure;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('listEntryMeasures')
          .innerJoin('catalogItems', 'catalogItems.id', 'listEntryMeasures.catalogItemId')
          .whereRef('listEntryMeasures.listEntryId', '=', 'listEntries.id')
          .where('catalogItems.code', '=', code)
          .select('listEntryMeasures.listEntryId'),
      ),
    );
  }
  if (f.keyword !== undefined) {
    const pattern = containsPattern(normalizeName(f.keyword));
    conditions.push(
      eb.or([
        // A person's full name is no public search key: it would tie the masked entry to a name.
        eb.and([eb('subjects.kind', '<>', 'natural_person'), eb('subjects.nameNorm', 'like', pattern)]),
        eb('listEntries.decisionNumber', 'like', containsPattern(f.keyword.trim())),
      ]),
    );
  }
  return eb.and(conditions);
}

function entriesBase(db: Db) {
  return db
    .selectFrom('listEntries')
    .innerJoin('subjects', 'subjects.id', 'listEntries.subjectId')
    .innerJoin('departments', 'departments.id', 'listEntries.departmentId');
}

const ENTRY_COLUMNS = [
  'listEntries.id',
  'listEntries.listType',
  'listEntries.subjectId',
  'subjects.kind as subjectKind',
  'subjects.name as subjectName',
  'subjects.uscc as subjectUscc',
  'subjects.divisionCode as subjectDivisionCode',
  'listEntries.departmentId',
  'departments.name as departmentName',
  'listEntries.decisionNumber',
  'listEntries.basis',
  'listEntries.reason',
  'listEntries.domain',
  'listEntries.listedOn',
  'listEntries.validUntil',
  'listEntries.status',
  'listEntries.suspendedSince',
  'listEntries.penaltyRecordId',
] as const;

export async function findEntriesInForce(
  db: Db,
  today: string,
  listType: ListType,
  filters: ListFilters,
  page: { limit: number; offset: number },
) {
  const [rows, count] = await Promise.all([
    entriesBase(db)
      .where((eb) => entryConditions(eb, today, listType, filters))
      .select(ENTRY_COLUMNS)
      .orderBy('listEntries.listedOn', 'desc')
      .orderBy('listEntries.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('listEntries')
      .innerJoin('subjects', 'subjects.id', 'listEntries.subjectId')
      .where((eb) => entryConditions(eb, today, listType, filters))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findEntryInForce(db: Db, today: string, listType: ListType, id: number) {
  return entriesBase(db)
    .where((eb) => entryConditions(eb, today, listType, {}))
    .where('listEntries.id', '=', id)
    .select(ENTRY_COLUMNS)
    .executeTakeFirst();
}

export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntryInForce>>>;

/** Which of these penalties are public today (only those may be linked). */
export async function publicPenaltyIds(db: Db, today: string, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('penaltyRecords')
    .where('penaltyRecords.id', 'in', ids)
    .where((eb) => penaltyIsPublic(eb, today))
    .select('penaltyRecords.id')
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** The departments and domains that have entries in force on this list, for the filter form. */
export async function filterOptions(db: Db, today: string, listType: ListType) {
  const [departments, domains, divisions] = await Promise.all([
    entriesBase(db)
      .where((eb) => entryConditions(eb, today, listType, {}))
      .select(['departments.id', 'departments.name', 'departments.sortOrder'])
      .distinct()
      .orderBy('departments.sortOrder')
      .orderBy('departments.id')
      .execute(),
    db
      .selectFrom('listEntries')
      .innerJoin('subjects', 'subjects.id', 'listEntries.subjectId')
      .where((eb) => entryConditions(eb, today, listType, {}))
      .where('listEntries.domain', 'is not', null)
      .select('listEntries.domain')
      .distinct()
      .orderBy('listEntries.domain')
      .execute(),
    db
      .selectFrom('divisions')
      .where('parentCode', 'is not', null)
      .select(['code', 'name'])
      .orderBy('sortOrder')
      .orderBy('code')
      .execute(),
  ]);
  return {
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    domains: domains.flatMap((d) => (d.domain === null ? [] : [d.domain])),
    divisions,
  };
}

/** An active catalog item by its code, for naming the measure a list is filtered by. */
export async function catalogItemByCode(db: Db, code: string) {
  return db
    .selectFrom('catalogItems')
    .where('code', '=', code)
    .where('active', '=', true)
    .select(['code', 'measure', 'kind'])
    .executeTakeFirst();
}

/** Entries in force in change order, for the REST API and the open-data files. */
export function entriesInForceByChange(
  db: Db,
  today: string,
  filters: ChangeFilters & { listType?: 'honor' | 'dishonesty'; subjectId?: number },
  page: ChangePage,
) {
  let q = db
    .selectFrom('listEntries')
    .innerJoin('subjects', 'subjects.id', 'listEntries.subjectId')
    .innerJoin('departments', 'departments.id', 'listEntries.departmentId')
    .select([
      'listEntries.id',
      'listEntries.listType',
      'listEntries.subjectId',
      'subjects.kind as subjectKind',
      'subjects.name as subjectName',
      'subjects.uscc',
      'departments.code as departmentCode',
      'departments.name as departmentName',
      'listEntries.decisionNumber',
      'listEntries.basis',
      'listEntries.reason',
      'listEntries.domain',
      'listEntries.listedOn',
      'listEntries.validUntil',
      'listEntries.status',
      'listEntries.penaltyRecordId',
      cursorTs('list_entries').as('updatedAt'),
    ])
    .where((eb) => listEntryIsInForce(eb, today));
  if (filters.listType) q = q.where('listEntries.listType', '=', filters.listType);
  if (filters.departmentId) q = q.where('listEntries.departmentId', '=', filters.departmentId);
  if (filters.subjectId) q = q.where('listEntries.subjectId', '=', filters.subjectId);
  if (filters.uscc) q = q.where('subjects.uscc', '=', filters.uscc);
  if (filters.year) q = q.where(inYear('list_entries.listed_on', filters.year));
  return changePage(q, 'list_entries', page).execute();
}
