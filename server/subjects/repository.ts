import type { Db } from '../db/client';
import { licensingIsPublic, listEntryIsInForce, penaltyIsPublic } from '../visibility/public';

// Read models of a subject's credit profile and its issued reports. All SQL of the feature.

/** Most records a profile section lists; the disclosure pages page through the rest. */
export const SECTION_LIMIT = 100;

export async function findSubject(db: Db, id: number) {
  return db
    .selectFrom('subjects')
    .leftJoin('divisions', 'divisions.code', 'subjects.divisionCode')
    .where('subjects.id', '=', id)
    .select([
      'subjects.id',
      'subjects.kind',
      'subjects.name',
      'subjects.uscc',
      'subjects.registrationNumber',
      'subjects.legalRepresentative',
      'subjects.personIdType',
      'subjects.personIdMasked',
      'subjects.industry',
      'subjects.address',
      'subjects.establishedOn',
      'subjects.registeredCapital',
      'subjects.registrationStatus',
      'divisions.fullName as divisionName',
    ])
    .executeTakeFirst();
}

export async function publicLicensing(db: Db, subjectId: number, today: string) {
  return db
    .selectFrom('licensingRecords')
    .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
    .where('licensingRecords.subjectId', '=', subjectId)
    .where((eb) => licensingIsPublic(eb, today))
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
      'licensingRecords.status',
      'departments.name as departmentName',
    ])
    .orderBy('licensingRecords.decisionDate', 'desc')
    .orderBy('licensingRecords.id', 'desc')
    .limit(SECTION_LIMIT)
    .execute();
}

export async function publicPenalties(db: Db, subjectId: number, today: string) {
  return db
    .selectFrom('penaltyRecords')
    .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
    .where('penaltyRecords.subjectId', '=', subjectId)
    .where((eb) => penaltyIsPublic(eb, today))
    .select([
      'penaltyRecords.id',
      'penaltyRecords.documentNumber',
      'penaltyRecords.violationType',
      'penaltyRecords.categories',
      'penaltyRecords.content',
      'penaltyRecords.fineAmount',
      'penaltyRecords.confiscatedAmount',
      'penaltyRecords.decisionDate',
      'penaltyRecords.authorityName',
      'penaltyRecords.severity',
      'penaltyRecords.domain',
      'penaltyRecords.status',
      'penaltyRecords.earliestRepairOn',
      'penaltyRecords.publicUntil',
      'penaltyRecords.repairableEarly',
      'penaltyRecords.suspendedDays',
      'departments.name as departmentName',
    ])
    .orderBy('penaltyRecords.decisionDate', 'desc')
    .orderBy('penaltyRecords.id', 'desc')
    .limit(SECTION_LIMIT)
    .execute();
}

/** List entries in force, with the penalty each rests on (for repair eligibility). */
export async function listEntriesInForce(db: Db, subjectId: number, today: string) {
  return db
    .selectFrom('listEntries')
    .innerJoin('departments', 'departments.id', 'listEntries.departmentId')
    .leftJoin('penaltyRecords', 'penaltyRecords.id', 'listEntries.penaltyRecordId')
    .where('listEntries.subjectId', '=', subjectId)
    .where((eb) => listEntryIsInForce(eb, today))
    .select([
      'listEntries.id',
      'listEntries.listType',
      'listEntries.decisionNumber',
      'listEntries.basis',
      'listEntries.reason',
      'listEntries.domain',
      'listEntries.listedOn',
      'listEntries.validUntil',
      'listEntries.status',
      'departments.name as departmentName',
      'penaltyRecords.id as penaltyId',
      'penaltyRecords.status as penaltyStatus',
      'penaltyRecords.earliestRepairOn as penaltyEarliestRepairOn',
      'penaltyRecords.repairableEarly as penaltyRepairableEarly',
      'penaltyRecords.categories as penaltyCategories',
      'penaltyRecords.domain as penaltyDomain',
    ])
    .orderBy('listEntries.listedOn', 'desc')
    .orderBy('listEntries.id', 'desc')
    .limit(SECTION_LIMIT)
    .execute();
}

/** Repairs that took effect by today: which kind of record, who decided, when — nothing of the record itself. */
export async function repairsOf(db: Db, subjectId: number, today: string) {
  const [penalties, entries] = await Promise.all([
    db
      .selectFrom('penaltyRecords')
      .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
      .where('penaltyRecords.subjectId', '=', subjectId)
      .where('penaltyRecords.status', '=', 'repaired')
      .where('penaltyRecords.repairedOn', '<=', today)
      .select(['penaltyRecords.repairedOn as repairedOn', 'departments.name as departmentName'])
      .execute(),
    db
      .selectFrom('listEntries')
      .innerJoin('departments', 'departments.id', 'listEntries.departmentId')
      .where('listEntries.subjectId', '=', subjectId)
      .where('listEntries.status', '=', 'repaired')
      .where('listEntries.removedOn', '<=', today)
      .select(['listEntries.removedOn as repairedOn', 'departments.name as departmentName'])
      .execute(),
  ]);
  return { penalties, entries };
}

/** Objections and repair applications not yet decided, per record. */
export async function openApplications(db: Db, subjectId: number) {
  return db
    .selectFrom('applications')
    .where('subjectId', '=', subjectId)
    .where('status', 'in', ['submitted', 'accepted'])
    .where('kind', 'in', ['objection', 'repair'])
    .select(['kind', 'penaltyRecordId', 'licensingRecordId', 'listEntryId'])
    .execute();
}

export async function findSameReport(db: Db, subjectId: number, issuedOn: string, contentSha256: string) {
  return db
    .selectFrom('issuedReports')
    .where('subjectId', '=', subjectId)
    .where('issuedOn', '=', issuedOn)
    .where('contentSha256', '=', contentSha256)
    .select(['verificationCode'])
    .executeTakeFirst();
}

/** Stores a report; a concurrent identical one wins silently (same subject, day and content). */
export async function insertReport(
  db: Db,
  report: { verificationCode: string; subjectId: number; issuedOn: string; contentSha256: string; content: string },
) {
  await db
    .insertInto('issuedReports')
    .values(report)
    .onConflict((oc) => oc.columns(['subjectId', 'issuedOn', 'contentSha256']).doNothing())
    .execute();
}

export async function findReport(db: Db, verificationCode: string) {
  return db
    .selectFrom('issuedReports')
    .where('verificationCode', '=', verificationCode)
    .select(['verificationCode', 'subjectId', 'issuedOn', 'contentSha256', 'content', 'reportSeq', 'createdAt'])
    .executeTakeFirst();
}

/** An organisation or individual business by its USCC (never a natural person: their code is not public). */
export function findOrganisationByUscc(db: Db, uscc: string) {
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
