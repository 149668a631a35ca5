import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import { parseCsv } from './helpers/csv';

// A citizen's walk through the 双公示 pages on the seeded demo city: filter penalties, open one,
// download what was filtered, and the same without JavaScript.

const DEPARTMENT = '乐山市市场监督管理局';
const FROM = '2025-01-01';
const TO = '2025-12-31';

async function shoot(page: Page, name: string, testInfo: import('@playwright/test').TestInfo) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

async function totalOf(page: Page): Promise<number> {
  const text = await page.getByTestId('total').innerText();
  expect(text).toMatch(/^共 [\d,]+ 条$/);
  return Number(text.replace(/[^\d]/g, ''));
}

/** A facet value's checkbox in the shared facet panel (its name: the value, then its count). */
const facetBox = (page: Page, facet: string, label: string) =>
  page.getByTestId(`facet-${facet}`).getByRole('checkbox', { name: new RegExp(`^${label}\\s*[\\d,]+\\s*条$`) });

const applyButton = (page: Page) => page.getByTestId('facet-panel').getByRole('button', { name: '应用筛选' });

/** The download behind the page's CSV link, as data rows (header off), with its headers. */
async function csvOf(page: Page) {
  const href = await page.getByRole('link', { name: /下载 CSV/ }).getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const [header, ...rows] = parseCsv((await response.text()).slice(1));
  return { header: header!, rows, totalHeader: Number(response.headers()['x-total-count']) };
}

test('filter penalties by department and date, open one and see its standard fields', async ({ page }, testInfo) => {
  await page.goto('/disclosures/penalties');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('行政处罚公示');
  const allTotal = await totalOf(page);
  expect(allTotal).toBeGreaterThan(0);

  await facetBox(page, 'department', DEPARTMENT).check();
  await page.getByLabel('起始日期').fill(FROM);
  await page.getByLabel('截止日期').fill(TO);
  await applyButton(page).click();
  await expect(page).toHaveURL(/department=scjg/);
  await expect(page).toHaveURL(/from=2025-01-01/);
  // The form shows what is applied.
  await expect(facetBox(page, 'department', DEPARTMENT)).toBeChecked();
  await expect(page.getByLabel('起始日期')).toHaveValue(FROM);

  const filteredTotal = await totalOf(page);
  expect(filteredTotal).toBeGreaterThan(0);
  expect(filteredTotal).toBeLessThan(allTotal);
  const results = page.getByTestId('result');
  await expect(results.first()).toBeVisible();
  for (const department of await page.getByTestId('department').allInnerTexts()) expect(department).toBe(DEPARTMENT);
  for (const date of await page
    .getByTestId('decision-date')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')))) {
    expect(date! >= FROM && date! <= TO, date!).toBe(true);
  }
  await shoot(page, 'penalties-filtered', testInfo);

  const first = results.first().getByRole('link').first();
  const title = await first.innerText();
  await first.click();
  await expect(page).toHaveURL(/\/disclosures\/penalties\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`行政处罚：${title}`);
  const fields = page.getByTestId('standard-fields');
  for (const [label, code] of [
    ['行政相对人名称', 'CF_XDR_MC'],
    ['行政处罚决定书文号', 'CF_WSH'],
    ['违法事实', 'CF_SY'],
    ['处罚依据', 'CF_YJ'],
    ['处罚类别', 'CF_CFLB'],
    ['处罚决定日期', 'CF_JDRQ'],
    ['公示截止期', 'CF_GSJZQ'],
    ['处罚机关', 'CF_CFJG'],
    ['数据来源单位代码', 'CF_SJLYDM'],
  ]) {
    // Plain labels; the standard's codes wait behind the 数据项代码 disclosure.
    await expect(fields.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
    await expect(page.getByTestId('field-codes')).toContainText(code!);
  }
  await expect(fields).not.toContainText('CF_');
  await expect(fields.locator('tr[data-code="CF_CFJG"] td')).toHaveText(DEPARTMENT);
  await expect(page.getByTestId('public-period')).toContainText('至');
  const id = page.url().split('/').pop();
  await expect(page.getByRole('link', { name: '对本条信息提出异议' })).toHaveAttribute(
    'href',
    `/apply/objection?record=penalty%3A${id}`,
  );
  await expect(page.getByRole('link', { name: '申请信用修复' })).toHaveAttribute(
    'href',
    `/apply/repair?record=penalty%3A${id}`,
  );
  await shoot(page, 'penalty-record', testInfo);
});

test('the CSV download holds exactly the filtered records', async ({ page }) => {
  await page.goto(`/disclosures/penalties?department=scjg&from=${FROM}&to=${TO}`);
  const total = await totalOf(page);
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(10_000);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /下载 CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^乐山市行政处罚公示-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header?.[0]).toBe('行政相对人名称(CF_XDR_MC)');
  expect(rows).toHaveLength(total);
  const authority = header!.indexOf('处罚机关(CF_CFJG)');
  const date = header!.indexOf('处罚决定日期(CF_JDRQ)');
  for (const row of rows) {
    expect(row[authority]).toBe(DEPARTMENT);
    expect(row[date]! >= FROM && row[date]! <= TO, row[date]).toBe(true);
  }
  // Rows come in list order: the first row is the first record of the list.
  const firstDoc = await page.getByTestId('document-number').first().innerText();
  expect(rows[0]).toContain(firstDoc);
});

test('a wrong filter in the download URL answers 400 in Chinese', async ({ request }) => {
  const response = await request.get('/disclosures/penalties/export.csv?from=2025-02-30');
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toContain('text/plain');
  expect(await response.text()).toContain('起始日期不是有效日期');
});

test('the filter form works without JavaScript and explains a wrong date in place', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/disclosures/penalties');
  await facetBox(page, 'category', '警告').check();
  await applyButton(page).click();
  await expect(page).toHaveURL(/category=%E8%AD%A6%E5%91%8A/);
  await expect(page.getByTestId('result').first()).toContainText('警告');
  // Pages keep the filter.
  const next = page.getByRole('navigation', { name: '行政处罚分页' }).getByRole('link', { name: '下一页' });
  if (await next.count()) await expect(next).toHaveAttribute('href', /category=/);

  await page.goto('/disclosures/penalties?from=2025-02-30&to=2025-03-01');
  await expect(page.getByTestId('filter-errors')).toContainText('起始日期不是有效日期');
  await expect(page.locator('#f-from-error')).toContainText('起始日期不是有效日期');
  await expect(page.locator('#f-from')).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'penalties-error-nojs', testInfo);
  await context.close();
});

test('unknown and malformed record ids answer 404', async ({ page }) => {
  for (const path of [
    '/disclosures/penalties/999999999',
    '/disclosures/penalties/abc',
    '/disclosures/licensing/0',
    '/disclosures/licensing/1e3',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test('both lists and both record pages pass axe, on desktop and phone', async ({ page }, testInfo) => {
  // Nine axe runs over pages that now carry the facet panel: more than a minute on the shared machine.
  test.slow();
  for (const [name, path] of [
    ['licensing', '/disclosures/licensing'],
    ['penalties', '/disclosures/penalties'],
  ] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    await expectNoAxeViolations(page);
    await shoot(page, `${name}-list-desktop`, testInfo);
    const href = await page.getByTestId('result').first().getByRole('link').first().getAttribute('href');
    await page.goto(href!);
    await expect(page.getByTestId('standard-fields')).toBeVisible();
    await expectNoAxeViolations(page);
    await shoot(page, `${name}-record-desktop`, testInfo);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolations(page);
    await shoot(page, `${name}-record-phone`, testInfo);
    await page.goto(path);
    await expectNoAxeViolations(page);
    // Nothing wider than the phone screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  // The error state, too.
  await page.goto('/disclosures/licensing?from=bad&division=999999');
  await expectNoAxeViolations(page);
});

test('several values per filter by keyboard: OR inside a filter, AND across, counted beside each value', async ({
  page,
}) => {
  await page.goto(`/disclosures/penalties?from=${FROM}&to=${TO}`);
  const warning = facetBox(page, 'category', '警告');
  const fine = facetBox(page, 'category', '罚款');
  const countOf = async (box: ReturnType<typeof facetBox>) =>
    Number((await box.locator('xpath=..').getByTestId('facet-count').innerText()).replace(/\D/g, ''));
  const [warnings, fines] = [await countOf(warning), await countOf(fine)];
  expect(warnings).toBeGreaterThan(0);
  expect(fines).toBeGreaterThan(0);

  // Keyboard only: Space ticks a box, Tab moves on, Enter on the button applies.
  await warning.focus();
  await page.keyboard.press('Space');
  await expect(warning).toBeChecked();
  await fine.focus();
  await page.keyboard.press('Space');
  await applyButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/category=%E8%AD%A6%E5%91%8A/);
  await expect(page).toHaveURL(/category=%E7%BD%9A%E6%AC%BE/);
  await expect(facetBox(page, 'category', '警告')).toBeChecked();
  await expect(facetBox(page, 'category', '罚款')).toBeChecked();
  // OR: at least as many as either alone, at most both together; each record has one of them.
  const either = await totalOf(page);
  expect(either).toBeGreaterThanOrEqual(Math.max(warnings, fines));
  expect(either).toBeLessThanOrEqual(warnings + fines);
  for (const row of await page.getByTestId('result').allInnerTexts()) expect(row).toMatch(/警告|罚款/);

  // AND across: one department narrows it, and the category counts follow the department.
  await facetBox(page, 'department', DEPARTMENT).check();
  await applyButton(page).click();
  await expect(page).toHaveURL(/department=scjg/);
  const both = await totalOf(page);
  expect(both).toBeLessThanOrEqual(either);
  for (const department of await page.getByTestId('department').allInnerTexts()) expect(department).toBe(DEPARTMENT);
  expect(await countOf(facetBox(page, 'category', '警告'))).toBeLessThanOrEqual(warnings);

  // The count the page shows is the number of rows its CSV holds, in the same order.
  const csv = await csvOf(page);
  expect(csv.rows).toHaveLength(both);
  expect(csv.totalHeader).toBe(both);
  const firstDoc = await page.getByTestId('document-number').first().innerText();
  expect(csv.rows[0]).toContain(firstDoc);
});

test('sorting by fine amount and by date, across pages, and the CSV follows the order', async ({ page }) => {
  await page.goto(`/disclosures/penalties?from=${FROM}&to=${TO}`);
  await page.getByLabel('排序方式').selectOption({ label: '罚款金额从高到低' });
  await page.getByRole('button', { name: '排序', exact: true }).click();
  await expect(page).toHaveURL(/sort=fine-desc/);
  // The filters stay.
  await expect(page).toHaveURL(/from=2025-01-01/);
  const amounts = async () =>
    (await page
      .getByTestId('result')
      .evaluateAll((rows) =>
        rows.map((r) => Number(r.querySelector('[data-testid="fine-amount"]')?.getAttribute('data-amount') ?? '0')),
      )) as number[];
  const first = await amounts();
  expect(first.length).toBeGreaterThan(1);
  expect(first).toEqual([...first].sort((a, b) => b - a));
  const csv = await csvOf(page);
  const fineColumn = csv.header.indexOf('罚款金额（万元）(CF_NR_FK)');
  expect(fineColumn).toBeGreaterThanOrEqual(0);
  const csvFines = csv.rows.map((r) => Number(r[fineColumn] || '0'));
  expect(csvFines).toEqual([...csvFines].sort((a, b) => b - a));
  expect(csvFines.slice(0, first.length)).toEqual(first);

  await page.getByRole('navigation', { name: '行政处罚分页' }).getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/sort=fine-desc/);
  expect((await amounts())[0]).toBeLessThanOrEqual(first.at(-1)!);

  await page.getByLabel('排序方式').selectOption({ label: '处罚决定日期从旧到新' });
  await page.getByRole('button', { name: '排序', exact: true }).click();
  await expect(page).toHaveURL(/sort=date-asc/);
  await expect(page).not.toHaveURL(/page=/);
  const dates = await page
    .getByTestId('decision-date')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates).toEqual([...dates].sort());
  expect(dates[0]! >= FROM).toBe(true);
});

test('the whole list shows its exact total, and the download says the same total', async ({ page }) => {
  for (const path of ['/disclosures/penalties', '/disclosures/licensing']) {
    await page.goto(path);
    await expect(page.getByTestId('total')).not.toContainText('+');
    const total = await totalOf(page);
    const response = await page.request.get(`${path}/export.csv`);
    expect(Number(response.headers()['x-total-count'])).toBe(total);
    expect(Number(response.headers()['x-export-rows'])).toBe(Math.min(total, 10_000));
  }
});

test('without JavaScript: two departments, a sort, and pages that keep both; a wrong sort is explained', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/disclosures/penalties');
  const departments = page.getByTestId('facet-department').getByRole('checkbox');
  const names = (await departments.evaluateAll((els) =>
    els.map((e) => document.querySelector(`label[for="${e.id}"] span`)?.textContent ?? ''),
  )) as string[];
  expect(names.length).toBeGreaterThan(1);
  await departments.nth(0).check();
  await departments.nth(1).check();
  await applyButton(page).click();
  await expect(page).toHaveURL(/department=.+department=/);
  const total = await totalOf(page);
  for (const d of await page.getByTestId('department').allInnerTexts()) expect(names.slice(0, 2)).toContain(d);
  await page.getByLabel('排序方式').selectOption('date-asc');
  await page.getByRole('button', { name: '排序', exact: true }).click();
  await expect(page).toHaveURL(/sort=date-asc/);
  await expect(page).toHaveURL(/department=.+department=/);
  expect(await totalOf(page)).toBe(total);
  const next = page.getByRole('navigation', { name: '行政处罚分页' }).getByRole('link', { name: '下一页' });
  if (await next.count()) {
    await expect(next).toHaveAttribute('href', /department=.+department=.+sort=date-asc/);
  }
  await shoot(page, 'penalties-multi-nojs', testInfo);

  await page.goto('/disclosures/penalties?sort=cheapest');
  await expect(page.getByTestId('filter-errors')).toContainText('排序方式无效');
  await expect(page.locator('#f-sort-error')).toContainText('已按处罚决定日期从新到旧排列');
  await expect(page.locator('#f-sort')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('result').first()).toBeVisible();
  await context.close();
});

test('the facet panel passes axe on desktop and phone (screenshots for the docs)', async ({ page }) => {
  const url = `/disclosures/penalties?category=${encodeURIComponent('警告')}&category=${encodeURIComponent('罚款')}&sort=fine-desc`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url);
  await expect(facetBox(page, 'category', '警告')).toBeChecked();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/disclosures-facets-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'docs/screenshots/disclosures-facets-phone.png', fullPage: true });
  await page.goto('/disclosures/licensing?sort=fine-desc&department=nope');
  await expect(page.getByTestId('filter-errors')).toContainText('排序方式无效');
  await expectNoAxeViolations(page);
});
