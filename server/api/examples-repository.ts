import type { Db } from '../db/client';
import { listEntryIsInForce } from '../visibility/public';

// SQL behind the API documentation's examples: real subjects of this portal's data (the demo
// city on `npm start`), so that every example in the docs answers as documented.

/** A subject with a USCC on the dishonesty list today (not suspended): credit check says dishonesty. */
export async function listedUscc(db: Db, today: string): Promise<string | null> {
  const row = await db
    .selectFrom('listEntries')
    .innerJoin('subjects', 'subjects.id', 'listEntries.subjectId')
    .select('subjects.uscc')
    .where('listEntries.listType', '=', 'dishonesty')
    .where('listEntries.status', '=', 'active')
    .where((eb) => listEntryIsInForce(eb, today))
    .where('subjects.uscc', 'is not', null)
    .where('subjects.uscc', '!=', '00000000000000000X')
    .orderBy('listEntries.id')
    .limit(1)
    .executeTakeFirst();
  return row?.uscc ?? null;
}

/** A subject with a USCC and no list entry in force today: credit check says none. */
export async function cleanUscc(db: Db, today: string): Promise<string | null> {
  const row = await db
    .selectFrom('subjects')
    .select('subjects.uscc')
    .where('subjects.uscc', 'is not', null)
    .where('subjects.uscc', '!=', '00000000000000000X')
    .where('subjects.kind', '=', 'legal_person')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('listEntries')
            .select('listEntries.id')
            .whereRef('listEntries.subjectId', '=', 'subjects.id')
            .where((eb) => listEntryIsInForce(eb, today)),
        ),
      ),
    )
    .orderBy('subjects.id')
    .limit(1)
    .executeTakeFirst();
  return row?.uscc ?? null;
}

/** The code of a department that has published penalties, for list examples. */
export async function publishingDepartmentCode(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('departments')
    .select('departments.code')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('penaltyRecords')
          .select('penaltyRecords.id')
          .whereRef('penaltyRecords.departmentId', '=', 'departments.id'),
      ),
    )
    .orderBy('departments.code')
    .limit(1)
    .executeTakeFirst();
  return row?.code ?? null;
}
