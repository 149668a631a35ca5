import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { describeEachDatabase } from '../helpers/databases';
import { accepted, createStaff, createWorld, keys, objectionInput, penalty, rejected, submit } from './helpers';

// A penalty whose end moved says why, wherever its end is shown (SPEC §6, issue 17 finding 4).
describeEachDatabase('moved end dates explain themselves', (current) => {
  it('after a rejected objection the profile and the record page name the objection and the 28 days', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市嘉州延期有限公司');
    const staff = await createStaff(db, 'department', w.department.id);
    const filed = await submit(db, objectionInput(w.record.id), '2026-03-02');
    const app = await accepted(db, staff, filed.trackingNumber, '2026-03-03');
    await rejected(db, staff, app, '2026-03-31');
    expect(await penalty(db, w.record.id)).toMatchObject({ suspendedDays: 28, publicUntil: '2026-09-29' });

    const caller = createCaller({ db, today: '2026-04-01', clientIp: 'moved-1', keys });
    const expected =
      '因异议（2026年3月31日办结）处理期间暂停计算公示期，共暂停 28 天，自2026年3月3日至2026年3月31日；公示截止日期和最早可申请修复日期相应顺延 28 天。';
    expect(await caller.applications.movedDates({ id: w.record.id })).toBe(expected);
    const profile = await caller.subjects.profile({ id: w.firm.id });
    const entry = profile.penalties.find((p) => p.id === w.record.id)!;
    expect(entry).toMatchObject({
      movedDatesNote: expected,
      publicUntil: '2026-09-29',
      earliestRepairOn: '2025-12-29',
    });
  });

  it('a penalty whose dates never moved carries no note', async () => {
    const { db } = current();
    const w = await createWorld(db, '乐山市准时公示有限公司');
    const caller = createCaller({ db, today: '2026-04-01', clientIp: 'moved-2', keys });
    expect(await caller.applications.movedDates({ id: w.record.id })).toBeNull();
    const profile = await caller.subjects.profile({ id: w.firm.id });
    expect(profile.penalties.find((p) => p.id === w.record.id)!.movedDatesNote).toBeNull();
  });
});
