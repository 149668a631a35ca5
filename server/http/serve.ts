import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { onPublicDataChange } from './invalidate';
import { PageCache, acceptsGzip, cacheKeyFor, responseHeaders, type CachedPage, type RenderedPage } from './page-cache';

// The portal's HTTP server: Next's request handler behind the public-page micro-cache.
// Everything that is not a public page (assets, API, forms, admin) goes to Next untouched.

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export async function startHttpServer({ port, dir }: { port: number; dir: string }): Promise<http.Server> {
  const app = next({ dev: false, dir, port });
  const handle: Handler = app.getRequestHandler();
  await app.prepare();
  const cache = new PageCache();
  onPublicDataChange(() => cache.clear());

  const server = http.createServer((req, res) => {
    const key = cacheKeyFor(req);
    if (!key) {
      void handle(req, res);
      return;
    }
    void serveFromCache(cache, key, handle, req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}

async function serveFromCache(
  cache: PageCache,
  key: string,
  handle: Handler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const { page, hit } = await cache.getOrRender(key, () => captureRender(handle, req, res));
  if (!page) {
    // The render this request waited for failed: let Next answer (and report) on its own.
    if (!res.headersSent) await handle(req, res);
    return;
  }
  send(res, page, gzip, hit);
}

function send(res: ServerResponse, page: CachedPage, gzip: boolean, hit: boolean): void {
  const headers = responseHeaders(page, gzip, Date.now());
  headers['x-page-cache'] = hit ? 'HIT' : 'MISS';
  res.writeHead(page.status, headers);
  res.end(gzip ? page.gzip : page.body);
}

/**
 * Lets Next render into memory instead of the socket: its writes are collected and the
 * response is sent by `send` once complete (with our compression). The original methods
 * come back before sending.
 */
function captureRender(handle: Handler, req: IncomingMessage, res: ServerResponse): Promise<RenderedPage> {
  // Next must not compress: the cache stores the identity body and gzips it once.
  delete req.headers['accept-encoding'];
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  const restore = () => Object.assign(res, original);
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };
  const callbackOf = (...args: unknown[]) => args.find((a): a is () => void => typeof a === 'function');

  return new Promise<RenderedPage>((resolve, reject) => {
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      collect(chunk, encoding);
      callbackOf(encoding, cb)?.();
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
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
    res.writeHead = ((status: number, reason?: unknown, headers?: unknown) => {
      res.statusCode = status;
      const given = (typeof reason === 'object' ? reason : headers) as http.OutgoingHttpHeaders | undefined;
      for (const [k, v] of Object.entries(given ?? {})) if (v !== undefined) res.setHeader(k, v);
      return res;
    }) as typeof res.writeHead;
    res.flushHeaders = () => {};
    handle(req, res).catch((error: unknown) => {
      restore();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
