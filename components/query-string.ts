/** Search-param values as Next hands them to a page. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/**
 * A path with its query string: `params` with `changes` applied (undefined or '' removes a
 * key, an array repeats it). Keys keep a stable order so that equal states give equal URLs.
 */
export function hrefWith(path: string, params: SearchParamsRecord, changes: SearchParamsRecord = {}): string {
  const merged: SearchParamsRecord = { ...params, ...changes };
  const query = new URLSearchParams();
  for (const key of Object.keys(merged).sort()) {
    const value = merged[key];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== '') query.append(key, v);
    }
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The first value of a search param, or undefined. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a search param, as a list. */
export function allParams(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
