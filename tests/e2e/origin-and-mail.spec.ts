import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// Issue 17: links printed to the public come from the request's own origin when SITE_URL is
// unset (the suite serves on its own port, never 3000), and the applicant's side of e-mail:
// "找回查询码" on /track, and /admin saying that e-mail is off (no SMTP_URL in this run).

const OFFICE = { username: 'office', password: 'demo-office-2026' };

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

async function firstPenaltySubject(request: APIRequestContext): Promise<number> {
  const input = { q: '有限公司', kinds: ['penalty'], sort: 'date' };
  const res = await request.get(`/api/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = (await res.json()) as { result: { data: { json: { hits: { subjectId: number }[] } } } };
  return body.result.data.json.hits[0]!.subjectId;
}

test('no page, feed, sitemap or report prints localhost:3000; links use the origin asked for', async ({
  page,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const subjectId = await firstPenaltySubject(request);
  const index = await (await request.get('/sitemap.xml')).text();
  const chunk = /<loc>([^<]+)<\/loc>/.exec(index)?.[1];
  expect(chunk).toBeDefined();
  expect(chunk!.startsWith(`${origin}/sitemaps/`)).toBe(true);
  const paths = [
    '/',
    '/search?q=%E9%A3%9F%E5%93%81',
    '/disclosures/penalties',
    '/exposure',
    `/subjects/${subjectId}`,
    '/track',
    '/exposure/rss.xml',
    '/robots.txt',
    new URL(chunk!).pathname,
  ];
  for (const path of paths) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const text = await res.text();
    expect(text, path).not.toContain('localhost:3000');
  }
  const exposure = await (await request.get('/exposure')).text();
  expect(exposure).toContain(`<link rel="canonical" href="${origin}/exposure"/>`);
  expect(await (await request.get('/exposure/rss.xml')).text()).toContain(`<link>${origin}/exposure`);
  expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${origin}/sitemap.xml`);

  // The report's verification line.
  await page.goto(`/subjects/${subjectId}/report`);
  await page.getByRole('button', { name: '出具信用报告' }).click();
  await expect(page).toHaveURL(/\/report\?code=/);
  const article = await page.getByRole('article').innerText();
  expect(article).toContain(`${origin}/verify`);
  expect(await page.content()).not.toContain('localhost:3000');
});

test('找回查询码 on /track: the number filled in from an e-mail link, and an honest answer when e-mail is off', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/track?no=YY20261204000001');
  await expect(page.getByLabel('受理编号').first()).toHaveValue('YY20261204000001');
  const recover = page.getByRole('region', { name: '找回查询码' });
  await expect(recover.getByLabel('受理编号')).toHaveValue('YY20261204000001');
  await expectNoAxeViolations(page);
  await recover.getByRole('button', { name: '发送新的查询码' }).click();
  await expect(recover.getByTestId('error-summary')).toContainText('暂未开通邮件通知');
  await page.screenshot({ path: 'docs/screenshots/track-recover-390.png', fullPage: true });
});

test('/admin tells staff that e-mail to applicants is off', async ({ page }) => {
  await page.goto('/admin/sign-in');
  await page.getByLabel('用户名').fill(OFFICE.username);
  await page.getByLabel('密码').fill(OFFICE.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申请队列' })).toBeVisible();
  await expect(page.getByTestId('mail-notice')).toContainText('邮件通知未开通');
  await expectNoAxeViolations(page);
});
