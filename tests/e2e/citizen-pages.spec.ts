import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';
import { fillOrganisation, SCJG_NAME } from './helpers/staff';

// Pages that explain themselves (issue 17, findings 4, 5, 6, 9), as a citizen on a 390 px phone
// and a journalist on a desktop would read them, on the seeded demo city.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

interface Hit {
  entityId: number;
  subjectId: number | null;
  display: { departmentName: string | null; documentNumber: string | null; badges: string[] };
}

async function trpc<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(res.ok(), `${path} answers`).toBe(true);
  return (await res.json()).result.data.json as T;
}

const penalties = (request: APIRequestContext, q: string, years: number[], page = 1) =>
  trpc<{ hits: Hit[] }>(request, 'search.query', { q, kinds: ['penalty'], years, page }).then((r) => r.hits);

/** A public penalty of a firm whose end dates moved (the demo city has some). */
async function movedPenalty(request: APIRequestContext): Promise<Hit> {
  // About one penalty in seventy of the demo city had its dates moved by a rejected objection.
  for (let page = 1; page <= 15; page++) {
    for (const hit of await penalties(request, '处罚', [2025], page)) {
      if (hit.subjectId === null || hit.display.badges.length > 0) continue;
      const detail = await trpc<{ suspendedDays: number }>(request, 'disclosures.penalty', { id: hit.entityId });
      if (detail.suspendedDays > 0) return hit;
    }
  }
  throw new Error('no penalty with moved dates in the demo data');
}

/** True when the element's text sits on one line. */
async function oneLine(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return tops.size === 1;
    });
}

/** Full-page screenshots on a phone and a desktop: docs/screenshots/NAME-phone.png and NAME-desktop.png. */
async function shots(page: Page, name: string) {
  for (const [size, label] of [
    [PHONE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `docs/screenshots/${name}-${label}.png`, fullPage: true });
  }
}

async function bothViewports(page: Page, check: () => Promise<void>) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await check();
    await expectNoAxeViolations(page);
  }
}

test.describe('pages that explain themselves', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a record whose end moved says why, with plain labels and the codes behind 数据项代码; the profile too, with the USCC on one line', async ({
    page,
    request,
  }) => {
    const hit = await movedPenalty(request);
    await page.goto(`/disclosures/penalties/${hit.entityId}`);
    await bothViewports(page, async () => {
      await expect(page.getByTestId('period-moved')).toContainText(/暂停 \d+ 天/);
      await expect(page.getByTestId('period-moved')).toContainText('相应顺延');
      await expect(page.getByTestId('standard-fields')).not.toContainText('CF_');
      const codes = page.getByTestId('field-codes');
      await expect(codes.getByText('CF_WSH')).toBeHidden();
      await codes.getByText('数据项代码', { exact: true }).click();
      await expect(codes.getByText('CF_WSH')).toBeVisible();
      await codes.getByText('数据项代码', { exact: true }).click();
    });
    await page.getByTestId('field-codes').getByText('数据项代码', { exact: true }).click();
    await shots(page, 'record-detail');
    expect(await page.content()).not.toMatch(/\d{4}-\d{2}-\d{2}<\/(p|dd|td|span)>/);

    await page.goto(`/subjects/${hit.subjectId}`);
    await bothViewports(page, async () => {
      const entry = page.getByTestId(`penalty-${hit.entityId}`);
      await expect(entry.getByTestId('moved-dates')).toContainText(/暂停 \d+ 天/);
      expect(await oneLine(page, '[data-testid=subject-code]'), 'the USCC under the name').toBe(true);
      expect(await oneLine(page, '#facts dd[data-nowrap]'), 'the USCC in 基本信息').toBe(true);
    });
    await shots(page, 'profile');
  });

  test('曝光台 by month without JavaScript, its empty state, and a feed per domain', async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto('/exposure');
    const firstDate = await page.getByTestId('exposure-case').first().locator('time').getAttribute('datetime');
    const month = firstDate!.slice(0, 7);
    await page.getByLabel('发布月份').selectOption(month);
    await page.getByRole('button', { name: '按月份查看' }).click();
    await expect(page).toHaveURL(new RegExp(`month=${month}`));
    const [y, m] = month.split('-');
    await expect(page.locator('#cases-heading')).toContainText(`${y}年${Number(m)}月典型案例`);
    for (const d of await page
      .getByTestId('exposure-case')
      .locator('time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime'))))
      expect(d!.startsWith(month)).toBe(true);
    await shots(page, 'exposure-month');
    await context.close();

    const jsContext = await browser.newContext({ viewport: PHONE });
    const js = await jsContext.newPage();
    await js.goto('/exposure?month=2001-01');
    await expect(js.getByTestId('exposure-empty')).toContainText('2001年1月暂无曝光案例');
    await expectNoAxeViolations(js);
    await shots(js, 'exposure-empty');
    await js.setViewportSize(PHONE);
    await js.goto('/exposure?month=2026-13');
    await expect(js.getByText(/月份应写作“年-月”/)).toBeVisible();

    // A domain's page links its own feed, which carries only that domain.
    await js.setViewportSize(DESKTOP);
    await js.goto('/exposure');
    const tab = js.getByRole('navigation', { name: '按领域查看' }).getByRole('link').nth(1);
    const domain = (await tab.innerText()).replace(/[\d,\s]+$/, '').trim();
    await tab.click();
    await expect(js.getByTestId('feed-link')).toHaveAttribute(
      'href',
      `/exposure/rss.xml?domain=${encodeURIComponent(domain)}`,
    );
    await expect(js.getByTestId('feed-link')).toContainText(`订阅${domain}领域的 RSS`);
    await expectNoAxeViolations(js);
    const feed = await request.get(`/exposure/rss.xml?domain=${encodeURIComponent(domain)}`);
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    const categories = [...xml.matchAll(/<category>([^<]*)<\/category>/g)].map((c) => c[1]);
    expect(categories.length).toBeGreaterThan(0);
    expect(new Set(categories)).toEqual(new Set([domain]));
    const unknown = await request.get('/exposure/rss.xml?domain=%E8%B5%8C%E5%8D%9A');
    expect(unknown.status()).toBe(400);
    expect(await unknown.text()).toContain('没有“赌博”这个领域的曝光台订阅');
    await jsContext.close();
  });

  test('the repair form asks for what its guide asks for, and has its own 情况说明 hint', async ({ page, request }) => {
    let record: Hit | undefined;
    for (const hit of await penalties(request, '处罚', [2024])) {
      if (hit.display.badges.length || hit.display.departmentName === SCJG_NAME) continue;
      const r = await trpc<{ repair: { eligible: boolean } }>(request, 'applications.record', {
        kind: 'penalty',
        id: hit.entityId,
      });
      if (r.repair.eligible) {
        record = hit;
        break;
      }
    }
    expect(record, 'an eligible penalty').toBeDefined();
    await page.goto(`/apply/repair?record=penalty:${record!.entityId}`);
    await bothViewports(page, async () => {
      const materials = page.getByTestId('repair-materials');
      await expect(materials.getByText('信用承诺书（必交）')).toBeVisible();
      await expect(materials.getByText('身份证明或授权委托书（必交）')).toBeVisible();
      await expect(materials.getByText(/^(缴款凭证|整改完成证明)（必交）$/).first()).toBeVisible();
      await expect(page.locator('#description-hint')).toContainText('已如何纠正失信行为');
    });
    await shots(page, 'repair-form');

    // The objection form keeps its own hint and optional attachments.
    await page.goto('/apply/objection');
    await expect(page.locator('#description-hint')).toContainText('哪里有误');
    await expect(page.getByText('证明材料（选填）')).toBeVisible();
  });

  test('打印本页 without JavaScript opens a print-friendly receipt; the footer shows filing numbers from settings only', async ({
    browser,
    request,
  }) => {
    const hit = (await penalties(request, '处罚', [2026])).find(
      (h) => !h.display.badges.length && h.display.departmentName !== SCJG_NAME,
    )!;
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`/apply/objection?record=penalty:${hit.entityId}`);
    await fillOrganisation(page);
    await page.getByLabel('申请事由').selectOption('信息错误');
    await page.getByLabel('情况说明').fill('处罚决定书记载的违法事实与本公司实际情况不符，请核查。');
    await page.getByRole('button', { name: '提交异议申请' }).click();
    const trackingNumber = (await page.getByTestId('tracking-number').innerText()).trim();
    await page.getByRole('button', { name: '打印本页' }).click();
    const receipt = page;
    expect(receipt.url()).toMatch(/\/track\/receipt$/);
    await expect(receipt.getByRole('heading', { level: 1 })).toHaveText('异议申请回执');
    await expect(receipt.locator('dl')).toContainText(trackingNumber);
    await expect(receipt.getByText('请使用浏览器菜单中的“打印”')).toBeVisible();
    await shots(receipt, 'print-receipt');
    // axe needs JavaScript, which this context has switched off: check the receipt in one that has it.
    const html = await receipt.content();
    const checker = await browser.newContext({ viewport: PHONE });
    const view = await checker.newPage();
    await view.setContent(html);
    await expectNoAxeViolations(view);
    await checker.close();
    await context.close();

    const home = await browser.newPage({ viewport: PHONE });
    await home.goto('/');
    const footer = home.getByRole('contentinfo');
    await expect(footer).not.toContainText('上线前');
    await expect(footer.getByTestId('icp')).toHaveText(process.env.E2E_SITE_ICP_NUMBER ?? '蜀ICP备12345678号-1');
    await expect(footer.getByTestId('psb')).toHaveCount(0);
    for (const [size, label] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      await home.setViewportSize(size);
      await footer.screenshot({ path: `docs/screenshots/footer-${label}.png` });
    }
  });
});
