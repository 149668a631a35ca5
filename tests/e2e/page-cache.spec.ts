import { expect, test } from '@playwright/test';

// The public-page micro-cache in front of Next (server/http/): what a visitor and a shared
// cache see in the headers of the real server started by `npm start`.
test.describe('public page cache', () => {
  test('a public page is rendered once and then served from the cache, compressed', async ({ request }) => {
    const url = `/?cache-probe=${Date.now()}`;
    const first = await request.get(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.status()).toBe(200);
    expect(first.headers()['x-page-cache']).toBe('MISS');
    const second = await request.get(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(second.headers()['x-page-cache']).toBe('HIT');
    expect(second.headers()['content-encoding']).toBe('gzip');
    expect(second.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=5/);
    expect(await second.text()).toBe(await first.text());
  });

  test('the cached copy expires after its TTL and is rendered again', async ({ request }) => {
    const url = `/?ttl-probe=${Date.now()}`;
    expect((await request.get(url)).headers()['x-page-cache']).toBe('MISS');
    await new Promise((r) => setTimeout(r, 5_200));
    expect((await request.get(url)).headers()['x-page-cache']).toBe('MISS');
  });

  test('the large-text preference gets its own copy', async ({ request }) => {
    const url = `/?text-probe=${Date.now()}`;
    await request.get(url);
    const large = await request.get(url, { headers: { cookie: 'text-size=large' } });
    expect(large.headers()['x-page-cache']).toBe('MISS');
  });

  test('client navigations, the API and unknown pages bypass the cache', async ({ request }) => {
    const rsc = await request.get('/', { headers: { rsc: '1' } });
    expect(rsc.headers()['x-page-cache']).toBeUndefined();
    const health = await request.get('/api/health');
    expect(health.headers()['x-page-cache']).toBeUndefined();
    const missing = await request.get('/subjects/999999999');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['cache-control']).not.toMatch(/public/);
  });
});

test.describe('404 pages without JavaScript', () => {
  // Next 16 leaves pages that call notFound() blank until hydration; the server answers
  // every HTML 404 with the server-rendered not-found page instead (server/http/serve.ts).
  for (const path of ['/subjects/999999999', '/policies/no-such-policy', '/no-such-page']) {
    test(`${path} is a readable Chinese 404 with JavaScript off`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('页面不存在');
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await context.close();
    });
  }
});
