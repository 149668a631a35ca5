import type { z } from '@/server/validation';
import { firstParam, type SearchParamsRecord } from '@/components/query-string';

// Filters of a public list page read from the URL: each parameter is checked on its own, a bad
// one is dropped and reported in Chinese, so that a typo never becomes an error page.

export interface ParamSpec {
  schema: z.ZodType;
  /** Numbers arrive as text in a URL. */
  number?: boolean;
}

export interface ParsedParams<T> {
  values: Partial<T>;
  /** Chinese sentences about the parameters that were ignored. */
  notices: string[];
}

export function parseParams<T extends Record<string, unknown>>(
  specs: { [K in keyof T]: ParamSpec },
  params: SearchParamsRecord,
): ParsedParams<T> {
  const values: Partial<T> = {};
  const notices: string[] = [];
  for (const key of Object.keys(specs) as (keyof T & string)[]) {
    const raw = firstParam(params[key])?.trim();
    if (raw === undefined || raw === '') continue;
    const spec = specs[key];
    const input = spec.number ? (/^\d{1,15}$/.test(raw) ? Number(raw) : raw) : raw;
    const parsed = spec.schema.safeParse(input);
    if (parsed.success) values[key] = parsed.data as T[typeof key];
    else notices.push(`${parsed.error.issues[0]?.message ?? '参数不正确'}（已忽略）`);
  }
  return { values, notices };
}

/** A positive integer id from a route segment, or null (the page answers 404). */
export function parseId(segment: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(segment)) return null;
  const id = Number(segment);
  return Number.isSafeInteger(id) ? id : null;
}
