import type { Db } from '../db/client';

// The years' holidays and make-up days entered by office staff (table workday_calendar_years).

export type EnteredYearRow = {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updatedAt: Date;
  updatedBy: string;
};

export async function listEnteredYears(db: Db): Promise<EnteredYearRow[]> {
  return db.selectFrom('workdayCalendarYears').selectAll().orderBy('year').execute();
}

export async function findEnteredYear(db: Db, year: number): Promise<EnteredYearRow | undefined> {
  return db.selectFrom('workdayCalendarYears').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function saveEnteredYear(
  db: Db,
  row: { year: number; holidays: string[]; workdays: string[]; source: string; updatedBy: string },
): Promise<void> {
  const values = {
    year: row.year,
    holidays: JSON.stringify(row.holidays),
    workdays: JSON.stringify(row.workdays),
    source: row.source,
    updatedBy: row.updatedBy,
  };
  await db
    .insertInto('workdayCalendarYears')
    .values(values)
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        holidays: values.holidays,
        workdays: values.workdays,
        source: values.source,
        updatedBy: values.updatedBy,
        updatedAt: new Date(),
      }),
    )
    .execute();
}
