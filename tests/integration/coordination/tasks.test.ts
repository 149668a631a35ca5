import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { acceptApplication } from '@/server/applications/service';
import { coordinationMonthCsv, onRecordEvent } from '@/server/coordination/service';
import { monthPeriod } from '@/server/stats/service';
import { parseCsv } from '../../e2e/helpers/csv';
import { runLifecycle } from '@/server/lifecycle/service';
import { getProfile } from '@/server/subjects/service';
import { describeEachDatabase } from '../helpers/databases';
import { appByTracking, objectionInput, rejected, submit } from '../applications/helpers';
import { coordinationWorld, eventsOf, tasksOf } from './world';

// 联合奖惩协同: initiation from the catalog's implementing units, deadlines in working days,
// feedback rules and who may give it, suspension pausing and repair/removal ending tasks.
describeEachDatabase('joint-action tasks', (current) => {
  // 2026-09-28: ten working days later crosses the National Day holiday (Oct 1–7 off, Oct 10 worked).
  const LISTED = '2026-09-28';
  const TODAY = '2026-09-28';

  async function listed(name: string, items: 'punish' | 'both' = 'punish') {
    const { db } = current();
    const w = await coordinationWorld(db, name);
    const caller = createCaller({ db, today: TODAY, staff: w.staffA });
    const { id } = await caller.records.createListEntry({
      listType: 'dishonesty',
      subjectId: w.firm.id,
      decisionNumber: `乐测认〔2026〕${w.firm.id}号`,
      basis: '《测试条例》',
      reason: '拒不履行',
      listedOn: LISTED,
      validUntil: '2027-09-28',
      penaltyRecordId: w.penalty.id,
      catalogItemIds: items === 'both' ? [w.punish.id, w.punishB.id] : [w.punish.id],
    });
    return { ...w, entryId: id };
  }

  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'OK',
      (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
    );

  it('publishing a list entry creates one task per implementing department, due in 10 working days', async () => {
    const { db } = current();
    const w = await listed('乐山市发起测试有限公司', 'both');
    const tasks = await tasksOf(db, w.entryId);
    // B is named by both items, C by one; the deciding department A and the unknown unit get none.
    expect(tasks.map((t) => [t.departmentId, t.catalogItemIds, t.status, t.origin])).toEqual([
      [w.b.id, [w.punish.id, w.punishB.id], 'open', 'auto'],
      [w.c.id, [w.punish.id], 'open', 'auto'],
    ]);
    // 9/29, 9/30, 10/8, 10/9, 10/10 (make-up Saturday), 10/12 … 10/16.
    expect(tasks.map((t) => t.dueOn)).toEqual(['2026-10-16', '2026-10-16']);
    const types = (await eventsOf(db, w.firm.id)).map((e) => e.type);
    expect(types).toEqual(['list_entry.published', 'task.created', 'task.created']);
    const audit = await db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'task.create')
      .where(
        'entityId',
        'in',
        tasks.map((t) => String(t.id)),
      )
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('the office initiates by hand, only with catalog measures of the entry kind; departments cannot', async () => {
    const { db } = current();
    const w = await listed('乐山市手动发起测试有限公司');
    const office = createCaller({ db, today: TODAY, staff: w.office });
    expect(
      await code(
        office.coordination.initiate({
          listEntryId: w.entryId,
          departmentIds: [w.a.id],
          catalogItemIds: [w.reward.id],
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await code(office.coordination.initiate({ listEntryId: w.entryId, departmentIds: [w.a.id], catalogItemIds: [] })),
    ).toBe('BAD_REQUEST');
    const asDept = createCaller({ db, today: TODAY, staff: w.staffB });
    expect(
      await code(
        asDept.coordination.initiate({
          listEntryId: w.entryId,
          departmentIds: [w.a.id],
          catalogItemIds: [w.punishB.id],
        }),
      ),
    ).toBe('FORBIDDEN');
    const created = await office.coordination.initiate({
      listEntryId: w.entryId,
      departmentIds: [w.a.id],
      catalogItemIds: [w.punishB.id],
    });
    expect(created.created).toHaveLength(1);
    // B already has a task for this entry: a second one is refused, not duplicated.
    expect(
      await code(
        office.coordination.initiate({
          listEntryId: w.entryId,
          departmentIds: [w.b.id],
          catalogItemIds: [w.punishB.id],
        }),
      ),
    ).toBe('CONFLICT');
    const tasks = await tasksOf(db, w.entryId);
    expect(tasks.find((t) => t.departmentId === w.a.id)).toMatchObject({
      origin: 'manual',
      catalogItemIds: [w.punishB.id],
    });
  });

  it('feedback: own department only, catalog measures of the task only, a repeat gives the same answer', async () => {
    const { db } = current();
    const w = await listed('乐山市反馈测试有限公司', 'both');
    const [taskB, taskC] = await tasksOf(db, w.entryId);
    const input = (taskId: number, measure: string) => ({
      taskId,
      measure,
      outcome: 'applied' as const,
      appliedOn: '2026-10-09',
      documentNumber: '乐测采〔2026〕7号',
    });
    const ON = '2026-10-09';
    const asB = createCaller({ db, today: ON, staff: w.staffB });
    const asC = createCaller({ db, today: ON, staff: w.staffC });
    // Role × department: only the task's own department may answer.
    expect(await code(asC.coordination.feedback(input(taskB!.id, w.punish.code)))).toBe('FORBIDDEN');
    for (const staff of [w.staffA, w.office, w.admin])
      expect(
        await code(createCaller({ db, today: ON, staff }).coordination.feedback(input(taskB!.id, w.punish.code))),
      ).toBe('FORBIDDEN');
    expect(await code(createCaller({ db, today: ON }).coordination.feedback(input(taskB!.id, w.punish.code)))).toBe(
      'UNAUTHORIZED',
    );
    // Catalog-only: C's task does not carry punishB; an incentive never fits a black-list task.
    expect(await code(asC.coordination.feedback(input(taskC!.id, w.punishB.code)))).toBe('BAD_REQUEST');
    expect(await code(asB.coordination.feedback(input(taskB!.id, w.reward.code)))).toBe('BAD_REQUEST');
    expect(
      await code(asB.coordination.feedback({ ...input(taskB!.id, w.punish.code), outcome: 'not_applicable' })),
    ).toBe('BAD_REQUEST');

    const first = await asB.coordination.feedback(input(taskB!.id, w.punish.code));
    expect((await tasksOf(db, w.entryId))[0]!.status).toBe('open'); // punishB still unanswered
    const again = await asB.coordination.feedback(input(taskB!.id, w.punish.code));
    expect(again).toEqual(first);
    await asB.coordination.feedback({
      ...input(taskB!.id, w.punishB.code),
      outcome: 'not_applicable',
      reason: '该主体未申请政府采购',
    });
    expect((await tasksOf(db, w.entryId))[0]).toMatchObject({ status: 'answered' });
    // The inbox: B sees only its own task, answered; the office sees both.
    const inboxB = await asB.coordination.inbox({});
    expect(inboxB.tasks.map((t) => t.id)).toEqual([taskB!.id]);
    expect(inboxB.tasks[0]!.feedback.map((f) => f.outcome)).toEqual(['applied', 'not_applicable']);
    const inboxOffice = await createCaller({ db, today: TODAY, staff: w.office }).coordination.inbox({
      keyword: '反馈测试',
    });
    expect(inboxOffice.tasks.map((t) => t.id).sort()).toEqual([taskB!.id, taskC!.id].sort());
    expect(await code(createCaller({ db, today: TODAY, staff: w.admin }).coordination.inbox({}))).toBe('FORBIDDEN');
  });

  it('a task still open after its deadline is announced overdue once, to its own department; an answered or paused one never; a resumed one again, against its new deadline', async () => {
    const { db } = current();
    const w = await listed('乐山市逾期测试有限公司');
    const [taskB, taskC] = await tasksOf(db, w.entryId);
    expect([taskB!.dueOn, taskC!.dueOn]).toEqual(['2026-10-16', '2026-10-16']);
    await createCaller({ db, today: '2026-10-09', staff: w.staffC }).coordination.feedback({
      taskId: taskC!.id,
      measure: w.punish.code,
      outcome: 'applied',
      appliedOn: '2026-10-09',
      documentNumber: '乐测采〔2026〕8号',
    });
    // The stored event as sent (the text of the payload: Kysely's camel-case plugin would rename its keys).
    const overdue = async () =>
      (
        await db
          .selectFrom('webhookEvents')
          .select(['departmentId', sql<string>`payload::text`.as('body')])
          .where('subjectKey', '=', `subject:${w.firm.id}`)
          .where('type', '=', 'task.overdue')
          .orderBy('id')
          .execute()
      ).map((e) => {
        const { task } = JSON.parse(e.body) as { task: { id: number; due_on: string } };
        return [e.departmentId, task.id, task.due_on];
      });

    await runLifecycle(db, '2026-10-16'); // the last day is still in time
    expect(await overdue()).toEqual([]);
    const day = await runLifecycle(db, '2026-10-17');
    expect(day.tasksOverdue).toBeGreaterThanOrEqual(1);
    expect(await overdue()).toEqual([[w.b.id, taskB!.id, '2026-10-16']]);
    await runLifecycle(db, '2026-10-17');
    await runLifecycle(db, '2026-10-19');
    expect(await overdue()).toHaveLength(1); // once, however often the job runs
    const audited = await db
      .selectFrom('auditLog')
      .select('entityId')
      .where('action', '=', 'task.overdue')
      .where('entityId', 'in', [String(taskB!.id), String(taskC!.id)])
      .execute();
    expect(audited).toEqual([{ entityId: String(taskB!.id) }]);

    // An objection pauses the overdue task (a paused task is never announced); its rejection moves
    // the deadline by the paused working days (10/20, 10/21 → 10/20, still past), and the task is
    // announced again, against its new deadline.
    const filed = await submit(db, objectionInput(w.penalty.id), '2026-10-19');
    const app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, w.staffA, { id: app.id, version: app.version }, '2026-10-19');
    await runLifecycle(db, '2026-10-20');
    expect(await overdue()).toHaveLength(1);
    const accepted = await appByTracking(db, filed.trackingNumber);
    await rejected(db, w.staffA, accepted, '2026-10-21', '经核查，原处罚决定事实清楚。');
    const resumed = (await tasksOf(db, w.entryId))[0]!;
    expect([resumed.status, resumed.dueOn]).toEqual(['open', '2026-10-20']);
    await runLifecycle(db, '2026-10-21');
    await runLifecycle(db, '2026-10-22');
    expect(await overdue()).toEqual([
      [w.b.id, taskB!.id, '2026-10-16'],
      [w.b.id, taskB!.id, '2026-10-20'],
    ]);
  });

  it('the public profile shows which measures were applied and by whom (not what did not apply); of a natural person only how many', async () => {
    const { db } = current();
    const w = await listed('乐山市实施展示测试有限公司');
    const [taskB, taskC] = await tasksOf(db, w.entryId);
    const ON = '2026-10-09';
    const feedback = (staff: typeof w.staffB, taskId: number, outcome: 'applied' | 'not_applicable') =>
      createCaller({ db, today: ON, staff }).coordination.feedback({
        taskId,
        measure: w.punish.code,
        outcome,
        appliedOn: ON,
        documentNumber: `乐测采〔2026〕${taskId}号`,
        ...(outcome === 'not_applicable' ? { reason: '该主体未申请政府采购' } : {}),
      });
    const appliedOf = async () =>
      (await getProfile(db, w.firm.id, '2026-10-12'))!.listEntries.find((e) => e.id === w.entryId)!.applied;
    expect(await appliedOf()).toEqual({ count: 0, measures: [] });
    await feedback(w.staffB, taskB!.id, 'applied');
    await feedback(w.staffC, taskC!.id, 'not_applicable');
    expect(await appliedOf()).toEqual({
      count: 1,
      measures: [
        {
          code: w.punish.code,
          measure: `限制参与政府采购${w.punish.code}`,
          department: w.b.name.replace('乐山市', ''), // its short name, as on /stats
          appliedOn: ON,
        },
      ],
    });
    // Of a natural person the profile says how many measures were applied, not which or by whom.
    await db.updateTable('subjects').set({ kind: 'natural_person', uscc: null }).where('id', '=', w.firm.id).execute();
    expect(await appliedOf()).toEqual({ count: 1, measures: [] });
  });

  it('the monthly CSV counts the tasks received and the measures applied in that month, per department', async () => {
    const { db } = current();
    const w = await listed('乐山市月报测试有限公司', 'both');
    const [taskB] = await tasksOf(db, w.entryId);
    await createCaller({ db, today: '2026-10-09', staff: w.staffB }).coordination.feedback({
      taskId: taskB!.id,
      measure: w.punishB.code,
      outcome: 'applied',
      appliedOn: '2026-10-09',
      documentNumber: '乐测采〔2026〕月1号',
    });
    const csv = async (month: string) => {
      const text = await coordinationMonthCsv(db, monthPeriod(month), '2026-10-12');
      expect(text.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
      return parseCsv(text.slice(1));
    };
    const short = (d: { name: string }) => d.name.replace('乐山市', '');
    const departmentRow = (rows: string[][], d: { name: string }) => rows.find((r) => r[0] === short(d));
    const measureRows = (rows: string[][]) => rows.filter((r) => r[1] === w.punish.code || r[1] === w.punishB.code);

    // September: both tasks were received (listed 9/28); nothing was applied yet.
    const september = await csv('2026-09');
    expect(september[0]).toEqual(['联合奖惩协同月度监测', '2026-09-01 至 2026-09-30', '统计日 2026-10-12']);
    expect(september[1]).toEqual([
      '部门',
      '收到任务',
      '期限内反馈',
      '超期反馈',
      '待反馈',
      '已逾期',
      '信用核查',
      '核查后实施措施',
    ]);
    expect(departmentRow(september, w.b)?.slice(1, 2)).toEqual(['1']);
    expect(departmentRow(september, w.c)?.[1]).toBe('1');
    expect(departmentRow(september, w.c)?.[4]).toBe('1'); // still open on 10/12
    expect(measureRows(september)).toEqual([]);
    // October: no task received; B applied punishB once.
    const october = await csv('2026-10');
    expect(departmentRow(october, w.b)).toBeUndefined();
    expect(measureRows(october)).toEqual([[`限制参与政府采购${w.punishB.code}`, w.punishB.code, short(w.b), '1']]);
  });

  it('an objection pauses the open tasks, its rejection resumes them with the deadline moved; removal ends them', async () => {
    const { db } = current();
    const w = await listed('乐山市暂停测试有限公司');
    const filed = await submit(db, objectionInput(w.penalty.id), '2026-10-08');
    const app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, w.staffA, { id: app.id, version: app.version }, '2026-10-09');
    let tasks = await tasksOf(db, w.entryId);
    expect(tasks.map((t) => [t.status, t.pausedSince])).toEqual([
      ['paused', '2026-10-09'],
      ['paused', '2026-10-09'],
    ]);
    const asB = createCaller({ db, today: '2026-10-12', staff: w.staffB });
    const fb = {
      taskId: tasks[0]!.id,
      measure: w.punish.code,
      outcome: 'applied' as const,
      appliedOn: '2026-10-12',
      documentNumber: 'X1',
    };
    expect(await code(asB.coordination.feedback(fb))).toBe('CONFLICT');
    const accepted = await appByTracking(db, filed.trackingNumber);
    await rejected(db, w.staffA, accepted, '2026-10-14', '经核查，原处罚决定事实清楚。');
    tasks = await tasksOf(db, w.entryId);
    // Paused from Fri 10/9 to Wed 10/14: four working days (Sat 10/10 is a make-up day, 10/12–10/14)
    // → 10/16 + 4 working days = 10/22.
    expect(tasks.map((t) => [t.status, t.dueOn])).toEqual([
      ['open', '2026-10-22'],
      ['open', '2026-10-22'],
    ]);
    const types = (await eventsOf(db, w.firm.id)).map((e) => e.type);
    expect(types).toContain('list_entry.suspended');
    expect(types).toContain('list_entry.resumed');

    await createCaller({ db, today: '2026-10-15', staff: w.staffA }).records.removeListEntry({
      id: w.entryId,
      reason: '法院已撤销原判决，依法移出。',
    });
    tasks = await tasksOf(db, w.entryId);
    expect(tasks.map((t) => [t.status, t.endedOn])).toEqual([
      ['ended', '2026-10-15'],
      ['ended', '2026-10-15'],
    ]);
    expect(await code(asB.coordination.feedback(fb))).toBe('CONFLICT');
  });

  it('a repair ends the tasks and tells subscribers', async () => {
    const { db } = current();
    const w = await listed('乐山市修复测试有限公司');
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('listEntries')
        .set({ status: 'repaired', removedOn: '2026-10-20' })
        .where('id', '=', w.entryId)
        .execute();
      await onRecordEvent(trx, { kind: 'list_entry.repaired', id: w.entryId, today: '2026-10-20' });
    });
    expect((await tasksOf(db, w.entryId)).map((t) => [t.status, t.endReason])).toEqual([
      ['ended', '主体已信用修复'],
      ['ended', '主体已信用修复'],
    ]);
    expect((await eventsOf(db, w.firm.id)).at(-1)?.type).toBe('list_entry.repaired');
  });
});
