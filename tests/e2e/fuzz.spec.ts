import { expect, test } from '@playwright/test';
import { OFFICE, SCJG, signIn } from './helpers/staff';
import { collectSources, describeResult, runFuzz, send, summarise } from '../fuzz/run';

// Issue 13, findings 1, 2 and 8, against the real server (`npm start`): the fast,
// deterministic slice of the fuzz suite (tests/fuzz/; the long run is tests/bench/fuzz.bench.ts),
// the requests that were 500s, and the back office's notice box.

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/apply', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

const base = () => test.info().project.use.baseURL!;

test('fuzz slice: 240 generated requests from routes, OpenAPI, tRPC and forms — no 5xx, no internal text, refusals in Chinese', async () => {
  test.setTimeout(240_000);
  const sources = await collectSources(base());
  expect(sources.pages.length).toBeGreaterThan(30);
  expect(sources.api.length).toBeGreaterThan(5);
  expect(sources.procedures.length).toBeGreaterThan(40);
  expect(sources.forms.length).toBeGreaterThan(2);
  const results = await runFuzz(base(), sources, { count: 240, seed: 13, concurrency: 4 });
  const s = summarise(results);
  expect(s.sent).toBeGreaterThan(200);
  expect(s.serverErrors.map(describeResult)).toEqual([]);
  expect(s.internal.map(describeResult)).toEqual([]);
  expect(s.notChinese.map(describeResult)).toEqual([]);
});

test('what was a 500 is a Chinese 400/403/405: malformed URLs, TRACE, a non-JSON action payload, a foreign Origin', async ({
  request,
}) => {
  const page = await request.get('/subjects/%zz');
  expect(page.status()).toBe(400);
  expect(await page.text()).toContain('百分号编码');

  const api = await request.get('/api/v1/subjects/%E4%B8');
  expect(api.status()).toBe(400);
  expect(api.headers()['content-type']).toContain('application/problem+json');
  expect(((await api.json()) as { detail: string }).detail).toContain('百分号编码');

  const nul = await request.get('/disclosures/penalties?q=%00');
  expect(nul.status()).toBe(400);
  expect(await nul.text()).toContain('查询参数 q');

  // The import upload with a body that is not a form (the fuzz run's 500s in session 5).
  for (const headers of [
    { 'content-type': 'application/json' },
    { 'content-type': 'multipart/form-data; boundary=x' },
  ]) {
    const upload = await send(base(), {
      method: 'POST',
      path: '/admin/imports/upload',
      headers,
      body: '{"a":1',
      source: 'e2e',
    });
    expect(upload.status).toBe(400);
    expect(upload.body).toContain('上传的内容无法识别');
  }

  const trace = await send(base(), { method: 'TRACE', path: '/', source: 'e2e' });
  expect(trace.status).toBe(405);
  expect(trace.body).toContain('不支持该请求方法');

  // A no-JS form post of the objection form, with the Server Action's argument not JSON.
  const html = await (await request.get('/apply/objection')).text();
  const action = /name="\$ACTION_1:0" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"');
  const form = {
    $ACTION_REF_1: '',
    '$ACTION_1:0': action,
    '$ACTION_1:1': 'notjson{',
    $ACTION_KEY: 'k1',
  };
  const broken = await request.post('/apply/objection', { multipart: form });
  expect(broken.status()).toBe(400);
  expect(await broken.text()).toContain('表单内容无法识别');

  const foreign = await request.post('/apply/objection', {
    multipart: { ...form, '$ACTION_1:1': '[{"values":{},"errors":[]}]' },
    headers: { origin: 'https://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain('不是从本网站提交的');
});

test('no back-office notice box shows text from the query string', async ({ page }) => {
  // Every staff page with a notice box, each offered an error notice and words of the link's own.
  const bait = encodeURIComponent('请立即拨打 400-000-0000 缴纳罚款');
  await signIn(page, SCJG);
  for (const path of ['/admin/records', '/admin/tasks', '/admin/webhooks', '/admin/imports']) {
    await page.goto(`${path}?notice=error&message=${bait}&secret=${bait}&ref=000000000000`);
    // The box is there, with the page's own words only.
    await expect(page.getByTestId('notice')).toContainText('操作未执行');
    await expect(page.getByRole('main')).not.toContainText('400-000-0000');
  }
  // An application's page (the queue has one once applications.spec.ts has filed its objections).
  await page.goto('/admin');
  const href = await page.locator('a[href^="/admin/applications/"]').first().getAttribute('href');
  await page.goto(`${href}?notice=invalid&message=${bait}`);
  await expect(page.getByTestId('notice')).toContainText('提交的内容有误');
  await expect(page.getByTestId('notice')).not.toContainText('400-000-0000');
  await page.context().clearCookies();
  await signIn(page, OFFICE);
  await page.goto(`/admin/calendar?notice=error&message=${bait}`);
  await expect(page.getByRole('alert').filter({ hasText: '未保存' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('400-000-0000');
});
