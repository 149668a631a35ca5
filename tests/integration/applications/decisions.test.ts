import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { acceptApplication, decideApplication, refuseApplication } from '@/server/applications/service';
import { describeEachDatabase } from '../helpers/databases';
import {
  accepted,
  appByTracking,
  createStaff,
  createWorld,
  listEntry,
  objectionInput,
  officeDepartment,
  options,
  penalty,
  rejected,
  submit,
} from './helpers';
import { submitApplication } from '@/server/applications/service';
import { forgetWorkdayCalendars } from '@/server/calendar/service';

// The rules of SPEC §6 as staff decisions make them happen: suspension, resumption by
// exactly the suspended days, correction/withdrawal, repair, audit, and one winner.
describeEachDatabase('objections, repairs and complaints change records at once', (current) => {
  const searchHit = async (today: string, q: string, docId: string) => {
    const result = await createCaller({ db: current().db, today }).search.query({ q });
    return result.hits.find((h) => h.docId === docId);
  };

  it('accepting an objection suspends the penalty and its list entry (异议处理中 in search); rejecting moves the ends by the suspended days', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市峨眉雪芽茶业有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await appByTracking(db, filed.trackingNumber);
    expect(app.status).toBe('submitted');
    expect(app.acceptDueOn).toBe('2026-03-04');

    await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-03-03');
    expect(await penalty(db, w.record.id)).toMatchObject({ status: 'suspended', suspendedSince: '2026-03-03' });
    expect(await listEntry(db, w.entry.id)).toMatchObject({ status: 'suspended', suspendedSince: '2026-03-03' });
    const hit = await searchHit('2026-03-05', '峨眉雪芽茶业', `penalty:${w.record.id}`);
    expect(hit?.display.badges).toContain('异议处理中');
    const listHit = await searchHit('2026-03-05', '峨眉雪芽茶业', `list_entry:${w.entry.id}`);
    expect(listHit?.display.badges).toContain('异议处理中');

    const accepted = await appByTracking(db, filed.trackingNumber);
    expect(accepted.decideDueOn).toBe('2026-03-17');
    await decideApplication(
      db,
      staff,
      { id: app.id, version: accepted.version, decision: 'reject', reasons: '经核查，处罚信息与决定书一致。' },
      '2026-03-23',
    );
    // Suspended 2026-03-03 → rejected 2026-03-23: 20 days.
    expect(await penalty(db, w.record.id)).toMatchObject({
      status: 'published',
      suspendedSince: null,
      publicUntil: '2026-09-21',
      suspendedDays: 20,
    });
    expect(await listEntry(db, w.entry.id)).toMatchObject({
      status: 'active',
      suspendedSince: null,
      validUntil: '2026-10-21',
      suspendedDays: 20,
    });
    const after = await searchHit('2026-03-24', '峨眉雪芽茶业', `penalty:${w.record.id}`);
    expect(after?.display.badges ?? []).not.toContain('异议处理中');
    // Still public on the old end date, gone on the new one.
    expect(await searchHit('2026-09-01', '峨眉雪芽茶业', `penalty:${w.record.id}`)).toBeDefined();
    expect(await searchHit('2026-09-21', '峨眉雪芽茶业', `penalty:${w.record.id}`)).toBeUndefined();
  });

  it('accepts when the working-day calendar has to be read again (its minute in the cache has passed)', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市沫若书院文化有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const app = await appByTracking(db, (await submit(db, objectionInput(w.record.id), '2026-03-02')).trackingNumber);
    forgetWorkdayCalendars();
    // On PGlite's single connection a calendar read inside the transaction would wait for itself (a minute, then 500).
    const answered = await Promise.race([
      acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-03-03').then(() => 'accepted'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
    ]);
    expect(answered).toBe('accepted');
    expect((await appByTracking(db, app.trackingNumber)).decideDueOn).toBe('2026-03-17');
  });

  it('an upheld objection withdraws the record and removes the list entry, in search at once', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市金顶建材有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await accepted(db, staff, filed.trackingNumber, '2026-03-02');
    await decideApplication(
      db,
      staff,
      { id: app.id, version: app.version, decision: 'revoke', reasons: '该处罚决定已被行政复议撤销。' },
      '2026-03-04',
    );
    expect(await penalty(db, w.record.id)).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: '2026-03-04',
      suspendedSince: null,
    });
    expect(await listEntry(db, w.entry.id)).toMatchObject({ status: 'removed', removedOn: '2026-03-04' });
    expect(await searchHit('2026-03-04', '金顶建材', `penalty:${w.record.id}`)).toBeUndefined();
    expect(await searchHit('2026-03-04', '金顶建材', `list_entry:${w.entry.id}`)).toBeUndefined();
  });

  it('with two objections under way, rejecting one keeps the penalty suspended until the other is decided', async () => {
    // Found by tests/integration/records/model.test.ts: the first rejection resumed the record.
    const { db } = current();
    const w = await createWorld(db, '乐山市沐川竹业有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const first = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const second = await submit(db, objectionInput(w.record.id, { reasonCategory: '不应公示' }), '2026-03-02');
    const a = await accepted(db, staff, first.trackingNumber, '2026-03-02');
    const b = await accepted(db, staff, second.trackingNumber, '2026-03-04');
    await rejected(db, staff, a, '2026-03-10', '处罚信息无误。');
    expect(await penalty(db, w.record.id)).toMatchObject({ status: 'suspended', suspendedSince: '2026-03-02' });
    expect(await listEntry(db, w.entry.id)).toMatchObject({ status: 'suspended' });
    await rejected(db, staff, b, '2026-03-16', '应当公示。');
    // Suspended from the first acceptance (03-02) to the last decision (03-16): 14 days.
    expect(await penalty(db, w.record.id)).toMatchObject({
      status: 'published',
      suspendedDays: 14,
      publicUntil: '2026-09-15',
      earliestRepairOn: '2025-12-15',
    });
  });

  it('a corrected objection changes the stated facts and resumes display', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市夹江瓷砖有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await accepted(db, staff, filed.trackingNumber, '2026-03-02');
    await decideApplication(
      db,
      staff,
      {
        id: app.id,
        version: app.version,
        decision: 'correct',
        reasons: '违法事实记载有误，予以更正。',
        corrections: { violationFacts: '经查，当事人逾期10日报送年度报告。' },
      },
      '2026-03-05',
    );
    expect(await penalty(db, w.record.id)).toMatchObject({
      status: 'published',
      violationFacts: '经查，当事人逾期10日报送年度报告。',
      publicUntil: '2026-09-04',
    });
  });

  it('an approved repair ends display of the penalty and the list entries resting on it', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市沐川竹业有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(
      db,
      objectionInput(w.record.id, { kind: 'repair', reasonCategory: '已履行行政处罚决定' }),
      '2026-03-02',
    );
    let app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-03-02');
    // A repair does not suspend.
    expect((await penalty(db, w.record.id)).status).toBe('published');
    app = await appByTracking(db, filed.trackingNumber);
    await decideApplication(
      db,
      staff,
      { id: app.id, version: app.version, decision: 'approve_repair', reasons: '已缴清罚款并提交信用承诺书。' },
      '2026-03-06',
    );
    expect(await penalty(db, w.record.id)).toMatchObject({ status: 'repaired', repairedOn: '2026-03-06' });
    expect(await listEntry(db, w.entry.id)).toMatchObject({ status: 'repaired', removedOn: '2026-03-06' });
    expect(await searchHit('2026-03-06', '沐川竹业', `penalty:${w.record.id}`)).toBeUndefined();
    expect(await searchHit('2026-03-06', '沐川竹业', `list_entry:${w.entry.id}`)).toBeUndefined();
  });

  it('refuses a repair before the minimum period, saying the earliest date', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市井研柑橘有限公司', { earliestRepairOn: '2026-06-01' });
    await expect(
      submit(db, objectionInput(w.record.id, { kind: 'repair', reasonCategory: '已履行行政处罚决定' }), '2026-03-02'),
    ).rejects.toThrow('最早可于 2026年6月1日 起申请修复');
  });

  it('a complaint escalates a rejected objection to the office, suspends again, and 维持 resumes', async () => {
    const { db } = current();
    const office = await officeDepartment(db);
    const w = await createWorld(db, '乐山市犍为茉莉花茶有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const officer = await createStaff(db, 'office', office.id);
    const objection = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await accepted(db, staff, objection.trackingNumber, '2026-03-02');
    await decideApplication(
      db,
      staff,
      { id: app.id, version: app.version, decision: 'reject', reasons: '处罚信息无误。' },
      '2026-03-12',
    );
    expect((await penalty(db, w.record.id)).publicUntil).toBe('2026-09-11');

    const complaint = await submitApplication(
      db,
      objectionInput(w.record.id, {
        kind: 'complaint',
        record: undefined,
        parentTrackingNumber: objection.trackingNumber,
        parentQueryCode: objection.queryCode,
        reasonCategory: '异议答复理由不充分',
      }),
      [],
      options('2026-03-13'),
    );
    // Filed within the complaint window: the suspension is continuous from the rejection (SPEC §6, defect 5).
    expect(await penalty(db, w.record.id)).toMatchObject({ status: 'suspended', suspendedSince: '2026-03-12' });
    let c = await appByTracking(db, complaint.trackingNumber);
    expect(c.departmentId).toBe(office.id);
    expect(c.parentApplicationId).toBe(app.id);
    // The department may not act on the office's complaint.
    await expect(acceptApplication(db, staff, { id: c.id, version: c.version }, '2026-03-13')).rejects.toThrow();
    await acceptApplication(db, officer, { id: c.id, version: c.version }, '2026-03-13');
    expect(await penalty(db, w.record.id)).toMatchObject({ status: 'suspended', suspendedSince: '2026-03-12' });
    c = await appByTracking(db, complaint.trackingNumber);
    await decideApplication(
      db,
      officer,
      { id: c.id, version: c.version, decision: 'uphold', reasons: '维持原答复。' },
      '2026-03-18',
    );
    expect(await penalty(db, w.record.id)).toMatchObject({
      status: 'published',
      // The whole time from the objection's acceptance (03-02) to the complaint's decision (03-18): 16 days.
      publicUntil: '2026-09-17',
      earliestRepairOn: '2025-12-17',
      suspendedDays: 16,
    });
  });

  it('writes every decision and record change to the audit log in the same transaction, and the log refuses edits', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市五通桥盐业有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await appByTracking(db, filed.trackingNumber);
    await acceptApplication(db, staff, { id: app.id, version: app.version }, '2026-03-02');
    const entries = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('actorId', '=', String(staff.id))
      .orderBy('id')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['application.accept', 'penalty.suspend', 'list_entry.suspend']);
    const suspend = entries[1]!;
    expect(suspend).toMatchObject({
      entityType: 'penalty_record',
      entityId: String(w.record.id),
      actorLabel: staff.displayName,
    });
    expect((suspend.before as { status: string }).status).toBe('published');
    expect((suspend.after as { status: string }).status).toBe('suspended');
    await expect(db.updateTable('auditLog').set({ note: 'x' }).where('id', '=', suspend.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('auditLog').where('id', '=', suspend.id).execute()).rejects.toThrow(/append-only/);

    // A decision that fails half way leaves neither the decision nor its audit entries behind.
    const other = await createWorld(db, '乐山市马边茶业有限公司', { earliestRepairOn: '2026-12-01' });
    const otherStaff = await createStaff(db, 'department', other.department.id);
    await db
      .updateTable('penaltyRecords')
      .set({ earliestRepairOn: '2025-12-01' })
      .where('id', '=', other.record.id)
      .execute();
    const repair = await submit(
      db,
      objectionInput(other.record.id, { kind: 'repair', reasonCategory: '已完成整改' }),
      '2026-03-02',
    );
    let r = await appByTracking(db, repair.trackingNumber);
    await acceptApplication(db, otherStaff, { id: r.id, version: r.version }, '2026-03-02');
    await db
      .updateTable('penaltyRecords')
      .set({ earliestRepairOn: '2026-12-01' })
      .where('id', '=', other.record.id)
      .execute();
    r = await appByTracking(db, repair.trackingNumber);
    await expect(
      decideApplication(
        db,
        otherStaff,
        { id: r.id, version: r.version, decision: 'approve_repair', reasons: '已整改完毕。' },
        '2026-03-06',
      ),
    ).rejects.toThrow('最短公示期未满');
    expect((await appByTracking(db, repair.trackingNumber)).status).toBe('accepted');
    const decideAudits = await db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'application.decide')
      .where('entityId', '=', String(r.id))
      .execute();
    expect(decideAudits).toHaveLength(0);
  });

  it('two staff deciding at once: exactly one decision wins, the other is told in Chinese', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市沙湾铁合金有限公司');
    const a = await createStaff(db, 'department', w.department.id);
    const b = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await accepted(db, a, filed.trackingNumber, '2026-03-02');
    const results = await Promise.allSettled([
      decideApplication(
        db,
        a,
        { id: app.id, version: app.version, decision: 'reject', reasons: '处罚信息无误。' },
        '2026-03-05',
      ),
      decideApplication(
        db,
        b,
        { id: app.id, version: app.version, decision: 'revoke', reasons: '决定已撤销。' },
        '2026-03-05',
      ),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(TRPCError);
    expect((lost[0]!.reason as TRPCError).code).toBe('CONFLICT');
    expect((lost[0]!.reason as TRPCError).message).toContain('已被其他工作人员处理');
    const decided = await appByTracking(db, filed.trackingNumber);
    const record = await penalty(db, w.record.id);
    // The record reflects the winner's decision only.
    expect(record.status).toBe(decided.decision === 'reject' ? 'published' : 'withdrawn');
    const decisions = await db
      .selectFrom('auditLog')
      .select('id')
      .where('action', '=', 'application.decide')
      .where('entityId', '=', String(app.id))
      .execute();
    expect(decisions).toHaveLength(1);
  });

  it('refusing an application leaves the record untouched', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市金口河矿业有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await appByTracking(db, filed.trackingNumber);
    await refuseApplication(
      db,
      staff,
      { id: app.id, version: app.version, reasons: '申请人与该信息无利害关系。' },
      '2026-03-03',
    );
    expect((await appByTracking(db, filed.trackingNumber)).status).toBe('refused');
    expect((await penalty(db, w.record.id)).status).toBe('published');
  });
});
