import type { Db } from '../db/client';
import { addDays, type IsoDate } from '../rules/dates';
import { planTasks, taskDueOn } from './rules';

// Demo joint-action data, so that /admin/tasks and /stats are not empty on a fresh start: tasks
// for the most recent active list entries in every state (open, overdue, paused, answered, not
// applicable, ended), and credit checks of which some led to a measure. Deterministic.

const STATES = ['open', 'overdue', 'answered', 'not_applicable', 'paused', 'ended'] as const;

export async function seedCoordination(db: Db, today: IsoDate): Promise<number> {
  const entries = await db
    .selectFrom('listEntries')
    .select(['id', 'subjectId', 'listType'])
    .where('status', '=', 'active')
    .where('validUntil', '>=', today)
    .orderBy('listedOn', 'desc')
    .orderBy('id', 'desc')
    .limit(60)
    .execute();
  if (entries.length === 0) return 0;
  const departments = await db.selectFrom('departments').select(['id', 'name', 'divisionCode']).execute();
  const measures = await db
    .selectFrom('listEntryMeasures as m')
    .innerJoin('catalogItems as c', 'c.id', 'm.catalogItemId')
    .select(['m.listEntryId', 'c.id', 'c.implementingUnits'])
    .where(
      'm.listEntryId',
      'in',
      entries.map((e) => e.id),
    )
    .execute();
  let created = 0;
  for (const [i, e] of entries.entries()) {
    const state = STATES[i % STATES.length]!;
    const received = addDays(today, state === 'open' ? -2 : state === 'overdue' ? -40 : -30);
    const dueOn = taskDueOn(received);
    const planned = planTasks(
      measures.filter((m) => m.listEntryId === e.id),
      departments,
    );
    for (const p of planned) {
      const status = state === 'overdue' ? 'open' : state === 'not_applicable' ? 'answered' : state;
      const task = await db
        .insertInto('coordinationTasks')
        .values({
          listEntryId: e.id,
          departmentId: p.departmentId,
          unitName: p.unitName,
          catalogItemIds: p.catalogItemIds,
          origin: 'auto',
          status,
          receivedOn: received,
          dueOn,
          pausedSince: status === 'paused' ? addDays(today, -5) : null,
          endedOn: status === 'ended' ? addDays(today, -3) : null,
          endReason: status === 'ended' ? '名单条目已移出' : null,
          answeredAt: status === 'answered' ? new Date(`${addDays(received, 5)}T10:00:00+08:00`) : null,
        })
        .onConflict((oc) => oc.columns(['listEntryId', 'departmentId']).doNothing())
        .returning(['id', 'status', 'dueOn'])
        .executeTakeFirst();
      if (!task) continue;
      created++;
      if (status !== 'answered') continue;
      for (const item of p.catalogItemIds) {
        await db
          .insertInto('coordinationFeedback')
          .values({
            taskId: task.id,
            departmentId: p.departmentId,
            catalogItemId: item,
            outcome: state === 'answered' ? 'applied' : 'not_applicable',
            appliedOn: addDays(received, 5),
            documentNumber: `乐协〔${received.slice(0, 4)}〕${task.id}号`,
            reason: state === 'answered' ? null : '该主体未在本部门办理相关业务',
            actorType: 'staff',
            actorLabel: p.unitName,
          })
          .execute();
      }
    }
  }
  // Credit checks by approval systems: every other one led to a measure.
  const keyed = entries.filter((e) => e.listType === 'dishonesty').slice(0, 12);
  for (const [i, e] of keyed.entries()) {
    const items = measures.filter((m) => m.listEntryId === e.id).map((m) => m.id);
    if (items.length === 0) continue;
    const check = await db
      .insertInto('creditChecks')
      .values({
        subjectId: e.subjectId,
        checkedOn: addDays(today, -i),
        status: 'dishonesty',
        catalogItemIds: items,
        apiKeyId: null,
        departmentId: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (i % 2 === 0) {
      const dept = departments.find((d) => d.name === '乐山市市场监督管理局') ?? departments[0]!;
      await db
        .insertInto('coordinationFeedback')
        .values({
          creditCheckId: check.id,
          departmentId: dept.id,
          catalogItemId: items[0]!,
          outcome: 'applied',
          decision: '不予许可',
          appliedOn: addDays(today, -i),
          documentNumber: `乐市监审〔${today.slice(0, 4)}〕${100 + i}号`,
          actorType: 'api',
          actorLabel: `${dept.name}（API）`,
        })
        .execute();
    }
  }
  return created;
}
