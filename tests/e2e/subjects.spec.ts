import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// A subject's credit profile, its printable report and the report check, on the seeded demo
// city. Subjects are found through the search API (the /search page is not needed for this).

interface Hit {
  kind: string;
  entityId: number;
  subjectId: number | null;
  display: { title: string; badges: string[]; documentNumber: string | null };
}

async function search(request: APIRequestContext, input: Record<string, unknown>): Promise<Hit[]> {
  const response = await request.get(
    `/api/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { result: { data: { json: { hits: Hit[] } } } };
  return body.result.data.json.hits;
}

/** 2027年3月1日 → 2027-03-01 */
function isoOf(chineseDate: string): string {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(chineseDate);
  if (!m) throw new Error(`no date in "${chineseDate}"`);
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

const todayInShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function expectSections(page: Page) {
  for (const heading of ['基本信息', '行政许可', '行政处罚', '红黑名单', '信用修复记录']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) })).toBeVisible();
  }
}

test.describe('subject credit profile', () => {
  test('a firm finds its own penalty and sees from when it can apply for repair', async ({
    page,
    request,
  }, testInfo) => {
    // The newest penalties are the ones still inside their minimum publication period.
    const hits = await search(request, { q: '有限公司', kinds: ['penalty'], sort: 'date' });
    expect(hits.length).toBeGreaterThan(0);
    let found: { hit: Hit; note: string } | null = null;
    for (const hit of hits.slice(0, 10)) {
      await page.goto(`/subjects/${hit.subjectId}`);
      const card = page.getByTestId(`penalty-${hit.entityId}`);
      await expect(card).toContainText(hit.display.documentNumber!);
      const note = card.getByTestId('repair-note');
      if ((await note.count()) > 0 && /^可于 /.test(await note.innerText())) {
        found = { hit, note: await note.innerText() };
        break;
      }
    }
    expect(found, 'one of the newest penalties waits for its minimum period').not.toBeNull();
    const { hit, note } = found!;
    expect(note).toMatch(/^可于 \d{4}年\d{1,2}月\d{1,2}日 起申请信用修复$/);
    expect(isoOf(note) > todayInShanghai()).toBe(true);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(hit.display.title);
    await expectSections(page);
    const card = page.getByTestId(`penalty-${hit.entityId}`);
    // The repair button is not a link yet; the objection is.
    await expect(card.getByRole('link', { name: /申请信用修复/ })).toHaveCount(0);
    await expect(card.getByRole('link', { name: /提出异议/ })).toHaveAttribute(
      'href',
      `/apply/objection?record=penalty:${hit.entityId}`,
    );
    await page.screenshot({ path: testInfo.outputPath('profile-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('profile-phone.png') });
    await expectNoAxeViolations(page);
  });

  test('a subject on the dishonesty list shows 失信惩戒 and the catalog measures that apply', async ({
    page,
    request,
  }) => {
    const hits = await search(request, { q: '有限公司', kinds: ['list_entry'], listTypes: ['dishonesty'] });
    const hit = hits.find((h) => !h.display.badges.includes('异议处理中'));
    expect(hit, 'the demo has dishonesty list entries in force').toBeDefined();
    await page.goto(`/subjects/${hit!.subjectId}`);
    await expect(page.getByTestId('subject-badges')).toContainText('失信惩戒');
    const entry = page.getByTestId(`list-entry-${hit!.entityId}`);
    await expect(entry).toContainText('失信联合惩戒对象名单');
    await expect(entry.getByRole('heading', { level: 4, name: /^适用的联合惩戒措施/ })).toBeVisible();
    // Below the measures that apply: what departments reported applying (issue 14).
    await expect(entry.getByRole('heading', { level: 4, name: /^已实施的惩戒措施/ })).toBeVisible();
    await expect(entry.getByRole('listitem').first()).toBeVisible();
    await expect(entry.getByRole('link', { name: /提出异议/ })).toHaveAttribute(
      'href',
      `/apply/objection?record=list_entry:${hit!.entityId}`,
    );
    await expectNoAxeViolations(page);
  });

  test('a natural person is masked on the profile, the report and /verify', async ({ page, request }) => {
    let person: Hit | undefined;
    for (let p = 1; p <= 10 && !person; p++) {
      const hits = await search(request, { q: '罚款', kinds: ['penalty'], page: p });
      person = hits.find((h) => h.display.title.includes('*'));
    }
    expect(person, 'the demo has penalties of natural persons').toBeDefined();
    const fullId = /\d{17}[\dX]/;
    await page.goto(`/subjects/${person!.subjectId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(person!.display.title);
    await expect(page.getByRole('main')).toContainText(/\d{4}\*{10}[\dX]{4}/);
    expect(await page.getByRole('main').innerText()).not.toMatch(fullId);

    await page.goto(`/subjects/${person!.subjectId}/report`);
    await page.getByRole('button', { name: '出具信用报告' }).click();
    await expect(page.getByRole('article')).toContainText(person!.display.title);
    expect(await page.getByRole('article').innerText()).not.toMatch(fullId);
    const code = await page.getByTestId('verification-code').innerText();
    await page.goto(`/verify?code=${code}`);
    await expect(page.getByTestId('verify-result')).toContainText(person!.display.title);
    expect(await page.getByRole('main').innerText()).not.toMatch(fullId);
  });

  test('an unknown or malformed subject id answers the Chinese 404', async ({ page }) => {
    for (const path of ['/subjects/999999999', '/subjects/abc', '/subjects/0', '/subjects/999999999/report']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在（404）');
    }
  });
});

test.describe('credit report and its verification', () => {
  test('issue a report from the profile, print it, and verify its code', async ({ page, request }, testInfo) => {
    const [hit] = await search(request, { q: '有限公司', kinds: ['penalty'], sort: 'date' });
    await page.goto(`/subjects/${hit!.subjectId}`);
    await page.getByRole('link', { name: '出具信用报告' }).click();
    await expect(page).toHaveURL(new RegExp(`/subjects/${hit!.subjectId}/report$`));
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await page.getByRole('button', { name: '出具信用报告' }).click();
    await expect(page).toHaveURL(/\/report\?code=[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('信用报告');
    await expect(page.getByRole('article')).toContainText(hit!.display.title);
    await expect(page.getByRole('article')).toContainText(hit!.display.documentNumber!);
    await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
    const code = await page.getByTestId('verification-code').innerText();
    const reportNumber = await page.getByTestId('report-number').innerText();
    await expectNoAxeViolations(page);

    // Printed, the site's header, navigation, footer and the toolbar are gone.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByTestId('report-toolbar')).toBeHidden();
    await expect(page.getByTestId('verification-code')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('report-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // Issuing again the same day gives the same report.
    await page.goto(`/subjects/${hit!.subjectId}/report`);
    await page.getByRole('button', { name: '出具信用报告' }).click();
    await expect(page.getByTestId('verification-code')).toHaveText(code);

    await page.goto('/verify');
    await page.getByRole('textbox', { name: '验证码' }).fill(code.toLowerCase());
    await page.getByRole('button', { name: '核验' }).click();
    const result = page.getByTestId('verify-result');
    await expect(result.getByRole('heading', { level: 2 })).toHaveText('✓ 报告真实有效');
    await expect(result).toContainText(reportNumber);
    await expect(result).toContainText(hit!.display.title);
    await expect(result).toContainText(hit!.display.documentNumber!);
    await expect(result).toContainText(/SHA-256 [0-9a-f]{64}/);
    await expect(result).toContainText('存档内容与摘要一致');
    await page.screenshot({ path: testInfo.outputPath('verify-valid.png'), fullPage: true });
    await expectNoAxeViolations(page);
  });

  test('a wrong code is not found', async ({ page }) => {
    await page.goto('/verify?code=AAAAA-BBBBB-CCCCC');
    await expect(page.getByTestId('verify-result').getByRole('heading', { level: 2 })).toHaveText('未找到该验证码');
    await expect(page.getByRole('textbox', { name: '验证码' })).toHaveValue('AAAAA-BBBBB-CCCCC');
    await expectNoAxeViolations(page);
  });

  test('without JavaScript a report can still be issued and verified', async ({ browser, request }) => {
    const [hit] = await search(request, { q: '有限公司', kinds: ['licensing'] });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/subjects/${hit!.subjectId}/report`);
    await page.getByRole('button', { name: '出具信用报告' }).click();
    await expect(page).toHaveURL(/\/report\?code=/);
    // No print button without JavaScript; the keyboard hint stands in.
    await expect(page.getByRole('button', { name: '打印' })).toHaveCount(0);
    await expect(page.getByText('按 Ctrl+P')).toBeVisible();
    const code = await page.getByTestId('verification-code').innerText();
    await page.goto('/verify');
    await page.getByRole('textbox', { name: '验证码' }).fill(code);
    await page.getByRole('button', { name: '核验' }).click();
    await expect(page.getByTestId('verify-result')).toContainText('报告真实有效');
    await context.close();
  });
});
