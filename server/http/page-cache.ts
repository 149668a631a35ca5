import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { TEXT_SIZE_COOKIE } from '../preferences/text-size';
import { ORIGIN_HEADER } from './origin';

// A micro-cache for public pages, in front of Next in the same process (the nginx
// "micro-caching" pattern): each public URL is rendered at most once per TTL however many
// people ask, concurrent misses wait for one render, and a data change purges everything at
// once. Several instances each keep their own copy, so the TTL bounds how stale a page can be
// anywhere (a few seconds); the instance that wrote the change purges at once.

/** How long a rendered public page is served before it is rendered again. */
export const PUBLIC_PAGE_TTL_MS = 5_000;
/** Memory bound of the cache (bodies plus the gzip copies made of them). */
export const PUBLIC_PAGE_CACHE_BYTES = 64 * 1024 * 1024;
/** What a shared cache in front of us (nginx, CDN) may do with a public page. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';

/** Paths whose answer is the same for every visitor (apart from the text-size preference). */
const PUBLIC_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/search$/,
  /^\/subjects\/\d+$/,
  /^\/disclosures\/(licensing|penalties)(\/\d+)?$/,
  /^\/lists\/(honor|dishonesty)(\/\d+)?$/,
  /^\/catalog$/,
  /^\/exposure(\/\d+|\/rss\.xml)?$/,
  /^\/(policies|news|guides)(\/[\w-]+)?$/,
  /^\/accessibility$/,
  /^\/robots\.txt$/,
  /^\/sitemap(\/[\w-]+)?\.xml$/,
];

export interface RequestFacts {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The cache key of a request, or null when its answer must not be shared. */
export function cacheKeyFor(req: RequestFacts): string | null {
  // HEAD is answered by Next itself: its empty body must never be stored under a GET's key.
  if (req.method !== 'GET') return null;
  if (!req.url) return null;
  // React Server Component payloads (client navigations) differ from the HTML of the same URL.
  if (req.headers['rsc'] !== undefined || req.headers['next-router-state-tree'] !== undefined) return null;
  if (req.headers['authorization'] !== undefined) return null;
  const url = new URL(req.url, 'http://local');
  if (url.searchParams.has('_rsc')) return null;
  if (!PUBLIC_PATHS.some((p) => p.test(url.pathname))) return null;
  // Without SITE_URL a page's links carry the origin it was asked for: one copy per origin.
  const origin = req.headers[ORIGIN_HEADER];
  return `${url.pathname}${url.search}|${textSizeOf(req.headers['cookie'])}${origin ? `|${String(origin)}` : ''}`;
}

/** The only cookie a public page depends on is large-text mode; every other cookie is ignored. */
export function textSizeOf(cookie: string | string[] | undefined): string {
  const header = Array.isArray(cookie) ? cookie.join('; ') : (cookie ?? '');
  const m = new RegExp(`(?:^|;\\s*)${TEXT_SIZE_COOKIE}=([^;]*)`).exec(header);
  return m?.[1] === 'large' ? 'large' : 'standard';
}

export interface RenderedPage {
  status: number;
  /** Lower-case names; set-cookie stays a list. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export interface CachedPage extends RenderedPage {
  storedAt: number;
  /**
   * The gzip copy, made the first time a client that accepts gzip asks for the page (not at
   * render: a page nobody asks for compressed, or asks for once, should not cost a compression
   * on the event loop). See PageCache.gzipOf.
   */
  gzip?: Buffer;
}

const gzipAsync = promisify(gzipCallback);

/** Only complete, successful, visitor-independent answers are kept. */
export function isStorable(page: RenderedPage): boolean {
  if (page.status !== 200) return false;
  if (page.headers['set-cookie'] !== undefined) return false;
  const type = String(page.headers['content-type'] ?? '');
  return /^(text\/html|text\/plain|application\/xml|text\/xml|application\/rss\+xml)/.test(type);
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'cache-control',
  'vary',
]);

/**
 * The headers to send with a page from the cache path; `gzip` is the compressed body when the
 * client accepts it. A storable page is marked public for shared caches; anything else keeps
 * Next's own policy.
 */
export function responseHeaders(page: CachedPage, gzip: Buffer | null, now: number): Record<string, string | string[]> {
  const storable = isStorable(page);
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(page.headers)) {
    if (!HOP_BY_HOP.has(k) || (!storable && (k === 'cache-control' || k === 'vary'))) headers[k] = v;
  }
  if (storable) {
    headers['cache-control'] = PUBLIC_CACHE_CONTROL;
    headers['vary'] = 'Accept-Encoding, Cookie';
    headers['age'] = String(Math.max(0, Math.floor((now - page.storedAt) / 1000)));
  }
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String((gzip ?? page.body).length);
  return headers;
}

export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  return /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(value);
}

/** A time-bounded LRU of rendered pages with single-flight rendering per key. */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly inflight = new Map<string, Promise<CachedPage | null>>();
  /** Compressions under way, so that concurrent gzip clients of one page share one. */
  private readonly compressing = new WeakMap<CachedPage, Promise<Buffer>>();
  /** The pages `entries` holds, to tell whether a finished compression counts against the bound. */
  private stored = new WeakSet<CachedPage>();
  private bytes = 0;
  private generation = 0;

  constructor(
    private readonly options: { ttlMs: number; maxBytes: number; now?: () => number } = {
      ttlMs: PUBLIC_PAGE_TTL_MS,
      maxBytes: PUBLIC_PAGE_CACHE_BYTES,
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** A fresh page for the key, or undefined. */
  get(key: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (!page) return undefined;
    if (this.now() - page.storedAt >= this.options.ttlMs) {
      this.remove(key);
      return undefined;
    }
    // Map order is insertion order: re-insert to mark as recently used.
    this.entries.delete(key);
    this.entries.set(key, page);
    return page;
  }

  /**
   * The page for `key`: from the cache, from a render already under way, or from `render`.
   * A render that started before the last `clear()` is not stored.
   */
  async getOrRender(
    key: string,
    render: () => Promise<RenderedPage>,
  ): Promise<{ page: CachedPage | null; hit: boolean }> {
    const cached = this.get(key);
    if (cached) return { page: cached, hit: true };
    const running = this.inflight.get(key);
    if (running) return { page: await running, hit: true };
    const generation = this.generation;
    const promise = render().then(
      (rendered) => {
        const page: CachedPage = { ...rendered, storedAt: this.now() };
        if (isStorable(rendered) && generation === this.generation) this.store(key, page);
        return page;
      },
      () => null,
    );
    this.inflight.set(key, promise);
    try {
      return { page: await promise, hit: false };
    } finally {
      this.inflight.delete(key);
    }
  }

  /**
   * The page's gzip copy, compressed once on libuv's thread pool (off the event loop) and kept
   * with the page; a stored page's memory account grows by it.
   */
  gzipOf(page: CachedPage): Promise<Buffer> {
    if (page.gzip) return Promise.resolve(page.gzip);
    let running = this.compressing.get(page);
    if (!running) {
      running = gzipAsync(page.body).then((gzip) => {
        page.gzip = gzip;
        if (this.stored.has(page)) {
          this.bytes += gzip.length;
          this.evict();
        }
        return gzip;
      });
      this.compressing.set(page, running);
    }
    return running;
  }

  /**
   * A gzip copy for the visitor whose request rendered the page, made quickly (level 1: less
   * than half the CPU of the default, about 15% more bytes) and not kept. Most renders are
   * asked for once (a search nobody repeats); a page asked for again gets the kept copy.
   */
  quickGzipOf(page: CachedPage): Promise<Buffer> {
    return page.gzip ? Promise.resolve(page.gzip) : gzipAsync(page.body, { level: 1 });
  }

  /** Forget everything (data changed). Renders under way finish but are not stored. */
  clear(): void {
    this.entries.clear();
    this.stored = new WeakSet();
    this.inflight.clear();
    this.bytes = 0;
    this.generation += 1;
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, page: CachedPage): void {
    this.remove(key);
    const cost = costOf(page);
    if (cost > this.options.maxBytes) return;
    this.entries.set(key, page);
    this.stored.add(page);
    this.bytes += cost;
    this.evict();
  }

  private evict(): void {
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.stored.delete(old);
      this.bytes -= costOf(old);
    }
  }

  private remove(key: string): void {
    const page = this.entries.get(key);
    if (!page) return;
    this.entries.delete(key);
    this.stored.delete(page);
    this.bytes -= costOf(page);
  }
}

const costOf = (page: CachedPage) => page.body.length + (page.gzip?.length ?? 0);
