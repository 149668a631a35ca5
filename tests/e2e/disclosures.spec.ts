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
  return Number(text.replace(/[^\d]/g, ''));
}

test('filter penalties by department and date, open one and see its standard fields', async ({ page }, testInfo) => {
  await page.goto('/disclosures/penalties');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('行政处罚公示');
  const allTotal = await totalOf(page);
  expect(allTotal).toBeGreaterThan(0);

  await page.getByLabel('部门').selectOption({ label: DEPARTMENT });
  await page.getByLabel('起始日期').fill(FROM);
  await page.getByLabel('截止日期').fill(TO);
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/department=scjg/);
  await expect(page).toHaveURL(/from=2025-01-01/);
  // The form shows what is applied.
  await expect(page.getByLabel('部门')).toHaveValue('scjg');
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
  await page.getByLabel('处罚类别').selectOption('警告');
  await page.getByRole('button', { name: '筛选' }).click();
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
