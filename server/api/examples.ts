import type { Db } from '../db/client';
import * as repo from './examples-repository';

// The examples of the API documentation come from the data this portal holds (the demo city
// on `npm start`), so that each answers as documented on the first try. Each carries the
// status it answers with (`x-expected-status`), which tests/integration/api/examples.test.ts
// checks by calling every example in the OpenAPI document.

/** Valid under GB 32100 (the standard's own example) but not a subject of this portal: 404. */
export const UNKNOWN_USCC = '91350100M000100Y43';
/** The same code with a wrong check character: 400, and the answer says which character is right. */
export const INVALID_USCC = '91350100M000100Y44';

export interface ApiExamples {
  /** A subject on the dishonesty list today. */
  listed: string | null;
  /** A subject on no list today. */
  clean: string | null;
}

export const NO_EXAMPLES: ApiExamples = { listed: null, clean: null };

export async function apiExamples(db: Db, today: string): Promise<ApiExamples> {
  const [listed, clean] = await Promise.all([repo.listedUscc(db, today), repo.cleanUscc(db, today)]);
  return { listed, clean };
}

export interface DocumentedExample {
  summary: string;
  value: string;
  'x-expected-status': number;
}

/** The `examples` of the {uscc} path parameter. */
export function usccExamples(ex: ApiExamples): Record<string, DocumentedExample> {
  const out: Record<string, DocumentedExample> = {};
  if (ex.listed) out.listed = { summary: '失信惩戒名单上的主体（200）', value: ex.listed, 'x-expected-status': 200 };
  if (ex.clean) out.clean = { summary: '不在任何名单上的主体（200）', value: ex.clean, 'x-expected-status': 200 };
  out.unknown = {
    summary: '代码有效但本平台没有该主体（404：不等于“无不良记录”）',
    value: UNKNOWN_USCC,
    'x-expected-status': 404,
  };
  out.invalid = { summary: '校验位错误（400，说明应为何字符）', value: INVALID_USCC, 'x-expected-status': 400 };
  return out;
}
