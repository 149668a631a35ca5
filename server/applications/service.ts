import { changingPublicData } from '../http/invalidate';
import { notifyApplicant } from '../notifications/service';
import { reserveAttempt } from '../rate-limit/service';
import { pausedMessage, trackBuckets } from '../rate-limit/doors';
import { randomInt } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { protectIdNumber, type IdentityKeys } from '../identities/protect';
import { saveIdentityNumber } from '../identities/repository';
import { canActOnApplication, canReadApplication, type StaffPrincipal } from '../auth/principal';
import { PUBLIC_APPLICANT, staffActor, writeAudit, type AuditAction } from '../audit';
import { applyRecordChange, emitRecordEvents, lockRecord, type RecordEvent, type RecordRef } from '../records/writer';
import { complaintSuspendsFrom, type PenaltyCorrections, type RecordChange } from '../rules/record-lifecycle';
import {
  acceptDueOn,
  currentDeadline,
  decideDueOn,
  DECISION_LABELS,
  isDecisionAllowed,
  KIND_LABELS,
  recordEffectOf,
  STATUS_LABELS,
  suspendsOnAccept,
  workdaysLeft,
  type ApplicationDecision,
  type ApplicationKind,
  type ApplicationStatus,
} from '../rules/applications';
import { compareDates, todayInShanghai } from '../rules/dates';
import { formatDate } from '../rules/format';
import { deadlineNote, type WorkdayCalendar } from '../rules/workdays';
import { workdayCalendar } from '../calendar/service';
import { normalizeCode, normalizeName } from '../rules/normalize';
import { syncSearchDocuments } from '../search/indexer';
import { type CheckedAttachment } from './attachments';
import { putFile, readWholeFile } from '../files/store';
import {
  CURRENT_QUERY_CODE_HASH,
  hashQueryCode,
  queryCodeFor,
  verifyQueryCode,
  type QueryCodeHashUpgrade,
} from './query-code';
import * as repo from './repository';
import { repairMaterialsSchema, type SubmitInput } from './schema';
import { REPAIR_MATERIAL_TEXT, requiredRepairMaterials } from '../rules/repair-materials';

/** A repair application lacks required materials: `fields` are their form controls (material-…). */
export class MissingRepairMaterials extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(`missing repair materials: ${problems.map((p) => p.field).join(', ')}`);
  }
}

// Objections, repairs and complaints (SPEC §6): filing, tracking, and the staff decisions
// that change records — each decision, its record changes, the audit entries and the
// search documents in one transaction.

const TRACKING_PREFIX: Record<ApplicationKind, string> = { objection: 'YY', repair: 'XF', complaint: 'TS' };

export { normalizeQueryCode, queryCodeFor } from './query-code';

export interface ServiceOptions {
  today: string;
  /** The identity secret's keys: they derive query codes and key their stored hashes. */
  keys: IdentityKeys;
  /**
   * Who is asking (the client address). A complaint checks its parent's query code, so it is
   * counted in the same doors as /track: wrong codes per address, per number and address, and
   * per number (server/rate-limit/doors.ts).
   */
  client?: string;
}

function newTrackingNumber(kind: ApplicationKind, today: string): string {
  return `${TRACKING_PREFIX[kind]}${today.replaceAll('-', '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

const iso = (v: unknown) => new Date(v as string | Date).toISOString();

const fail = (code: TRPCError['code'], message: string): never => {
  throw new TRPCError({ code, message });
};

// ---------------------------------------------------------------- the public side

export async function recordForForm(db: Db, ref: { kind: repo.RecordKind; id: number }, today: string) {
  return repo.findPublicRecord(db, ref.kind, ref.id, today);
}

/** Repair eligibility in words, before the applicant types anything (SPEC §4, §6). */
export function repairEligibility(record: repo.DisputableRecord, today: string) {
  if (record.kind !== 'penalty') {
    return { eligible: false, reason: '信用修复只适用于行政处罚信息。' };
  }
  if (!record.repairableEarly) {
    return {
      eligible: false,
      reason: `该处罚属于不得提前修复的类别（${record.domain ?? ''}领域的${record.categories.join('、')}），须公示期满（${record.publicUntil ? formatDate(record.publicUntil) : ''}）后自动停止公示。`,
    };
  }
  if (record.earliestRepairOn && compareDates(today, record.earliestRepairOn) < 0) {
    return { eligible: false, reason: `最短公示期未满，最早可于 ${formatDate(record.earliestRepairOn)} 起申请修复。` };
  }
  return { eligible: true, reason: '已满最短公示期，可以申请信用修复。' };
}

export interface SubmitResult {
  trackingNumber: string;
  queryCode: string;
  kind: ApplicationKind;
  duplicate: boolean;
}

/**
 * Files an application. Attachments must already be checked; they are stored in the same
 * transaction as the application, so either both exist or neither does. A second submit of
 * the same form token answers with the first one's numbers.
 */
export async function submitApplication(
  db: Db,
  input: SubmitInput,
  files: readonly CheckedAttachment[],
  options: ServiceOptions,
): Promise<SubmitResult> {
  const keys = options.keys;
  const queryCode = queryCodeFor(keys, input.idempotencyKey);
  const existing = await repo.findByIdempotencyKey(db, input.idempotencyKey);
  if (existing) return { trackingNumber: existing.trackingNumber, queryCode, kind: existing.kind, duplicate: true };

  let record: repo.DisputableRecord | undefined;
  let parentApplicationId: number | null = null;
  let parentUpgrade: { id: number; checkedHash: string; set: QueryCodeHashUpgrade } | undefined;
  let departmentId: number;
  let continuedFrom: string | null = null;
  if (input.kind === 'complaint') {
    const parentNumber = (input.parentTrackingNumber ?? '').trim().toUpperCase();
    const attempt = await reserveAttempt(db, trackBuckets(parentNumber, options.client ?? 'unknown'));
    if (!attempt.allowed) return fail('TOO_MANY_REQUESTS', pausedMessage('原异议申请', attempt.retryAfterSeconds));
    const parent = await repo.findApplication(db, { trackingNumber: parentNumber });
    const check = parent && verifyQueryCode(keys, parent, input.parentQueryCode ?? '');
    if (!parent || !check?.ok) return fail('BAD_REQUEST', '原异议申请的受理编号或查询码不正确。');
    await attempt.refund();
    if (parent.kind !== 'objection' || !(parent.status === 'decided' || parent.status === 'refused')) {
      return fail('BAD_REQUEST', '只能对已答复（已办结或不予受理）的异议提出投诉。');
    }
    const kind: repo.RecordKind = parent.penaltyRecordId
      ? 'penalty'
      : parent.licensingRecordId
        ? 'licensing'
        : 'list_entry';
    const id = parent.penaltyRecordId ?? parent.licensingRecordId ?? parent.listEntryId;
    record = id ? await repo.findPublicRecord(db, kind, id, options.today) : undefined;
    if (!record) return fail('BAD_REQUEST', '原异议所涉信息已不再公示，无需投诉。');
    parentApplicationId = parent.id;
    if (parent.decision === 'reject' && parent.decidedOn) {
      const from = complaintSuspendsFrom({ rejectedOn: parent.decidedOn }, options.today);
      if (from !== options.today) continuedFrom = from;
    }
    parentUpgrade = check.upgrade && { id: parent.id, checkedHash: parent.queryCodeHash, set: check.upgrade };
    const office = await repo.officeDepartmentId(db);
    if (office === undefined) return fail('INTERNAL_SERVER_ERROR', '未配置市联席会议办公室。');
    departmentId = office;
  } else {
    record =
      input.record !== undefined
        ? await repo.findPublicRecord(db, input.record.kind, input.record.id, options.today)
        : await repo.findPublicRecordByDocument(
            db,
            { uscc: normalizeCode(input.subject ?? ''), nameNorm: normalizeName(input.subject ?? '') },
            normalizeName(input.documentNumber ?? ''),
            options.today,
          );
    if (!record) return fail('NOT_FOUND', '没有找到该主体的这份公示信息，请核对主体名称或统一社会信用代码和文书号。');
    if (input.kind === 'repair') {
      const eligibility = repairEligibility(record, options.today);
      if (!eligibility.eligible) return fail('BAD_REQUEST', eligibility.reason);
      const materials = repairMaterialsSchema(requiredRepairMaterials(record.categories)).safeParse(
        files.flatMap((f) => (f.material ? [f.material] : [])),
      );
      if (!materials.success) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: materials.error.issues.map((i) => i.message).join(' '),
          cause: new MissingRepairMaterials(
            materials.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
          ),
        });
      }
    }
    departmentId = record.departmentId;
  }

  // Attachments are written in the application's transaction (server/files/store.ts).
  {
    const calendar = await workdayCalendar(db);
    return await db.transaction().execute(async (trx) => {
      if (parentUpgrade)
        await repo.upgradeQueryCodeHash(trx, parentUpgrade.id, parentUpgrade.checkedHash, parentUpgrade.set);
      let applicantIdRef: number | null = null;
      let applicantIdMasked: string | null = null;
      if (input.applicant.type === 'person') {
        const protectedId = protectIdNumber(keys, input.applicant.idNumber);
        applicantIdRef = await saveIdentityNumber(trx, protectedId);
        applicantIdMasked = protectedId.masked;
      }
      const trackingNumber = newTrackingNumber(input.kind, options.today);
      const row = await repo.insertApplication(trx, {
        kind: input.kind,
        trackingNumber,
        queryCodeHash: hashQueryCode(keys, trackingNumber, queryCode),
        queryCodeHashKind: CURRENT_QUERY_CODE_HASH,
        idempotencyKey: input.idempotencyKey,
        subjectId: record.subjectId,
        departmentId,
        penaltyRecordId: record.kind === 'penalty' ? record.id : null,
        licensingRecordId: record.kind === 'licensing' ? record.id : null,
        listEntryId: record.kind === 'list_entry' ? record.id : null,
        parentApplicationId,
        applicantType: input.applicant.type,
        applicantName: input.applicant.name,
        applicantUscc: input.applicant.type === 'organisation' ? input.applicant.uscc : null,
        contactPerson: input.applicant.type === 'organisation' ? input.applicant.contactPerson : null,
        phone: input.applicant.phone,
        email: input.applicant.type === 'organisation' ? (input.applicant.email ?? null) : null,
        applicantIdMasked,
        applicantIdRef,
        reasonCategory: input.reasonCategory,
        description: input.description,
        acceptDueOn: acceptDueOn(calendar, options.today),
      });
      if (!row) {
        // The same form token won a race with us: answer with its numbers.
        const first = await repo.findByIdempotencyKey(trx, input.idempotencyKey);
        return { trackingNumber: first!.trackingNumber, queryCode, kind: first!.kind, duplicate: true };
      }
      for (const f of files) {
        await repo.insertAttachment(trx, {
          applicationId: row.id,
          // Staff see which required material a file is by its name (【缴款凭证】receipt.pdf).
          fileName: f.material ? `【${REPAIR_MATERIAL_TEXT[f.material].label}】${f.fileName}` : f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.bytes.byteLength,
          sha256: f.sha256,
          storageKey: await putFile(trx, f.bytes),
        });
      }
      await repo.insertEvent(trx, {
        applicationId: row.id,
        actorStaffId: null,
        actorLabel: '申请人',
        eventType: 'submitted',
        fromStatus: null,
        toStatus: 'submitted',
        note: `提交${KIND_LABELS[input.kind]}申请${files.length ? `，附件 ${files.length} 个` : ''}`,
      });
      await writeAudit(trx, PUBLIC_APPLICANT, [
        {
          action: 'application.submit',
          entity: 'application',
          entityId: row.id,
          after: { kind: input.kind, trackingNumber, departmentId, record: `${record.kind}:${record.id}` },
        },
      ]);
      if (continuedFrom) {
        // A complaint within the window keeps the objection's suspension continuous (SPEC §6).
        await changeRecord(
          trx,
          PUBLIC_APPLICANT,
          refOf(record),
          { type: 'suspend', on: options.today, since: continuedFrom },
          '投诉期间继续暂停联合惩戒',
        );
      }
      await notifyApplicant(trx, row.id, 'submitted');
      return { trackingNumber: row.trackingNumber, queryCode, kind: input.kind, duplicate: false };
    });
  }
}

/** What the applicant sees on /track: status, timeline, deadline in working days, decision. */
export async function trackApplication(
  db: Db,
  input: { trackingNumber: string; queryCode: string; client: string },
  today: string,
  keys: IdentityKeys,
) {
  const trackingNumber = input.trackingNumber.trim().toUpperCase();
  // Wrong codes count per address, per number and address, and per number (server/rate-limit/doors.ts).
  const attempt = await reserveAttempt(db, trackBuckets(trackingNumber, input.client));
  if (!attempt.allowed) return fail('TOO_MANY_REQUESTS', pausedMessage('申请信息', attempt.retryAfterSeconds));
  const app = await repo.findApplication(db, { trackingNumber });
  // Compare even when the number is unknown, so timing does not tell which numbers exist.
  const stored = app ?? { trackingNumber, queryCodeHash: '0'.repeat(64), queryCodeHashKind: CURRENT_QUERY_CODE_HASH };
  const check = verifyQueryCode(keys, stored, input.queryCode);
  if (!app || !check.ok) return fail('NOT_FOUND', '受理编号或查询码不正确，请核对后重试。');
  await attempt.refund();
  // A legacy row leaves the plain SHA-256 behind on its first successful track.
  if (check.upgrade) await repo.upgradeQueryCodeHash(db, app.id, app.queryCodeHash, check.upgrade);
  const events = await repo.listEvents(db, app.id, true);
  return { ...publicView(app, today, await workdayCalendar(db)), events: events.map(eventView) };
}

function eventView(e: Awaited<ReturnType<typeof repo.listEvents>>[number]) {
  return {
    at: iso(e.at),
    actorLabel: e.actorLabel,
    eventType: e.eventType,
    toStatus: e.toStatus,
    toStatusLabel: e.toStatus ? STATUS_LABELS[e.toStatus as ApplicationStatus] : null,
    note: e.note,
  };
}

function publicView(app: repo.ApplicationRow, today: string, calendar: WorkdayCalendar) {
  const deadline = currentDeadline(app);
  return {
    trackingNumber: app.trackingNumber,
    kind: app.kind,
    kindLabel: KIND_LABELS[app.kind],
    status: app.status,
    statusLabel: STATUS_LABELS[app.status],
    subjectName: app.subjectName,
    departmentName: app.departmentName,
    submittedAt: iso(app.submittedAt),
    deadline,
    deadlineKind:
      app.status === 'submitted' ? ('accept' as const) : app.status === 'accepted' ? ('decide' as const) : null,
    workdaysLeft: deadline ? workdaysLeft(calendar, today, deadline) : null,
    deadlineNote: deadlineNote(calendar, deadline),
    decision: app.decision,
    decisionLabel: app.decision ? DECISION_LABELS[app.decision] : null,
    decisionReasons: app.decisionReasons,
  };
}

// ---------------------------------------------------------------- the staff side

export async function staffQueue(
  db: Db,
  staff: StaffPrincipal,
  filter: { kind?: ApplicationKind; status?: ApplicationStatus; departmentId?: number; open?: boolean },
  today: string,
) {
  if (staff.role === 'admin') fail('FORBIDDEN', '系统管理员不处理申请。');
  const departmentId = staff.role === 'department' ? staff.departmentId! : filter.departmentId;
  const rows = await repo.listQueue(db, { ...filter, departmentId, limit: 200 });
  const calendar = await workdayCalendar(db);
  return rows.map((r) => {
    const deadline = currentDeadline(r);
    const left = deadline ? workdaysLeft(calendar, today, deadline) : null;
    return {
      ...r,
      submittedAt: iso(r.submittedAt),
      kindLabel: KIND_LABELS[r.kind],
      statusLabel: STATUS_LABELS[r.status],
      deadline,
      workdaysLeft: left,
      deadlineNote: deadlineNote(calendar, deadline),
      overdue: left !== null && deadline !== null && compareDates(today, deadline) > 0,
      canAct: canActOnApplication(staff, r),
    };
  });
}

async function loadForStaff(db: Db, staff: StaffPrincipal, id: number) {
  const app = await repo.findApplication(db, { id });
  if (!app || !canReadApplication(staff, app)) return fail('NOT_FOUND', '没有这个申请，或您无权查看。');
  return app;
}

export async function staffApplication(db: Db, staff: StaffPrincipal, id: number, today: string) {
  const app = await loadForStaff(db, staff, id);
  const [events, attachments] = await Promise.all([
    repo.listEvents(db, app.id, false),
    repo.listAttachments(db, app.id),
  ]);
  const recordKind = app.penaltyRecordId ? 'penalty' : app.licensingRecordId ? 'licensing' : 'list_entry';
  const recordId = app.penaltyRecordId ?? app.licensingRecordId ?? app.listEntryId;
  const parent = app.parentApplicationId ? await repo.findApplication(db, { id: app.parentApplicationId }) : undefined;
  return {
    id: app.id,
    version: app.version,
    ...publicView(app, today, await workdayCalendar(db)),
    departmentId: app.departmentId,
    applicantType: app.applicantType,
    applicantName: app.applicantName,
    applicantUscc: app.applicantUscc,
    applicantIdMasked: app.applicantIdMasked,
    contactPerson: app.contactPerson,
    phone: app.phone,
    email: app.email,
    reasonCategory: app.reasonCategory,
    description: app.description,
    record: { kind: recordKind, id: recordId },
    recordState: (await repo.recordState(db, app)) ?? null,
    parent: parent
      ? {
          id: parent.id,
          trackingNumber: parent.trackingNumber,
          decisionLabel: parent.decision ? DECISION_LABELS[parent.decision] : null,
          decisionReasons: parent.decisionReasons,
        }
      : null,
    events: events.map(eventView),
    attachments,
    canAct: canActOnApplication(staff, app),
  };
}

const CONFLICT_MESSAGE = '该申请已被其他工作人员处理或已更新，您的操作未生效。请刷新页面查看最新状态。';

type Trx = Db;

interface Change {
  refs: RecordRef[];
  events: RecordEvent[];
}

async function audit(
  trx: Trx,
  staff: StaffPrincipal,
  action: AuditAction,
  id: number,
  before: unknown,
  after: unknown,
  note?: string,
) {
  await writeAudit(trx, staffActor(staff), [
    { action, entity: 'application', entityId: id, before, after, note: note ?? null },
  ]);
}

/** The record an application disputes. */
function disputedRef(app: {
  penaltyRecordId: number | null;
  licensingRecordId: number | null;
  listEntryId: number | null;
}): RecordRef | null {
  if (app.penaltyRecordId) return { kind: 'penalty', id: app.penaltyRecordId };
  if (app.licensingRecordId) return { kind: 'licensing', id: app.licensingRecordId };
  if (app.listEntryId) return { kind: 'list_entry', id: app.listEntryId };
  return null;
}
const refOf = (record: repo.DisputableRecord): RecordRef => ({ kind: record.kind, id: record.id });

/** Every record change of an application goes through the one writer (server/records/writer.ts). */
async function changeRecord(
  trx: Trx,
  actor: Parameters<typeof applyRecordChange>[1],
  ref: RecordRef | null,
  change: RecordChange,
  reason: string,
  into?: Change,
) {
  if (!ref) return;
  const r = await applyRecordChange(trx, actor, ref, change, reason, { sync: false }).catch((err: unknown) => {
    // The record's state already answers the decision (withdrawn by its department meanwhile, say).
    if (err instanceof TRPCError && err.code === 'CONFLICT') return { changed: [], events: [] };
    throw err;
  });
  if (into) {
    into.refs.push(...r.changed);
    into.events.push(...r.events);
  } else {
    if (r.changed.length) await syncSearchDocuments(trx, r.changed);
    await emitRecordEvents(trx, r.events);
  }
}

export type RecordCorrections = PenaltyCorrections;

/** What a decision does to the disputed record (SPEC §6), as changes for the writer. */
function changesOf(
  decision: ApplicationDecision,
  reasons: string,
  corrections: RecordCorrections,
  today: string,
): RecordChange[] {
  switch (recordEffectOf(decision)) {
    case 'resume':
      return [{ type: 'resume', on: today }];
    case 'correct': {
      const fields = Object.values(corrections).some((v) => typeof v === 'string' && v.trim());
      return [
        { type: 'resume', on: today },
        ...(fields ? [{ type: 'correct' as const, on: today, fields: corrections }] : []),
      ];
    }
    case 'withdraw':
      return [{ type: 'withdraw', on: today, reason: reasons }];
    case 'repair':
      return [{ type: 'repair', on: today, reason: reasons }];
    case 'none':
      return [];
  }
}

async function act(
  db: Db,
  staff: StaffPrincipal,
  input: { id: number; version: number },
  work: (trx: Trx, app: repo.ApplicationRow, change: Change) => Promise<void>,
) {
  const changed = await changingPublicData(() =>
    db.transaction().execute(async (trx) => {
      const app = await loadForStaff(trx, staff, input.id);
      if (!canActOnApplication(staff, app)) fail('FORBIDDEN', '您只能查看该申请，无权办理。');
      if (app.version !== input.version) fail('CONFLICT', CONFLICT_MESSAGE);
      const change: Change = { refs: [], events: [] };
      await work(trx, app, change);
      if (change.refs.length) await syncSearchDocuments(trx, change.refs);
      await emitRecordEvents(trx, change.events);
      return change.refs;
    }),
  );
  return { changedRecords: changed.length };
}

function requireTransition(ok: boolean) {
  if (!ok) fail('CONFLICT', CONFLICT_MESSAGE);
}

export async function acceptApplication(
  db: Db,
  staff: StaffPrincipal,
  input: { id: number; version: number; note?: string },
  today = todayInShanghai(),
) {
  // Read before the transaction: on PGlite's one connection a root-db query inside it waits for itself.
  const calendar = await workdayCalendar(db);
  return act(db, staff, input, async (trx, app, change) => {
    const due = decideDueOn(calendar, today);
    requireTransition(
      await repo.transitionApplication(
        trx,
        app.id,
        { version: input.version, status: 'submitted' },
        { status: 'accepted', acceptedAt: new Date(), decideDueOn: due },
      ),
    );
    await repo.insertEvent(trx, {
      applicationId: app.id,
      actorStaffId: staff.id,
      actorLabel: app.departmentName,
      eventType: 'accepted',
      fromStatus: 'submitted',
      toStatus: 'accepted',
      note: `已受理，应于 ${due} 前作出决定。${suspendsOnAccept(app.kind) ? '处理期间该信息标注“异议处理中”，暂停联合惩戒。' : ''}${input.note ? ` ${input.note}` : ''}`,
    });
    await audit(
      trx,
      staff,
      'application.accept',
      app.id,
      { status: app.status, version: app.version },
      { status: 'accepted', decideDueOn: due },
    );
    if (suspendsOnAccept(app.kind))
      await changeRecord(
        trx,
        staffActor(staff),
        disputedRef(app),
        { type: 'suspend', on: today },
        '受理异议/投诉，暂停联合惩戒',
        change,
      );
    await notifyApplicant(trx, app.id, 'accepted');
  });
}

export async function refuseApplication(
  db: Db,
  staff: StaffPrincipal,
  input: { id: number; version: number; reasons: string },
  today = todayInShanghai(),
) {
  return act(db, staff, input, async (trx, app, change) => {
    requireTransition(
      await repo.transitionApplication(
        trx,
        app.id,
        { version: input.version, status: 'submitted' },
        { status: 'refused', decisionReasons: input.reasons },
      ),
    );
    await repo.insertEvent(trx, {
      applicationId: app.id,
      actorStaffId: staff.id,
      actorLabel: app.departmentName,
      eventType: 'refused',
      fromStatus: 'submitted',
      toStatus: 'refused',
      note: `不予受理：${input.reasons}`,
    });
    await audit(
      trx,
      staff,
      'application.refuse',
      app.id,
      { status: app.status },
      { status: 'refused', reasons: input.reasons },
    );
    // A complaint that continued an objection's suspension ends it when refused. The record's
    // row lock first: two decisions on one record are taken in turn, so the last one resumes.
    const refused = disputedRef(app);
    if (app.kind === 'complaint' && refused) {
      await lockRecord(trx, refused);
      const othersHandled = await repo.otherHandlingUnderway(trx, app);
      await changeRecord(
        trx,
        staffActor(staff),
        refused,
        { type: 'resume', on: today, othersHandled },
        input.reasons,
        change,
      );
    }
    await notifyApplicant(trx, app.id, 'refused');
  });
}

export async function decideApplication(
  db: Db,
  staff: StaffPrincipal,
  input: {
    id: number;
    version: number;
    decision: ApplicationDecision;
    reasons: string;
    corrections?: RecordCorrections;
  },
  today = todayInShanghai(),
) {
  return act(db, staff, input, async (trx, app, change) => {
    if (!isDecisionAllowed(app.kind, input.decision))
      fail('BAD_REQUEST', `${KIND_LABELS[app.kind]}申请不能作出“${DECISION_LABELS[input.decision]}”决定。`);
    requireTransition(
      await repo.transitionApplication(
        trx,
        app.id,
        { version: input.version, status: 'accepted' },
        {
          status: 'decided',
          decision: input.decision,
          decisionReasons: input.reasons,
          decidedAt: new Date(),
          decidedOn: today,
          decidedBy: staff.id,
        },
      ),
    );
    await repo.insertEvent(trx, {
      applicationId: app.id,
      actorStaffId: staff.id,
      actorLabel: app.departmentName,
      eventType: 'decided',
      fromStatus: 'accepted',
      toStatus: 'decided',
      note: `决定：${DECISION_LABELS[input.decision]}。理由：${input.reasons}`,
    });
    await audit(
      trx,
      staff,
      'application.decide',
      app.id,
      { status: app.status, version: app.version },
      { status: 'decided', decision: input.decision, reasons: input.reasons },
    );
    // The record's row lock first: two decisions on one record at once are taken in turn, so the
    // second sees the first as decided; the rule keeps the record suspended while another
    // objection or complaint about it is still handled (SPEC §6).
    const ref = disputedRef(app);
    if (ref) await lockRecord(trx, ref);
    const othersHandled = await repo.otherHandlingUnderway(trx, app);
    for (const c of changesOf(input.decision, input.reasons, input.corrections ?? {}, today))
      await changeRecord(
        trx,
        staffActor(staff),
        ref,
        c.type === 'resume' ? { ...c, othersHandled } : c,
        input.reasons,
        change,
      );
    await notifyApplicant(trx, app.id, 'decided');
  });
}

/** An attachment's stored bytes, for staff who may read its application. */
export async function attachmentForStaff(db: Db, staff: StaffPrincipal, id: number) {
  const a = await repo.findAttachment(db, id);
  if (!a || !canReadApplication(staff, a)) return fail('NOT_FOUND', '没有这个附件，或您无权查看。');
  const bytes = await readWholeFile(db, a.storageKey);
  return { fileName: a.fileName, mediaType: a.mediaType, sha256: a.sha256, bytes };
}
