import type { Db } from '../db/client';

// Departments by their short code (scjg, sthjj …): the one lookup that the disclosure filters,
// the public API's department parameter and the import CLI share.

export function departmentByCode(db: Db, code: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'uscc'])
    .where('code', '=', code)
    .executeTakeFirst();
}
