import type { Db } from '@/server/db/client';
import { createStaff } from '../applications/helpers';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';

// A small world for joint-action tests: the deciding department A, two implementing
// departments B and C named by a punishment catalog item, an incentive item, the office.

let serial = 0;

export async function coordinationWorld(db: Db, firmName: string) {
  serial += 1;
  const a = await createDepartment(db);
  const b = await createDepartment(db);
  const c = await createDepartment(db);
  const firm = await createCompany(db, firmName);
  const penalty = await createPenalty(db, firm, a, {
    decisionDate: '2026-09-01',
    publicFrom: '2026-09-01',
    earliestRepairOn: '2026-12-01',
    publicUntil: '2027-09-01',
  });
  const item = (kind: 'incentive' | 'punishment', code: string, units: string) =>
    db
      .insertInto('catalogItems')
      .values({
        code,
        kind,
        decidingUnit: '市发展改革委',
        measure: kind === 'incentive' ? `绿色通道${code}` : `限制参与政府采购${code}`,
        reason: '测试',
        legalBasis: '测试依据',
        implementingUnits: units,
        content: '测试内容',
        evidence: '认定文书',
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
  const punish = await item('punishment', `CJ-T${serial}-1`, `${b.name}、${c.name}、乐山市未接入局`);
  const punishB = await item('punishment', `CJ-T${serial}-2`, b.name);
  const reward = await item('incentive', `JL-T${serial}-1`, b.name);
  return {
    a,
    b,
    c,
    firm,
    penalty,
    punish,
    punishB,
    reward,
    staffA: await createStaff(db, 'department', a.id),
    staffB: await createStaff(db, 'department', b.id),
    staffC: await createStaff(db, 'department', c.id),
    office: await createStaff(db, 'office', null),
    admin: await createStaff(db, 'admin', null),
  };
}

export const tasksOf = (db: Db, listEntryId: number) =>
  db
    .selectFrom('coordinationTasks')
    .selectAll()
    .where('listEntryId', '=', listEntryId)
    .orderBy('departmentId')
    .execute();

export const eventsOf = (db: Db, subjectId: number) =>
  db
    .selectFrom('webhookEvents')
    .select(['type', 'departmentId', 'payload'])
    .where('subjectKey', '=', `subject:${subjectId}`)
    .orderBy('id')
    .execute();
