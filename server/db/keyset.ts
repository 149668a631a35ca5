import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from './types';

// Paging in change order, for systems that keep a copy (the REST API's lists, the open-data
// files): rows follow (updated_at, id), so a reader paging through `changed_since` neither
// misses nor repeats a row. Each feature's repository builds its own public query and pages it
// here.

export interface ChangePage {
  /** Keyset position: rows strictly after (updatedAt, id). */
  after: { ts: string; id: number } | null;
  changedSince: string | null;
  limit: number;
}

/** What every change-ordered list can be narrowed by. */
export interface ChangeFilters {
  departmentId?: number;
  year?: number;
  uscc?: string;
}

/** updated_at in full microsecond precision, so the cursor compares exactly. */
export const cursorTs = (table: string) =>
  sql<string>`to_char(${sql.ref(`${table}.updated_at`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The page of `q` after the cursor, one row more than the limit (the caller sees whether more follow). */
export function changePage<T extends keyof Database, O>(
  q: SelectQueryBuilder<Database, T, O>,
  table: string,
  page: ChangePage,
): SelectQueryBuilder<Database, T, O> {
  let out = q;
  const col = sql.ref(`${table}.updated_at`);
  const id = sql.ref(`${table}.id`);
  if (page.changedSince) out = out.where(sql<boolean>`${col} >= ${page.changedSince}::timestamptz`);
  if (page.after) out = out.where(sql<boolean>`(${col}, ${id}) > (${page.after.ts}::timestamptz, ${page.after.id})`);
  return out
    .orderBy(sql`${col}`)
    .orderBy(sql`${id}`)
    .limit(page.limit + 1);
}

/** A date column (snake_case, e.g. `penalty_records.decision_date`) within a calendar year. */
export const inYear = (column: string, year: number) =>
  sql<boolean>`${sql.ref(column)} between ${`${year}-01-01`} and ${`${year}-12-31`}`;
