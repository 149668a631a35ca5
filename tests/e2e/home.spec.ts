import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('home page', () => {
  test('shows the portal with counts and the latest disclosures from the database', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/信用乐山/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('banner').getByRole('link', { name: /^信用乐山/ })).toBeVisible();
    await expect(page.getByRole('search').getByRole('combobox', { name: '查询关键词' })).toBeVisible();

    // Counts come from the seeded demo database: all non-zero.
    for (const label of ['信用主体', '行政许可', '行政处罚', '守信红名单', '失信惩戒名单', '曝光案例']) {
      const text = await page.getByTestId(`count-${label}`).innerText();
      expect(Number(text.replace(/,/g, '')), label).toBeGreaterThan(0);
    }
    const penalties = page.getByTestId('latest-penalties').getByRole('listitem');
    await expect(penalties).toHaveCount(6);
    const licensing = page.getByTestId('latest-licensing').getByRole('listitem');
    await expect(licensing).toHaveCount(6);
    // Document numbers look like 乐市监处罚〔2024〕45号.
    await expect(page.getByTestId('latest-penalties')).toContainText(/〔20\d\d〕\d+号/);
    await expect(page.getByRole('contentinfo')).toContainText('主办单位');
    // News and policies from content/: the 2017 plan is among the policies.
    await expect(page.getByTestId('home-policies')).toContainText('乐山市');
    await expect(page.getByTestId('home-news').getByRole('listitem').getByRole('link').first()).toHaveAttribute(
      'href',
      /^\/news\/[\w-]+$/,
    );
    // Both lists are highlighted, each linking to its own entries.
    for (const [id, list] of [
      ['honor-highlights', 'honor'],
      ['dishonesty-highlights', 'dishonesty'],
    ] as const) {
      const links = page.getByTestId(id).getByRole('listitem').getByRole('link');
      expect(await links.count()).toBeGreaterThan(0);
      await expect(links.first()).toHaveAttribute('href', new RegExp(`^/lists/${list}/\\d+$`));
    }
  });

  test('has no axe violations (WCAG 2.1 AA)', async ({ page }) => {
    await page.goto('/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the skip link is the first thing a keyboard reaches and moves focus to the content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('the search box submits a GET form to /search without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: '查询关键词' }).fill('农业');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/\/search\?q=%E5%86%9C%E4%B8%9A/);
    await context.close();
  });

  test('health and readiness answer', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await request.get('/api/ready');
    expect(ready.status()).toBe(200);
    const body = await ready.json();
    expect(body.ready).toBe(true);
    expect(body.database).toMatchObject({ reachable: true, kind: 'pglite' });
    expect(body.migrations.pending).toEqual([]);
  });

  test('an unknown page answers 404 in Chinese', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在（404）');
  });
});

test('the page loads without console errors or failed requests', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/', { waitUntil: 'load' });
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon\.svg/);
  expect(problems).toEqual([]);
});
