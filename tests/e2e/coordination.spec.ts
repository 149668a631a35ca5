import { expect, test } from '@playwright/test';
import { SCJG, signIn } from './helpers/staff';
import { expectNoAxeViolations } from './helpers/a11y';

// 联合奖惩协同 in Chromium: a department lists a subject citing a catalog measure whose
// implementing units include another department; that department's user sees the task in
// its inbox, records the measure; /stats shows it. Screenshots of the inbox and /stats.

const STHJ = { username: 'sthj', password: 'demo-sthj-2026' };

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/apply', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

test('listed by one department, answered by another, counted on /stats', async ({ page, request }) => {
  test.setTimeout(180_000);
  const search = (await (await request.get('/api/v1/search?q=有限公司')).json()) as {
    hits: { kind: string; subject_id: number | null; title: string }[];
  };
  const hit = search.hits.find((h) => h.subject_id !== null);
  expect(hit).toBeDefined();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const decision = `乐市监信〔2026〕E2E${Date.now() % 100000}号`;

  // 市场监管局 lists the subject with CJ-004 (不适用告知承诺制), whose units include 市生态环境局.
  await signIn(page, SCJG);
  await page.goto('/admin/records');
  const form = page.locator('form').filter({ has: page.getByLabel('认定文号') });
  await form.getByLabel('信用主体编号').fill(String(hit!.subject_id));
  await form.getByLabel('认定文号').fill(decision);
  await form.getByLabel('认定依据').fill('《企业信息公示暂行条例》');
  await form.getByLabel('列入事由').fill('拒不履行行政处罚决定');
  await form.getByLabel('列入日期').fill(today);
  await form.getByLabel('有效期至').fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
  await form.getByLabel(/不适用告知承诺制（CJ-004）/).check();
  await form.getByRole('button', { name: '列入', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('已列入名单');
  await page.getByRole('button', { name: '退出', exact: true }).click();

  // 市生态环境局 sees the new task in its inbox and the header count.
  await signIn(page, STHJ);
  await expect(page.getByTestId('task-badge')).toContainText('待反馈');
  await page.getByTestId('task-badge').click();
  await expect(page.getByRole('heading', { level: 1, name: '联合奖惩协同任务' })).toBeVisible();
  await page.getByLabel('主体名称或认定文号').fill(decision);
  await page.getByRole('button', { name: '筛选' }).click();
  const task = page.getByTestId('task').filter({ hasText: decision });
  await expect(task).toHaveCount(1);
  await expect(task).toContainText('CJ-004');
  await expect(task).toContainText('待反馈');
  await page.screenshot({ path: 'docs/screenshots/coordination-inbox.png', fullPage: true });
  await expectNoAxeViolations(page);
  await task.getByLabel('实施日期').fill(today);
  await task.getByLabel('本部门文书号或审批编号').fill('乐环审〔2026〕E2E号');
  await task.getByRole('button', { name: '提交反馈' }).click();
  await expect(page.getByTestId('notice')).toContainText('执行情况已反馈');
  await page.getByLabel('主体名称或认定文号').fill(decision);
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByTestId('task').filter({ hasText: decision })).toContainText('已实施');

  // The public /stats counts the measure applied by 市生态环境局 this month.
  await page.goto('/stats');
  const stats = page.getByTestId('coordination-stats');
  await expect(stats).toBeVisible();
  await expect(
    stats.getByRole('row').filter({ hasText: 'CJ-004' }).filter({ hasText: '市生态环境局' }).first(),
  ).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/coordination-stats.png', fullPage: true });
  await expectNoAxeViolations(page);

  // The month's CSV (linked from /stats) has the measure on the row of the department that applied it.
  await expect(page.getByRole('link', { name: '下载本月联合奖惩协同（CSV）' })).toBeVisible();
  const csv = await request.get(`/stats/coordination.csv?month=${today.slice(0, 7)}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).split(/\r?\n/);
  expect(lines.some((l) => l.includes('CJ-004') && l.includes('市生态环境局'))).toBe(true);
  const wrong = await request.get('/stats/coordination.csv?month=2026-13');
  expect(wrong.status()).toBe(400);
  expect(await wrong.text()).toContain('月份应写作 YYYY-MM');

  // The subject's public profile says, under the entry, which measure 市生态环境局 applied and when.
  await page.goto(`/subjects/${hit!.subject_id}`);
  const entry = page.locator('[data-testid^="list-entry-"]').filter({ hasText: decision });
  const applied = entry.getByTestId('applied-measures');
  await expect(applied).toContainText('已实施的惩戒措施');
  await expect(applied.getByRole('listitem').filter({ hasText: 'CJ-004' })).toContainText('市生态环境局');
  await expect(applied.getByRole('listitem').filter({ hasText: 'CJ-004' })).toContainText(
    `${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`,
  );
  await entry.screenshot({ path: 'docs/screenshots/profile-applied-measures.png' });
  await expectNoAxeViolations(page);
});

test('a new webhook secret is shown once on the page, never in its address', async ({ page }) => {
  await signIn(page, SCJG);
  await page.goto('/admin/webhooks');
  await page.getByLabel(/推送地址/).fill('https://approval.example.gov.cn/hooks/credit');
  await page.getByRole('button', { name: '创建订阅' }).click();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('签名密钥只显示这一次');
  const secret = (await notice.locator('code').textContent()) ?? '';
  expect(secret.length).toBeGreaterThanOrEqual(32);
  expect(page.url()).not.toContain(secret);
  expect(decodeURIComponent(page.url())).not.toContain(secret);
  await expect(page.getByRole('table').first()).toContainText('https://approval.example.gov.cn/hooks/credit');
});
