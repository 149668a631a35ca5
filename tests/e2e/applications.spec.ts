import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import {
  decide,
  fillOrganisation,
  OFFICE,
  openApplication,
  SCJG,
  SCJG_NAME,
  shot,
  signIn,
  submitForm,
} from './helpers/staff';

// The rights side of the portal as people use it (SPEC §6): a firm objects, repairs,
// complains; staff of the deciding department and the office decide in /admin. The effect
// on public data is checked through the search API (the profile and record pages are built
// elsewhere; the lead extends these journeys after merging).

interface Hit {
  docId: string;
  entityId: number;
  subjectId: number | null;
  display: { title: string; documentNumber: string | null; departmentName: string | null; badges: string[] };
}

async function search(request: APIRequestContext, q: string, extra: Record<string, unknown> = {}): Promise<Hit[]> {
  const input = JSON.stringify({ json: { q, kinds: ['penalty'], ...extra } });
  const res = await request.get(`/api/trpc/search.query?input=${encodeURIComponent(input)}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).result.data.json.hits as Hit[];
}

const used = new Set<number>();
/** A public penalty of the market regulator not used by another test (for repair: one past its minimum period). */
async function pickPenalty(request: APIRequestContext, forRepair: boolean): Promise<Hit> {
  // Older decisions are past their minimum period, so a repair may be applied for.
  for (const years of forRepair ? [[2025], [2024], [2023]] : [[2026], [2025]]) {
    const hits = (await search(request, '乐市监处罚', { years })).filter(
      (h) => h.display.departmentName === SCJG_NAME && h.subjectId !== null && !used.has(h.entityId),
    );
    for (const hit of hits) {
      if (hit.display.badges.length > 0) continue;
      if (forRepair) {
        const input = JSON.stringify({ json: { kind: 'penalty', id: hit.entityId } });
        const res = await request.get(`/api/trpc/applications.record?input=${encodeURIComponent(input)}`);
        if (!res.ok() || !(await res.json()).result.data.json.repair.eligible) continue;
      }
      used.add(hit.entityId);
      return hit;
    }
  }
  throw new Error('no suitable penalty of the market regulator in the demo data');
}

/** A PDF of `size` bytes (its type is told from the first bytes). */
function pdfOf(size: number): Buffer {
  const bytes = Buffer.alloc(Math.round(size), 0x20);
  bytes.write('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
  return bytes;
}

async function track(page: Page, codes: { trackingNumber: string; queryCode: string }) {
  await page.goto('/track');
  await page.getByLabel('受理编号').first().fill(codes.trackingNumber);
  await page.getByLabel('查询码', { exact: true }).fill(codes.queryCode);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByTestId('track-result')).toBeVisible();
}

const badgesOf = async (request: APIRequestContext, hit: Hit) =>
  (await search(request, hit.display.documentNumber!)).find((h) => h.docId === hit.docId)?.display.badges;

test.describe('objections, repairs and complaints', () => {
  // Each journey signs in, submits and decides: several page loads with a server round trip each.
  test.describe.configure({ timeout: 120_000 });

  test('a firm objects → staff accept → search and profile show 异议处理中 → staff reject → the end date is recomputed', async ({
    page,
    request,
  }, testInfo) => {
    const hit = await pickPenalty(request, false);
    await page.goto(`/apply/objection?record=penalty:${hit.entityId}`);
    await expect(page.getByTestId('record-summary')).toContainText(hit.display.documentNumber!);
    await expectNoAxeViolations(page);
    const codes = await submitForm(page, '信息错误', '提交异议申请');
    await shot(page, testInfo, 'objection-confirmation');

    await track(page, codes);
    await expect(page.getByTestId('track-status')).toHaveText('待受理');
    await expect(page.getByTestId('track-deadline')).toContainText('工作日');
    await expectNoAxeViolations(page);

    await signIn(page, SCJG);
    await expectNoAxeViolations(page);
    await openApplication(page, codes.trackingNumber);
    const endsBefore = await page.getByTestId('record-ends').innerText();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await expect(page.getByTestId('notice')).toContainText('已受理');
    await expect(page.getByTestId('record-state')).toContainText('异议处理中');
    expect(await badgesOf(request, hit)).toContain('异议处理中');
    await shot(page, testInfo, 'admin-accepted');
    // The public profile shows it at once (the decision drops the cached page).
    const profile = await page.context().newPage();
    await profile.goto(`/subjects/${hit.subjectId}`);
    await expect(profile.getByTestId(`penalty-${hit.entityId}`)).toContainText('异议处理中');
    await profile.screenshot({ path: testInfo.outputPath('profile-suspended.png'), fullPage: true });

    await decide(page, '驳回', '经核查，处罚信息与决定书一致。');
    await expect(page.getByTestId('record-state')).toContainText('公示中');
    expect(await badgesOf(request, hit)).toEqual([]);
    await profile.reload();
    await expect(profile.getByTestId(`penalty-${hit.entityId}`)).toBeVisible();
    await expect(profile.getByTestId(`penalty-${hit.entityId}`)).not.toContainText('异议处理中');
    // Suspended and resumed on the same day here: the end moves by exactly 0 days (the
    // integration tests cover longer suspensions); it is computed, never typed by staff.
    await expect(page.getByTestId('record-ends')).toHaveText(endsBefore);

    await track(page, codes);
    await expect(page.getByTestId('track-decision')).toHaveText('驳回');
    await expect(page.getByTestId('track-result')).toContainText('经核查，处罚信息与决定书一致。');
  });

  test('a firm applies for repair → staff approve → the record is gone from search and the profile', async ({
    page,
    request,
  }, testInfo) => {
    const hit = await pickPenalty(request, true);
    await page.goto(`/apply/repair?record=penalty:${hit.entityId}`);
    await expect(page.getByText('信用修复免费办理')).toBeVisible();
    await expect(page.getByRole('link', { name: '下载信用承诺书模板' })).toHaveAttribute(
      'href',
      /credit-commitment-template/,
    );
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, testInfo, 'repair-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    // The form asks for what the guide asks for, each material marked 必交, with its own hint.
    const materials = page.getByTestId('repair-materials');
    for (const label of ['信用承诺书（必交）', '身份证明或授权委托书（必交）'])
      await expect(materials.getByText(label)).toBeVisible();
    await expect(page.locator('#description-hint')).toContainText('已如何纠正失信行为');
    // Sent without them, the form says in place what is missing and keeps what was typed.
    await page.getByLabel('情况说明').fill('已缴清罚款并完成整改。');
    await page.getByRole('button', { name: '提交信用修复申请' }).click();
    await expect(page.locator('#material-commitment-error')).toContainText('请上传信用承诺书');
    await expect(page.getByTestId('error-summary').getByRole('link', { name: /请上传信用承诺书/ })).toHaveAttribute(
      'href',
      '#material-commitment',
    );
    await expect(page.getByLabel('情况说明')).toHaveValue('已缴清罚款并完成整改。');
    const required = await materials
      .locator('input[type=file][required]')
      .evaluateAll((inputs) =>
        inputs.map((i) => ({ id: i.id, label: document.querySelector(`label[for="${i.id}"]`)?.textContent ?? '' })),
      );
    expect(required.map((r) => r.id)).toEqual(expect.arrayContaining(['material-commitment', 'material-identity']));
    for (const r of required)
      await page
        .locator(`#${r.id}`)
        .setInputFiles({ name: `${r.id}.pdf`, mimeType: 'application/pdf', buffer: pdfOf(2048) });
    const codes = await submitForm(page, '已履行行政处罚决定', '提交信用修复申请');

    await signIn(page, SCJG);
    await openApplication(page, codes.trackingNumber);
    // Staff see which material each file is.
    await expect(page.getByRole('link', { name: '【信用承诺书】material-commitment.pdf' })).toBeVisible();
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await expect(page.getByTestId('notice')).toContainText('已受理');
    expect(await badgesOf(request, hit)).toEqual([]); // a repair does not suspend
    await decide(page, '准予修复', '已缴清罚款并提交信用承诺书。');
    await expect(page.getByTestId('record-state')).toContainText('已修复');
    expect((await search(request, hit.display.documentNumber!)).map((h) => h.docId)).not.toContain(hit.docId);
    // Gone from the public profile too (which may now answer 404 if nothing else is public).
    const profile = await page.context().newPage();
    await profile.goto(`/subjects/${hit.subjectId}`);
    await expect(profile.getByTestId(`penalty-${hit.entityId}`)).toHaveCount(0);
  });

  test('a complaint escalates a rejected objection to the office, which suspends the record again', async ({
    page,
    request,
  }, testInfo) => {
    const hit = await pickPenalty(request, false);
    await page.goto(`/apply/objection?record=penalty:${hit.entityId}`);
    const objection = await submitForm(page, '与决定文书不一致', '提交异议申请');
    await signIn(page, SCJG);
    await openApplication(page, objection.trackingNumber);
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await decide(page, '驳回', '处罚信息无误。');

    await page.goto('/apply/complaint');
    await expectNoAxeViolations(page);
    await page.getByLabel('原异议受理编号').fill(objection.trackingNumber);
    await page.getByLabel('原异议查询码').fill(objection.queryCode);
    const complaint = await submitForm(page, '异议答复理由不充分', '提交投诉');
    expect(complaint.trackingNumber).toMatch(/^TS/);

    // The department cannot act on it; the office can.
    await page.goto('/admin');
    await expect(page.getByRole('link', { name: complaint.trackingNumber })).toHaveCount(0);
    await page.getByRole('button', { name: '退出', exact: true }).click();
    await signIn(page, OFFICE);
    await openApplication(page, complaint.trackingNumber);
    await expect(page.getByText(objection.trackingNumber)).toBeVisible();
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await expect(page.getByTestId('record-state')).toContainText('异议处理中');
    expect(await badgesOf(request, hit)).toContain('异议处理中');
    await shot(page, testInfo, 'office-complaint');
    await decide(page, '维持', '维持原答复。');
    expect(await badgesOf(request, hit)).toEqual([]);

    await track(page, complaint);
    await expect(page.getByTestId('track-decision')).toHaveText('维持');
  });

  test('without JavaScript the form keeps what was typed and lists each error with a link to its field', async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/apply/objection');
    await page.getByLabel('主体名称或统一社会信用代码').fill('乐山市嘉州食品有限公司');
    await page.getByLabel('单位名称').fill('乐山市嘉州食品有限公司');
    await page.getByLabel('统一社会信用代码', { exact: true }).fill('91350100M000100Y44');
    await page.getByRole('button', { name: '提交异议申请' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /决定文书号/ })).toHaveAttribute('href', '#documentNumber');
    await expect(summary.getByRole('link', { name: /校验/ })).toHaveAttribute('href', '#uscc');
    await expect(page.getByLabel('主体名称或统一社会信用代码')).toHaveValue('乐山市嘉州食品有限公司');
    await expect(page.getByLabel('统一社会信用代码', { exact: true })).toHaveValue('91350100M000100Y44');
    await shot(page, testInfo, 'no-js-errors');
    await context.close();
  });

  test('a 9.5 MB PDF goes through the objection form and the department opens it', async ({ page, request }) => {
    const hit = await pickPenalty(request, false);
    await page.goto(`/apply/objection?record=penalty:${hit.entityId}`);
    const pdf = pdfOf(9.5 * 1024 * 1024);
    await page.getByLabel('证明材料').setInputFiles({ name: '情况说明.pdf', mimeType: 'application/pdf', buffer: pdf });
    const codes = await submitForm(page, '信息错误', '提交异议申请');

    await signIn(page, SCJG);
    await openApplication(page, codes.trackingNumber);
    const link = page.getByRole('link', { name: '情况说明.pdf' });
    const res = await page.context().request.get((await link.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.compare(await res.body(), pdf)).toBe(0);
  });

  test('two 6 MB files in one post (12 MB, over the proxy’s default 10 MB) arrive whole, with and without JavaScript', async ({
    browser,
    request,
  }) => {
    const files = [1, 2].map((i) => ({
      name: `材料${i}.pdf`,
      mimeType: 'application/pdf',
      buffer: pdfOf(6 * 1024 * 1024 + i),
    }));
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const hit = await pickPenalty(request, false);
      await page.goto(`/apply/objection?record=penalty:${hit.entityId}`);
      await page.getByLabel('证明材料').setInputFiles(files);
      const codes = await submitForm(page, '信息错误', '提交异议申请');
      await signIn(page, SCJG);
      await openApplication(page, codes.trackingNumber);
      for (const file of files) {
        const link = page.getByRole('link', { name: file.name });
        const res = await page.context().request.get((await link.getAttribute('href'))!);
        expect(Buffer.compare(await res.body(), file.buffer), `${file.name} (JavaScript ${javaScriptEnabled})`).toBe(0);
      }
      await context.close();
    }
  });

  test('a file over 10 MB is refused in place, in Chinese, with the other fields kept (with and without JavaScript)', async ({
    browser,
  }, testInfo) => {
    const big = { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: pdfOf(11 * 1024 * 1024) };
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto('/apply/objection');
      await page.getByLabel('主体名称或统一社会信用代码').fill('乐山市嘉州食品有限公司');
      await page.getByLabel('决定文书号').fill('乐市监处罚〔2024〕45号');
      await fillOrganisation(page);
      await page.getByLabel('情况说明').fill('附件过大时，已填写的内容应当保留。');
      await page.getByLabel('证明材料').setInputFiles(big);
      await page.getByRole('button', { name: '提交异议申请' }).click();
      await expect(page.locator('#attachments-error')).toContainText('超过 10 MB');
      await expect(page.getByLabel('主体名称或统一社会信用代码')).toHaveValue('乐山市嘉州食品有限公司');
      await expect(page.getByLabel('单位名称')).toHaveValue('乐山市测试申请有限公司');
      await expect(page.getByLabel('情况说明')).toHaveValue('附件过大时，已填写的内容应当保留。');
      await shot(page, testInfo, `too-big-${javaScriptEnabled ? 'js' : 'no-js'}`);
      await context.close();
    }
  });

  test('the error state of a form has no axe violations', async ({ page }) => {
    await page.goto('/apply/objection');
    await page.getByRole('button', { name: '提交异议申请' }).click();
    await expect(page.getByTestId('error-summary')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('staff sign-in refuses a wrong password in Chinese and the back office needs a session', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('用户名').fill('scjg');
    await page.getByLabel('密码').fill('wrong password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('error-summary')).toContainText('用户名或密码不正确');
    const cookie = await page.request.get('/admin/attachments/1', { maxRedirects: 0 });
    expect(cookie.status()).toBe(401);
  });

  test('a department lists a subject only with catalog measures of the right kind; the office pages are accessible', async ({
    page,
  }, testInfo) => {
    await signIn(page, SCJG);
    await page.goto('/admin/records');
    await expectNoAxeViolations(page);

    const create = page.getByRole('region', { name: '录入行政处罚' });
    const documentNumber = `乐市监处罚〔2026〕${Date.now() % 100000}号`;
    await create.getByLabel('信用主体编号').fill('1');
    await create.getByLabel('处罚决定书文号').fill(documentNumber);
    await create.getByLabel('违法行为类型').fill('未按规定明码标价');
    await create.getByLabel('违法事实').fill('经查，当事人销售商品未明码标价。');
    await create.getByLabel('处罚依据').fill('《中华人民共和国价格法》第四十二条');
    await create.getByRole('checkbox', { name: '罚款', exact: true }).check();
    await create.getByLabel('处罚内容').fill('罚款人民币二千元');
    await create.getByLabel('处罚决定日期').fill('2026-06-01');
    await create.getByRole('button', { name: '录入' }).click();
    await expect(page.getByTestId('notice')).toContainText('行政处罚已录入');
    expect((await search(page.request, documentNumber)).map((h) => h.display.documentNumber)).toContain(documentNumber);

    const list = page.getByRole('region', { name: '列入名单' });
    await list.getByLabel('名单类型').selectOption('dishonesty');
    await list.getByLabel('信用主体编号').fill('1');
    await list.getByLabel('认定文号').fill('乐市监认〔2026〕1号');
    await list.getByLabel('认定依据').fill('《企业信息公示暂行条例》');
    await list.getByLabel('列入事由').fill('严重失信测试');
    await list.getByLabel('列入日期').fill('2026-01-05');
    await list.getByLabel('有效期至').fill('2027-01-05');
    await list
      .getByRole('checkbox', { name: /【激励】/ })
      .first()
      .check();
    await list.getByRole('button', { name: '列入' }).click();
    await expect(page.getByTestId('notice')).toContainText('不是惩戒措施');
    await shot(page, testInfo, 'records-wrong-kind');

    await page.getByRole('button', { name: '退出', exact: true }).click();
    await signIn(page, OFFICE);
    await page.goto('/admin/catalog');
    await expect(page.getByRole('heading', { level: 1, name: '目录与曝光台' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
