import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import { OFFICE, SCJG, SCJG_NAME, shot, signIn } from './helpers/staff';
import { companyUscc, penaltyRow, toCsv } from '../integration/imports/sample';

// The pages that closed the gaps of the rights and data issues: the /apply index, the
// department import page (preview → commit → history with error report) and the office's
// statistics page.

// The server's first lifecycle tick (thousands of demo transitions on the embedded database)
// can hold every request for minutes on a busy machine: wait for a page once before the tests.
test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/apply', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

test('the /apply index explains the three services and links to each and to /track', async ({ page }, testInfo) => {
  await page.goto('/apply');
  await expect(page.getByRole('heading', { level: 1, name: '在线办事' })).toBeVisible();
  const main = page.getByRole('main');
  for (const [name, href] of [
    ['提出异议', '/apply/objection'],
    ['申请信用修复', '/apply/repair'],
    ['投诉异议答复', '/apply/complaint'],
    ['查询办理进度', '/track'],
  ] as const)
    await expect(main.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  await expect(main).toContainText('不收取任何费用');
  await expectNoAxeViolations(page);
  await shot(page, testInfo, 'apply-index');
  await main.getByRole('link', { name: '申请信用修复', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请信用修复' })).toBeVisible();
  // The header's 在线办事 group leads back to the overview.
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '全部办事事项', includeHidden: true }),
  ).toHaveAttribute('href', '/apply');
});

test('department staff preview a file, see the bad row in Chinese, commit, and download the error report', async ({
  page,
}, testInfo) => {
  await signIn(page, SCJG);
  await page.getByRole('link', { name: '数据导入' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '数据导入' })).toBeVisible();
  await expectNoAxeViolations(page);
  const n = Date.now() % 100000;
  const good = penaltyRow(n, { CF_WSH: `乐市监罚〔2026〕E2E${n}号`, CF_XDR_MC: `乐山市导入测试${n}号有限公司` });
  const bad = penaltyRow(n + 1, { CF_WSH: `乐市监罚〔2026〕E2E${n + 1}号`, CF_XDR_SHXYM: '91511102MA00000000' });
  await page.getByLabel(/^文件（CSV/).setInputFiles({
    name: '处罚导入.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv([good, bad])),
  });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: /预览结果/ })).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('共 2 行，合格 1 行，有错误 1 行');
  const errors = page.getByRole('region', { name: '错误行列表' });
  await expect(errors).toContainText('第 3 行');
  await expect(errors).toContainText('CF_XDR_SHXYM');
  await expectNoAxeViolations(page);
  await shot(page, testInfo, 'imports-preview');

  const report = await page.request.get(
    (await page.getByRole('link', { name: /下载完整错误报告/ }).getAttribute('href')) ?? '',
  );
  expect(report.headers()['content-type']).toContain('text/csv');
  expect(await report.text()).toContain('CF_XDR_SHXYM');

  await page.getByRole('button', { name: /确认导入 1 条合格记录/ }).click();
  await expect(page.getByRole('heading', { name: /导入结果/ })).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('新增 1 条');
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  const history = page.getByRole('region', { name: '导入记录表' });
  await expect(history).toContainText('处罚导入.csv');
  await expect(history).toContainText('已导入');
  await shot(page, testInfo, 'imports-committed');

  // The record is public and found by search at once.
  const hits = await page.request.get(`/api/v1/search?q=${encodeURIComponent(good.CF_XDR_MC!)}`);
  expect(JSON.stringify(await hits.json())).toContain(good.CF_XDR_MC!);
});

test('an import file over 10 MB reaches the preview whole (the proxy does not cut it short)', async ({ page }) => {
  await signIn(page, SCJG);
  await page.goto('/admin/imports');
  const n = Date.now() % 100000;
  // Three rows whose 违法事实 is far too long: about 12.6 MB, refused row by row, not as a whole.
  const rows = [0, 1, 2].map((i) =>
    penaltyRow(n + i, { CF_WSH: `乐市监罚〔2026〕BIG${n + i}号`, CF_SY: '超'.repeat(1_400_000) }),
  );
  const buffer = Buffer.from(toCsv(rows));
  expect(buffer.length).toBeGreaterThan(12 * 1024 * 1024);
  await page.getByLabel(/^文件（CSV/).setInputFiles({ name: '大文件.csv', mimeType: 'text/csv', buffer });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: /预览结果/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary')).toContainText('共 3 行，合格 0 行，有错误 3 行');
  await expect(page.getByRole('region', { name: '错误行列表' })).toContainText('CF_SY');
});

test("department staff see only their own department's statistics; the office sees per-department timeliness and handling", async ({
  page,
}, testInfo) => {
  await signIn(page, SCJG);
  await page.goto('/admin/stats');
  await expect(page.getByRole('region', { name: '本部门统计表' }).getByRole('rowheader')).toHaveText([
    SCJG_NAME,
    '合计',
  ]);
  await page.context().clearCookies();

  await signIn(page, OFFICE);
  await page.getByRole('link', { name: '监测统计' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '监测统计' })).toBeVisible();
  const table = page.getByRole('region', { name: '各部门统计表' });
  await expect(table).toContainText('乐山市市场监督管理局');
  await expect(table.getByRole('columnheader', { name: '逾期' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /月度报告（CSV）/ })).toHaveAttribute(
    'href',
    /\/stats\/report\.csv\?month=/,
  );
  // Charts (Recharts) are drawn in the browser above the tables that hold the same numbers.
  for (const title of ['各部门 7 个工作日内报送占比', '按月报送的行政许可和行政处罚']) {
    const figure = page.locator('figure', { hasText: title });
    await expect(figure.locator('svg .recharts-bar-rectangle').first()).toBeVisible();
  }
  await expectNoAxeViolations(page);
  await shot(page, testInfo, 'stats');

  await page.goto('/admin/stats?from=2026-05&to=2026-01');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('起始月份不能晚于结束月份');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '查看' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: '监测统计' })).toBeVisible();
});

test('department staff record a licensing decision by form, checked by the import rules', async ({
  page,
}, testInfo) => {
  await signIn(page, SCJG);
  await page.getByRole('link', { name: '信息管理' }).click();
  const n = 60000 + (Date.now() % 9000);
  const form = page.getByRole('region', { name: '录入行政许可' });
  await form.getByLabel('行政相对人名称').fill(`乐山市表单许可${n}号有限公司`);
  await form.getByLabel(/^统一社会信用代码/).fill('91511102MA00000000');
  await form.getByLabel('行政许可决定文书名称').fill('食品经营许可决定书');
  await form.getByLabel('行政许可决定文书号').fill(`乐市监许〔2026〕E2E${n}号`);
  await form.getByLabel('许可内容').fill('食品销售经营');
  await form.getByLabel('许可决定日期').fill('2026-02-20');
  await form.getByLabel('有效期自').fill('2026-02-20');
  await form.getByLabel('有效期至').fill('2031-02-19');
  await form.getByRole('button', { name: '录入' }).click();
  await expect(page.getByTestId('notice')).toContainText('统一社会信用代码：');

  await page
    .getByRole('region', { name: '录入行政许可' })
    .getByLabel(/^统一社会信用代码/)
    .fill(companyUscc(n));
  const again = page.getByRole('region', { name: '录入行政许可' });
  await again.getByLabel('行政相对人名称').fill(`乐山市表单许可${n}号有限公司`);
  await again.getByLabel('行政许可决定文书名称').fill('食品经营许可决定书');
  await again.getByLabel('行政许可决定文书号').fill(`乐市监许〔2026〕E2E${n}号`);
  await again.getByLabel('许可内容').fill('食品销售经营');
  await again.getByLabel('许可决定日期').fill('2026-02-20');
  await again.getByLabel('有效期自').fill('2026-02-20');
  await again.getByLabel('有效期至').fill('2031-02-19');
  await again.getByRole('button', { name: '录入' }).click();
  await expect(page.getByTestId('notice')).toContainText('行政许可已录入');
  await expectNoAxeViolations(page);
  await shot(page, testInfo, 'licensing-created');

  // Correcting it by document number: a bad validity period is refused in Chinese, then the fix is public.
  const correct = () => page.getByRole('region', { name: '更正行政许可' });
  await correct().getByLabel('行政许可决定文书号').fill(`乐市监许〔2026〕E2E${n}号`);
  await correct().getByLabel('更正后的有效期至').fill('2019-01-01');
  await correct().getByLabel('更正理由').fill('许可决定书记载有误，依申请更正。');
  await correct().getByRole('button', { name: '更正' }).click();
  await expect(page.getByTestId('notice')).toContainText('早于有效期自');
  await correct().getByLabel('行政许可决定文书号').fill(`乐市监许〔2026〕E2E${n}号`);
  await correct().getByLabel('更正后的许可内容').fill(`食品销售经营（更正${n}）`);
  await correct().getByLabel('更正后的有效期至').fill('2031-06-30');
  await correct().getByLabel('更正理由').fill('许可决定书记载有误，依申请更正。');
  await correct().getByRole('button', { name: '更正' }).click();
  await expect(page.getByTestId('notice')).toContainText('行政许可已更正');
  await expectNoAxeViolations(page);
  await shot(page, testInfo, 'licensing-corrected');
  const found: unknown = await (await page.request.get(`/api/v1/search?q=${encodeURIComponent(`更正${n}`)}`)).json();
  const href = JSON.stringify(found).match(/\/disclosures\/licensing\/\d+/)?.[0];
  expect(href).toBeTruthy();
  await page.goto(href!);
  await expect(page.getByRole('main')).toContainText(`食品销售经营（更正${n}）`);
  await expect(page.getByRole('main')).toContainText('2031');
});
