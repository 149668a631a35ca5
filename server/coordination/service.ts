import { createHash } from 'node:crypto';
import { measuresOfEntries } from '../catalog/repository';
import { config } from '../config';
import { csvDocument } from '../csv/writer';
import type { Db } from '../db/client';
import type { StaffPrincipal } from '../auth/principal';
import { CATALOG_KIND_OF_LIST } from '../rules/catalog';
import { addMonths, type IsoDate } from '../rules/dates';
import { publicDataChanged } from '../http/invalidate';
import { publicSubjectName } from '../subjects/present';
import { enqueueWebhookEvent, enqueueWebhookEvents, type WebhookEventType } from '../webhooks/events';
import { auditCoordination, SYSTEM_ACTOR, type CoordinationActor } from './audit';
import * as repo from './repository';
import { isOverdue, planTasks, resumedDueOn, taskDueOn } from './rules';
import type { FeedbackOutcome, TaskStatus } from './tables';

// 联合奖惩协同 (plan 二(一)2): 发起 — a published list entry becomes one task per implementing
// department; 推送 — the inbox and webhooks; 执行反馈 — what each department did, per task or
// against a credit check. Every write happens in the caller's transaction and is audited.

/** A refusal with an HTTP-like status; the tRPC router and the REST API translate it. */
export class CoordinationError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (status: CoordinationError['status'], message: string): never => {
  throw new CoordinationError(status, message);
};

export type RecordEventKind =
  | 'list_entry.published'
  | 'list_entry.suspended'
  | 'list_entry.resumed'
  | 'list_entry.removed'
  | 'list_entry.repaired'
  | 'penalty.published'
  | 'penalty.withdrawn'
  | 'penalty.repaired';

export interface RecordEvent {
  kind: RecordEventKind;
  id: number;
  today: IsoDate;
  actor?: CoordinationActor;
}

export function responseWorkdays(): number {
  try {
    return config().TASK_RESPONSE_WORKDAYS;
  } catch {
    return 10;
  }
}

const subjectKey = (subjectId: number) => `subject:${subjectId}`;

function subjectJson(s: { subjectId: number; subjectKind: string; subjectName: string; subjectUscc: string | null }) {
  const person = s.subjectKind === 'natural_person';
  return {
    id: s.subjectId,
    kind: s.subjectKind,
    name: publicSubjectName(s.subjectKind as 'legal_person', s.subjectName),
    uscc: person ? null : s.subjectUscc,
  };
}

/**
 * The one entry point for record changes (list entries and penalties): writes the webhook event
 * and creates, pauses, resumes or ends the entry's tasks — in the caller's transaction.
 */
/** The webhook event of a penalty's change: the penalty as the public sees it, and its subject. */
function penaltyWebhook(
  kind: RecordEventKind,
  p: NonNullable<Awaited<ReturnType<typeof repo.penaltiesForEvents>>>[number],
) {
  return {
    type: kind,
    subjectKey: subjectKey(p.subjectId),
    data: {
      subject: subjectJson(p),
      penalty: {
        id: p.id,
        status: p.status,
        department: p.departmentName,
        document_number: p.documentNumber,
        decision_date: p.decisionDate,
        public_until: p.publicUntil,
      },
    },
  };
}

/**
 * Record changes in the order they happened. Consecutive penalty events (an import's batch
 * publishes thousands) are written with a few set-based statements; list-entry events, which
 * also plan tasks, one at a time.
 */
export async function onRecordEvents(trx: Db, events: readonly RecordEvent[]): Promise<void> {
  let penalties: RecordEvent[] = [];
  const flush = async () => {
    if (penalties.length === 0) return;
    const rows = new Map(
      (
        await repo.penaltiesForEvents(
          trx,
          penalties.map((e) => e.id),
        )
      ).map((p) => [p.id, p]),
    );
    await enqueueWebhookEvents(
      trx,
      penalties.flatMap((e) => {
        const p = rows.get(e.id);
        return p ? [penaltyWebhook(e.kind, p)] : [];
      }),
    );
    penalties = [];
  };
  for (const event of events) {
    if (event.kind.startsWith('penalty.')) {
      penalties.push(event);
      continue;
    }
    await flush();
    await onRecordEvent(trx, event);
  }
  await flush();
}

/**
 * The one entry point for record changes (list entries and penalties): writes the webhook event
 * and creates, pauses, resumes or ends the entry's tasks — in the caller's transaction.
 */
export async function onRecordEvent(trx: Db, event: RecordEvent): Promise<void> {
  const actor = event.actor ?? SYSTEM_ACTOR;
  if (event.kind.startsWith('penalty.')) return onRecordEvents(trx, [event]);
  const e = await repo.entryForEvent(trx, event.id);
  if (!e) return;
  const measures = await measuresOfEntries(trx, [e.id]);
  const entryJson = {
    id: e.id,
    list_type: e.listType,
    status: e.status,
    department: e.departmentName,
    decision_number: e.decisionNumber,
    listed_on: e.listedOn,
    valid_until: e.validUntil,
    measures: measures.map((m) => ({ code: m.code, measure: m.measure })),
  };
  await enqueueWebhookEvent(trx, {
    type: event.kind,
    subjectKey: subjectKey(e.subjectId),
    data: { subject: subjectJson(e), list_entry: entryJson },
  });

  if (event.kind === 'list_entry.published') {
    const planned = planTasks(
      measures.map((m) => ({ id: m.id, implementingUnits: m.implementingUnits })),
      await repo.departments(trx),
    );
    await createTasks(trx, e, planned, 'auto', event.today, actor, null);
  } else if (event.kind === 'list_entry.suspended') {
    for (const t of await repo.tasksOfEntry(trx, e.id, ['open'])) {
      const set = { status: 'paused' as TaskStatus, pausedSince: event.today };
      await repo.updateTask(trx, t.id, set);
      await auditCoordination(
        trx,
        actor,
        'task.pause',
        'coordination_task',
        t.id,
        t,
        { ...t, ...set },
        '名单条目因异议处理暂停',
      );
    }
  } else if (event.kind === 'list_entry.resumed') {
    for (const t of await repo.tasksOfEntry(trx, e.id, ['paused'])) {
      const set = {
        status: 'open' as TaskStatus,
        pausedSince: null,
        dueOn: resumedDueOn(t.dueOn, t.pausedSince ?? event.today, event.today),
        // A new deadline: the task may become overdue again, and is announced again then.
        overdueAnnouncedOn: null,
      };
      await repo.updateTask(trx, t.id, set);
      await auditCoordination(
        trx,
        actor,
        'task.resume',
        'coordination_task',
        t.id,
        t,
        { ...t, ...set },
        '异议处理完毕，期限顺延',
      );
    }
  } else {
    const reason = event.kind === 'list_entry.repaired' ? '主体已信用修复' : '名单条目已移出';
    for (const t of await repo.tasksOfEntry(trx, e.id, ['open', 'paused'])) {
      const set = { status: 'ended' as TaskStatus, pausedSince: null, endedOn: event.today, endReason: reason };
      await repo.updateTask(trx, t.id, set);
      await auditCoordination(trx, actor, 'task.end', 'coordination_task', t.id, t, { ...t, ...set }, reason);
    }
  }
}

type EntryForEvent = NonNullable<Awaited<ReturnType<typeof repo.entryForEvent>>>;

async function createTasks(
  trx: Db,
  e: EntryForEvent,
  planned: ReturnType<typeof planTasks>,
  origin: 'auto' | 'manual',
  today: IsoDate,
  actor: CoordinationActor,
  createdBy: number | null,
) {
  const dueOn = taskDueOn(today, responseWorkdays());
  const created = await repo.insertTasks(
    trx,
    planned.map((p) => ({ ...p, listEntryId: e.id, origin, receivedOn: today, dueOn, createdBy })),
  );
  const names = await repo.catalogNames(trx, [...new Set(created.flatMap((t) => t.catalogItemIds))]);
  for (const t of created) {
    await auditCoordination(trx, actor, 'task.create', 'coordination_task', t.id, null, {
      listEntryId: e.id,
      departmentId: t.departmentId,
      catalogItemIds: t.catalogItemIds,
      dueOn: t.dueOn,
      origin,
    });
    await enqueueTaskEvent(trx, 'task.created', { ...t, listEntryId: e.id }, e, names);
  }
  return created.map((t) => Number(t.id));
}

type TaskForEvent = {
  id: number | string;
  listEntryId: number;
  departmentId: number;
  dueOn: string;
  catalogItemIds: number[];
};

/** task.* events go to the task's department's subscriptions only. */
async function enqueueTaskEvent(
  trx: Db,
  type: 'task.created' | 'task.overdue',
  t: TaskForEvent,
  e: EntryForEvent,
  names: Awaited<ReturnType<typeof repo.catalogNames>>,
) {
  await enqueueWebhookEvent(trx, {
    type,
    subjectKey: subjectKey(e.subjectId),
    departmentId: t.departmentId,
    data: {
      task: {
        id: Number(t.id),
        list_entry_id: t.listEntryId,
        due_on: t.dueOn,
        measures: t.catalogItemIds.map((id) => ({ code: names.get(id)?.code, measure: names.get(id)?.measure })),
      },
      subject: subjectJson(e),
    },
  });
}

/**
 * 推送: a task whose deadline passed while open is announced once — an audit row and task.overdue
 * to its department's subscribers (issue 14). Run by the daily lifecycle job, in its transaction.
 */
export async function announceOverdueTasks(trx: Db, today: IsoDate): Promise<number> {
  const due = await repo.claimNewlyOverdue(trx, today);
  const names = await repo.catalogNames(trx, [...new Set(due.flatMap((t) => t.catalogItemIds))]);
  for (const t of due) {
    const e = await repo.entryForEvent(trx, t.listEntryId);
    if (!e) continue;
    await auditCoordination(
      trx,
      SYSTEM_ACTOR,
      'task.overdue',
      'coordination_task',
      t.id,
      { dueOn: t.dueOn },
      {
        overdueAnnouncedOn: today,
      },
    );
    await enqueueTaskEvent(trx, 'task.overdue', t, e, names);
  }
  return due.length;
}

const staffActor = (staff: StaffPrincipal): CoordinationActor => ({
  type: 'staff',
  id: String(staff.id),
  label: staff.displayName,
});

/** The office initiates a joint action by hand: chosen departments, catalog measures of the entry's kind only. */
export async function initiateManually(
  db: Db,
  staff: StaffPrincipal,
  input: { listEntryId: number; departmentIds: number[]; catalogItemIds: number[] },
  today: IsoDate,
) {
  if (staff.role !== 'office') refuse(403, '只有市联席会议办公室可以手动发起联合奖惩。');
  if (input.departmentIds.length === 0) refuse(400, '请至少选择一个实施部门。');
  if (input.catalogItemIds.length === 0) refuse(400, '请至少选择一项联合奖惩目录中的措施：不得在目录之外奖励或惩戒。');
  return db.transaction().execute(async (trx) => {
    const e = await repo.entryForEvent(trx, input.listEntryId);
    if (!e) return refuse(404, `没有编号为 ${input.listEntryId} 的名单条目。`);
    if (e.status !== 'active')
      return refuse(409, '该名单条目不在有效状态（暂停、移出、修复或到期），不能发起联合奖惩。');
    const items = await repo.catalogByIds(trx, input.catalogItemIds);
    const missing = input.catalogItemIds.filter((id) => !items.some((i) => i.id === id));
    if (missing.length) refuse(400, `措施：目录中没有编号为 ${missing.join('、')} 的措施。`);
    const wanted = CATALOG_KIND_OF_LIST[e.listType];
    const wrong = items.filter((i) => i.kind !== wanted || !i.active);
    if (wrong.length)
      refuse(
        400,
        `措施：${e.listType === 'honor' ? '红名单只能适用激励措施' : '黑名单只能适用惩戒措施'}，“${wrong.map((w) => w.measure).join('、')}”不符合或已停用。`,
      );
    const depts = await repo.departments(trx);
    const chosen = input.departmentIds.map(
      (id) => depts.find((d) => d.id === id) ?? refuse(400, `实施部门：没有编号为 ${id} 的部门。`),
    );
    const ids = await createTasks(
      trx,
      e,
      chosen.map((d) => ({
        departmentId: d.id,
        unitName: d.name,
        catalogItemIds: [...input.catalogItemIds].sort((a, b) => a - b),
      })),
      'manual',
      today,
      staffActor(staff),
      staff.id,
    );
    if (ids.length < chosen.length) refuse(409, '所选部门中已有部门就该名单条目收到任务，请勿重复发起。');
    return { created: ids };
  });
}

export interface FeedbackInput {
  taskId?: number;
  checkId?: number;
  measure: string;
  outcome: FeedbackOutcome;
  decision?: string | null;
  appliedOn: IsoDate;
  documentNumber: string;
  reason?: string | null;
  idempotencyKey?: string | null;
}

export type FeedbackActor = { departmentId: number; actor: CoordinationActor };

function requestHash(input: FeedbackInput) {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256')
    .update(JSON.stringify(rest, Object.keys(rest).sort()))
    .digest('hex');
}

export function feedbackJson(
  f: Awaited<ReturnType<typeof repo.insertFeedback>>,
  measure: { code: string; measure: string },
) {
  return {
    id: Number(f.id),
    task_id: f.taskId === null ? null : Number(f.taskId),
    check_id: f.creditCheckId === null ? null : Number(f.creditCheckId),
    measure: measure.code,
    measure_name: measure.measure,
    outcome: f.outcome,
    decision: f.decision,
    applied_on: f.appliedOn,
    document_number: f.documentNumber,
    reason: f.reason,
    recorded_at: new Date(f.createdAt).toISOString(),
  };
}
export type FeedbackJson = ReturnType<typeof feedbackJson>;

/**
 * Records what a department did for a task or after a credit check. Catalog-only: the measure must
 * be one the task (or the check's answer) carries. Another department's task or check → 403. A
 * repeat (same idempotency key and body, or the same measure again) answers the first answer.
 */
export async function recordFeedback(
  db: Db,
  who: FeedbackActor,
  input: FeedbackInput,
  today: IsoDate,
): Promise<{ replayed: boolean; feedback: FeedbackJson }> {
  if ((input.taskId === undefined) === (input.checkId === undefined))
    refuse(400, 'task_id 与 check_id：请二选一，说明反馈针对协同任务还是信用核查。');
  if (input.outcome === 'not_applicable' && !input.reason?.trim()) refuse(400, 'reason：结果为“不适用”时请写明理由。');
  if (input.appliedOn > today) refuse(400, 'applied_on：实施日期不能晚于今天。');
  const hash = requestHash(input);
  const result = await db.transaction().execute(async (trx) => {
    if (input.idempotencyKey) {
      const previous = await repo.feedbackByKey(trx, who.departmentId, input.idempotencyKey);
      if (previous) {
        if (previous.requestHash !== hash) refuse(409, 'Idempotency-Key：该幂等键已用于内容不同的另一次反馈。');
        const names = await repo.catalogNames(trx, [previous.catalogItemId]);
        return { replayed: true, feedback: feedbackJson(previous, names.get(previous.catalogItemId)!) };
      }
    }
    const item = await repo.catalogByCode(trx, input.measure);
    if (!item) return refuse(400, `measure：联合奖惩目录中没有编号为“${input.measure}”的措施。`);
    let target: { taskId: number } | { creditCheckId: number };
    if (input.taskId !== undefined) {
      const task = await repo.taskForUpdate(trx, input.taskId);
      if (!task) return refuse(404, `task_id：没有编号为 ${input.taskId} 的协同任务。`);
      if (task.departmentId !== who.departmentId) refuse(403, '该协同任务属于其他部门，只能由承办部门反馈。');
      if (!task.catalogItemIds.includes(item.id))
        refuse(400, `measure：该任务未载明措施“${item.measure}”，不得在目录和名单载明的措施之外实施。`);
      target = { taskId: Number(task.id) };
      const existing = await repo.feedbackFor(trx, target, item.id);
      if (existing) return { replayed: true, feedback: feedbackJson(existing, item) };
      if (task.status === 'ended') refuse(409, '该协同任务已终止（名单已移出或已修复），无需反馈。');
      if (task.status === 'paused') refuse(409, '该名单条目异议处理中，联合惩戒暂停实施，请待恢复后反馈。');
    } else {
      const check = await repo.creditCheckById(trx, input.checkId!);
      if (!check) return refuse(404, `check_id：没有编号为 ${input.checkId} 的信用核查。`);
      if (check.departmentId !== null && check.departmentId !== who.departmentId)
        refuse(403, '该信用核查由其他部门发起，只能由发起核查的部门反馈。');
      if (!check.catalogItemIds.includes(item.id))
        refuse(400, `measure：核查结果未载明措施“${item.measure}”，该主体的名单条目不适用此措施。`);
      target = { creditCheckId: Number(check.id) };
      const existing = await repo.feedbackFor(trx, target, item.id);
      if (existing) return { replayed: true, feedback: feedbackJson(existing, item) };
    }
    const row = await repo.insertFeedback(trx, {
      taskId: 'taskId' in target ? target.taskId : null,
      creditCheckId: 'creditCheckId' in target ? target.creditCheckId : null,
      departmentId: who.departmentId,
      catalogItemId: item.id,
      outcome: input.outcome,
      decision: input.decision?.trim() || null,
      appliedOn: input.appliedOn,
      documentNumber: input.documentNumber.trim(),
      reason: input.reason?.trim() || null,
      idempotencyKey: input.idempotencyKey ?? null,
      requestHash: hash,
      actorType: who.actor.type === 'api' ? 'api' : 'staff',
      actorLabel: who.actor.label,
    });
    await auditCoordination(trx, who.actor, 'feedback.create', 'coordination_feedback', row.id, null, row);
    if ('taskId' in target) {
      const task = (await repo.taskForUpdate(trx, target.taskId))!;
      const answered = await repo.answeredItemsOfTask(trx, task.id);
      if (task.catalogItemIds.every((id) => answered.has(id))) {
        const set = { status: 'answered' as TaskStatus, answeredAt: new Date() };
        await repo.updateTask(trx, task.id, set);
        await auditCoordination(trx, who.actor, 'task.answer', 'coordination_task', task.id, task, { ...task, ...set });
      }
    }
    return { replayed: false, feedback: feedbackJson(row, item) };
  });
  // A measure applied shows on the subject's public profile: cached pages are dropped.
  if (!result.replayed && input.outcome === 'applied') publicDataChanged();
  return result;
}

/** A department's staff answer their own department's tasks; the office reads; admins neither. */
export function staffFeedbackActor(staff: StaffPrincipal): FeedbackActor {
  if (staff.role !== 'department' || staff.departmentId === null)
    return refuse(403, '只有承办部门的工作人员可以反馈执行情况。');
  return { departmentId: staff.departmentId, actor: staffActor(staff) };
}

/** Remembers the credit check an approval system made, so it can report its decision against it. */
export async function recordCreditCheck(
  db: Db,
  c: {
    subjectId: number;
    today: IsoDate;
    status: string;
    catalogItemIds: number[];
    apiKeyId: number | null;
    departmentId: number | null;
  },
): Promise<number> {
  return repo.insertCreditCheck(db, {
    subjectId: c.subjectId,
    checkedOn: c.today,
    status: c.status,
    catalogItemIds: [...new Set(c.catalogItemIds)],
    apiKeyId: c.apiKeyId,
    departmentId: c.departmentId,
  });
}

/** The inbox of a department (its own tasks) or of the office (every department's, filterable). */
export async function inbox(
  db: Db,
  staff: StaffPrincipal,
  today: IsoDate,
  filters: { status?: TaskStatus; overdue?: boolean; departmentId?: number; keyword?: string },
) {
  if (staff.role === 'admin') refuse(403, '系统管理员不处理协同任务。');
  const departmentId = staff.role === 'department' ? staff.departmentId! : filters.departmentId;
  const seen = await repo.seenAt(db, staff.id);
  const [rows, counts] = await Promise.all([
    repo.inbox(db, today, { ...filters, departmentId }),
    repo.inboxCounts(db, today, departmentId, seen),
  ]);
  const [feedback, names] = await Promise.all([
    repo.feedbackOfTasks(
      db,
      rows.map((r) => Number(r.id)),
    ),
    repo.catalogNames(db, [...new Set(rows.flatMap((r) => r.catalogItemIds))]),
  ]);
  return {
    counts,
    seenAt: seen,
    tasks: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      overdue: isOverdue(r, today),
      changed: seen !== null && new Date(r.updatedAt) > seen,
      subjectName: publicSubjectName(r.subjectKind, r.subjectName),
      measures: r.catalogItemIds.map((id) => ({
        id,
        code: names.get(id)?.code ?? '',
        measure: names.get(id)?.measure ?? '',
      })),
      feedback: feedback.filter((f) => Number(f.taskId) === Number(r.id)),
    })),
  };
}

/** The header's badge: open and overdue tasks of the signed-in department (all for the office). */
export async function inboxBadge(db: Db, staff: StaffPrincipal, today: IsoDate) {
  if (staff.role === 'admin') return null;
  const departmentId = staff.role === 'department' ? staff.departmentId! : undefined;
  return repo.inboxCounts(db, today, departmentId, await repo.seenAt(db, staff.id));
}

export const markInboxSeen = (db: Db, staff: StaffPrincipal, at: Date = new Date()) => repo.markSeen(db, staff.id, at);

/** Monitoring (admin and public /stats): per department, measures per item per month, credit checks. */
export async function coordinationStats(db: Db, today: IsoDate) {
  const [departments, measures, checks] = await Promise.all([
    repo.departmentStats(db, today),
    repo.measuresPerMonth(db, addMonths(today.slice(0, 8) + '01', -11)),
    repo.uncheckedCreditChecks(db),
  ]);
  return { today, departments, measures, checks };
}

/**
 * 联合奖惩协同 of one month, as CSV through the one writer: per department the tasks received in
 * the month and how they were answered (open and overdue as of today), the credit checks made and
 * how many led to a measure; then each measure applied in the month, per catalog item and
 * department. Counts only: no subject is named.
 */
export async function coordinationMonthCsv(db: Db, period: { from: IsoDate; to: IsoDate }, today: IsoDate) {
  const [departments, measures] = await Promise.all([
    repo.departmentStats(db, today, period),
    repo.measuresPerMonth(db, period.from, period.to),
  ]);
  return csvDocument([
    ['联合奖惩协同月度监测', `${period.from} 至 ${period.to}`, `统计日 ${today}`],
    ['部门', '收到任务', '期限内反馈', '超期反馈', '待反馈', '已逾期', '信用核查', '核查后实施措施'],
    ...departments.map((d) => [
      d.departmentName,
      d.received,
      d.answeredInTime,
      d.answeredLate,
      d.open,
      d.overdue,
      d.checks,
      d.checksWithMeasure,
    ]),
    [],
    ['实施的措施', '目录编号', '实施部门', '实施次数'],
    ...measures.map((m) => [m.measure, m.code, m.departmentName, m.applied]),
  ]);
}

export type { WebhookEventType };
