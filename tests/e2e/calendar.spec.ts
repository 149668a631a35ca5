import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// SPEC §6: the office enters a year's holidays in the back office (no deploy); until then every
// deadline in that year says it is counted Monday–Friday.
const OFFICE = { username: 'office', password: 'demo-office-2026' };
const WARNING = '2027年节假日安排尚未录入，暂按周一至周五计算，以正式安排为准';

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/admin/sign-in', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

test('the office enters 2027’s holidays: the deadline of a filing on 2026-12-30 moves past 元旦 and loses its warning', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/admin/sign-in');
  await page.getByLabel('用户名').fill(OFFICE.username);
  await page.getByLabel('密码').fill(OFFICE.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请队列' })).toBeVisible();
  await page.getByRole('link', { name: '节假日安排' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '节假日安排' })).toBeVisible();
  await expect(page.getByTestId('calendar-year-2026')).toContainText('已随系统提供');
  await expect(page.getByTestId('calendar-year-2027')).toContainText('尚未录入');

  // Before: 2 working days after Wednesday 2026-12-30 is Friday 2027-01-01, with the warning.
  await page.getByLabel('提交（受理）日期').fill('2026-12-30');
  await page.getByRole('button', { name: '试算' }).click();
  await expect(page.getByTestId('preview-accept')).toContainText('2027年1月1日');
  await expect(page.getByTestId('preview-accept').locator('time')).toHaveAttribute('datetime', '2027-01-01');
  await expect(page.getByTestId('preview-accept')).toContainText(WARNING);
  await expectNoAxeViolations(page);

  // A make-up day on a weekday is refused in Chinese, naming the field; nothing is saved.
  const form = page.getByRole('region', { name: '录入2027年节假日安排' });
  await form.getByLabel(/放假日期/).fill('2027-01-01~2027-01-03 元旦\n2027-02-06~2027-02-13 春节');
  await form.getByLabel(/调休上班日期/).fill('2027-02-15');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('p[role="alert"]')).toContainText('调休上班日：2027-02-15 是周一至周五');
  await expect(page.getByTestId('calendar-year-2027')).toContainText('尚未录入');

  const again = page.getByRole('region', { name: '录入2027年节假日安排' });
  await again.getByLabel(/放假日期/).fill('2027-01-01~2027-01-03 元旦\n2027-02-06~2027-02-13 春节');
  await again.getByLabel(/调休上班日期/).fill('2027-02-14');
  await again.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存');
  await expect(page.getByTestId('calendar-year-2027')).toContainText('放假 11 天，调休上班 1 天');

  await page.getByLabel('提交（受理）日期').fill('2026-12-30');
  await page.getByRole('button', { name: '试算' }).click();
  await expect(page.getByTestId('preview-accept')).toContainText('2027年1月4日');
  await expect(page.getByTestId('preview-accept')).not.toContainText('尚未录入');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'docs/screenshots/admin-calendar.png', fullPage: true });
});
