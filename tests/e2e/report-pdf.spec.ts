import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/a11y';

// The signed PDF report: downloaded from a report page, then checked on /verify by uploading
// the file itself — the original passes, a copy with one byte changed fails. On a desktop and
// a 390 px phone, and without JavaScript.

async function firmWithPenalty(page: Page): Promise<number> {
  const response = await page.request.get(
    `/api/trpc/search.query?input=${encodeURIComponent(JSON.stringify({ json: { q: '有限公司', kinds: ['penalty'] } }))}`,
  );
  const body = (await response.json()) as { result: { data: { json: { hits: { subjectId: number | null }[] } } } };
  const id = body.result.data.json.hits.find((h) => h.subjectId !== null)?.subjectId;
  if (!id) throw new Error('no firm with a penalty in the demo data');
  return id;
}

/** Issues today's report of the subject and downloads its PDF through 下载PDF版. */
async function downloadReportPdf(page: Page, subjectId: number, path: string) {
  await page.goto(`/subjects/${subjectId}/report`);
  await page.getByRole('button', { name: '出具信用报告' }).click();
  await expect(page).toHaveURL(/\/report\?code=/);
  const code = await page.getByTestId('verification-code').innerText();
  const reportNumber = await page.getByTestId('report-number').innerText();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载PDF版' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`信用报告-${reportNumber}.pdf`);
  await download.saveAs(path);
  return { code, reportNumber };
}

/** The same file with one byte changed inside its first content stream after the signature. */
function tamperedCopy(path: string, to: string) {
  const pdf = readFileSync(path);
  const end = Number(/\/ByteRange\s*\[\s*0\s+\d+\s+(\d+)/.exec(pdf.toString('latin1'))?.[1]);
  const at = pdf.indexOf('stream\n', end) + 'stream\n'.length + 40;
  pdf[at] = pdf[at]! ^ 0x01;
  writeFileSync(to, pdf);
}

async function upload(page: Page, file: string) {
  await page.goto('/verify');
  await page.getByLabel('信用报告 PDF 文件').setInputFiles(file);
  await page.getByRole('button', { name: '检查签名' }).click();
  return page.getByTestId('pdf-verify-result');
}

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`a downloaded report PDF passes /verify and a tampered copy fails (${viewport.name})`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    const subjectId = await firmWithPenalty(page);
    const original = testInfo.outputPath('report.pdf');
    const { code, reportNumber } = await downloadReportPdf(page, subjectId, original);
    expect(readFileSync(original).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectNoAxeViolations(page);

    const valid = await upload(page, original);
    // The first check on a cold server loads the signing code: allow a loaded machine its time.
    await expect(valid.getByRole('heading', { level: 2 })).toHaveText('✓ 签名有效，内容与本平台存档一致', {
      timeout: 30_000,
    });
    await expect(valid).toContainText(reportNumber);
    await expect(valid).toContainText(code);
    await expect(valid).toContainText('演示证书');
    await page.screenshot({ path: testInfo.outputPath(`verify-pdf-valid-${viewport.name}.png`), fullPage: true });
    await expectNoAxeViolations(page);

    const forged = testInfo.outputPath('tampered.pdf');
    tamperedCopy(original, forged);
    const invalid = await upload(page, forged);
    await expect(invalid.getByRole('heading', { level: 2 })).toHaveText('✗ 签名无效：文件在签名后被改动', {
      timeout: 30_000,
    });
    await expect(invalid).not.toContainText(reportNumber);
    await page.screenshot({ path: testInfo.outputPath(`verify-pdf-tampered-${viewport.name}.png`), fullPage: true });
    await expectNoAxeViolations(page);
  });
}

test('without JavaScript the PDF is checked, and a file that is not a PDF is refused in place', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const subjectId = await firmWithPenalty(page);
  const original = testInfo.outputPath('report.pdf');
  // Without JavaScript the link still downloads (a plain GET with Content-Disposition).
  const { reportNumber } = await downloadReportPdf(page, subjectId, original);
  const valid = await upload(page, original);
  await expect(valid).toContainText('签名有效', { timeout: 30_000 });
  await expect(valid).toContainText(reportNumber);

  const text = testInfo.outputPath('note.txt');
  writeFileSync(text, 'not a report');
  await page.goto('/verify');
  await page.getByLabel('信用报告 PDF 文件').setInputFiles(text);
  await page.getByRole('button', { name: '检查签名' }).click();
  await expect(page.getByTestId('pdf-error')).toHaveText(
    '错误：只能上传 PDF 文件（.pdf），请选择从本平台下载的信用报告',
  );
  await expect(page.getByLabel('信用报告 PDF 文件')).toHaveAttribute('aria-invalid', 'true');
  await context.close();
});
