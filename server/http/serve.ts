import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import next from 'next';
import { config } from '../config';
import { TEXT_SIZE_COOKIE } from '../preferences/text-size';
import { publicDataWritten, runAsPublicRead } from '../db/read-routing';
import { clientAddress } from './client-address';
import { openClusterChannel } from './cluster-channel';
import { isOversizedFormPost, refuseOversizedForm } from './form-size';
import { internalErrorMessage, logInternalError } from './error-reference';
import { INTERNAL_HEADER, NOT_FOUND_PAGE_PATH, NOT_FOUND_PROBE_VALUE } from './not-found-page';
import { isOwnAnswer } from './own-answer';
import { checkRequest, errorPage, METHOD_MESSAGE, parserRefusal, problemBody, wantsProblem } from './request-guard';
import { onPublicDataChange, bumpPublicDataVersion } from './invalidate';
import { ORIGIN_HEADER, originToHandOn, withRequestOrigin } from './origin';
import { deferScripts, scriptTimingOf } from './deferred-scripts';
import {
  contentSecurityPolicy,
  CSP_HEADER,
  hashInlineScripts,
  newNonce,
  STATIC_SECURITY_HEADERS,
} from './security-headers';
import {
  PageCache,
  acceptsGzip,
  cacheKeyFor,
  responseHeaders,
  textSizeOf,
  type CachedPage,
  type RenderedPage,
} from './page-cache';

// The portal's HTTP server: Next's request handler behind the public-page micro-cache.
// Everything that is not a public page (assets, API, forms, admin) goes to Next untouched.

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Next 16 answers a page that calls notFound() with status 404 but an empty HTML shell
 * (`<html id="__next_error__">`): the not-found page exists only in the React payload and
 * appears after hydration, so without JavaScript the page is blank (vercel/next.js#98295,
 * #98954; unmatched URLs are not affected). Until that is fixed, every HTML 404 is answered
 * with the server-rendered 404 page (not-found-page.ts), fetched from ourselves.
 */

export async function startHttpServer({
  port,
  dir,
  trustedProxies = 0,
  databaseUrl,
}: {
  port: number;
  dir: string;
  /** Reverse proxies of ours in front of this server (TRUSTED_PROXIES): how many X-Forwarded-For entries to believe. */
  trustedProxies?: number;
  /** PostgreSQL (DATABASE_URL): other instances are told of changes through it. */
  databaseUrl?: string;
}): Promise<http.Server> {
  const app = next({ dev: false, dir, port });
  const handle: Handler = app.getRequestHandler();
  await app.prepare();
  const cache = new PageCache();
  const channel = databaseUrl
    ? openClusterChannel(databaseUrl, () => {
        cache.clear();
        bumpPublicDataVersion();
        publicDataWritten();
      })
    : null;
  onPublicDataChange(() => {
    cache.clear();
    channel?.announce();
  });
  const notFound = notFoundRenderer(port);
  const httpsSite = config().SITE_URL?.startsWith('https://') ?? false;

  const server = http.createServer((req, res) => {
    if (isPublicRead(req)) runAsPublicRead(() => route(req, res));
    else route(req, res);
  });
  server.on('close', () => void channel?.close());
  const route = (req: IncomingMessage, res: ServerResponse) => {
    // Everything behind this point (rate limits, audit) reads the one address worked out here.
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
    if (address) req.headers['x-forwarded-for'] = address;
    else delete req.headers['x-forwarded-for'];
    delete req.headers['x-real-ip'];
    // Input a client chose that Next would answer with a 500: refused here, in Chinese.
    const refusal = checkRequest(req);
    if (refusal) {
      req.resume();
      answer(req, res, refusal.status, refusal.message, refusal.headers, refusal.parameter);
      return;
    }
    if (isOversizedFormPost(req)) return refuseOversizedForm(req, res);
    withScriptNonce(req, res, httpsSite);
    // Links printed without SITE_URL start with the origin worked out here (origin.ts).
    const origin = originToHandOn(req.socket.remoteAddress, req.headers, trustedProxies);
    if (origin) req.headers[ORIGIN_HEADER] = origin;
    else delete req.headers[ORIGIN_HEADER];
    withRequestOrigin(origin, () => {
      const key = cacheKeyFor(req);
      if (key) void serveFromCache(cache, key, guarded, notFound, req, res);
      else if (isHtmlNavigation(req)) void serveRescuingNotFound(guarded, notFound, req, res);
      else void guarded(req, res);
    });
  };
  // Next's own 500s (a bare "Internal Server Error", or a handler that throws) become a
  // Chinese page or problem+json with a reference number that is in the log.
  const guarded: Handler = (req, res) => serveGuarded(handle, req, res);
  // Requests Node's parser refuses before any handler (a made-up method, headers too large, a
  // malformed request line) and CONNECT: answered in Chinese instead of a bare 400 or a reset.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const refusal = parserRefusal(err.code, (err as { rawPacket?: Buffer }).rawPacket);
    socket.end(rawAnswer(refusal.status, refusal.message, refusal.api));
  });
  server.on('connect', (_req, socket) => {
    socket.end(rawAnswer(405, METHOD_MESSAGE, false));
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}

/**
 * Every response Next renders gets a fresh script nonce: Next reads it from the request's policy
 * and stamps it on the scripts it renders; the response carries the same policy. Pages the
 * micro-cache shares trade it for script hashes (security-headers.ts). Static files carry no
 * scripts of ours; a policy the client sent is never believed.
 */
function withScriptNonce(req: IncomingMessage, res: ServerResponse, https: boolean): void {
  delete req.headers[CSP_HEADER];
  if (/^\/(_next\/static|_next\/image|favicon)/.test(req.url ?? '/')) return;
  const policy = contentSecurityPolicy({ nonce: newNonce() }, https);
  req.headers[CSP_HEADER] = policy;
  res.setHeader(CSP_HEADER, policy);
}

/**
 * Requests whose reads may come from a replica (read-routing.ts): anonymous GETs of public pages
 * and the query API. Staff (signed in), the application and tracking pages, verification and the
 * credit check read from the primary, so that what was just written is what they see.
 */
const PRIMARY_ONLY =
  /^\/(admin|apply|track|verify|api\/(trpc|ready|health)|api\/v1\/(feedback|disclosures$|subjects\/[^/]+\/credit-check))(\/|$|\?)/;

export function isPublicRead(req: { method?: string; url?: string; headers: http.IncomingHttpHeaders }): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (/(?:^|;\s*)staff_session=/.test(req.headers['cookie'] ?? '')) return false;
  const url = req.url ?? '/';
  return !PRIMARY_ONLY.test(url) && !/^\/subjects\/[^/?]+\/report/.test(url);
}

/** The not-found page, with the policy that allows its scripts (by hash: the copy is shared). */
type NotFoundRenderer = (cookie: string | undefined) => Promise<{ body: Buffer; csp: string }>;
/** Sends a Chinese error page, or problem+json under /api, unless something was already sent. */
function answer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  parameter?: string,
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const api = wantsProblem(req.url);
  const body = Buffer.from(
    api ? problemBody(status, message, parameter ? { parameter } : {}) : errorPage(status, message),
  );
  res.writeHead(status, {
    ...headers,
    'content-type': api ? 'application/problem+json; charset=utf-8' : 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(body.length),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** An error that is not one of our own answers: Next's bare English text, an empty body. */
const isBareError = (status: number, contentType: unknown) =>
  status >= 400 && !/text\/html|application\/(problem\+)?json|text\/x-component/.test(String(contentType ?? ''));

const BARE_MESSAGES: Record<number, string> = {
  404: '没有找到您要访问的页面或文件。',
  405: METHOD_MESSAGE,
  409: '该表单已失效（网站可能已更新），请刷新页面后重新提交。',
  413: '提交的内容过大。',
};

/** A whole HTTP response as bytes, for a socket that Next never saw: a page, or problem+json under /api. */
function rawAnswer(status: number, message: string, api: boolean): string {
  const body = Buffer.from(api ? problemBody(status, message) : errorPage(status, message));
  const type = api ? 'application/problem+json' : 'text/html';
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\ncontent-type: ${type}; charset=utf-8\r\n` +
    `content-length: ${body.length}\r\nconnection: close\r\n\r\n${body.toString('utf8')}`
  );
}

/** A no-JS form post: Next decodes its Server Action payload from the body. */
const isFormPost = (req: IncomingMessage) =>
  req.method === 'POST' &&
  !(req.url ?? '').startsWith('/api/') &&
  /multipart\/form-data|application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '');

const MALFORMED_FORM = '提交的表单内容无法识别（可能已被改动或页面已过期），请刷新页面后重新填写提交。';

async function serveGuarded(handle: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const captured = intercept(res, () => isBareError(res.statusCode, res.getHeader('content-type')));
  let page: RenderedPage | null;
  try {
    page = await Promise.race([captured, handle(req, res).then(() => captured)]);
  } catch (err) {
    const reference = logInternalError(err, `${req.method} ${req.url}`);
    answer(req, res, 500, internalErrorMessage(reference));
    return;
  }
  if (!page) return; // passed through
  if (isOwnAnswer(page)) {
    res.writeHead(page.status, page.headers);
    res.end(req.method === 'HEAD' ? undefined : page.body);
    return;
  }
  if (page.status < 500 && page.status !== 400) {
    const headers: Record<string, string> =
      page.status === 405 ? { allow: String(page.headers['allow'] ?? 'GET, HEAD') } : {};
    answer(req, res, page.status, BARE_MESSAGES[page.status] ?? '请求未能完成，请检查后重试。', headers);
    return;
  }
  // Next refuses a malformed Server Action payload with a bare 400, or fails decoding it with
  // a bare 500 (logged above by Next): both are the client's input, so a 400 in Chinese.
  if (page.status === 400 || isFormPost(req)) {
    answer(req, res, 400, MALFORMED_FORM);
    return;
  }
  // Next has logged its error already; the reference ties this answer to the line below.
  const what = `${req.method} ${req.url} → ${page.status} ${page.body.toString('utf8').slice(0, 200)}`;
  const reference = logInternalError(new Error('bare error response from Next'), what);
  answer(req, res, page.status === 503 ? 503 : 500, internalErrorMessage(reference));
}

function notFoundRenderer(port: number): NotFoundRenderer {
  const copies = new Map<string, { body: Buffer; csp: string; at: number }>();
  return async (cookie) => {
    const key = textSizeOf(cookie);
    const large = key === 'large';
    const copy = copies.get(key);
    if (copy && Date.now() - copy.at < 60_000) return copy;
    const res = await fetch(`http://127.0.0.1:${port}${NOT_FOUND_PAGE_PATH}`, {
      headers: { [INTERNAL_HEADER]: NOT_FOUND_PROBE_VALUE, ...(large ? { cookie: `${TEXT_SIZE_COOKIE}=large` } : {}) },
    });
    const body = Buffer.from(await res.arrayBuffer());
    const csp = hashInlineScripts(res.headers.get(CSP_HEADER) ?? '', body.toString('utf8'));
    const made = { body, csp, at: Date.now() };
    copies.set(key, made);
    return made;
  };
}

const sharedCopies = new WeakMap<CachedPage, CachedPage>();

/**
 * A rendered page as it may reach more than one visitor: its nonce traded for script hashes.
 * Worked out once per cached page, at its first hit: a page asked for only once (a search
 * nobody repeats) never pays for it.
 */
function shareable(page: CachedPage): CachedPage {
  const known = sharedCopies.get(page);
  if (known) return known;
  const policy = page.headers[CSP_HEADER];
  const shared =
    typeof policy !== 'string' || !/text\/html/.test(String(page.headers['content-type'] ?? ''))
      ? page
      : { ...page, headers: { ...page.headers, [CSP_HEADER]: hashInlineScripts(policy, page.body.toString('utf8')) } };
  sharedCopies.set(page, shared);
  return shared;
}

function isHtmlNavigation(req: IncomingMessage): boolean {
  return (
    req.method === 'GET' &&
    req.headers['rsc'] === undefined &&
    req.headers[INTERNAL_HEADER] === undefined &&
    /text\/html/.test(req.headers['accept'] ?? '')
  );
}

const isHtml404 = (status: number, contentType: unknown) =>
  status === 404 && /text\/html/.test(String(contentType ?? ''));

async function serveRescuingNotFound(
  handle: Handler,
  notFound: NotFoundRenderer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Not `await handle(…)` first: Next may wait for the response to finish, which a captured
  // response only does once we send it.
  const captured = intercept(res, () => isHtml404(res.statusCode, res.getHeader('content-type')));
  const page = await Promise.race([captured, handle(req, res).then(() => captured)]);
  if (!page) return; // passed through: Next answered by itself
  const { body, csp } = await notFound(req.headers['cookie']);
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const headers: Record<string, string> = {
    ...STATIC_SECURITY_HEADERS,
    [CSP_HEADER]: csp,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
  };
  const payload = gzip ? gzipSync(body) : body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(payload.length);
  res.writeHead(404, headers);
  res.end(payload);
}

async function serveFromCache(
  cache: PageCache,
  key: string,
  handle: Handler,
  notFound: NotFoundRenderer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { page, hit } = await cache.getOrRender(key, async () => {
    const rendered = await captureRender(handle, req, res);
    if (!isHtml404(rendered.status, rendered.headers['content-type'])) return withDeferredScripts(req, rendered);
    const { body, csp } = await notFound(req.headers['cookie']);
    return { ...rendered, body, headers: { ...rendered.headers, [CSP_HEADER]: csp } };
  });
  if (!page) {
    // The render this request waited for failed: let Next answer (and report) on its own.
    if (!res.headersSent) await handle(req, res);
    return;
  }
  const gzip = !acceptsGzip(req.headers['accept-encoding'])
    ? null
    : hit
      ? await cache.gzipOf(page)
      : await cache.quickGzipOf(page);
  // The visitor whose request rendered the page gets it with its own nonce; every later
  // visitor gets the shared copy's policy (script hashes), worked out once at the first hit.
  const headers = responseHeaders(hit ? shareable(page) : page, gzip, Date.now());
  headers['x-page-cache'] = hit ? 'HIT' : 'MISS';
  res.writeHead(page.status, headers);
  res.end(gzip ?? page.body);
}

/** A public page, sent with its scripts added after its first paint or at the first use of a form (deferred-scripts.ts). */
function withDeferredScripts(req: IncomingMessage, page: RenderedPage): RenderedPage {
  if (page.status !== 200 || !/text\/html/.test(String(page.headers['content-type'] ?? ''))) return page;
  const timing = scriptTimingOf(new URL(req.url ?? '/', 'http://local').pathname);
  return { ...page, body: deferScripts(page.body, timing) };
}

/**
 * Lets Next render into memory instead of the socket: its writes are collected and the
 * response is sent by `send` once complete (with our compression).
 */
async function captureRender(handle: Handler, req: IncomingMessage, res: ServerResponse): Promise<RenderedPage> {
  // Next must not compress: the cache stores the identity body and gzips it once.
  delete req.headers['accept-encoding'];
  const captured = intercept(res, () => true);
  // Resolves at Next's end(), whether or not its handler has returned by then; a handler
  // that throws first rejects.
  const page = await Promise.race([captured, handle(req, res).then(() => captured)]);
  if (!page) throw new Error('response was not captured');
  return page;
}

/**
 * Watches what Next writes to `res`. At the first write, `capture()` decides: true keeps
 * everything in memory (resolves with the page; nothing reaches the socket), false lets the
 * response through unchanged (resolves with null when it ends).
 */
function intercept(res: ServerResponse, capture: () => boolean): Promise<RenderedPage | null> {
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  const restore = () => Object.assign(res, original);
  const chunks: Buffer[] = [];
  let mode: 'undecided' | 'capture' | 'pass' = 'undecided';
  const decide = () => {
    // On 'pass' our wrappers stay and delegate: Next's compression may have wrapped them in
    // turn, and putting the originals back would bypass it mid-response.
    if (mode === 'undecided') mode = capture() ? 'capture' : 'pass';
    return mode;
  };
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };
  const callbackOf = (...args: unknown[]) => args.find((a): a is () => void => typeof a === 'function');

  return new Promise<RenderedPage | null>((resolve) => {
    res.once('close', () => resolve(null));
    res.writeHead = ((status: number, reason?: unknown, headers?: unknown) => {
      res.statusCode = status;
      const given = (typeof reason === 'object' ? reason : headers) as http.OutgoingHttpHeaders | undefined;
      for (const [k, v] of Object.entries(given ?? {})) if (v !== undefined) res.setHeader(k, v);
      if (decide() === 'pass') return original.writeHead.call(res, status);
      return res;
    }) as typeof res.writeHead;
    res.flushHeaders = () => {
      if (decide() === 'pass') original.flushHeaders.call(res);
    };
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      if (decide() === 'pass') return (original.write as (...a: unknown[]) => boolean).call(res, chunk, encoding, cb);
      collect(chunk, encoding);
      callbackOf(encoding, cb)?.();
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      if (decide() === 'pass') {
        (original.end as (...a: unknown[]) => ServerResponse).call(res, chunk, encoding, cb);
        return res;
      }
      collect(chunk, encoding);
      const headers: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(res.getHeaders())) {
        if (v !== undefined) headers[k] = Array.isArray(v) ? v : String(v);
      }
      restore();
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks) });
      callbackOf(chunk, encoding, cb)?.();
      return res;
    }) as typeof res.end;
  });
}
