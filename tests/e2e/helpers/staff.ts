import { expect, type Page, type TestInfo } from '@playwright/test';

// What the journeys through the back office share: the demo accounts, signing in through the
// form, filing an application as a firm, deciding it as staff, and a full-page screenshot.

export const SCJG = { username: 'scjg', password: 'demo-scjg-2026' };
export const OFFICE = { username: 'office', password: 'demo-office-2026' };
export const SCJG_NAME = '乐山市市场监督管理局';

export async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

export async function signIn(page: Page, account: { username: string; password: string }) {
  await page.goto('/admin/sign-in');
  await page.getByLabel('用户名').fill(account.username);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请队列' })).toBeVisible();
}

export async function fillOrganisation(page: Page) {
  await page.getByLabel('单位名称').fill('乐山市测试申请有限公司');
  await page.getByLabel('统一社会信用代码', { exact: true }).fill('91350100M000100Y43');
  await page.getByLabel('经办人姓名').fill('李经办');
  await page.getByLabel('联系电话').first().fill('13800000000');
}

/** Fills and sends an application form as a firm; answers the numbers the confirmation shows. */
export async function submitForm(page: Page, reason: string, button: string) {
  await fillOrganisation(page);
  await page.getByLabel('申请事由').selectOption(reason);
  await page.getByLabel('情况说明').fill('处罚决定书记载的违法事实与本公司实际情况不符，请核查。');
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('confirmation')).toBeVisible();
  return {
    trackingNumber: (await page.getByTestId('tracking-number').innerText()).trim(),
    queryCode: (await page.getByTestId('query-code').innerText()).trim(),
  };
}

export async function openApplication(page: Page, trackingNumber: string) {
  await page.goto('/admin');
  await page.getByRole('link', { name: trackingNumber }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(trackingNumber);
}

export async function decide(page: Page, decision: string, reasons: string) {
  await page.getByRole('radio', { name: decision }).check();
  await page.getByLabel('理由（申请人可见）').fill(reasons);
  await page.getByRole('button', { name: '提交决定' }).click();
  await expect(page.getByTestId('notice')).toContainText('决定已作出');
}
