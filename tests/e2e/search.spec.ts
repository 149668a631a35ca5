import { gzipSync } from 'node:zlib';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { usccCheckChar } from '../../server/rules/uscc';
import { expectNoAxeViolations } from './helpers/a11y';

// The public search page on the seeded demo city: a citizen's searches, with and without
// JavaScript. Expected values are read from the page itself (the demo data is generated).

const NONG_YE = '/search?q=%E5%86%9C%E4%B8%9A';
const USCC = /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/;
const ID_NUMBER = '11010519491231002X';

async function totalOf(page: Page): Promise<number> {
  const text = await page.getByTestId('search-status').innerText();
  const m = /共找到 ([\d,]+)(\+?) 条结果/.exec(text);
  expect(m, `status "${text}"`).not.toBeNull();
  return Number(m![1]!.replace(/,/g, ''));
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** A facet value's checkbox in the shared facet panel (its name: the value, then its count). */
const facetBox = (page: Page, facet: string, label: string) =>
  page.getByTestId(`facet-${facet}`).getByRole('checkbox', { name: new RegExp(`^${label}\\s*[\\d,]+\\s*条$`) });

const countIn = async (box: Locator) =>
  Number((await box.locator('xpath=..').getByTestId('facet-count').innerText()).replace(/\D/g, ''));

/** Ticks a facet value and applies the panel (a GET form: the same with and without JavaScript). */
async function chooseFacet(page: Page, facet: string, label: string) {
  await facetBox(page, facet, label).check();
  await page.getByTestId('facet-panel').getByRole('button', { name: '应用筛选' }).click();
}

/** A USCC of a subject in the demo data, read from the results for 农业. */
async function knownUscc(page: Page): Promise<string> {
  await page.goto(`${NONG_YE}&kind=penalty`);
  const text = await page.getByTestId('search-hits').innerText();
  const m = USCC.exec(text);
  expect(m, 'a USCC in the hits').not.toBeNull();
  return m![0];
}

test.describe('search page', () => {
  test('searching 农业 from the home page shows typed, highlighted hits with a total', async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: '查询关键词' }).fill('农业');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/\/search\?q=%E5%86%9C%E4%B8%9A$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('“农业”的查询结果');
    await expect(page).toHaveTitle(/“农业”的查询结果/);
    expect(await totalOf(page)).toBeGreaterThan(20);

    const hits = page.getByTestId('search-hit');
    await expect(hits).toHaveCount(20);
    // Every hit says what it is, and the matched characters are marked.
    for (const hit of await hits.all()) {
      await expect(hit.locator('span').first()).toHaveText(/^(信用主体|行政许可|行政处罚|红黑名单|曝光案例)$/);
      await expect(hit.getByRole('heading', { level: 3 }).getByRole('link')).toHaveAttribute('href', /^\/[a-z]/);
    }
    await expect(hits.first().locator('mark').first()).toHaveText('农业');
    // Subjects come first with their records folded under them; a record hit names its document.
    await chooseFacet(page, 'kind', '行政处罚');
    await expect(page).toHaveURL(/kind=penalty/);
    await expect(page.getByTestId('search-hits')).toContainText(/文书号：.+〔20\d\d〕\d+号/);
    // A results page is not for search engines, and names one canonical address.
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/search$/);
    await shot(page, testInfo, 'results-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, testInfo, 'results-phone');
  });

  test('a facet filters the hits, shows in the URL, and keeps its own counts', async ({ page }) => {
    await page.goto(NONG_YE);
    const total = await totalOf(page);
    const penalty = facetBox(page, 'kind', '行政处罚');
    const penaltyCount = await countIn(penalty);
    expect(penaltyCount).toBeGreaterThan(0);
    expect(penaltyCount).toBeLessThan(total);
    const licensingCount = await countIn(facetBox(page, 'kind', '行政许可'));
    const departments = await page.getByTestId('facet-department').innerText();

    await chooseFacet(page, 'kind', '行政处罚');
    await expect(page).toHaveURL(/[?&]kind=penalty(&|$)/);
    await expect.poll(() => totalOf(page)).toBe(penaltyCount);
    for (const kind of await page.getByTestId('search-hit').evaluateAll((els) => els.map((e) => e.dataset.kind))) {
      expect(kind).toBe('penalty');
    }
    // Selected, removable, and the other kinds still counted as before (disjunctive facets).
    await expect(facetBox(page, 'kind', '行政处罚')).toBeChecked();
    await expect(facetBox(page, 'kind', '行政许可')).not.toBeChecked();
    expect(await countIn(facetBox(page, 'kind', '行政许可'))).toBe(licensingCount);
    // Other facets now count penalties only.
    expect(await page.getByTestId('facet-department').innerText()).not.toBe(departments);
    await expect(page.getByTestId('selected-filters')).toContainText('信息类别：行政处罚');

    await page.getByTestId('selected-filters').getByRole('link', { name: '清除全部筛选' }).click();
    await expect(page).toHaveURL(/\/search\?q=%E5%86%9C%E4%B8%9A$/);
    await expect.poll(() => totalOf(page)).toBe(total);
  });

  test('pages through the results and sorts them by date', async ({ page }) => {
    await page.goto(NONG_YE);
    const firstPage = await page.getByTestId('search-hit').allInnerTexts();
    const pager = page.getByRole('navigation', { name: '查询结果分页' });
    await pager.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(pager.locator('[aria-current="page"]')).toContainText('2');
    const secondPage = await page.getByTestId('search-hit').allInnerTexts();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);

    await page
      .getByRole('navigation', { name: '排序方式' })
      .getByRole('link', { name: /按日期/ })
      .click();
    await expect(page).toHaveURL(/[?&]sort=date(&|$)/);
    await expect(page).not.toHaveURL(/page=/);
    await expect(page.getByRole('navigation', { name: '排序方式' }).locator('[aria-current]')).toHaveText(/按日期/);
    const dates = (await page.getByTestId('search-hits').locator('dd').allInnerTexts())
      .map((t) => /^(\d{4})年(\d+)月(\d+)日$/.exec(t))
      .filter((m) => m !== null)
      .map((m) => Number(m[1]) * 10_000 + Number(m[2]) * 100 + Number(m[3]));
    expect(dates.length).toBeGreaterThan(5);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('a broad query shows "10,000+" and says facet counts cover the first 10,000 hits', async ({ page }) => {
    await page.goto('/search?q=%E4%B9%90%E5%B1%B1');
    await expect(page.getByTestId('search-status')).toHaveText('共找到 10,000+ 条结果');
    await expect(page.getByTestId('facets-approximate')).toContainText('按前 10,000 条结果统计');
    const pager = page.getByRole('navigation', { name: '查询结果分页' });
    // Records fold under their subjects, so the first 10,000 hits fill at most 500 pages of 20.
    const pages = Number(/第 1 \/ (\d+) 页/.exec((await pager.textContent()) ?? '')?.[1]);
    expect(pages).toBeGreaterThan(5);
    expect(pages).toBeLessThanOrEqual(500);
    await pager.getByRole('link', { name: '末页' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]page=${pages}(&|$)`));
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
  });

  test('a known USCC goes to its subject; a wrong check character suggests it', async ({ page }, testInfo) => {
    const uscc = await knownUscc(page);
    await page.goto(`/search?q=${uscc}`);
    await expect(page).toHaveURL(/\/subjects\/\d+$/);
    const subjectPath = new URL(page.url()).pathname;

    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    await page.goto(`/search?q=${wrong}`);
    const outcome = page.getByTestId('code-outcome');
    await expect(outcome).toContainText('校验位错误');
    await expect(outcome).toContainText('您是否要找');
    await expect(outcome.locator(`a[href="${subjectPath}"]`)).toHaveCount(1);
    await expect(outcome).toContainText(uscc);
    await shot(page, testInfo, 'did-you-mean');

    // A well-formed code that no subject has: said plainly.
    const first17 = uscc.slice(0, 10) + (uscc[10] === '1' ? '2' : '1') + uscc.slice(11, 17);
    await page.goto(`/search?q=${first17}${usccCheckChar(first17)}`);
    await expect(outcome).toContainText('格式正确，但本站暂无该主体的公示信息');
  });

  test('a resident ID number is refused and never shown back, not even in the address', async ({ page }) => {
    await page.goto(`/search?q=${ID_NUMBER}`);
    await expect(page).toHaveURL(/\/search\?refused=personal_id$/);
    await expect(page.getByTestId('code-outcome')).toContainText('不支持按身份证号码查询');
    await expect(page.getByRole('combobox', { name: '查询关键词' })).toHaveValue('');
    expect(await page.content()).not.toContain(ID_NUMBER);
    // Typed with JavaScript, it leaves neither the box's results nor the address holding the number.
    const box = page.getByRole('combobox', { name: '查询关键词' });
    await box.fill(ID_NUMBER);
    await expect(page).toHaveURL(/\/search\?refused=personal_id$/);
    await expect(page.getByTestId('code-outcome')).toContainText('不支持按身份证号码查询');
  });

  test('bad parameters give a Chinese notice in place, not an error', async ({ page }) => {
    const response = await page.goto(`${NONG_YE}&kind=spaceship&page=abc&year=20245&sort=price`);
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId('search-notice');
    await expect(notice).toContainText('信息类别“spaceship”不正确，已忽略。');
    await expect(notice).toContainText('页码“abc”不正确');
    await expect(notice).toContainText('年份“20245”不正确');
    await expect(notice).toContainText('排序方式“price”不正确');
    expect(await totalOf(page)).toBeGreaterThan(0);

    const long = await page.goto(`/search?q=${encodeURIComponent('乐山'.repeat(150))}`);
    expect(long?.status()).toBe(200);
    await expect(page.getByTestId('search-notice')).toContainText('查询内容过长，只按前 100 个字查询。');

    const far = await page.goto(`${NONG_YE}&page=400`);
    expect(far?.status()).toBe(200);
    await expect(page.getByRole('main')).toContainText('第 400 页没有结果');
    await page.getByRole('link', { name: '回到第 1 页' }).click();
    await expect(page.getByTestId('search-hit').first()).toBeVisible();
  });

  test('no hits: suggestions, with a link that removes the filters', async ({ page }, testInfo) => {
    await page.goto(`${NONG_YE}&kind=exposure&kind=list_entry&year=1990`);
    await expect(page.getByTestId('no-hits')).toContainText('没有找到相关结果');
    await shot(page, testInfo, 'no-hits');
    await page.getByTestId('clear-filters').click();
    await expect(page).toHaveURL(/\/search\?q=%E5%86%9C%E4%B8%9A$/);
    expect(await totalOf(page)).toBeGreaterThan(0);
  });

  test('the empty page explains what can be searched, with examples that work', async ({ page }, testInfo) => {
    const response = await page.goto('/search');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('信用信息查询');
    const guide = page.getByTestId('search-guide');
    await expect(guide).toContainText('统一社会信用代码');
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
    await shot(page, testInfo, 'empty');
    await guide.getByRole('link', { name: /乐农罚/ }).click();
    await expect(page).toHaveURL(/q=%E4%B9%90%E5%86%9C%E7%BD%9A/);
    expect(await totalOf(page)).toBeGreaterThan(0);
  });

  test('with JavaScript, results follow the typing without pressing 查询', async ({ page }) => {
    await page.goto('/search?kind=penalty');
    const box = page.getByRole('combobox', { name: '查询关键词' });
    await box.click();
    await box.pressSequentially('农业', { delay: 50 });
    await expect(page).toHaveURL(/q=%E5%86%9C%E4%B8%9A/);
    await expect(page).toHaveURL(/kind=penalty/);
    await expect(page.getByTestId('search-status')).toHaveText(/共找到 [\d,]+ 条结果/);
    const first = await totalOf(page);
    // Keep typing while the first update arrives: nothing typed is lost, focus stays.
    await box.pressSequentially(' 有限', { delay: 120 });
    await expect(page).toHaveURL(/q=%E5%86%9C%E4%B8%9A(\+|%20)%E6%9C%89%E9%99%90/);
    await expect(box).toHaveValue('农业 有限');
    await expect(box).toBeFocused();
    await expect.poll(() => totalOf(page)).toBeLessThanOrEqual(first);
    await expect(page.getByTestId('search-hit').first().locator('mark').first()).toBeVisible();
    await expect(page.getByTestId('search-status')).toHaveAttribute('aria-live', 'polite');
  });

  test('without JavaScript: search, filter, page and search again keeping the filters', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: '查询关键词' }).fill('农业');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/\/search\?q=%E5%86%9C%E4%B8%9A$/);
    expect(await totalOf(page)).toBeGreaterThan(20);

    await chooseFacet(page, 'kind', '行政许可');
    await expect(page).toHaveURL(/kind=licensing/);
    await page.getByRole('navigation', { name: '查询结果分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/page=2/);
    await page
      .getByRole('navigation', { name: '排序方式' })
      .getByRole('link', { name: /按日期/ })
      .click();
    await expect(page).toHaveURL(/sort=date/);

    await page.getByRole('searchbox', { name: '查询关键词' }).fill('有限公司');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/q=%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8/);
    await expect(page).toHaveURL(/kind=licensing/);
    await expect(page).toHaveURL(/sort=date/);
    await expect(page).not.toHaveURL(/page=/);
    for (const kind of await page.getByTestId('search-hit').evaluateAll((els) => els.map((e) => e.dataset.kind))) {
      expect(kind).toBe('licensing');
    }
    await context.close();
  });

  for (const [name, path] of [
    ['the empty page', '/search'],
    ['a results page with a filter', `${NONG_YE}&kind=penalty`],
    ['a no-results page', '/search?q=%E4%B9%90%E5%B1%B1xyzzy'],
    ['a did-you-mean page', '/search?q=91511100MA62A12340'],
  ] as const) {
    test(`has no axe violations: ${name}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test('is usable on a phone: no sideways scrolling', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${NONG_YE}&kind=penalty`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, testInfo, 'phone-filtered');
  });

  test('loads at most 150 KB of JavaScript (gzip) on first load', async ({ page }) => {
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        scripts.push(response.body().then((body) => gzipSync(body).length));
      }
    });
    await page.goto(NONG_YE, { waitUntil: 'networkidle' });
    const sizes = await Promise.all(scripts);
    expect(sizes.length).toBeGreaterThan(0);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`first-load JavaScript of /search: ${(total / 1024).toFixed(1)} KB gzip in ${sizes.length} files`);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });
});
