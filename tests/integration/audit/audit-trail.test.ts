import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { staffActor, SYSTEM_LIFECYCLE, writeAudit } from '@/server/audit';
import { AUDIT_PAGE_SIZE } from '@/server/audit/schema';
import type { Db } from '@/server/db/client';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { createStaff, officeDepartment } from '../applications/helpers';

// /admin/audit (SPEC §7): the office and admins read every entry; department staff read their own
// department's — what its staff did and what happened to its records — and no filter widens that.

const today = '2026-04-01';

async function world(db: Db) {
  const a = await createDepartment(db);
  const b = await createDepartment(db);
  const firm = await createCompany(db, '乐山市审计日志测试有限公司');
  const recordA = await createPenalty(db, firm, a);
  const recordB = await createPenalty(db, firm, b);
  const staffA = await createStaff(db, 'department', a.id);
  const staffB = await createStaff(db, 'department', b.id);
  const office = await createStaff(db, 'office', (await officeDepartment(db)).id);
  // Each department's staff correct their own record; the lifecycle job ends both publications.
  await writeAudit(db, staffActor(staffA), [
    {
      action: 'penalty.correct',
      entity: 'penalty',
      entityId: recordA.id,
      before: { content: '旧' },
      after: { content: '新' },
    },
  ]);
  await writeAudit(db, staffActor(staffB), [{ action: 'penalty.correct', entity: 'penalty', entityId: recordB.id }]);
  await writeAudit(db, SYSTEM_LIFECYCLE, [
    { action: 'penalty.publication_ended', entity: 'penalty', entityId: recordA.id },
    { action: 'penalty.publication_ended', entity: 'penalty', entityId: recordB.id },
  ]);
  const caller = (staff: typeof office) => createCaller({ db, today, staff });
  return { a, b, recordA, recordB, staffA, staffB, office, caller };
}

describeEachDatabase('the audit trail at /admin/audit', (current) => {
  it('department staff read only their own department, whatever the filters ask', async () => {
    const { db } = current();
    const w = await world(db);
    const mine = await w.caller(w.staffA).audit.list({});
    expect(mine.scoped).toBe(true);
    const ids = new Set(mine.entries.map((e) => e.entityId));
    expect(ids.has(String(w.recordA.id))).toBe(true);
    expect(ids.has(String(w.recordB.id))).toBe(false);
    expect(mine.entries.map((e) => e.actionLabel)).toEqual(
      expect.arrayContaining(['行政处罚更正', '行政处罚公示期满']),
    );
    expect(mine.entries.every((e) => e.actor !== w.staffB.displayName)).toBe(true);

    // Asking for the other department's record, its document number or its staff finds nothing.
    const other = w.caller(w.staffA).audit;
    expect((await other.list({ entity: 'penalty_record', entityId: String(w.recordB.id) })).entries).toEqual([]);
    expect((await other.list({ documentNumber: w.recordB.documentNumber })).entries).toEqual([]);
    expect((await other.list({ actor: w.staffB.displayName })).entries).toEqual([]);
    // No parameter names a department: an unknown one is refused, not obeyed.
    await expect(other.list({ departmentId: w.b.id } as never)).rejects.toThrow('不支持的参数：departmentId');
  });

  it('the office reads every entry and filters by record, document number, actor, action and date', async () => {
    const { db } = current();
    const w = await world(db);
    const office = w.caller(w.office).audit;
    const all = await office.list({});
    expect(all.scoped).toBe(false);
    const ids = all.entries.map((e) => e.entityId);
    expect(ids).toEqual(expect.arrayContaining([String(w.recordA.id), String(w.recordB.id)]));
    expect(all.entries.map((e) => e.id)).toEqual([...all.entries.map((e) => e.id)].sort((x, y) => y - x));

    const byRecord = await office.list({ entity: 'penalty_record', entityId: String(w.recordB.id) });
    expect(byRecord.entries.map((e) => e.action).sort()).toEqual(['penalty.correct', 'penalty.publication_ended']);
    const byDocument = await office.list({ documentNumber: ` ${w.recordA.documentNumber} ` });
    expect(new Set(byDocument.entries.map((e) => e.entityId))).toEqual(new Set([String(w.recordA.id)]));
    const byActor = await office.list({ actor: w.staffA.displayName });
    expect(byActor.entries.map((e) => [e.actor, e.entityId])).toEqual([[w.staffA.displayName, String(w.recordA.id)]]);
    const byAction = await office.list({ action: 'penalty.publication_ended', actor: '生命周期' });
    expect(byAction.entries.length).toBeGreaterThanOrEqual(2);
    expect(byAction.entries.every((e) => e.action === 'penalty.publication_ended')).toBe(true);
    const now = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect((await office.list({ actor: w.staffA.displayName, from: now, to: now })).entries).toHaveLength(1);
    expect((await office.list({ actor: w.staffA.displayName, to: '2020-01-01' })).entries).toEqual([]);
    await expect(office.list({ from: '2026-05-01', to: '2026-04-01' })).rejects.toThrow('起始日期不能晚于结束日期');
    await expect(office.list({ action: 'penalty.delete' as never })).rejects.toThrow('操作类型不是可选的值');
  });

  it('pages newest first: the next page starts before the last entry shown', async () => {
    const { db } = current();
    const w = await world(db);
    const entries = Array.from({ length: AUDIT_PAGE_SIZE + 5 }, () => ({
      action: 'penalty.correct' as const,
      entity: 'penalty' as const,
      entityId: w.recordA.id,
    }));
    await writeAudit(db, staffActor(w.staffA), entries);
    const audit = w.caller(w.staffA).audit;
    const first = await audit.list({ action: 'penalty.correct' });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextBefore).toBe(first.entries.at(-1)!.id);
    const second = await audit.list({ action: 'penalty.correct', before: first.nextBefore! });
    expect(second.entries).toHaveLength(AUDIT_PAGE_SIZE + 5 + 1 - AUDIT_PAGE_SIZE);
    expect(second.nextBefore).toBeNull();
    expect(Math.max(...second.entries.map((e) => e.id))).toBeLessThan(first.nextBefore!);
  });
});
