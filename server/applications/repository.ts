import { sql } from 'kysely';
import type { Db } from '../db/client';
import type { QueryCodeHashKind } from '../db/types';
import type { ApplicationDecision, ApplicationKind, ApplicationStatus } from '../rules/applications';
import { licensingIsPublic, listEntryIsInForce, penaltyIsPublic } from '../visibility/public';

// SQL of applications and of the record changes their decisions make. Everything here
// runs inside the caller's transaction (pass the transaction as db).

export type RecordKind = 'penalty' | 'licensing' | 'list_entry';

/** A record the public can dispute, as the form shows it. */
export interface DisputableRecord {
  kind: RecordKind;
  id: number;
  subjectId: number;
  subjectName: string;
  subjectUscc: string | null;
  departmentId: number;
  departmentName: string;
  documentNumber: string;
  title: string;
  status: string;
  earliestRepairOn: string | null;
  publicUntil: string | null;
  repairableEarly: boolean;
  categories: string[];
  domain: string | null;
}

export async function findPublicRecord(
  db: Db,
  kind: RecordKind,
  id: number,
  today: string,
): Promise<DisputableRecord | undefined> {
  if (kind === 'penalty') {
    const r = await db
      .selectFrom('penaltyRecords')
      .innerJoin('subjects', 'subjects.id', 'penaltyRecords.subjectId')
      .innerJoin('departments', 'departments.id', 'penaltyRecords.departmentId')
      .select([
        'penaltyRecords.id',
        'penaltyRecords.subjectId',
        'subjects.name as subjectName',
        'subjects.uscc as subjectUscc',
        'penaltyRecords.departmentId',
        'departments.name as departmentName',
        'penaltyRecords.documentNumber',
        'penaltyRecords.violationType as title',
        'penaltyRecords.status',
        'penaltyRecords.earliestRepairOn',
        'penaltyRecords.publicUntil',
        'penaltyRecords.repairableEarly',
        'penaltyRecords.categories',
        'penaltyRecords.domain',
      ])
      .where('penaltyRecords.id', '=', id)
      .where((eb) => penaltyIsPublic(eb, today))
      .executeTakeFirst();
    return r && { kind, ...r };
  }
  if (kind === 'licensing') {
    const r = await db
      .selectFrom('licensingRecords')
      .innerJoin('subjects', 'subjects.id', 'licensingRecords.subjectId')
      .innerJoin('departments', 'departments.id', 'licensingRecords.departmentId')
      .select([
        'licensingRecords.id',
        'licensingRecords.subjectId',
        'subjects.name as subjectName',
        'subjects.uscc as subjectUscc',
        'licensingRecords.departmentId',
        'departments.name as departmentName',
        'licensingRecords.documentNumber',
        'licensingRecords.decisionDocumentName as title',
        'licensingRecords.status',
      ])
      .where('licensingRecords.id', '=', id)
      .where((eb) => licensingIsPublic(eb, today))
      .executeTakeFirst();
    return (
      r && {
        kind,
        ...r,
        earliestRepairOn: null,
        publicUntil: null,
        repairableEarly: false,
        categories: [],
        domain: null,
      }
    );
  }
  const r = await db
    .selectFrom('listEntries')
    .innerJoin('subjects', 'subjects.id', 'listEntries.subjectId')
    .innerJoin('departments', 'departments.id', 'listEntries.departmentId')
    .select([
      'listEntries.id',
      'listEntries.subjectId',
      'subjects.name as subjectName',
      'subjects.uscc as subjectUscc',
      'listEntries.departmentId',
      'departments.name as departmentName',
      'listEntries.decisionNumber as documentNumber',
      'listEntries.reason as title',
      'listEntries.status',
      'listEntries.validUntil as publicUntil',
      'listEntries.domain',
    ])
    .where('listEntries.id', '=', id)
    .where((eb) => listEntryIsInForce(eb, today))
    .executeTakeFirst();
  return r && { kind, ...r, earliestRepairOn: null, repairableEarly: false, categories: [] };
}

/** A public record found by its subject (USCC or exact name) and document number. */
export async function findPublicRecordByDocument(
  db: Db,
  subject: { uscc: string; nameNorm: string },
  documentNumberNorm: string,
  today: string,
): Promise<DisputableRecord | undefined> {
  for (const kind of ['penalty', 'licensing'] as const) {
    const table = kind === 'penalty' ? 'penaltyRecords' : 'licensingRecords';
    const row = await db
      .selectFrom(table)
      .innerJoin('subjects', 'subjects.id', `${table}.subjectId`)
      .select(`${table}.id as id`)
      .where(`${table}.documentNumberNorm`, '=', documentNumberNorm)
      .where((eb) => eb.or([eb('subjects.uscc', '=', subject.uscc), eb('subjects.nameNorm', '=', subject.nameNorm)]))
      .executeTakeFirst();
    if (row) return findPublicRecord(db, kind, row.id, today);
  }
  return undefined;
}

/**
 * Whether another objection or complaint about the same record is still being handled (an
 * accepted objection, a filed or accepted complaint): joint punishment stays suspended until the
 * last of them is decided (SPEC §6).
 */
export async function otherHandlingUnderway(
  db: Db,
  app: { id: number; penaltyRecordId: number | null; licensingRecordId: number | null; listEntryId: number | null },
): Promise<boolean> {
  const column = app.penaltyRecordId
    ? ('penaltyRecordId' as const)
    : app.licensingRecordId
      ? ('licensingRecordId' as const)
      : ('listEntryId' as const);
  const recordId = app.penaltyRecordId ?? app.licensingRecordId ?? app.listEntryId;
  if (recordId === null) return false;
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where(column, '=', recordId)
    .where('id', '<>', app.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'objection'), eb('status', '=', 'accepted')]),
        eb.and([eb('kind', '=', 'complaint'), eb('status', 'in', ['submitted', 'accepted'])]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function officeDepartmentId(db: Db): Promise<number | undefined> {
  const row = await db.selectFrom('departments').select('id').where('isOffice', '=', true).executeTakeFirst();
  return row?.id;
}

export async function findByIdempotencyKey(db: Db, key: string) {
  return db
    .selectFrom('applications')
    .select(['id', 'trackingNumber', 'kind'])
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export interface NewApplicationRow {
  kind: ApplicationKind;
  trackingNumber: string;
  queryCodeHash: string;
  queryCodeHashKind: QueryCodeHashKind;
  idempotencyKey: string;
  subjectId: number;
  departmentId: number;
  penaltyRecordId: number | null;
  licensingRecordId: number | null;
  listEntryId: number | null;
  parentApplicationId: number | null;
  applicantType: 'organisation' | 'person';
  applicantName: string;
  applicantUscc: string | null;
  contactPerson: string | null;
  phone: string;
  email: string | null;
  applicantIdMasked: string | null;
  applicantIdRef: number | null;
  reasonCategory: string;
  description: string;
  acceptDueOn: string;
}

/** Inserts unless the idempotency key exists; returns undefined for a duplicate. */
export async function insertApplication(db: Db, row: NewApplicationRow) {
  return db
    .insertInto('applications')
    .values(row)
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .returning(['id', 'trackingNumber'])
    .executeTakeFirst();
}

export async function insertAttachment(
  db: Db,
  row: {
    applicationId: number;
    fileName: string;
    mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
    sizeBytes: number;
    sha256: string;
    storageKey: string;
  },
) {
  await db.insertInto('applicationAttachments').values(row).execute();
}

export async function insertEvent(
  db: Db,
  e: {
    applicationId: number;
    actorStaffId: number | null;
    actorLabel: string;
    eventType: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    visibleToApplicant?: boolean;
  },
) {
  await db.insertInto('applicationEvents').values(e).execute();
}

const applicationColumns = [
  'applications.id',
  'applications.kind',
  'applications.trackingNumber',
  'applications.queryCodeHash',
  'applications.queryCodeHashKind',
  'applications.status',
  'applications.subjectId',
  'applications.departmentId',
  'applications.penaltyRecordId',
  'applications.licensingRecordId',
  'applications.listEntryId',
  'applications.parentApplicationId',
  'applications.applicantType',
  'applications.applicantName',
  'applications.applicantUscc',
  'applications.contactPerson',
  'applications.phone',
  'applications.email',
  'applications.applicantIdMasked',
  'applications.reasonCategory',
  'applications.description',
  'applications.submittedAt',
  'applications.acceptDueOn',
  'applications.decideDueOn',
  'applications.acceptedAt',
  'applications.decidedAt',
  'applications.decidedOn',
  'applications.decision',
  'applications.decisionReasons',
  'applications.version',
  'subjects.name as subjectName',
  'departments.name as departmentName',
] as const;

export async function findApplication(db: Db, where: { id: number } | { trackingNumber: string }) {
  let q = db
    .selectFrom('applications')
    .innerJoin('subjects', 'subjects.id', 'applications.subjectId')
    .innerJoin('departments', 'departments.id', 'applications.departmentId')
    .select(applicationColumns);
  q =
    'id' in where
      ? q.where('applications.id', '=', where.id)
      : q.where('applications.trackingNumber', '=', where.trackingNumber);
  return q.executeTakeFirst();
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/**
 * Replaces a query-code hash only if it is still the one that was checked (one statement,
 * so a concurrent upgrade of the same row is a no-op rather than a lost update).
 */
export async function upgradeQueryCodeHash(
  db: Db,
  id: number,
  checkedHash: string,
  set: { queryCodeHash: string; queryCodeHashKind: QueryCodeHashKind },
) {
  await db.updateTable('applications').set(set).where('id', '=', id).where('queryCodeHash', '=', checkedHash).execute();
}

export async function listEvents(db: Db, applicationId: number, onlyVisible: boolean) {
  let q = db
    .selectFrom('applicationEvents')
    .select(['id', 'at', 'actorLabel', 'eventType', 'fromStatus', 'toStatus', 'note'])
    .where('applicationId', '=', applicationId);
  if (onlyVisible) q = q.where('visibleToApplicant', '=', true);
  return q.orderBy('at').orderBy('id').execute();
}

export async function listAttachments(db: Db, applicationId: number) {
  return db
    .selectFrom('applicationAttachments')
    .select(['id', 'fileName', 'mediaType', 'sizeBytes', 'sha256'])
    .where('applicationId', '=', applicationId)
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Db, id: number) {
  return db
    .selectFrom('applicationAttachments')
    .innerJoin('applications', 'applications.id', 'applicationAttachments.applicationId')
    .select([
      'applicationAttachments.id',
      'applicationAttachments.fileName',
      'applicationAttachments.mediaType',
      'applicationAttachments.storageKey',
      'applicationAttachments.sha256',
      'applications.departmentId',
      'applications.kind',
    ])
    .where('applicationAttachments.id', '=', id)
    .executeTakeFirst();
}

export interface QueueFilter {
  departmentId?: number;
  kind?: ApplicationKind;
  status?: ApplicationStatus;
  open?: boolean;
  limit: number;
}

/** Open applications first, then by their current deadline (overdue ones come first by date). */
export async function listQueue(db: Db, f: QueueFilter) {
  let q = db
    .selectFrom('applications')
    .innerJoin('subjects', 'subjects.id', 'applications.subjectId')
    .innerJoin('departments', 'departments.id', 'applications.departmentId')
    .select([
      'applications.id',
      'applications.kind',
      'applications.trackingNumber',
      'applications.status',
      'applications.departmentId',
      'applications.acceptDueOn',
      'applications.decideDueOn',
      'applications.submittedAt',
      'applications.reasonCategory',
      'subjects.name as subjectName',
      'departments.name as departmentName',
    ]);
  if (f.departmentId !== undefined) q = q.where('applications.departmentId', '=', f.departmentId);
  if (f.kind) q = q.where('applications.kind', '=', f.kind);
  if (f.status) q = q.where('applications.status', '=', f.status);
  if (f.open) q = q.where('applications.status', 'in', ['submitted', 'accepted']);
  return q
    .orderBy(sql`case when applications.status in ('submitted', 'accepted') then 0 else 1 end`)
    .orderBy(
      sql`case applications.status when 'submitted' then applications.accept_due_on when 'accepted' then applications.decide_due_on end`,
    )
    .orderBy('applications.id', 'desc')
    .limit(f.limit)
    .execute();
}

/**
 * Moves an application on, only if nobody else did first (optimistic concurrency):
 * returns false when the version or status no longer match.
 */
export async function transitionApplication(
  db: Db,
  id: number,
  expected: { version: number; status: ApplicationStatus },
  set: {
    status: ApplicationStatus;
    acceptedAt?: Date;
    decideDueOn?: string;
    decidedAt?: Date;
    decidedOn?: string;
    decision?: ApplicationDecision;
    decisionReasons?: string;
    decidedBy?: number;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ ...set, version: sql`version + 1`, updatedAt: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expected.version)
    .where('status', '=', expected.status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- records

/** The disputed record's state, for staff: status and the dates a decision moves. */
export async function recordState(
  db: Db,
  app: { penaltyRecordId: number | null; listEntryId: number | null; licensingRecordId: number | null },
) {
  if (app.penaltyRecordId) {
    return db
      .selectFrom('penaltyRecords')
      .select(['documentNumber', 'status', 'publicUntil as endsOn', 'suspendedSince', 'suspendedDays'])
      .where('id', '=', app.penaltyRecordId)
      .executeTakeFirst();
  }
  if (app.listEntryId) {
    return db
      .selectFrom('listEntries')
      .select(['decisionNumber as documentNumber', 'status', 'validUntil as endsOn', 'suspendedSince', 'suspendedDays'])
      .where('id', '=', app.listEntryId)
      .executeTakeFirst();
  }
  if (app.licensingRecordId) {
    const r = await db
      .selectFrom('licensingRecords')
      .select(['documentNumber', 'status', 'validUntil as endsOn'])
      .where('id', '=', app.licensingRecordId)
      .executeTakeFirst();
    return r && { ...r, suspendedSince: null, suspendedDays: 0 };
  }
  return undefined;
}

/** Open applications' deadlines and the days they were counted from (Shanghai dates), for rescheduling. */
export async function openDeadlines(db: Db) {
  return db
    .selectFrom('applications')
    .select([
      'id',
      'status',
      'acceptDueOn',
      'decideDueOn',
      sql<string>`to_char(submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`.as('submittedOn'),
      sql<string | null>`to_char(accepted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`.as('acceptedOn'),
    ])
    .where('status', 'in', ['submitted', 'accepted'])
    .orderBy('id')
    .execute();
}

/** Moves an open application's deadline (the working-day calendar changed). */
export async function setDueDates(db: Db, id: number, due: { acceptDueOn?: string; decideDueOn?: string }) {
  await db.updateTable('applications').set(due).where('id', '=', id).execute();
}

/** Objections and complaints about these penalties that were accepted: each suspended the record. */
export async function suspendingApplications(db: Db, penaltyRecordIds: readonly number[]) {
  if (penaltyRecordIds.length === 0) return [];
  return db
    .selectFrom('applications')
    .where('penaltyRecordId', 'in', [...penaltyRecordIds])
    .where('kind', 'in', ['objection', 'complaint'])
    .where('acceptedAt', 'is not', null)
    .select(['penaltyRecordId', 'kind', 'decidedOn'])
    .orderBy('acceptedAt')
    .orderBy('id')
    .execute();
}

/** How long a penalty's period was suspended, for the note beside its end dates. */
export async function penaltySuspension(db: Db, id: number) {
  return db
    .selectFrom('penaltyRecords')
    .where('id', '=', id)
    .select(['id', 'suspendedDays', 'repairableEarly'])
    .executeTakeFirst();
}
