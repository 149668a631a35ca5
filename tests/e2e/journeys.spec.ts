import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parseCsv } from './helpers/csv';

// A citizen's journey across the portal, in one go: search a company from the home page,
// open its credit profile, open one of its penalties, then download that penalty from the
// 双公示 list as CSV. Screenshots of each step are kept as test artifacts.

interface Hit {
  kind: string;
  subjectId: number | null;
  display: { title: string; documentNumber: string | null; href: string };
}

test('a citizen searches a company, reads its profile and a penalty, and downloads it as CSV', async ({
  page,
  request,
}, testInfo) => {
  // A company of the demo data with a public penalty (found the way any API user would).
  const input = encodeURIComponent(JSON.stringify({ json: { q: '有限公司', kinds: ['penalty'] } }));
  const body = (await (await request.get(`/api/trpc/search.query?input=${input}`)).json()) as {
    result: { data: { json: { hits: Hit[] } } };
  };
  const penalty = body.result.data.json.hits.find(
    (h) => h.subjectId && h.display.documentNumber && h.display.title.endsWith('有限公司'),
  )!;
  expect(penalty, 'a public penalty of a company in the demo data').toBeTruthy();
  const company = penalty.display.title;
  const documentNumber = penalty.display.documentNumber!;
  const keep = async (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`journey-${name}.png`), fullPage: true });

  await page.goto('/');
  await page.getByRole('combobox', { name: '查询关键词' }).fill(company);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await keep('1-results');

  // The exact name ranks first among the subject hits; open the profile.
  await page.locator(`a[href="/subjects/${penalty.subjectId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/subjects/${penalty.subjectId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(company);
  const section = page.locator('#penalties');
  await expect(section).toContainText(documentNumber);
  await keep('2-profile');

  // Open the penalty from the profile: every standard field, the same document number.
  await section.locator(`a[href="${penalty.display.href}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${penalty.display.href}$`));
  await expect(page.getByRole('main')).toContainText(documentNumber);
  await expect(page.getByRole('main')).toContainText('CF_WSH');
  await keep('3-penalty');

  // Find it in the 双公示 list by its document number and download the list.
  await page.goto(`/disclosures/penalties?q=${encodeURIComponent(documentNumber)}`);
  await expect(page.getByTestId('document-number').first()).toHaveText(documentNumber);
  await keep('4-list');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /下载 CSV/ }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  const [header, ...rows] = parseCsv(text.slice(1));
  const column = header!.indexOf('行政处罚决定书文号(CF_WSH)');
  expect(column).toBeGreaterThanOrEqual(0);
  expect(rows.map((r) => r[column])).toContain(documentNumber);
});
