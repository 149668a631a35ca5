import createClient from 'openapi-fetch';
import type { Db } from '@/server/db/client';
import { handleApiRequest } from '@/server/api/router';
import type { paths } from '@/server/api/schema';

// The API as an outside system sees it: the client generated from the OpenAPI document,
// with requests answered in-process by the same wrapper the Next route uses.

export const BASE = 'http://portal.test';

export function apiFetch(db: Db, today: string, now?: Date) {
  return (input: Request | string | URL, init?: RequestInit) =>
    handleApiRequest(input instanceof Request ? input : new Request(input, init), {
      db,
      today,
      ...(now ? { now } : {}),
    });
}

export function apiClient(db: Db, today: string, headers: Record<string, string> = {}) {
  return createClient<paths>({ baseUrl: BASE, fetch: apiFetch(db, today), headers });
}
