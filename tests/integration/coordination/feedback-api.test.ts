import { expect, it } from 'vitest';
import { createApiKey } from '@/server/api-keys/service';
import { createCaller } from '@/server/root';
import { describeEachDatabase } from '../helpers/databases';
import { apiFetch, BASE } from '../api/client';
import { coordinationWorld, tasksOf } from './world';

// POST /api/v1/feedback as a department's system uses it: per task, and against a credit check's
// id (the approval system closing the loop), with an Idempotency-Key.
describeEachDatabase('feedback API', (current) => {
  const TODAY = '2026-10-12';

  async function setup(name: string) {
    const { db } = current();
    const w = await coordinationWorld(db, name);
    await createCaller({ db, today: TODAY, staff: w.staffA }).records.createListEntry({
      listType: 'dishonesty',
      subjectId: w.firm.id,
      decisionNumber: `乐测认〔2026〕${w.firm.id}号`,
      basis: '《测试条例》',
      reason: '拒不履行',
      listedOn: '2026-10-12',
      validUntil: '2027-10-12',
      penaltyRecordId: w.penalty.id,
      catalogItemIds: [w.punish.id],
    });
    const keyB = (await createApiKey(db, { departmentId: w.b.id, name: 'B 审批系统' })).key;
    const keyC = (await createApiKey(db, { departmentId: w.c.id, name: 'C 审批系统' })).key;
    const fetch = apiFetch(db, TODAY);
    const post = (key: string, body: unknown, idem: string | null = crypto.randomUUID()) =>
      fetch(`${BASE}/api/v1/feedback`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          ...(idem === null ? {} : { 'idempotency-key': idem }),
        },
        body: JSON.stringify(body),
      });
    const check = async (key: string) =>
      (await (
        await fetch(`${BASE}/api/v1/subjects/${w.firm.uscc}/credit-check`, {
          headers: { authorization: `Bearer ${key}` },
        })
      ).json()) as { check_id: number; status: string; measures: { code: string }[] };
    return { ...w, db, post, check, keyB, keyC };
  }

  it('a credit check gets an id; the checking system reports its decision against it, once', async () => {
    const s = await setup('乐山市核查反馈测试有限公司');
    const c = await s.check(s.keyB);
    expect(c.status).toBe('dishonesty');
    expect(c.measures.map((m) => m.code)).toEqual([s.punish.code]);
    expect(c.check_id).toBeGreaterThan(0);
    const body = {
      check_id: c.check_id,
      measure: s.punish.code,
      outcome: 'applied',
      decision: '不予许可',
      applied_on: TODAY,
      document_number: '乐测审〔2026〕88号',
    };
    const idem = 'b-approval-0001';
    const first = await s.post(s.keyB, body, idem);
    expect(first.status).toBe(201);
    const answer = await first.json();
    expect(answer).toMatchObject({
      check_id: c.check_id,
      measure: s.punish.code,
      outcome: 'applied',
      decision: '不予许可',
    });
    // The same request again (a retry): the same answer, nothing new stored.
    const retry = await s.post(s.keyB, body, idem);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(answer);
    // The same measure under a new key is still the same feedback.
    expect(await (await s.post(s.keyB, body)).json()).toEqual(answer);
    // The key reused for a different body: refused.
    expect((await s.post(s.keyB, { ...body, document_number: '别的文号' }, idem)).status).toBe(409);
    // Another department cannot report against B's check.
    expect((await s.post(s.keyC, body)).status).toBe(403);
    // Catalog-only: an item the subject's entries do not carry.
    expect((await s.post(s.keyB, { ...body, measure: s.punishB.code })).status).toBe(400);
    expect((await s.post(s.keyB, { ...body, measure: '没有这项' })).status).toBe(400);
    // No Idempotency-Key, no key, a malformed body.
    expect((await s.post(s.keyB, body, null)).status).toBe(400);
    const bad = await s.post(s.keyB, { ...body, applied_on: '2026-13-01' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).detail).toContain('applied_on');
    const stored = await s.db
      .selectFrom('coordinationFeedback')
      .select('id')
      .where('creditCheckId', '=', c.check_id)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('per task: the task own department answers, another department gets 403', async () => {
    const s = await setup('乐山市任务接口测试有限公司');
    const [taskB, taskC] = await tasksOf(
      s.db,
      (await s.db.selectFrom('listEntries').select('id').where('subjectId', '=', s.firm.id).executeTakeFirstOrThrow())
        .id,
    );
    const body = (taskId: number) => ({
      task_id: taskId,
      measure: s.punish.code,
      outcome: 'not_applicable',
      reason: '该主体未在本部门办理业务',
      applied_on: TODAY,
      document_number: '无',
    });
    expect((await s.post(s.keyC, body(taskB!.id))).status).toBe(403);
    expect((await s.post(s.keyB, body(taskB!.id))).status).toBe(201);
    expect((await s.post(s.keyC, body(taskC!.id))).status).toBe(201);
    expect((await tasksOf(s.db, taskB!.listEntryId)).map((t) => t.status)).toEqual(['answered', 'answered']);
    expect((await s.post(s.keyB, { ...body(taskB!.id), check_id: 1 })).status).toBe(400);
    expect((await s.post(s.keyB, { ...body(999999) })).status).toBe(404);
  });
});
