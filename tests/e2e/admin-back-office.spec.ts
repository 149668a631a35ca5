import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import { OFFICE, SCJG, SCJG_NAME, openApplication, signIn, submitForm } from './helpers/staff';
import ExcelJS from 'exceljs';
import { PENALTY_HEADERS, penaltyRow, toCsv } from '../integration/imports/sample';

// The back office on a phone and for each role (issue 17 finding 7, issue 12's sub-units): the
// queue as cards below 640 px, /admin/stats scoped to a department's own figures, the audit trail
// read-only with filters, and the office registering and removing a department's sub-units.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SCJG_STAFF = '市市场监督管理局 演示账号';
const OFFICE_STAFF = '市联席会议办公室 演示账号';

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/admin/sign-in', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

/** A public penalty of the market regulator, to object to (so that its queue has a row). */
async function marketPenalty(request: APIRequestContext): Promise<number> {
  const input = JSON.stringify({ json: { q: '乐市监处罚', kinds: ['penalty'], years: [2026, 2025] } });
  const res = await request.get(`/api/trpc/search.query?input=${encodeURIComponent(input)}`);
  const hits = (await res.json()).result.data.json.hits as {
    entityId: number;
    subjectId: number | null;
    display: { departmentName: string | null; badges: string[] };
  }[];
  const hit = hits.find(
    (h) => h.display.departmentName === SCJG_NAME && h.subjectId !== null && h.display.badges.length === 0,
  );
  if (!hit) throw new Error('no public penalty of the market regulator in the demo data');
  return hit.entityId;
}

test('the queue is a table on a desktop and a list of cards on a 390 px phone', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto(`/apply/objection?record=penalty:${await marketPenalty(request)}`);
  const { trackingNumber } = await submitForm(page, '信息错误', '提交异议申请');

  await page.setViewportSize(DESKTOP);
  await signIn(page, SCJG);
  const table = page.getByTestId('queue');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '涉及主体' })).toBeVisible();
  await expect(table.getByRole('link', { name: trackingNumber })).toBeVisible();
  await expect(page.getByTestId('queue-cards')).toBeHidden();
  await expectNoAxeViolations(page);

  await page.setViewportSize(PHONE);
  await expect(table).toBeHidden();
  const cards = page.getByTestId('queue-cards');
  await expect(cards).toBeVisible();
  const card = cards.getByRole('listitem').filter({ hasText: trackingNumber });
  await expect(card).toContainText('涉及主体');
  await expect(card).toContainText('待受理');
  // A card is as wide as the phone, not squeezed into a column: no line holds a single character.
  const box = await card.boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  const subject = card.locator('dd').nth(2);
  expect((await subject.boundingBox())!.height).toBeLessThan(80);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/admin-queue-phone.png', fullPage: true });

  // The import history too: a preview puts a batch in it.
  await page.goto('/admin/imports');
  const n = 70000 + (Date.now() % 9000);
  await page.getByLabel(/^文件（CSV/).setInputFiles({
    name: '手机预览.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv([penaltyRow(n, { CF_WSH: `乐市监罚〔2026〕PH${n}号` })])),
  });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: /预览结果/ })).toBeVisible({ timeout: 30_000 });
  const history = page.getByRole('list', { name: '导入记录表' });
  await expect(history.getByRole('listitem').first()).toContainText('手机预览.csv');
  await expect(history.getByRole('listitem').first()).toContainText('已预览（未写入）');
  await expect(page.getByRole('region', { name: '导入记录表' })).toBeHidden();
});

test('a workbook of many sheets, its instructions sheet hidden, previews the rows of its first visible sheet', async ({
  page,
}) => {
  // ExcelJS (like other tools) stores the workbook part after the sheets: the old reader
  // refused such a file as damaged whenever it had a few sheets.
  const n = 80000 + (Date.now() % 9000);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填报说明', { state: 'hidden' }).addRow(['本表为填报说明，请勿删除']);
  const data = wb.addWorksheet('行政处罚');
  data.addRow(PENALTY_HEADERS);
  for (const i of [0, 1, 2]) {
    const row = penaltyRow(n + i, { CF_WSH: `乐市监罚〔2026〕WB${n + i}号` });
    data.addRow(PENALTY_HEADERS.map((h) => row[h] ?? ''));
  }
  for (let i = 0; i < 10; i++) wb.addWorksheet(`备用${i + 1}`).addRow(['备用']);
  await page.setViewportSize(DESKTOP);
  await signIn(page, SCJG);
  await page.goto('/admin/imports');
  await page.getByLabel(/^文件（CSV/).setInputFiles({
    name: '多工作表.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: /预览结果：多工作表\.xlsx/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary')).toContainText('共 3 行，合格 3 行，有错误 0 行');
  await page.screenshot({ path: 'docs/screenshots/admin-import-workbook-desktop.png', fullPage: true });
});

test("department staff read their own department's statistics; the office reads every department's", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, SCJG);
  await page.getByRole('link', { name: '监测统计' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '监测统计' })).toBeVisible();
  await expect(page.getByTestId('stats-scope')).toContainText(SCJG_NAME);
  await expect(page.getByRole('heading', { name: '本部门合计' })).toBeVisible();
  const own = page.getByRole('region', { name: '本部门统计表' });
  await expect(own).toContainText(SCJG_NAME);
  await expect(own.getByRole('rowheader')).toHaveText([SCJG_NAME, '合计']);
  await expect(page.getByRole('link', { name: /月度报告（CSV）/ })).toHaveCount(0);
  // No parameter widens the scope.
  await page.goto('/admin/stats?departmentId=1&scope=all');
  await expect(page.getByRole('region', { name: '本部门统计表' }).getByRole('rowheader')).toHaveText([
    SCJG_NAME,
    '合计',
  ]);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/admin-stats-department-desktop.png', fullPage: true });

  await page.context().clearCookies();
  await signIn(page, OFFICE);
  await page.goto('/admin/stats');
  await expect(page.getByRole('heading', { name: '全市合计' })).toBeVisible();
  expect(await page.getByRole('region', { name: '各部门统计表' }).getByRole('rowheader').count()).toBeGreaterThan(1);
});

test('the office registers a sub-unit, removes it, and reads both in the audit trail; department staff cannot', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  const unit = `乐山市市场监督管理局测试${Date.now() % 100000}分局`;
  await signIn(page, SCJG);
  expect((await page.goto('/admin/units'))?.status()).toBe(404);
  await expect(page.getByRole('link', { name: '下属单位' })).toHaveCount(0);
  await page.context().clearCookies();

  await signIn(page, OFFICE);
  await page.getByRole('link', { name: '下属单位' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '下属单位' })).toBeVisible();
  const form = page.getByRole('region', { name: '登记下属单位' });
  await form.getByLabel('所属部门').selectOption({ label: SCJG_NAME });
  await form.getByLabel(/下属单位全称/).fill(unit);
  await form.getByLabel(/统一社会信用代码/).fill('11511100MB1234567X');
  await form.getByRole('button', { name: '登记' }).click();
  await expect(page.getByTestId('notice')).toContainText('下属单位的统一社会信用代码校验位错误');
  await expect(page.getByRole('cell', { name: unit })).toHaveCount(0);

  await page.getByRole('region', { name: '登记下属单位' }).getByLabel('所属部门').selectOption({ label: SCJG_NAME });
  await page
    .getByRole('region', { name: '登记下属单位' })
    .getByLabel(/下属单位全称/)
    .fill(unit);
  await page.getByRole('region', { name: '登记下属单位' }).getByRole('button', { name: '登记' }).click();
  await expect(page.getByTestId('notice')).toContainText(`已为${SCJG_NAME}登记下属单位“${unit}”`);
  const list = page.getByRole('region', { name: '已登记的下属单位列表' });
  await expect(list.getByRole('row').filter({ hasText: unit })).toContainText(SCJG_NAME);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/admin-units-desktop.png', fullPage: true });

  await list.getByRole('button', { name: `移除下属单位 ${unit}` }).click();
  await expect(page.getByTestId('notice')).toContainText(`已移除下属单位“${unit}”`);
  await expect(page.getByRole('main')).not.toContainText(`${unit}（`);

  await page.getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  await page.getByLabel('对象类型').selectOption({ label: '下属单位' });
  await page.getByRole('button', { name: '查询' }).click();
  const trail = page.getByRole('region', { name: '审计日志列表' });
  await expect(trail.getByRole('row').filter({ hasText: '登记下属单位' }).first()).toContainText(OFFICE_STAFF);
  await expect(trail.getByRole('row').filter({ hasText: '移除下属单位' }).first()).toContainText(OFFICE_STAFF);
  await expectNoAxeViolations(page);
});

test('the audit trail: filters by action and actor, refuses a bad date range in place, scoped for department staff', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page, OFFICE);
  await page.getByRole('link', { name: '审计日志' }).click();
  await page.getByRole('combobox', { name: '操作', exact: true }).selectOption({ label: '登录' });
  await page.getByLabel('操作人').fill(OFFICE_STAFF);
  await page.getByRole('button', { name: '查询' }).click();
  const trail = page.getByRole('region', { name: '审计日志列表' });
  await expect(trail.getByRole('row').nth(1)).toContainText('登录');
  for (const actor of await trail.getByRole('row').filter({ hasText: '登录' }).allInnerTexts())
    expect(actor).toContain(OFFICE_STAFF);
  await expect(trail).not.toContainText(SCJG_STAFF);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/admin-audit-desktop.png', fullPage: true });

  await page.getByLabel('起始日期').fill('2026-12-31');
  await page.getByLabel('结束日期').fill('2026-01-01');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('filter-errors')).toContainText('起始日期不能晚于结束日期');
  await expect(page.getByLabel('起始日期')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  // Department staff: their own department only, on a phone as cards.
  await page.context().clearCookies();
  await page.setViewportSize(PHONE);
  await signIn(page, SCJG);
  await page.goto('/admin/audit?actor=' + encodeURIComponent(OFFICE_STAFF) + '&action=staff.sign_in');
  await expect(page.getByTestId('audit-empty')).toBeVisible();
  await page.goto('/admin/audit');
  const cards = page.getByTestId('audit-cards');
  await expect(cards).toBeVisible();
  await expect(cards).toContainText(SCJG_STAFF);
  await expect(cards.getByRole('listitem').filter({ hasText: OFFICE_STAFF }).filter({ hasText: '登录' })).toHaveCount(
    0,
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/admin-audit-phone.png', fullPage: true });
});

/**
 * ISO dates (2026-12-06) in what a reader sees in <main>: not what is typed into form fields, nor
 * the input syntax shown as keys to press (<kbd>), nor <time dateTime> attributes.
 */
async function isoDatesRead(page: Page): Promise<string[]> {
  const text = await page.getByRole('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('input, textarea, select, option, kbd, script, style').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });
  return text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
}

test('the tasks, calendar and application pages write dates as 2026年12月6日, like the public pages (issue 17)', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.goto(`/apply/objection?record=penalty:${await marketPenalty(request)}`);
  const { trackingNumber } = await submitForm(page, '信息错误', '提交异议申请');

  // Accepted, the application shows its decision deadline, the record's end date and a history
  // note that names the deadline.
  await signIn(page, SCJG);
  const deadline = page.getByTestId('queue').getByRole('row').filter({ hasText: trackingNumber }).locator('time');
  await expect(deadline).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(deadline).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  expect(await isoDatesRead(page)).toEqual([]);
  await openApplication(page, trackingNumber);
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('已受理');
  await expect(page.getByTestId('history')).toContainText(/应于 \d{4}年\d{1,2}月\d{1,2}日 前作出决定/);
  await expect(page.getByTestId('record-ends')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  expect(await isoDatesRead(page)).toEqual([]);

  await page.context().clearCookies();
  await signIn(page, OFFICE);
  await page.goto('/admin/tasks');
  const task = page.getByTestId('task').first();
  await expect(task).toContainText(/收到：\d{4}年\d{1,2}月\d{1,2}日 · 反馈期限：\d{4}年\d{1,2}月\d{1,2}日/);
  expect(await isoDatesRead(page)).toEqual([]);

  await page.goto('/admin/calendar?filedOn=2026-12-30');
  await expect(page.getByLabel('提交（受理）日期')).toHaveValue('2026-12-30');
  await expect(page.getByTestId('preview-accept')).toContainText(/^\d{4}年\d{1,2}月\d{1,2}日/);
  expect(await isoDatesRead(page)).toEqual([]);
  await expectNoAxeViolations(page);
});
