import { expect, test, type Page } from '@playwright/test';

// The security headers on every kind of response, and a Content-Security-Policy that Next's
// own scripts pass: pages are driven with JavaScript (the search follows typing, the sign-in
// form posts) while every CSP violation and console error is collected.

const SCJG = { username: 'scjg', password: 'demo-scjg-2026' };

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

/** Collects CSP violations (reported in the page) and console errors from here on. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return problems;
}

const expectHeaders = (headers: Record<string, string>, where: string) => {
  expect(headers['x-frame-options'], where).toBe('DENY');
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], where).toContain('camera=()');
};

test('every kind of response carries the security headers, pages a CSP with frame-ancestors none', async ({
  request,
}) => {
  const first = await request.get('/');
  const second = await request.get('/');
  for (const [where, res] of [
    ['/ (first)', first],
    ['/ (cached)', second],
    ['/track', await request.get('/track')],
    ['/api/v1/catalog', await request.get('/api/v1/catalog')],
    ['/api/health', await request.get('/api/health')],
    ['/favicon.svg', await request.get('/favicon.svg')],
    ['404', await request.get('/no-such-page', { headers: { accept: 'text/html' } })],
  ] as const) {
    expectHeaders(res.headers(), where);
    if (where !== '/favicon.svg') {
      expect(res.headers()['content-security-policy'], where).toContain("frame-ancestors 'none'");
      expect(res.headers()['content-security-policy'], where).toContain("object-src 'none'");
    }
  }
  console.log('headers of /:', JSON.stringify(second.headers(), null, 2));
  // A page shared by the micro-cache names its scripts' hashes, never a nonce another visitor also got.
  expect(second.headers()['x-page-cache']).toBe('HIT');
  expect(second.headers()['content-security-policy']).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(second.headers()['content-security-policy']).not.toContain("'nonce-");
  // A page rendered for one visitor has a nonce of its own, new every time.
  const nonceOf = async () =>
    /'nonce-([^']+)'/.exec((await request.get('/track')).headers()['content-security-policy'] ?? '')?.[1];
  const [a, b] = [await nonceOf(), await nonceOf()];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);
});

test('no page logs a CSP violation or a console error: public pages, search with JavaScript, the back office', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = await watch(page);
  for (const path of ['/', '/disclosures/penalties', '/track', '/verify', '/apply/objection', '/no-such-page']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // Twice: the second comes from the micro-cache, with script hashes instead of a nonce.
  for (let i = 0; i < 2; i++) {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    // The home page's scripts load when its form is used: the loader is allowed by the nonce,
    // then by its hash, and the scripts it adds by 'self'.
    await page.getByRole('combobox', { name: '查询关键词' }).focus();
    await expect(page.getByRole('listbox', { name: '主体名称建议', includeHidden: true })).toHaveCount(1);
  }
  // Search follows the typing only when its scripts run.
  await page.goto('/search?q=%E5%86%9C%E4%B8%9A');
  await page.getByRole('combobox', { name: '查询关键词' }).fill('乐山');
  // (A server render per keystroke: generous on a busy machine.)
  await expect(page).toHaveURL(/\/search\?q=%E4%B9%90%E5%B1%B1/, { timeout: 30_000 });
  // The suggestion list covers the first hits until it is closed, as a combobox's list does.
  await page.getByRole('combobox', { name: '查询关键词' }).press('Escape');
  await expect(page.getByRole('listbox', { name: '主体名称建议' })).toBeHidden();
  await page.getByTestId('search-hit').first().getByRole('link').first().click();
  await page.waitForLoadState('networkidle');
  // The back office, signed in through the scripted form.
  await page.goto('/admin/sign-in');
  await page.getByLabel('用户名').fill(SCJG.username);
  await page.getByLabel('密码').fill(SCJG.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请队列' })).toBeVisible();
  await page.goto('/admin/imports');
  await page.waitForLoadState('networkidle');
  // Failed loads of the deliberate 404 are not script problems.
  const real = problems.filter((p) => !/status of 404/.test(p));
  expect(real).toEqual([]);
});

test('/api/trpc refuses a batch of more than 10 calls in Chinese, and answers one of 10', async ({ request }) => {
  const batch = (n: number) =>
    `/api/trpc/${Array.from({ length: n }, () => 'catalog.browse').join(',')}?batch=1&input=${encodeURIComponent('{}')}`;
  const refused = await request.get(batch(100));
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error: { json: { message: string } } }).error.json.message).toContain(
    '最多包含 10 个调用',
  );
  expect((await request.get(batch(10))).status()).toBeLessThan(500);
});
