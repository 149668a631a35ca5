import type { Db } from '../db/client';

// All SQL of department sub-units (table department_units). Imports read them through
// server/imports (publishingDepartment); the office writes them through ./units.

export function listUnits(db: Db, departmentId?: number) {
  let q = db
    .selectFrom('departmentUnits')
    .innerJoin('departments', 'departments.id', 'departmentUnits.departmentId')
    .leftJoin('staffUsers', 'staffUsers.id', 'departmentUnits.registeredBy')
    .select([
      'departmentUnits.id',
      'departmentUnits.departmentId',
      'departments.name as departmentName',
      'departmentUnits.name',
      'departmentUnits.uscc',
      'departmentUnits.createdAt',
      'staffUsers.displayName as registeredBy',
    ])
    .orderBy('departments.sortOrder')
    .orderBy('departments.id')
    .orderBy('departmentUnits.id');
  if (departmentId !== undefined) q = q.where('departmentUnits.departmentId', '=', departmentId);
  return q.execute();
}

/** The department, locked so that two registrations for it run one after the other. */
export function departmentForUpdate(db: Db, id: number) {
  return db
    .selectFrom('departments')
    .select(['id', 'name', 'shortName', 'uscc'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function unitsOf(db: Db, departmentId: number) {
  return db
    .selectFrom('departmentUnits')
    .select(['id', 'name', 'uscc'])
    .where('departmentId', '=', departmentId)
    .orderBy('id')
    .execute();
}

export function insertUnit(
  db: Db,
  unit: { departmentId: number; name: string; nameNorm: string; uscc: string | null; registeredBy: number },
) {
  return db
    .insertInto('departmentUnits')
    .values(unit)
    .returning(['id', 'departmentId', 'name', 'uscc'])
    .executeTakeFirstOrThrow();
}

export function deleteUnit(db: Db, id: number) {
  return db
    .deleteFrom('departmentUnits')
    .where('id', '=', id)
    .returning(['id', 'departmentId', 'name', 'uscc'])
    .executeTakeFirst();
}
