// Large-text mode (适老化): one cookie, read by the root layout and set by a GET route so that
// it works without JavaScript. Pure functions here; the route and the layout do the I/O.

export const TEXT_SIZE_COOKIE = 'text-size';
export const TEXT_SIZES = ['standard', 'large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
/** One year, in seconds. */
export const TEXT_SIZE_MAX_AGE = 365 * 24 * 60 * 60;
/** The route that sets the cookie (its query: size, return). */
export const TEXT_SIZE_ROUTE = '/preferences/text-size';

export function parseTextSize(value: string | null | undefined): TextSize {
  return value === 'large' ? 'large' : 'standard';
}

/** The Set-Cookie value; the no-JS route and the script toggle write the same attributes. */
export function textSizeCookie(size: TextSize, secure: boolean): string {
  return `${TEXT_SIZE_COOKIE}=${size}; Path=/; Max-Age=${TEXT_SIZE_MAX_AGE}; SameSite=Lax${secure ? '; Secure' : ''}`;
}

const BASE = 'http://portal.invalid';

/**
 * A path on this site to send the reader back to, or '/' for anything else. Only a relative
 * path starting with a single '/' qualifies: '//host', '/\host', 'https://…', 'javascript:'
 * and control characters would let a link redirect readers to another site.
 */
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  // Control characters and whitespace: browsers strip some of them, which can turn '/\t/evil' into '//evil'.
  if (/[\u0000-\u0020\u007f]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  // Returning to the preference route itself would only loop.
  if (url.pathname === TEXT_SIZE_ROUTE) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Where to go after switching: the `return` path (else the Referer's), or, when the Referer names that same path
 * on any host, the Referer's path with its query (a page linked without JavaScript only
 * knows its path, and a reader on /search?q=… should land on the same results). Only the
 * path of the Referer is used, so a foreign Referer cannot lead off the site.
 */
export function returnTarget(returnParam: string | null, referer: string | null): string {
  const fromParam = safeReturnPath(returnParam);
  if (!referer) return fromParam;
  let ref: URL;
  try {
    ref = new URL(referer);
  } catch {
    return fromParam;
  }
  const fromReferer = safeReturnPath(`${ref.pathname}${ref.search}`);
  if (returnParam === null) return fromReferer;
  return new URL(fromReferer, BASE).pathname === new URL(fromParam, BASE).pathname ? fromReferer : fromParam;
}
