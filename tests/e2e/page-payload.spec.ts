import { expect, test, type Page } from '@playwright/test';

// Markup drawn from plain data renders in client components (components/README.md): a page's
// React payload carries the results as data, not as a second copy of their markup, and the
// browser draws the same text from it as the server did, whatever the visitor's time zone
// and language.

/** The React payload a page carries for hydration (Next's `self.__next_f` pushes). */
function payloadOf(html: string): string {
  const pushes = [...html.matchAll(/self\.__next_f\.push\((\[1,[\s\S]*?\])\)<\/script>/g)];
  return pushes.map((m) => (JSON.parse(m[1]!) as [number, string])[1]).join('');
}

/** Host elements serialised in a payload: ["$","div",…]. Client components are ["$","$L…"]. */
const elementsIn = (payload: string) => payload.match(/\["\$","[a-z][a-z0-9]*"/g)?.length ?? 0;

test('a page of twenty results carries them once: as markup in the HTML, as data in the payload', async ({
  request,
}) => {
  const response = await request.get('/search?q=%E4%B9%90%E5%B1%B1');
  const html = await response.text();
  expect(html.match(/data-testid="search-hit"/g)?.length).toBe(20);
  expect(html).toContain('data-testid="facet-panel"');
  const payload = payloadOf(html);
  expect(payload.length).toBeGreaterThan(1000);
  // Rendered as server components, the twenty cards and the facet panel were about 1,200
  // elements in the payload (a second copy of the page); as client components, under 250 (the site frame stays server-rendered: its JavaScript would cost more than its payload).
  expect(elementsIn(payload)).toBeLessThan(250);
  expect(payload).not.toContain('"className":"search-hit"');
});

test('a page carries the site frame once; the 404 page still shows it, and its route is no page of its own', async ({
  page,
  request,
}) => {
  // Next puts the root 404 tree into every page's payload: it holds the 404 body only, and the
  // 404 page visitors get is drawn in the portal's frame by app/(portal)/missing.
  const payload = payloadOf(await (await request.get('/disclosures/penalties')).text());
  expect(payload.match(/跳到主要内容/g)?.length).toBe(1);
  expect(payload.match(/主办单位/g)?.length).toBe(1);
  for (const path of ['/no-such-section/at-all', '/subjects/99999999', '/missing']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('页面不存在（404）');
    await expect(page.getByRole('banner').getByRole('link', { name: '信用查询' }).first(), path).toBeAttached();
    await expect(page.getByRole('contentinfo'), path).toContainText('主办单位');
  }
});

/**
 * The text of the main content as the browser shows it: headings, results, facets, tables.
 * (Not the search box: with scripts it becomes a combobox with a live region of its own.)
 */
const mainText = async (page: Page) =>
  (await page.locator('main h1, main section, main table, main [data-testid="facet-panel"]').allInnerTexts()).join(
    '\n',
  );

test.describe('in another time zone and language', () => {
  test.use({ timezoneId: 'America/Los_Angeles', locale: 'en-US' });

  for (const path of ['/search?q=%E4%B9%90%E5%B1%B1', '/disclosures/penalties', '/no-such-page']) {
    test(`${path} reads the same after hydration as the server sent it`, async ({ page }) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      // Without scripts: the server's text.
      const plain = await page.context().browser()!.newContext({ javaScriptEnabled: false });
      const before = await plain.newPage();
      await before.goto(path);
      const served = await mainText(before);
      await plain.close();
      // With scripts, once React has claimed the page.
      await page.goto(path);
      await page.waitForFunction(() =>
        Object.keys(document.querySelector('main a') ?? {}).some((k) => k.startsWith('__reactFiber')),
      );
      expect(await mainText(page)).toBe(served);
      expect(problems.filter((p) => /hydrat|did not match|server rendered/i.test(p))).toEqual([]);
    });
  }
});
