import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// Policies, news and guides from content/, the accessibility statement, the site frame,
// large-text mode (适老化) with and without JavaScript, the 404 page, sitemap and robots.

const PLAN = '/policies/2017-leshan-joint-incentive-punishment-plan';
const rootFontSize = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);

test.describe('content pages', () => {
  test('a reader finds the 2017 Leshan plan first among the policies and reads it', async ({ page }, testInfo) => {
    const response = await page.goto('/policies');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('政策法规');
    const first = page.getByTestId('content-list').getByRole('listitem').first();
    await expect(first).toContainText('2017年6月19日');
    await first.getByRole('link').click();
    await expect(page).toHaveURL(PLAN);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '乐山市建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设实施方案',
    );
    await expect(page.getByText('发布日期：2017年6月19日')).toBeVisible();
    await expect(page).toHaveTitle(/实施方案 — 信用乐山/);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${PLAN}$`));

    // The outline jumps to its section.
    const toc = page.getByRole('navigation', { name: '目录' });
    await toc.getByRole('link', { name: '（三）权益保护' }).click();
    await expect(page).toHaveURL(/#/);
    await expect(page.getByRole('heading', { name: '（三）权益保护', level: 3 })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('policy-2017.png') });

    await page.getByRole('link', { name: '← 返回列表' }).click();
    await expect(page).toHaveURL('/policies');
  });

  test('news are listed newest first and an article opens with its date', async ({ page }) => {
    await page.goto('/news');
    const items = page.getByTestId('content-list').getByRole('listitem');
    await expect(items).toHaveCount(4);
    const dates = await items.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    await items.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('新版“信用乐山”网站上线试运行');
    await expect(page.getByText('发布日期：2026年11月16日')).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '新闻动态' }),
    ).toBeVisible();
  });

  test('the guides explain objections and repair: free, materials, working-day deadlines', async ({ page }) => {
    await page.goto('/guides');
    await expect(page.getByTestId('content-list').getByRole('link')).toHaveText(['如何提出异议', '如何申请信用修复']);
    await page.getByRole('link', { name: '如何申请信用修复' }).click();
    const article = page.getByRole('article');
    await expect(article).toContainText('信用修复不收取任何费用');
    await expect(article.getByRole('heading', { name: '需要准备的材料' })).toBeVisible();
    await expect(article).toContainText('部门在 2 个工作日内决定是否受理');
    await expect(article.getByRole('table')).toContainText('最短1年，最长3年');

    await page.goto('/guides/objection');
    const table = page.getByRole('region', { name: /表格/ }).getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table).toContainText('受理后 10 个工作日内');
  });

  test('an unknown article answers 404 in Chinese with a search box', async ({ page }) => {
    const response = await page.goto('/guides/no-such-guide');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在（404）');
    await expect(page.getByRole('search').getByRole('searchbox', { name: '查询关键词' })).toBeVisible();
    await expectNoAxeViolations(page);

    const unmatched = await page.goto('/no-such-section/at-all');
    expect(unmatched?.status()).toBe(404);
    await page.getByRole('searchbox', { name: '查询关键词' }).fill('嘉州');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/\/search\?q=%E5%98%89%E5%B7%9E/);
  });

  test('the accessibility statement says the target, the testing and how to report a problem', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: '无障碍声明' }).click();
    await expect(page).toHaveURL('/accessibility');
    const main = page.getByRole('main');
    await expect(main).toContainText('WCAG');
    await expect(main).toContainText('2.1 的 AA 级');
    await expect(main).toContainText('axe-core');
    await expect(main.getByRole('heading', { name: '已知的局限' })).toBeVisible();
    await expect(main.getByRole('heading', { name: '大字版（适老化）' })).toBeVisible();
    await expect(main).toContainText('12345');
  });
});

test.describe('large-text mode (大字版)', () => {
  test('switches without JavaScript and persists across pages and reloads', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/guides/repair');
    expect(await rootFontSize(page)).toBe('16px');
    await page.getByRole('link', { name: '大字版' }).click();
    await expect(page).toHaveURL('/guides/repair');
    expect(await rootFontSize(page)).toBe('20px');
    await expect(page.getByRole('link', { name: '标准版' })).toBeVisible();

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'text-size');
    expect(cookie).toMatchObject({ value: 'large', path: '/', sameSite: 'Lax' });
    const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);

    await page.getByRole('banner').getByRole('link', { name: '新闻动态' }).click();
    await expect(page).toHaveURL('/news');
    expect(await rootFontSize(page)).toBe('20px');
    await page.reload();
    expect(await rootFontSize(page)).toBe('20px');
    await page.screenshot({ path: testInfo.outputPath('news-large-nojs.png'), fullPage: true });

    await page.getByRole('link', { name: '标准版' }).click();
    await expect(page).toHaveURL('/news');
    expect(await rootFontSize(page)).toBe('16px');
    await context.close();
  });

  test('keeps the query of a results page when switching without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/policies?from=test');
    await page.getByRole('link', { name: '大字版' }).click();
    await expect(page).toHaveURL('/policies?from=test');
    await context.close();
  });

  test('refuses to send the reader to another site', async ({ request }) => {
    const response = await request.get('/preferences/text-size?size=large&return=%2F%2Fevil.example%2F', {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toBe('/');
  });

  test('with JavaScript it switches in place, without a reload, and the choice stays', async ({ page }) => {
    await page.goto(PLAN, { waitUntil: 'networkidle' });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByRole('link', { name: '大字版' }).click();
    await expect(page.getByRole('link', { name: '标准版' })).toBeVisible();
    expect(await rootFontSize(page)).toBe('20px');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.reload();
    expect(await rootFontSize(page)).toBe('20px');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '标准版' }).click();
    expect(await rootFontSize(page)).toBe('16px');
  });
});

test.describe('site frame', () => {
  test('on a phone the menu opens and its links work by keyboard, in both text sizes', async ({
    browser,
  }, testInfo) => {
    for (const size of ['standard', 'large'] as const) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
      if (size === 'large')
        await context.addCookies([{ name: 'text-size', value: 'large', url: testInfo.project.use.baseURL! }]);
      const page = await context.newPage();
      await page.goto('/guides');
      // Nothing is wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), size).toBeLessThanOrEqual(390);
      const nav = page.getByRole('navigation', { name: '主导航' });
      await expect(nav.getByRole('link', { name: '政策法规' })).toBeHidden();
      await page.keyboard.press('Tab'); // the skip link comes first
      await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
      const summary = nav.locator('summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(nav.getByRole('link', { name: '政策法规' })).toBeVisible();
      await expect(nav.getByRole('link', { name: '办事指南' })).toHaveAttribute('aria-current', 'page');
      await page.screenshot({ path: testInfo.outputPath(`phone-menu-${size}.png`) });
      await nav.getByRole('link', { name: '政策法规' }).focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL('/policies');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('政策法规');
      await context.close();
    }
  });

  test('the open phone menu has no axe violations (axe needs JavaScript to run)', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addCookies([{ name: 'text-size', value: 'large', url: testInfo.project.use.baseURL! }]);
    const page = await context.newPage();
    await page.goto('/policies');
    await page.getByRole('navigation', { name: '主导航' }).locator('summary').click();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '曝光台' })).toBeVisible();
    await expectNoAxeViolations(page);
    await context.close();
  });

  test('on a desktop a group opens on keyboard focus and marks the current section', async ({ page }) => {
    await page.goto('/news/2026-04-22-credit-repair-training');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '新闻动态' })).toHaveAttribute('aria-current', 'true');
    const item = nav.getByRole('link', { name: '申请信用修复' });
    await expect(item).toBeHidden();
    await nav.getByRole('link', { name: /在线办事/ }).focus();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: '提出异议' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(item).toBeFocused();
    await expect(item).toBeVisible();
    await expect(item).toHaveAttribute('href', '/apply/repair');
  });

  test('the footer names the host office, the 12345 hotline and the site links', async ({ page }) => {
    await page.goto('/news');
    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText('乐山市发展和改革委员会');
    await expect(footer).toContainText('12345 政务服务便民热线');
    for (const name of ['无障碍声明', '网站地图', '数据接口'])
      await expect(footer.getByRole('link', { name })).toBeVisible();
    await footer.getByRole('link', { name: '网站地图' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('网站地图');
    await expect(page.getByRole('main').getByRole('link', { name: /实施方案$/ })).toHaveAttribute('href', PLAN);
  });

  test('sitemap.xml and robots.txt answer with the right content types', async ({ request }) => {
    const index = await request.get('/sitemap.xml');
    expect(index.status()).toBe(200);
    expect(index.headers()['content-type']).toMatch(/^application\/xml/);
    const xml = await index.text();
    expect(xml).toContain('<sitemapindex');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs).toContain('/sitemaps/sitemap/pages.xml');
    expect(locs.some((l) => /penalties-0\.xml$/.test(l))).toBe(true);

    const pages = await request.get('/sitemaps/sitemap/pages.xml');
    expect(pages.headers()['content-type']).toMatch(/^application\/xml/);
    expect(await pages.text()).toContain(`${PLAN}</loc>`);
    const penalties = await (await request.get('/sitemaps/sitemap/penalties-0.xml')).text();
    expect(penalties).toMatch(/\/disclosures\/penalties\/\d+<\/loc>/);
    expect((await request.get('/sitemaps/sitemap/penalties-999.xml')).status()).toBe(404);

    const robots = await request.get('/robots.txt');
    expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
    const text = await robots.text();
    for (const line of [
      'Disallow: /admin',
      'Disallow: /api/',
      'Disallow: /search?',
      'Disallow: /track',
      'Disallow: /apply',
    ])
      expect(text).toContain(line);
    expect(text).toMatch(/Sitemap: https?:\/\/[^\s]+\/sitemap\.xml/);
  });
});

test.describe('axe (WCAG 2.1 AA) on every content page', () => {
  const paths = [
    '/policies',
    PLAN,
    '/policies/2025-credit-repair-measures',
    '/news',
    '/news/2026-11-16-portal-relaunch',
    '/guides',
    '/guides/objection',
    '/guides/repair',
    '/accessibility',
    '/site-map',
    '/no-such-page',
  ];
  for (const size of ['standard', 'large'] as const) {
    test(`${size} text`, async ({ page, context }, testInfo) => {
      if (size === 'large')
        await context.addCookies([{ name: 'text-size', value: 'large', url: testInfo.project.use.baseURL! }]);
      for (const path of paths) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await page.goto(PLAN);
      await page.screenshot({ path: testInfo.outputPath(`plan-${size}.png`) });
    });
  }
});
