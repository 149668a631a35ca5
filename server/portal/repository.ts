import type { Db } from '../db/client';
import type { ListType } from '../rules/codes';
import { exposureIsPublic, licensingIsPublic, listEntryIsInForce, penaltyIsPublic } from '../visibility/public';

// Read models of the home page. All SQL of the feature lives here.

export async function countPublic(db: Db, today: string) {
  const [subjects, licensing, penalties, lists, exposure] = await Promise.all([
    db
      .selectFrom('subjects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('licensingRecords')
      .where((eb) => licensingIsPublic(eb, today))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('penaltyRecords')
      .where((eb) => penaltyIsPublic(eb, today))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('listEntries')
      .where((eb) => listEntryIsInForce(eb, today))
      .select(['listType', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('listType')
      .execute(),
    db
      .selectFrom('exposureCases')
      .where((eb) => exposureIsPublic(eb, today))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    subjects: subjects.n,
    licensing: licensing.n,
    penalties: penalties.n,
    honor: lists.find((l) => l.listType === 'honor')?.n ?? 0,
    dishonesty: lists.find((l) => l.listType === 'dishonesty')?.n ?? 0,
    exposure: exposure.n,
  };
}

export async function latestLicensing(db: Db, today: string, limit: number) {
  return db
    .selectFrom('licensingRecords')
    .innerJoin('subjects', 'subjects.id', 'licensingRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
    .where((eb) => licensingIsPublic(eb, today))
    .select([
      'licensingRecords.id',
      'licensingRecords.subjectId',
      'subjects.kind as subjectKind',
      'licensingRecords.subjectName',
      'licensingRecords.decisionDocumentName',
      'licensingRecords.documentNumber',
      'licensingRecords.decisionDate',
      'licensingRecords.validUntil',
      'departments.name as departmentName',
    ])
    .orderBy('licensingRecords.decisionDate', 'desc')
    .orderBy('licensingRecords.id', 'desc')
    .limit(limit)
    .execute();
}

export async function latestPenalties(db: Db, today: string, limit: number) {
  return db
    .selectFrom('penaltyRecords')
    .innerJoin('subjects', 'subjects.id', 'penaltyRecords.subjectId')
    .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
    .where((eb) => penaltyIsPublic(eb, today))
    .select([
      'penaltyRecords.id',
      'penaltyRecords.subjectId',
      'subjects.kind as subjectKind',
      'penaltyRecords.subjectName',
      'penaltyRecords.violationType',
      'penaltyRecords.documentNumber',
      'penaltyRecords.decisionDate',
      'penaltyRecords.status',
      'penaltyRecords.severity',
      'departments.name as departmentName',
    ])
    .orderBy('penaltyRecords.decisionDate', 'desc')
    .orderBy('penaltyRecords.id', 'desc')
    .limit(limit)
    .execute();
}

export async function latestExposure(db: Db, today: string, limit: number) {
  return db
    .selectFrom('exposureCases')
    .where((eb) => exposureIsPublic(eb, today))
    .select(['id', 'title', 'domain', 'summary', 'publishedOn'])
    .orderBy('publishedOn', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function latestListEntries(db: Db, today: string, listType: ListType, limit: number) {
  return db
    .selectFrom('listEntries')
    .innerJoin('subjects', 'subjects.id', 'listEntries.subjectId')
    .innerJoin('departments', 'departments.id', 'listEntries.departmentId')
    .where((eb) => listEntryIsInForce(eb, today))
    .where('listEntries.listType', '=', listType)
    .select([
      'listEntries.id',
      'listEntries.subjectId',
      'subjects.kind as subjectKind',
      'subjects.name as subjectName',
      'listEntries.reason',
      'listEntries.listedOn',
      'listEntries.status',
      'departments.name as departmentName',
    ])
    .orderBy('listEntries.listedOn', 'desc')
    .orderBy('listEntries.id', 'desc')
    .limit(limit)
    .execute();
}
