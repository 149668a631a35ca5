import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/client';
import type { Database } from '../db/types';
import { exposureIsPublic, licensingIsPublic, listEntryIsInForce, penaltyIsPublic } from '../visibility/public';

// Queries of the REST API and the open-data files. Every record query filters with the
// public predicates of server/visibility; pages follow (updated_at, id) so that a system
// keeping a copy can page through `changed_since` without missing or repeating a row.

export interface Page {
  /** Keyset position: rows strictly after (updatedAt, id). */
  after: { ts: string; id: number } | null;
  changedSince: string | null;
  limit: number;
}

export interface Filters {
  departmentId?: number;
  year?: number;
  uscc?: string;
}

/** updated_at in full microsecond precision, so the cursor compares exactly. */
const cursorTs = (table: string) =>
  sql<string>`to_char(${sql.ref(`${table}.updated_at`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function paged<T extends keyof Database, O>(
  q: SelectQueryBuilder<Database, T, O>,
  table: string,
  page: Page,
): SelectQueryBuilder<Database, T, O> {
  let out = q;
  const col = sql.ref(`${table}.updated_at`);
  const id = sql.ref(`${table}.id`);
  if (page.changedSince) out = out.where(sql<boolean>`${col} >= ${page.changedSince}::timestamptz`);
  if (page.after) out = out.where(sql<boolean>`(${col}, ${id}) > (${page.after.ts}::timestamptz, ${page.after.id})`);
  return out
    .orderBy(sql`${col}`)
    .orderBy(sql`${id}`)
    .limit(page.limit + 1);
}

const PARTY = [
  'subjectName',
  'subjectCategory',
  'uscc',
  'registrationNumber',
  'orgCode',
  'taxNumber',
  'institutionCert',
  'socialOrgCert',
  'legalRepresentative',
  'legalRepIdType',
  'legalRepIdMasked',
  'partyIdType',
  'partyIdMasked',
] as const;

export function publicPenalties(db: Db, today: string, filters: Filters, page: Page) {
  let q = db
    .selectFrom('penaltyRecords')
    .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
    .select(PARTY.map((c) => `penaltyRecords.${c}` as const))
    .select([
      'penaltyRecords.id',
      'penaltyRecords.documentNumber',
      'penaltyRecords.violationType',
      'penaltyRecords.violationFacts',
      'penaltyRecords.legalBasis',
      'penaltyRecords.categories',
      'penaltyRecords.content',
      'penaltyRecords.fineAmount',
      'penaltyRecords.confiscatedAmount',
      'penaltyRecords.licenceAffected',
      'penaltyRecords.decisionDate',
      'penaltyRecords.penaltyValidUntil',
      'penaltyRecords.publicUntil',
      'penaltyRecords.authorityName',
      'penaltyRecords.authorityCode',
      'penaltyRecords.sourceUnitName',
      'penaltyRecords.sourceUnitCode',
      'penaltyRecords.remarks',
      'penaltyRecords.status',
      'penaltyRecords.severity',
      'penaltyRecords.subjectId',
      'departments.code as departmentCode',
      cursorTs('penalty_records').as('updatedAt'),
    ])
    .where((eb) => penaltyIsPublic(eb, today));
  if (filters.departmentId) q = q.where('penaltyRecords.departmentId', '=', filters.departmentId);
  if (filters.uscc) q = q.where('penaltyRecords.uscc', '=', filters.uscc);
  if (filters.year) {
    q = q
      .where('penaltyRecords.decisionDate', '>=', `${filters.year}-01-01`)
      .where('penaltyRecords.decisionDate', '<=', `${filters.year}-12-31`);
  }
  return paged(q, 'penalty_records', page).execute();
}

export function publicLicensing(db: Db, today: string, filters: Filters, page: Page) {
  let q = db
    .selectFrom('licensingRecords')
    .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
    .select(PARTY.map((c) => `licensingRecords.${c}` as const))
    .select([
      'licensingRecords.id',
      'licensingRecords.decisionDocumentName',
      'licensingRecords.documentNumber',
      'licensingRecords.licenceCategory',
      'licensingRecords.certificateName',
      'licensingRecords.licenceNumber',
      'licensingRecords.content',
      'licensingRecords.decisionDate',
      'licensingRecords.validFrom',
      'licensingRecords.validUntil',
      'licensingRecords.authorityName',
      'licensingRecords.authorityCode',
      'licensingRecords.currentState',
      'licensingRecords.sourceUnitName',
      'licensingRecords.sourceUnitCode',
      'licensingRecords.remarks',
      'licensingRecords.status',
      'licensingRecords.subjectId',
      'departments.code as departmentCode',
      cursorTs('licensing_records').as('updatedAt'),
    ])
    .where((eb) => licensingIsPublic(eb, today));
  if (filters.departmentId) q = q.where('licensingRecords.departmentId', '=', filters.departmentId);
  if (filters.uscc) q = q.where('licensingRecords.uscc', '=', filters.uscc);
  if (filters.year) {
    q = q
      .where('licensingRecords.decisionDate', '>=', `${filters.year}-01-01`)
      .where('licensingRecords.decisionDate', '<=', `${filters.year}-12-31`);
  }
  return paged(q, 'licensing_records', page).execute();
}

export function publicListEntries(
  db: Db,
  today: string,
  filters: Filters & { listType?: 'honor' | 'dishonesty'; subjectId?: number },
  page: Page,
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
  if (filters.year) {
    q = q
      .where('listEntries.listedOn', '>=', `${filters.year}-01-01`)
      .where('listEntries.listedOn', '<=', `${filters.year}-12-31`);
  }
  return paged(q, 'list_entries', page).execute();
}

export async function measuresOf(db: Db, listEntryIds: number[]) {
  if (listEntryIds.length === 0) return [];
  return db
    .selectFrom('listEntryMeasures')
    .innerJoin('catalogItems', 'catalogItems.id', 'listEntryMeasures.catalogItemId')
    .select([
      'listEntryMeasures.listEntryId',
      'catalogItems.id',
      'catalogItems.code',
      'catalogItems.kind',
      'catalogItems.measure',
      'catalogItems.content',
      'catalogItems.implementingUnits',
      'catalogItems.legalBasis',
    ])
    .where('listEntryMeasures.listEntryId', 'in', listEntryIds)
    .where('catalogItems.active', '=', true)
    .orderBy('catalogItems.sortOrder')
    .orderBy('catalogItems.id')
    .execute();
}

export function publicExposureCases(db: Db, today: string, filters: Filters & { domain?: string }, page: Page) {
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
  if (filters.year) {
    q = q
      .where('exposureCases.publishedOn', '>=', `${filters.year}-01-01`)
      .where('exposureCases.publishedOn', '<=', `${filters.year}-12-31`);
  }
  return paged(q, 'exposure_cases', page).execute();
}

export function catalogItems(db: Db, filters: { kind?: 'incentive' | 'punishment'; domain?: string }, page: Page) {
  let q = db
    .selectFrom('catalogItems')
    .select([
      'id',
      'code',
      'kind',
      'decidingUnit',
      'measure',
      'reason',
      'legalBasis',
      'implementingUnits',
      'content',
      'evidence',
      'domain',
      cursorTs('catalog_items').as('updatedAt'),
    ])
    .where('active', '=', true);
  if (filters.kind) q = q.where('kind', '=', filters.kind);
  if (filters.domain) q = q.where('domain', '=', filters.domain);
  return paged(q, 'catalog_items', page).execute();
}

export function departmentByCode(db: Db, code: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export function subjectByUscc(db: Db, uscc: string) {
  return db
    .selectFrom('subjects')
    .leftJoin('divisions', 'divisions.code', 'subjects.divisionCode')
    .select([
      'subjects.id',
      'subjects.kind',
      'subjects.name',
      'subjects.uscc',
      'subjects.registrationNumber',
      'subjects.legalRepresentative',
      'subjects.divisionCode',
      'divisions.name as divisionName',
      'subjects.industry',
      'subjects.address',
      'subjects.establishedOn',
      'subjects.registrationStatus',
    ])
    .where('subjects.uscc', '=', uscc)
    .where('subjects.kind', '<>', 'natural_person')
    .executeTakeFirst();
}

/** Public penalties of a subject that are under objection (suspended). */
export async function suspendedPenaltyCount(db: Db, subjectId: number, today: string): Promise<number> {
  const row = await db
    .selectFrom('penaltyRecords')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('subjectId', '=', subjectId)
    .where('status', '=', 'suspended')
    .where((eb) => penaltyIsPublic(eb, today))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Records that left public view since a moment: changed since then and not public today (the
 * negation of the public predicates), or recorded by the lifecycle job since then (publication
 * ended, list entry expired). Ids only — what a system keeping a copy must delete.
 */
export async function removedSince(db: Db, today: string, since: string, limit: number) {
  const after = sql<boolean>`updated_at >= ${since}::timestamptz`;
  const [penalties, licences, entries, ended] = await Promise.all([
    db
      .selectFrom('penaltyRecords')
      .select(['id', cursorTs('penalty_records').as('at')])
      .where(after)
      .where((eb) => eb.not(penaltyIsPublic(eb, today)))
      .limit(limit)
      .execute(),
    db
      .selectFrom('licensingRecords')
      .select(['id', cursorTs('licensing_records').as('at')])
      .where(after)
      .where((eb) => eb.not(licensingIsPublic(eb, today)))
      .limit(limit)
      .execute(),
    db
      .selectFrom('listEntries')
      .select(['id', cursorTs('list_entries').as('at')])
      .where(after)
      .where((eb) => eb.not(listEntryIsInForce(eb, today)))
      .limit(limit)
      .execute(),
    db
      .selectFrom('lifecycleTransitions')
      .select([
        'entityType',
        'entityId',
        sql<string>`to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at'),
      ])
      .where(sql<boolean>`recorded_at >= ${since}::timestamptz`)
      .where('transition', 'in', ['publication_ended', 'list_entry_expired'])
      .limit(limit)
      .execute(),
  ]);
  const all = [
    ...penalties.map((r) => ({ kind: 'penalty' as const, id: r.id, at: r.at })),
    ...licences.map((r) => ({ kind: 'licensing' as const, id: r.id, at: r.at })),
    ...entries.map((r) => ({ kind: 'list_entry' as const, id: r.id, at: r.at })),
    ...ended.map((r) => ({
      kind: r.entityType === 'penalty_record' ? ('penalty' as const) : ('list_entry' as const),
      id: r.entityId,
      at: r.at,
    })),
  ];
  const seen = new Set<string>();
  return all
    .sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind) || a.id - b.id)
    .filter((r) => !seen.has(`${r.kind}:${r.id}`) && seen.add(`${r.kind}:${r.id}`))
    .slice(0, limit);
}
