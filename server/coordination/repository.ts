import { sql } from 'kysely';
import type { Db } from '../db/client';
import type { TaskStatus } from './tables';

// SQL of joint-action coordination: tasks, feedback, credit checks, the inbox and monitoring.

export async function entryForEvent(db: Db, id: number) {
  return db
    .selectFrom('listEntries as e')
    .innerJoin('subjects as s', 's.id', 'e.subjectId')
    .innerJoin('departments as d', 'd.id', 'e.departmentId')
    .select([
      'e.id',
      'e.listType',
      'e.status',
      'e.subjectId',
      'e.departmentId',
      'd.name as departmentName',
      'e.decisionNumber',
      'e.listedOn',
      'e.validUntil',
      'e.removedOn',
      'e.removalReason',
      's.kind as subjectKind',
      's.name as subjectName',
      's.uscc as subjectUscc',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/** The penalties of a batch of events, with their subject and department (primary-key lookups). */
export async function penaltiesForEvents(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('penaltyRecords as p')
    .innerJoin('subjects as s', 's.id', 'p.subjectId')
    .innerJoin('departments as d', 'd.id', 'p.departmentId')
    .select([
      'p.id',
      'p.status',
      'p.subjectId',
      'p.departmentId',
      'd.name as departmentName',
      'p.documentNumber',
      'p.decisionDate',
      'p.publicUntil',
      's.kind as subjectKind',
      's.name as subjectName',
      's.uscc as subjectUscc',
    ])
    .where(sql<boolean>`p.id = any(${[...ids]}::bigint[])`)
    .execute();
}

export async function departments(db: Db) {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'shortName', 'divisionCode'])
    .orderBy('sortOrder')
    .execute();
}

export async function catalogByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('catalogItems')
    .select(['id', 'code', 'kind', 'measure', 'active'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function catalogByCode(db: Db, code: string) {
  return db
    .selectFrom('catalogItems')
    .select(['id', 'code', 'kind', 'measure'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertTasks(
  db: Db,
  rows: {
    listEntryId: number;
    departmentId: number;
    unitName: string;
    catalogItemIds: number[];
    origin: 'auto' | 'manual';
    receivedOn: string;
    dueOn: string;
    createdBy: number | null;
  }[],
) {
  if (rows.length === 0) return [];
  return db
    .insertInto('coordinationTasks')
    .values(rows)
    .onConflict((oc) => oc.columns(['listEntryId', 'departmentId']).doNothing())
    .returning(['id', 'departmentId', 'dueOn', 'catalogItemIds'])
    .execute();
}

export async function tasksOfEntry(db: Db, listEntryId: number, statuses: readonly TaskStatus[]) {
  return db
    .selectFrom('coordinationTasks')
    .selectAll()
    .where('listEntryId', '=', listEntryId)
    .where('status', 'in', [...statuses])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function updateTask(db: Db, id: number, set: Record<string, unknown>) {
  await db
    .updateTable('coordinationTasks')
    .set({ ...set, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Open tasks whose deadline passed before `today` and that were not announced yet: marked as
 * announced today and returned (once: a second call the same or a later day finds none).
 */
export async function claimNewlyOverdue(db: Db, today: string) {
  return db
    .updateTable('coordinationTasks')
    .set({ overdueAnnouncedOn: today, updatedAt: sql`now()` })
    .where('status', '=', 'open')
    .where('dueOn', '<', today)
    .where('overdueAnnouncedOn', 'is', null)
    .returning(['id', 'listEntryId', 'departmentId', 'dueOn', 'catalogItemIds'])
    .execute();
}

/**
 * Measures applied (feedback 已实施) against a subject's list entries, for its public profile:
 * through an entry's tasks, or against a credit check of the subject that names one of the
 * entry's catalog measures. Newest first.
 */
export async function appliedMeasuresOfEntries(db: Db, subjectId: number, listEntryIds: readonly number[]) {
  if (listEntryIds.length === 0) return [];
  const ids = sql.join(listEntryIds.map((id) => sql`${id}`));
  const r = await sql<{
    listEntryId: number;
    code: string;
    measure: string;
    departmentName: string;
    appliedOn: string;
  }>`
    select t.list_entry_id, c.code, c.measure, d.short_name as department_name, f.applied_on::text as applied_on
    from coordination_feedback f
    join coordination_tasks t on t.id = f.task_id
    join catalog_items c on c.id = f.catalog_item_id
    join departments d on d.id = f.department_id
    where f.outcome = 'applied' and t.list_entry_id in (${ids})
    union
    select m.list_entry_id, c.code, c.measure, d.short_name, f.applied_on::text
    from coordination_feedback f
    join credit_checks k on k.id = f.credit_check_id
    join list_entry_measures m on m.catalog_item_id = f.catalog_item_id and m.list_entry_id in (${ids})
    join catalog_items c on c.id = f.catalog_item_id
    join departments d on d.id = f.department_id
    where f.outcome = 'applied' and k.subject_id = ${subjectId}
    order by applied_on desc, code`.execute(db);
  return r.rows;
}

export async function taskForUpdate(db: Db, id: number) {
  return db.selectFrom('coordinationTasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function creditCheckById(db: Db, id: number) {
  return db.selectFrom('creditChecks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCreditCheck(
  db: Db,
  c: {
    subjectId: number;
    checkedOn: string;
    status: string;
    catalogItemIds: number[];
    apiKeyId: number | null;
    departmentId: number | null;
  },
) {
  const row = await db.insertInto('creditChecks').values(c).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function feedbackByKey(db: Db, departmentId: number, key: string) {
  return db
    .selectFrom('coordinationFeedback')
    .selectAll()
    .where('departmentId', '=', departmentId)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export async function feedbackFor(
  db: Db,
  target: { taskId: number } | { creditCheckId: number },
  catalogItemId: number,
) {
  let q = db.selectFrom('coordinationFeedback').selectAll().where('catalogItemId', '=', catalogItemId);
  q = 'taskId' in target ? q.where('taskId', '=', target.taskId) : q.where('creditCheckId', '=', target.creditCheckId);
  return q.executeTakeFirst();
}

export async function insertFeedback(
  db: Db,
  f: {
    taskId: number | null;
    creditCheckId: number | null;
    departmentId: number;
    catalogItemId: number;
    outcome: 'applied' | 'not_applicable';
    decision: string | null;
    appliedOn: string;
    documentNumber: string;
    reason: string | null;
    idempotencyKey: string | null;
    requestHash: string | null;
    actorType: 'staff' | 'api';
    actorLabel: string;
  },
) {
  return db.insertInto('coordinationFeedback').values(f).returningAll().executeTakeFirstOrThrow();
}

export async function answeredItemsOfTask(db: Db, taskId: number) {
  const rows = await db
    .selectFrom('coordinationFeedback')
    .select('catalogItemId')
    .where('taskId', '=', taskId)
    .execute();
  return new Set(rows.map((r) => r.catalogItemId));
}

export interface TaskFilters {
  departmentId?: number;
  status?: TaskStatus;
  overdue?: boolean;
  keyword?: string;
}

/** The inbox: overdue first, then by due date; each with its entry, subject and department. */
export async function inbox(db: Db, today: string, f: TaskFilters, limit = 200) {
  let q = db
    .selectFrom('coordinationTasks as t')
    .innerJoin('listEntries as e', 'e.id', 't.listEntryId')
    .innerJoin('subjects as s', 's.id', 'e.subjectId')
    .innerJoin('departments as d', 'd.id', 't.departmentId')
    .innerJoin('departments as ed', 'ed.id', 'e.departmentId')
    .select([
      't.id',
      't.status',
      't.origin',
      't.dueOn',
      't.receivedOn',
      't.pausedSince',
      't.endedOn',
      't.endReason',
      't.answeredAt',
      't.updatedAt',
      't.catalogItemIds',
      't.departmentId',
      'd.shortName as departmentName',
      'e.id as listEntryId',
      'e.listType',
      'e.decisionNumber',
      'e.status as entryStatus',
      'ed.shortName as decidingDepartment',
      's.id as subjectId',
      's.kind as subjectKind',
      's.name as subjectName',
      's.uscc as subjectUscc',
      sql<boolean>`(t.status = 'open' and t.due_on < ${today}::date)`.as('overdue'),
    ])
    .orderBy(sql`(t.status = 'open' and t.due_on < ${today}::date)`, 'desc')
    .orderBy(sql`case t.status when 'open' then 0 when 'paused' then 1 when 'answered' then 2 else 3 end`)
    .orderBy('t.dueOn')
    .orderBy('t.id')
    .limit(limit);
  if (f.departmentId !== undefined) q = q.where('t.departmentId', '=', f.departmentId);
  if (f.status !== undefined) q = q.where('t.status', '=', f.status);
  if (f.overdue) q = q.where('t.status', '=', 'open').where('t.dueOn', '<', today);
  if (f.keyword)
    q = q.where((eb) =>
      eb.or([eb('s.name', 'like', `%${f.keyword}%`), eb('e.decisionNumber', 'like', `%${f.keyword}%`)]),
    );
  return q.execute();
}

export async function inboxCounts(db: Db, today: string, departmentId: number | undefined, seenAt: Date | null) {
  const dept = departmentId === undefined ? sql`true` : sql`department_id = ${departmentId}`;
  const since = seenAt ?? new Date(0);
  const r = await sql<{ open: number; overdue: number; paused: number; changed: number }>`
    select count(*) filter (where status = 'open')::int as open,
           count(*) filter (where status = 'open' and due_on < ${today}::date)::int as overdue,
           count(*) filter (where status = 'paused')::int as paused,
           count(*) filter (where updated_at > ${since})::int as changed
    from coordination_tasks where ${dept}`.execute(db);
  return r.rows[0] ?? { open: 0, overdue: 0, paused: 0, changed: 0 };
}

export async function seenAt(db: Db, staffUserId: number) {
  const r = await db
    .selectFrom('coordinationInboxViews')
    .select('seenAt')
    .where('staffUserId', '=', staffUserId)
    .executeTakeFirst();
  return r?.seenAt ?? null;
}

export async function markSeen(db: Db, staffUserId: number, at: Date) {
  await db
    .insertInto('coordinationInboxViews')
    .values({ staffUserId, seenAt: at })
    .onConflict((oc) => oc.column('staffUserId').doUpdateSet({ seenAt: at }))
    .execute();
}

export async function feedbackOfTasks(db: Db, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('coordinationFeedback as f')
    .innerJoin('catalogItems as c', 'c.id', 'f.catalogItemId')
    .select([
      'f.id',
      'f.taskId',
      'c.code',
      'c.measure',
      'f.outcome',
      'f.appliedOn',
      'f.documentNumber',
      'f.reason',
      'f.actorLabel',
    ])
    .where('f.taskId', 'in', [...taskIds])
    .orderBy('f.id')
    .execute();
}

export async function catalogNames(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { code: string; measure: string }>();
  const rows = await db
    .selectFrom('catalogItems')
    .select(['id', 'code', 'measure'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, measure: r.measure }]));
}

/**
 * Monitoring per department (SPEC §7: the office sees every department's timeliness). With a
 * period: the tasks received and the credit checks made in it (open and overdue as of `today`).
 */
export async function departmentStats(db: Db, today: string, period?: { from: string; to: string }) {
  const tasksIn = period ? sql`where received_on between ${period.from}::date and ${period.to}::date` : sql``;
  const checksIn = period ? sql`where cc.checked_on between ${period.from}::date and ${period.to}::date` : sql``;
  const r = await sql<{
    departmentId: number;
    departmentName: string;
    received: number;
    answeredInTime: number;
    answeredLate: number;
    overdue: number;
    open: number;
    checks: number;
    checksWithMeasure: number;
  }>`
    select d.id as department_id, d.short_name as department_name,
      coalesce(t.received, 0)::int as received, coalesce(t.in_time, 0)::int as answered_in_time,
      coalesce(t.late, 0)::int as answered_late, coalesce(t.overdue, 0)::int as overdue, coalesce(t.open, 0)::int as open,
      coalesce(c.checks, 0)::int as checks, coalesce(c.with_measure, 0)::int as checks_with_measure
    from departments d
    left join (
      select department_id, count(*) as received,
        count(*) filter (where status = 'answered' and (answered_at at time zone 'Asia/Shanghai')::date <= due_on) as in_time,
        count(*) filter (where status = 'answered' and (answered_at at time zone 'Asia/Shanghai')::date > due_on) as late,
        count(*) filter (where status = 'open' and due_on < ${today}::date) as overdue,
        count(*) filter (where status = 'open') as open
      from coordination_tasks ${tasksIn} group by department_id
    ) t on t.department_id = d.id
    left join (
      select k.department_id, count(*) as checks,
        count(*) filter (where exists (select 1 from coordination_feedback f
                                       where f.credit_check_id = cc.id and f.outcome = 'applied')) as with_measure
      from credit_checks cc join api_keys k on k.id = cc.api_key_id ${checksIn} group by k.department_id
    ) c on c.department_id = d.id
    where t.received is not null or c.checks is not null
    order by d.sort_order`.execute(db);
  return r.rows;
}

/** Measures applied per catalog item per month (feedback with outcome 已实施), from tasks and credit checks. */
export async function measuresPerMonth(db: Db, from: string, to = '9999-12-31') {
  const r = await sql<{ month: string; code: string; measure: string; departmentName: string; applied: number }>`
    select to_char(f.applied_on, 'YYYY-MM') as month, c.code, c.measure, d.short_name as department_name,
           count(*)::int as applied
    from coordination_feedback f
    join catalog_items c on c.id = f.catalog_item_id
    join departments d on d.id = f.department_id
    where f.outcome = 'applied' and f.applied_on between ${from}::date and ${to}::date
    group by 1, 2, 3, 4 order by 1 desc, 2, 4`.execute(db);
  return r.rows;
}

export async function uncheckedCreditChecks(db: Db) {
  const r = await sql<{ total: number; withMeasure: number }>`
    select count(*)::int as total,
      count(*) filter (where exists (select 1 from coordination_feedback f
                                     where f.credit_check_id = cc.id and f.outcome = 'applied'))::int as with_measure
    from credit_checks cc`.execute(db);
  return r.rows[0] ?? { total: 0, withMeasure: 0 };
}
