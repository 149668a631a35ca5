import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// As-you-type suggestions (a WAI-ARIA combobox) on / and /search, used by keyboard only, and
// results grouped by subject. Expected values come from the page (the demo data is generated).

async function comboboxByKeyboard(page: Page) {
  // On the home page the box's scripts load when it is first used (server/http/deferred-scripts.ts);
  // it is announced as a combobox from the start all the same.
  const box = page.getByRole('combobox', { name: '查询关键词' });
  await box.focus();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.type('乐山');
  const list = page.getByRole('listbox', { name: '主体名称建议' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const options = list.getByRole('option');
  const count = await options.count();
  expect(count).toBeGreaterThan(1);
  expect(count).toBeLessThanOrEqual(8);
  // Every option has a name a screen reader reads: the subject's name, containing what was typed.
  for (const name of await options.allInnerTexts()) expect(name).toContain('乐山');
  await expect(page.getByRole('status').filter({ hasText: '个主体名称建议' })).toHaveText(
    `有 ${count} 个主体名称建议，按上下方向键选择`,
  );

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = options.nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
  await page.keyboard.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(box).toBeFocused();
  await expectNoAxeViolations(page);

  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeVisible();
  const chosen = (await options.first().innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/subjects\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(chosen);
}

test.describe('search suggestions and grouped results', () => {
  test('the home page search box suggests subjects as you type, by keyboard only', async ({ page }) => {
    await page.goto('/');
    await comboboxByKeyboard(page);
  });

  test('the home page downloads no script until its search box is used, and suggests what was typed before they arrived', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    // Reading, hovering and moving between links need no script.
    await page.getByRole('link', { name: '农业', exact: true }).hover();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(scripts).toEqual([]);
    // Announced as the (collapsed) combobox it will be, before any script.
    const box = page.getByRole('combobox', { name: '查询关键词' });
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations(page);
    expect(scripts).toEqual([]);

    // fill() puts the whole text in at once, before React has taken over the box.
    await box.fill('乐山');
    const list = page.getByRole('listbox', { name: '主体名称建议' });
    await expect(list).toBeVisible();
    await expect(box).toHaveValue('乐山');
    for (const name of await list.getByRole('option').allInnerTexts()) expect(name).toContain('乐山');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((url) => new URL(url).pathname.startsWith('/_next/static/'))).toBe(true);
  });

  test('the /search box suggests subjects as you type, by keyboard only', async ({ page }) => {
    await page.goto('/search');
    await comboboxByKeyboard(page);
  });

  test('a results page asks for no suggestions until the person types, then the list follows the typing', async ({
    page,
  }) => {
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/trpc/search.suggest')) asked.push(r.url());
    });
    await page.goto('/search?q=%E5%86%9C%E4%B8%9A', { waitUntil: 'networkidle' });
    const box = page.getByRole('combobox', { name: '查询关键词' });
    await box.focus();
    await page.waitForTimeout(500);
    expect(asked).toEqual([]);
    await expect(page.getByRole('listbox', { name: '主体名称建议' })).toBeHidden();
    await box.fill('乐山');
    await expect(page.getByRole('listbox', { name: '主体名称建议' })).toBeVisible();
    expect(asked.length).toBeGreaterThan(0);
  });

  test('without JavaScript the search box is the plain form: no combobox, no list, search works', async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['/', '/search']) {
      await page.goto(path);
      await expect(page.getByRole('combobox')).toHaveCount(0);
      await expect(page.getByRole('listbox')).toHaveCount(0);
      await page.getByRole('searchbox', { name: '查询关键词' }).fill('乐山');
      await page.getByRole('button', { name: '查询' }).click();
      await expect(page).toHaveURL(/\/search\?q=%E4%B9%90%E5%B1%B1$/);
      await expect(page.getByTestId('search-hit').first()).toBeVisible();
    }
    await context.close();
  });

  for (const [device, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    test(`relevance results are grouped by subject (${device})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('/search?q=%E5%85%AC%E5%8F%B8');
      const hits = page.getByTestId('search-hit');
      await expect(hits).toHaveCount(20);
      // One card per subject: no subject's profile link appears on two record cards.
      const profiles = await page
        .getByTestId('search-hits')
        .locator('li[data-kind="licensing"], li[data-kind="penalty"], li[data-kind="subject"]')
        .evaluateAll((els) =>
          els.map((el) => el.querySelector('a[href^="/subjects/"]')?.getAttribute('href') ?? el.id),
        );
      expect(new Set(profiles).size).toBe(profiles.length);
      const collapsed = page.getByTestId('hit-collapsed').first();
      await expect(collapsed).toHaveText(/^另有(行政许可|行政处罚) \d+ 条/);
      await expect(collapsed.getByRole('link').first()).toHaveAttribute(
        'href',
        /^\/disclosures\/(licensing|penalties)\?q=/,
      );
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `docs/screenshots/search-grouped-${device}.png`, fullPage: device === 'phone' });
      // Date order stays flat.
      await page.goto('/search?q=%E5%85%AC%E5%8F%B8&sort=date');
      await expect(page.getByTestId('hit-collapsed')).toHaveCount(0);
    });
  }
});
