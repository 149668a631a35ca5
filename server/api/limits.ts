// The REST API's numbers, in one place.

/** Requests per window per API key, or per client address without a key. */
export const RATE_LIMIT_REQUESTS = 600;
export const RATE_LIMIT_WINDOW_SECONDS = 300;
/** Page size of list endpoints: default and maximum. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;
/** Records per POST /api/v1/disclosures request. */
export const MAX_PUSH_RECORDS = 1000;
/** Bytes of a pushed JSON batch or a handed-over import file. */
export const MAX_PUSH_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** The API's allowance, per department key and per address (same numbers, separate buckets). */
export const API_LIMIT_BY_KEY = {
  name: 'api:key',
  limit: RATE_LIMIT_REQUESTS,
  windowSeconds: RATE_LIMIT_WINDOW_SECONDS,
};
export const API_LIMIT_BY_ADDRESS = {
  name: 'api:ip',
  limit: RATE_LIMIT_REQUESTS,
  windowSeconds: RATE_LIMIT_WINDOW_SECONDS,
};

/** /api/trpc: calls per batched request, and the same allowance per address as the REST API. */
export const MAX_TRPC_BATCH = 10;
export const TRPC_LIMIT_BY_ADDRESS = {
  name: 'trpc:ip',
  limit: RATE_LIMIT_REQUESTS,
  windowSeconds: RATE_LIMIT_WINDOW_SECONDS,
};
