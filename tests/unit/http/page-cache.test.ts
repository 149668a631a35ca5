import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PageCache,
  acceptsGzip,
  cacheKeyFor,
  isStorable,
  responseHeaders,
  type RenderedPage,
} from '@/server/http/page-cache';
import { gunzipSync } from 'node:zlib';

const html = (body: string, extra: Record<string, string | string[]> = {}): RenderedPage => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', ...extra },
  body: Buffer.from(body),
});

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('cacheKeyFor: which requests share an answer', () => {
  const get = (url: string, headers: Record<string, string> = {}) => cacheKeyFor({ method: 'GET', url, headers });

  it('keys public pages by path and query', () => {
    expect(get('/')).toBe('/|standard');
    expect(get('/search?q=%E5%86%9C%E4%B8%9A&page=2')).toBe('/search?q=%E5%86%9C%E4%B8%9A&page=2|standard');
    for (const url of [
      '/subjects/12',
      '/disclosures/penalties',
      '/disclosures/licensing/7',
      '/lists/dishonesty/3',
      '/catalog',
      '/exposure',
      '/exposure/rss.xml',
      '/policies/2017-leshan-joint-incentive-punishment-plan',
      '/news',
      '/guides/repair',
      '/sitemap.xml',
      '/robots.txt',
    ]) {
      expect(get(url), url).not.toBeNull();
    }
  });

  it('never shares personal, staff, API, form or issuing pages', () => {
    for (const url of [
      '/admin',
      '/admin/queue',
      '/api/v1/search?q=a',
      '/api/trpc/search.query',
      '/apply/objection',
      '/track',
      '/verify?code=ABC',
      '/subjects/12/report',
      '/subjects/abc',
      '/_next/static/chunks/a.js',
      '/disclosures/penalties/export.csv',
    ]) {
      expect(get(url), url).toBeNull();
    }
  });

  it('only GET: HEAD, POST and others go straight to Next', () => {
    expect(cacheKeyFor({ method: 'HEAD', url: '/', headers: {} })).toBeNull();
    expect(cacheKeyFor({ method: 'POST', url: '/', headers: {} })).toBeNull();
  });

  it('React Server Component requests (client navigation) are not the HTML and are not shared', () => {
    expect(get('/search?q=a', { rsc: '1' })).toBeNull();
    expect(get('/search?q=a', { 'next-router-state-tree': '%5B%5D' })).toBeNull();
    expect(get('/search?q=a&_rsc=abc')).toBeNull();
  });

  it('the large-text preference is part of the key; other cookies are not', () => {
    expect(get('/', { cookie: 'text-size=large' })).toBe('/|large');
    expect(get('/', { cookie: 'a=1; text-size=large; b=2' })).toBe('/|large');
    expect(get('/', { cookie: 'text-size=standard' })).toBe('/|standard');
    expect(get('/', { cookie: 'session=abc; other_text-size=large' })).toBe('/|standard');
    expect(get('/', { authorization: 'Bearer x' })).toBeNull();
  });
});

describe('isStorable', () => {
  it('keeps complete successful pages and feeds only', () => {
    expect(isStorable(html('<p>ok</p>'))).toBe(true);
    expect(isStorable({ ...html('x'), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })).toBe(true);
    expect(isStorable({ ...html('x'), status: 404 })).toBe(false);
    expect(isStorable({ ...html('x'), status: 307, headers: { location: '/subjects/1' } })).toBe(false);
    expect(isStorable(html('x', { 'set-cookie': ['a=1'] }))).toBe(false);
    expect(isStorable({ ...html('x'), headers: { 'content-type': 'application/json' } })).toBe(false);
  });
});

describe('acceptsGzip', () => {
  it('reads Accept-Encoding, including q=0 refusals', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('responseHeaders', () => {
  it('marks stored pages public for shared caches and describes the chosen encoding', async () => {
    const c = clock();
    const cache = new PageCache({ ttlMs: 5_000, maxBytes: 1e6, now: c.now });
    const { page } = await cache.getOrRender('k', async () =>
      html('<p>公示</p>', { 'cache-control': 'private, no-store' }),
    );
    c.advance(2_500);
    const compressed = await cache.gzipOf(page!);
    const gz = responseHeaders(page!, compressed, c.now());
    expect(gz['cache-control']).toMatch(/^public/);
    expect(gz['content-encoding']).toBe('gzip');
    expect(gz['age']).toBe('2');
    expect(gunzipSync(compressed).toString()).toBe('<p>公示</p>');
    expect(Number(gz['content-length'])).toBe(compressed.length);
    const plain = responseHeaders(page!, null, c.now());
    expect(plain['content-encoding']).toBeUndefined();
    expect(Number(plain['content-length'])).toBe(Buffer.byteLength('<p>公示</p>'));
  });

  it("keeps Next's own cache policy on answers that are not stored", async () => {
    const cache = new PageCache({ ttlMs: 5_000, maxBytes: 1e6 });
    const { page } = await cache.getOrRender('k', async () => ({
      status: 404,
      headers: { 'content-type': 'text/html', 'cache-control': 'private, no-store' },
      body: Buffer.from('无此页面'),
    }));
    expect(responseHeaders(page!, null, Date.now())['cache-control']).toBe('private, no-store');
  });
});

describe('PageCache', () => {
  it('renders once per TTL and again after it', async () => {
    const c = clock();
    const cache = new PageCache({ ttlMs: 5_000, maxBytes: 1e6, now: c.now });
    let renders = 0;
    const render = async () => html(`<p>${++renders}</p>`);
    expect((await cache.getOrRender('/', render)).hit).toBe(false);
    c.advance(4_999);
    const second = await cache.getOrRender('/', render);
    expect(second.hit).toBe(true);
    expect(second.page!.body.toString()).toBe('<p>1</p>');
    c.advance(1);
    const third = await cache.getOrRender('/', render);
    expect(third.hit).toBe(false);
    expect(third.page!.body.toString()).toBe('<p>2</p>');
  });

  it('concurrent misses share one render', async () => {
    const cache = new PageCache({ ttlMs: 5_000, maxBytes: 1e6 });
    let renders = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const render = async () => {
      renders += 1;
      await gate;
      return html('<p>x</p>');
    };
    const all = Promise.all(Array.from({ length: 10 }, () => cache.getOrRender('/search?q=a', render)));
    release();
    const results = await all;
    expect(renders).toBe(1);
    expect(results.filter((r) => !r.hit)).toHaveLength(1);
    expect(results.every((r) => r.page!.body.toString() === '<p>x</p>')).toBe(true);
  });

  it('clear() drops everything, and a render that began before it is not stored', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
    await cache.getOrRender('/a', async () => html('old a'));
    expect(cache.size).toBe(1);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cache.getOrRender('/b', async () => {
      await gate;
      return html('old b');
    });
    cache.clear();
    expect(cache.size).toBe(0);
    release();
    expect((await slow).page!.body.toString()).toBe('old b');
    expect(cache.size).toBe(0);
    // The next request renders fresh data.
    expect((await cache.getOrRender('/b', async () => html('new b'))).page!.body.toString()).toBe('new b');
  });

  it('does not store 404s, redirects or pages that set cookies, but answers with them', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
    const notFound = await cache.getOrRender('/subjects/999', async () => ({ ...html('无'), status: 404 }));
    expect(notFound.page!.status).toBe(404);
    await cache.getOrRender('/x', async () => html('x', { 'set-cookie': ['s=1'] }));
    expect(cache.size).toBe(0);
  });

  it('a failed render answers null and is not stored', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
    const failed = await cache.getOrRender('/', () => Promise.reject(new Error('db down')));
    expect(failed.page).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('compresses a page once, when a client first asks for gzip, however many ask at once', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
    const { page } = await cache.getOrRender('/', async () => html('<p>公示</p>'.repeat(100)));
    // A page nobody asked for compressed was never compressed.
    expect(page!.gzip).toBeUndefined();
    const copies = await Promise.all(Array.from({ length: 5 }, () => cache.gzipOf(page!)));
    expect(new Set(copies).size).toBe(1);
    expect(gunzipSync(copies[0]!).toString()).toBe('<p>公示</p>'.repeat(100));
    expect(await cache.gzipOf(page!)).toBe(copies[0]);
  });

  it('gives the visitor whose request rendered a page a quick copy, and keeps only the full one', async () => {
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 1e6 });
    const text = Array.from({ length: 400 }, (_, i) => `<li>第${i}条 行政处罚 ${(i * 7919) % 1000}</li>`).join('');
    const { page } = await cache.getOrRender('/', async () => html(text));
    const quick = await cache.quickGzipOf(page!);
    expect(gunzipSync(quick).toString()).toBe(text);
    // Not kept: a later visitor's copy is compressed (harder) and kept.
    expect(page!.gzip).toBeUndefined();
    const kept = await cache.gzipOf(page!);
    expect(gunzipSync(kept).toString()).toBe(text);
    expect(kept).not.toBe(quick);
    expect(await cache.quickGzipOf(page!)).toBe(kept);
  });

  it('counts a gzip copy made later against the memory bound', async () => {
    // Three 1,000-byte pages fit in 3,100 bytes; once the first is also kept compressed they do not
    // (random text: its gzip copy is hundreds of bytes).
    const body = randomBytes(750).toString('base64');
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 3_100 });
    const first = (await cache.getOrRender('/1', async () => html(body))).page!;
    await cache.getOrRender('/2', async () => html(body));
    await cache.getOrRender('/3', async () => html(body));
    expect(cache.size).toBe(3);
    await cache.getOrRender('/1', async () => html('unused')); // touch /1: /2 is now the oldest
    await cache.gzipOf(first);
    expect(cache.size).toBe(2);
    expect((await cache.getOrRender('/2', async () => html('re-rendered'))).hit).toBe(false);
  });

  it('evicts the least recently used pages beyond its memory bound', async () => {
    const body = 'x'.repeat(1_000);
    // Each entry costs its body (1,000 bytes; nobody asked for gzip).
    const cache = new PageCache({ ttlMs: 60_000, maxBytes: 2_500 });
    await cache.getOrRender('/1', async () => html(body));
    await cache.getOrRender('/2', async () => html(body));
    await cache.getOrRender('/1', async () => html('unused')); // touch /1
    await cache.getOrRender('/3', async () => html(body));
    expect(cache.size).toBe(2);
    expect((await cache.getOrRender('/1', async () => html('re-rendered'))).hit).toBe(true);
    expect((await cache.getOrRender('/2', async () => html('re-rendered'))).hit).toBe(false);
  });
});
