// The 404 page as every HTML 404 is answered (server/http/serve.ts): the portal's frame around
// the 404 body, rendered by a route of its own for requests from the server itself.

/** The route (app/(portal)/missing); asked for from outside, it is a 404 like any other. */
export const NOT_FOUND_PAGE_PATH = '/missing';
/** Marks the server's requests to itself; its value names the purpose. */
export const INTERNAL_HEADER = 'x-portal-internal';
export const NOT_FOUND_PROBE_VALUE = 'not-found';
