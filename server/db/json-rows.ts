import { sql, type RawBuilder } from 'kysely';

// Many rows as ONE JSON parameter of json_populate_recordset: a multi-row statement of any
// size with one bound value (no 65,535-parameter limit, no per-value encoding), the same SQL
// on PostgreSQL and PGlite. Used by the bulk writers (imports, search documents).

/** `someColumn` → `some_column`. */
export const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The snake_case column list of camelCase keys, for `insert into t (…) select … from json_populate_recordset(…)`. */
export const columnList = (keys: readonly string[]) => sql.raw(keys.map(snakeCase).join(', '));

const jsonKeys = new Map<string, string>();
/** `"snake_case":` of a camelCase key, computed once per key. */
function jsonKey(key: string): string {
  let found = jsonKeys.get(key);
  if (found === undefined) {
    found = `${JSON.stringify(snakeCase(key))}:`;
    jsonKeys.set(key, found);
  }
  return found;
}

/**
 * The rows as a `::json` array with snake_case keys: only `keys` when given (the others are
 * not encoded at all), else every key of each row. An undefined value is left out, which
 * json_populate_recordset reads as NULL. Written by hand, key by key: building renamed objects
 * first (Object.entries/fromEntries) was most of an import's own CPU time (profiled).
 */
export function jsonRecordset<T extends object>(
  rows: readonly T[],
  keys?: readonly (keyof T & string)[],
): RawBuilder<unknown> {
  const parts: string[] = [];
  for (const row of rows) {
    const values = row as Record<string, unknown>;
    let json = '';
    for (const key of keys ?? Object.keys(values)) {
      const value = JSON.stringify(values[key]);
      if (value !== undefined) json += `${json ? ',' : ''}${jsonKey(key)}${value}`;
    }
    parts.push(`{${json}}`);
  }
  return sql`${`[${parts.join(',')}]`}::json`;
}
