import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// The pages of the data channels: the API documentation and the open-data dictionary, on
// the real server with the seeded demo; the API itself answers through the same server.

test.describe('API docs and open data', () => {
  test('the API docs page lists every endpoint, the error format, and passes axe', async ({ page }, testInfo) => {
    const response = await page.goto('/api/v1/docs');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('数据接口文档');
    const nav = page.getByRole('navigation', { name: '接口列表' });
    for (const path of [
      '/api/v1/search',
      '/api/v1/subjects/{uscc}/credit-check',
      '/api/v1/penalties',
      '/api/v1/disclosures',
    ]) {
      await expect(nav.getByRole('link', { name: new RegExp(path.replace(/[{}/]/g, '.')) })).toBeVisible();
    }
    await expect(page.getByRole('heading', { name: '错误格式' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('api-docs.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('api-docs-phone.png'), fullPage: false });
    await expectNoAxeViolations(page);
  });

  test('the statistics page shows the departments of a month and passes axe', async ({ page }, testInfo) => {
    const response = await page.goto('/stats?month=2026-10');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('公示情况统计');
    await expect(page.getByRole('link', { name: '下载本月报告（CSV）' })).toHaveAttribute(
      'href',
      '/stats/report.csv?month=2026-10',
    );
    await page.screenshot({ path: testInfo.outputPath('stats.png'), fullPage: false });
    await expectNoAxeViolations(page);
    const bad = await page.goto('/stats?month=2026-13');
    expect(bad?.status()).toBe(200);
    await expect(page.getByText('月份格式不正确')).toBeVisible();
  });

  test('the API answers from the demo data and explains a wrong USCC check character', async ({ request }) => {
    const penalties = await request.get('/api/v1/penalties?limit=5');
    expect(penalties.status()).toBe(200);
    const body = (await penalties.json()) as { data: { CF_WSH: string }[]; next_cursor: string | null };
    expect(body.data).toHaveLength(5);
    expect(body.next_cursor).not.toBeNull();
    const bad = await request.get('/api/v1/subjects/91350100M000100Y44/credit-check');
    expect(bad.status()).toBe(400);
    expect(bad.headers()['content-type']).toContain('application/problem+json');
    expect(((await bad.json()) as { detail: string }).detail).toContain('校验位错误');
    const doc = await request.get('/api/v1/openapi.json');
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  test('the open-data page lists the files with their dictionary, and a file downloads', async ({
    page,
    request,
  }, testInfo) => {
    const response = await page.goto('/open-data');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('开放数据');
    await expect(page.getByRole('link', { name: /下载 CSV\s*（行政处罚）/ })).toHaveAttribute(
      'href',
      '/open-data/penalties.csv',
    );
    await expect(
      page.getByRole('table', { name: /行政处罚/ }).getByRole('cell', { name: 'CF_WSH', exact: true }),
    ).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('open-data.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath('open-data-phone.png'), fullPage: false });
    await expectNoAxeViolations(page);
    const csv = await request.get('/open-data/penalties.csv');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n').length).toBeGreaterThan(100);
    const etag = csv.headers()['etag']!;
    const again = await request.get('/open-data/penalties.csv', { headers: { 'if-none-match': etag } });
    expect(again.status()).toBe(304);
  });
});
