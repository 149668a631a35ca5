import { parseCsv } from '../../e2e/helpers/csv';
import type { Db } from '@/server/db/client';
import type { DisclosureFilters, DisclosureKind, DisclosureSort } from '@/server/disclosures/filters';
import { exportDisclosures } from '@/server/disclosures/service';
import { createDepartment } from '../helpers/fixtures';

/** The CSV download as a table of data rows (header and BOM off), and what the export says about itself. */
export async function csvRows(
  db: Db,
  today: string,
  kind: DisclosureKind,
  filters: DisclosureFilters,
  options: { sort?: DisclosureSort; batch?: number } = {},
) {
  const result = await exportDisclosures(db, today, kind, filters, options);
  if (!('lines' in result)) throw new Error(JSON.stringify(result.errors));
  let text = '';
  for await (const line of result.lines) text += line;
  const [header, ...rows] = parseCsv(text.slice(1));
  return { header: header!, rows, total: result.total };
}

/** A department with the code the URL carries. */
export async function departmentWithCode(db: Db) {
  const department = await createDepartment(db);
  const { code } = await db
    .selectFrom('departments')
    .select('code')
    .where('id', '=', department.id)
    .executeTakeFirstOrThrow();
  return { ...department, code };
}
