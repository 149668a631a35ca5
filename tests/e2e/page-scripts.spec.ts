import { expect, test } from '@playwright/test';

// When public pages load their scripts (server/http/deferred-scripts.ts): the home page at the
// first use of its form (search-suggest.spec.ts), every other public page right after its
// first paint, without being touched.

const PAGES = ['/search?q=%E5%86%9C%E4%B8%9A', '/disclosures/penalties', '/exposure', '/lists/dishonesty'];

test('public pages are painted before their scripts are requested, and then start their scripts untouched', async ({
  page,
}) => {
  for (const path of PAGES) {
    const response = await page.goto(path);
    const html = (await response!.text()).replace(/<script[^>]*\bnoModule\b[^>]*><\/script>/gi, '');
    expect(html, path).not.toMatch(/<script[^>]*\bsrc="\/_next\/static\//);
    expect(html, path).not.toMatch(/<link[^>]*rel="preload"[^>]*as="script"/);
    // Next's client has started (it sets window.next) without any input from the visitor.
    await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-paint')[0]?.startTime,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/_next/static/') && e.name.endsWith('.js'))
        .map((e) => e.startTime),
    }));
    expect(timing.paint, path).toBeGreaterThan(0);
    expect(timing.scripts.length, path).toBeGreaterThan(3);
    expect(Math.min(...timing.scripts), path).toBeGreaterThanOrEqual(timing.paint!);
  }
});

test('a public page still moves between pages on the client once its scripts run', async ({ page }) => {
  await page.goto('/disclosures/penalties');
  const link = page.getByRole('banner').getByRole('link', { name: '曝光台' }).first();
  // Hydrated: React has claimed the link.
  await link.evaluate(
    (a) =>
      new Promise<void>((resolve) => {
        const check = () =>
          Object.keys(a).some((k) => k.startsWith('__reactFiber')) ? resolve() : setTimeout(check, 20);
        check();
      }),
  );
  // A mark on the window survives a client-side navigation and is gone after a full load.
  await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
  await link.click();
  await expect(page).toHaveURL(/\/exposure$/);
  expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
});
