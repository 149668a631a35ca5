import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// A journalist's journey through the 曝光台 and its feed, the black list with its measures,
// and the catalog filter; every page checked with axe and kept as a screenshot artifact.

async function keep(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test.describe('曝光台 for the press', () => {
  test('browse by domain, open a case, and find it in the RSS feed', async ({ page, request }, testInfo) => {
    const response = await page.goto('/exposure');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('曝光台');
    // The feed is announced to readers and to feed readers.
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      /\/exposure\/rss\.xml$/,
    );
    await expect(page.getByRole('link', { name: /订阅 RSS/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await keep(page, testInfo, 'exposure');

    // Pick the first domain tab after 全部 and see only its cases.
    const tabs = page.getByRole('navigation', { name: '按领域查看' }).getByRole('link');
    const domainTab = tabs.nth(1);
    const domain = (await domainTab.innerText()).replace(/\s*[\d,]+$/, '').trim();
    await domainTab.click();
    await expect(page).toHaveURL(new RegExp(`domain=${encodeURIComponent(domain)}`));
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${domain}领域典型案例`) })).toBeVisible();
    await expect(domainTab).toHaveAttribute('aria-current', 'page');
    const cases = page.getByTestId('exposure-case');
    expect(await cases.count()).toBeGreaterThan(0);
    for (const text of await cases.allInnerTexts()) expect(text).toContain(domain);
    await expectNoAxeViolations(page);

    // Open the newest case of the domain.
    const first = cases.first().getByRole('heading').getByRole('link');
    const title = await first.innerText();
    await first.click();
    await expect(page).toHaveURL(/\/exposure\/\d+$/);
    const caseId = /\/exposure\/(\d+)$/.exec(page.url())![1];
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('complementary')).toContainText(domain);
    await expect(page.getByRole('complementary')).toContainText('发布日期');
    await expectNoAxeViolations(page);
    await keep(page, testInfo, 'exposure-case');

    // The feed lists it with an absolute link.
    const feed = await request.get('/exposure/rss.xml');
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    const xml = await feed.text();
    expect(xml).toMatch(/<rss version="2\.0"/);
    expect(xml).toMatch(new RegExp(`<link>https?://[^<]+/exposure/${caseId}</link>`));
    expect(xml).toContain(title);
  });

  test('an unknown or malformed case id answers 404', async ({ page }) => {
    expect((await page.goto('/exposure/99999999'))?.status()).toBe(404);
    expect((await page.goto('/exposure/abc'))?.status()).toBe(404);
  });
});

test.describe('红黑名单', () => {
  test('the dishonesty list shows each entry with its measures from the catalog', async ({ page }, testInfo) => {
    await page.goto('/lists/dishonesty');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('失信惩戒名单');
    const entries = page.getByTestId('list-entry');
    await expect(entries).toHaveCount(20);
    const entry = entries.first();
    await expect(entry).toContainText('认定文号');
    await expect(entry).toContainText('有效期至');

    // The measures are folded away and open on demand.
    const measures = entry.locator('details');
    const measureLink = measures.getByRole('link').first();
    await expect(measureLink).toBeHidden();
    await measures.locator('summary').click();
    await expect(measureLink).toBeVisible();
    await expect(measureLink).toHaveAttribute('href', /^\/catalog#CJ-\d{3}$/);
    await expect(measures).toContainText('法律依据');
    await expect(measures).toContainText('实施单位');
    await expectNoAxeViolations(page);
    await keep(page, testInfo, 'lists-dishonesty');

    // Its own page shows every measure, open.
    const name = await entry.getByRole('heading').innerText();
    await entry.getByRole('link', { name: /查看详情/ }).click();
    await expect(page).toHaveURL(/\/lists\/dishonesty\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const section = page.getByRole('region', { name: /适用措施/ });
    await expect(section.getByRole('link', { name: /CJ-\d{3}/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await keep(page, testInfo, 'lists-entry');

    // The same entry is not on the red list.
    const id = /\/(\d+)$/.exec(page.url())![1];
    expect((await page.goto(`/lists/honor/${id}`))?.status()).toBe(404);
  });

  test('the honor list passes axe', async ({ page }) => {
    await page.goto('/lists/honor');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('守信红名单');
    await expect(
      page.getByRole('navigation', { name: '名单类型' }).getByRole('link', { name: '守信红名单' }),
    ).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);
  });

  test('the honor list pages and filters with a GET form, without JavaScript', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/lists/honor');
    const total = Number(
      (await page.getByTestId('list-total').innerText()).match(/共 ([\d,]+) 条/)![1]!.replace(/,/g, ''),
    );
    expect(total).toBeGreaterThan(20);
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('list-entry').first()).toBeVisible();

    const department = page.getByLabel('认定部门');
    const option = department.locator('option').nth(1);
    const departmentName = await option.innerText();
    await department.selectOption({ index: 1 });
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/departmentId=\d+/);
    await expect(page).not.toHaveURL(/page=2/);
    for (const text of await page.getByTestId('list-entry').allInnerTexts()) expect(text).toContain(departmentName);
    await keep(page, testInfo, 'lists-honor-filtered');

    // A bad filter is ignored with a notice, never an error page.
    const bad = await page.goto('/lists/honor?page=abc&domain=火星');
    expect(bad?.status()).toBe(200);
    await expect(page.getByRole('status')).toContainText('已忽略');
    await context.close();
  });
});

test.describe('联合奖惩目录清单', () => {
  test('every column of SPEC §5, and a filter by kind and unit', async ({ page }, testInfo) => {
    await page.goto('/catalog');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('联合奖惩目录清单');
    const table = page.getByRole('table', { name: /目录总览/ });
    await expect(table.getByRole('columnheader')).toHaveText(['编号', '处理措施', '类别', '行政单位', '适用名单数']);
    const item = page.getByTestId('catalog-item').first();
    for (const column of ['行政单位', '处理措施', '奖励事由', '法律依据', '联合奖惩实施单位', '措施内容', '证据材料'])
      await expect(item.getByRole('term').filter({ hasText: new RegExp(`^${column}$`) })).toHaveCount(1);
    await expectNoAxeViolations(page);

    await page.getByLabel('措施类别').selectOption('punishment');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/kind=punishment/);
    const kinds = await page.getByTestId('catalog-item').evaluateAll((els) => els.map((e) => e.id));
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((id) => id.startsWith('CJ-'))).toBe(true);
    await expect(page.getByRole('heading', { level: 2, name: /守信联合激励/ })).toHaveCount(0);

    await page.getByLabel('行政单位或实施单位').selectOption('乐山市中级人民法院');
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/unit=/);
    const items = page.getByTestId('catalog-item');
    expect(await items.count()).toBeGreaterThan(0);
    for (const text of await items.allInnerTexts()) expect(text).toContain('乐山市中级人民法院');
    await expectNoAxeViolations(page);
    await keep(page, testInfo, 'catalog-filtered');

    // A measure link from a list entry lands on its item.
    await page.goto('/catalog#CJ-008');
    await expect(page.locator('#CJ-008')).toBeInViewport();

    // From a measure to the entries that apply it: each shows that measure.
    await page
      .locator('#CJ-008')
      .getByRole('link', { name: /\d+ 条/ })
      .click();
    await expect(page).toHaveURL(/\/lists\/dishonesty\?measure=CJ-008$/);
    await expect(page.getByText(/仅显示适用措施“CJ-008/)).toBeVisible();
    const applied = page.getByTestId('list-entry');
    expect(await applied.count()).toBeGreaterThan(0);
    for (const html of await applied.locator('details').evaluateAll((els) => els.map((e) => e.innerHTML)))
      expect(html).toContain('/catalog#CJ-008');
    await expectNoAxeViolations(page);
  });

  test('is readable on a phone: the overview scrolls inside its own region, the page does not', async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const path of ['/catalog', '/lists/dishonesty', '/exposure']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto('/catalog');
    await keep(page, testInfo, 'catalog-phone');
    await context.close();
  });
});
