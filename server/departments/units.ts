import { TRPCError } from '@trpc/server';
import type { Db } from '../db/client';
import { staffActor, writeAudit } from '../audit';
import type { StaffPrincipal } from '../auth/principal';
import { checkUnitRegistration } from '../rules/department-units';
import * as repo from './units-repository';
import type { RegisterUnitInput } from './units-schema';

// The office registers and removes departments' sub-units (SPEC §3); each change is audited in
// the same transaction as the change itself.

const fail = (code: TRPCError['code'], message: string): never => {
  throw new TRPCError({ code, message });
};

export const listUnits = (db: Db) => repo.listUnits(db);

export async function registerUnit(db: Db, staff: StaffPrincipal, input: RegisterUnitInput) {
  return db.transaction().execute(async (trx) => {
    const department = await repo.departmentForUpdate(trx, input.departmentId);
    if (!department) return fail('NOT_FOUND', '没有这个部门，请从列表中选择。');
    const check = checkUnitRegistration(department, await repo.unitsOf(trx, department.id), input);
    if (!check.ok) return fail('CONFLICT', check.refusal);
    const unit = await repo.insertUnit(trx, { departmentId: department.id, ...check.unit, registeredBy: staff.id });
    await writeAudit(trx, staffActor(staff), [
      { action: 'department_unit.register', entity: 'department_unit', entityId: unit.id, after: unit },
    ]);
    return { ...unit, departmentName: department.name };
  });
}

export async function removeUnit(db: Db, staff: StaffPrincipal, id: number) {
  return db.transaction().execute(async (trx) => {
    const unit = await repo.deleteUnit(trx, id);
    if (!unit) return fail('NOT_FOUND', '该下属单位不存在或已被移除。');
    await writeAudit(trx, staffActor(staff), [
      { action: 'department_unit.remove', entity: 'department_unit', entityId: unit.id, before: unit },
    ]);
    return unit;
  });
}
