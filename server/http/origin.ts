import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from '../config';

// The public origin that links printed to the public start with (canonical, feeds, sitemap,
// the report's verification line, e-mails). SITE_URL wins; without it, the origin the request
// itself was made to. The Host header is the client's to write, so it is checked for shape
// and the page cache keys on it; the scheme is believed from X-Forwarded-Proto only when the
// request passed proxies of ours (TRUSTED_PROXIES, as client-address.ts believes addresses).

/** Set by the portal's HTTP server on every request it hands on (a client's own value is replaced). */
export const ORIGIN_HEADER = 'x-portal-origin';

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The origin a request was made to, or null when its Host header is missing or malformed. */
export function requestOrigin(
  host: string | undefined,
  forwardedProto: string | string[] | undefined,
  trustedProxies: number,
  encrypted = false,
): string | null {
  if (!host || !HOST.test(host)) return null;
  let scheme = encrypted ? 'https' : 'http';
  if (trustedProxies > 0) {
    // nginx sets X-Forwarded-Proto to the scheme it was reached by (deploy/nginx.conf).
    const proto = [forwardedProto ?? []]
      .flat()
      .flatMap((h) => h.split(','))
      .map((p) => p.trim().toLowerCase())
      .at(-1);
    if (proto === 'http' || proto === 'https') scheme = proto;
  }
  return `${scheme}://${host.toLowerCase()}`;
}

const ORIGIN = new RegExp(`^https?://(?:${HOST.source.slice(1, -1)})$`);
const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The origin to hand on for a request reaching the HTTP server. Next itself re-requests a
 * page after a Server Action's redirect, from loopback, with the original request's headers
 * and a Host of its own: with no proxy of ours configured, a loopback peer is this machine,
 * so the origin it forwards is kept; anyone else's is replaced.
 */
export function originToHandOn(
  peer: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  trustedProxies: number,
): string | null {
  const forwarded = headers[ORIGIN_HEADER];
  if (trustedProxies === 0 && peer && LOOPBACK.test(peer) && typeof forwarded === 'string' && ORIGIN.test(forwarded))
    return forwarded;
  const host = headers.host;
  return requestOrigin(typeof host === 'string' ? host : undefined, headers['x-forwarded-proto'], trustedProxies);
}

const store = new AsyncLocalStorage<string | null>();

/** Runs `fn` with the request's origin known to code that has no request at hand (e-mails). */
export function withRequestOrigin<T>(origin: string | null, fn: () => T): T {
  return store.run(origin, fn);
}

/** SITE_URL's origin when set, else the given request origin, else the current request's, else this host's port. */
export function publicOrigin(fromRequest?: string | null): string {
  const site = config().SITE_URL;
  if (site) return site.replace(/\/+$/, '');
  return fromRequest ?? store.getStore() ?? `http://localhost:${config().PORT}`;
}

/** The public origin for a page or route handler, from the header the HTTP server set. */
export function publicOriginOf(headers: Headers): string {
  return publicOrigin(headers.get(ORIGIN_HEADER));
}
