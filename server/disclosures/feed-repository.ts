import type { Db } from '../db/client';
import { changePage, cursorTs, inYear, type ChangeFilters, type ChangePage } from '../db/keyset';
import { penaltyIsPublic, licensingIsPublic } from '../visibility/public';

// The 双公示 records in change order, for systems that keep a copy: the REST API's
// /penalties and /licensing, the open-data files, and the credit check's suspended count.
// Every query filters with the public predicates of server/visibility.

/** The party columns of the national standard, the same on both record tables. */
const PARTY_COLUMNS = [
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

export function penaltiesByChange(db: Db, today: string, filters: ChangeFilters, page: ChangePage) {
  let q = db
    .selectFrom('penaltyRecords')
    .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
    .select(PARTY_COLUMNS.map((c) => `penaltyRecords.${c}` as const))
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
      'penaltyRecords.earliestRepairOn',
      'penaltyRecords.repairableEarly',
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
  if (filters.year) q = q.where(inYear('penalty_records.decision_date', filters.year));
  return changePage(q, 'penalty_records', page).execute();
}

export function licensingByChange(db: Db, today: string, filters: ChangeFilters, page: ChangePage) {
  let q = db
    .selectFrom('licensingRecords')
    .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
    .select(PARTY_COLUMNS.map((c) => `licensingRecords.${c}` as const))
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
  if (filters.year) q = q.where(inYear('licensing_records.decision_date', filters.year));
  return changePage(q, 'licensing_records', page).execute();
}

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
