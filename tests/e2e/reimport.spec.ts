import { expect, test, type Page } from '@playwright/test';
import { companyUscc, penaltyRow, toCsv } from '../integration/imports/sample';
import { decide, openApplication, SCJG, shot, signIn, submitForm } from './helpers/staff';

// One record, one owner (issue 12), as the people involved see it: a department uploads its
// file, the firm objects, the department uploads the file again while the objection is open
// and once more after rejecting it. The record page must keep what the decisions decided —
// the suspension while open, the end date after — and show the facts of the newest file;
// a 吊销许可证件 under 《食品安全法》 is never offered early repair, whatever route it came by.

// The server's first lifecycle tick can hold requests for minutes on a busy machine.
test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await expect(async () => {
    expect((await request.get('/admin/sign-in', { timeout: 60_000 })).status()).toBe(200);
  }).toPass({ timeout: 290_000 });
});

test.describe.configure({ timeout: 180_000 });

/** Uploads a CSV on the import page, previews and commits it; answers the result summary. */
async function upload(page: Page, rows: Record<string, string>[], fileName: string): Promise<string> {
  await page.goto('/admin/imports');
  await page.getByLabel(/^文件（CSV/).setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv(rows)),
  });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByTestId('summary')).toContainText(`合格 ${rows.length} 行`);
  await page.getByRole('button', { name: /确认导入/ }).click();
  await expect(page.getByRole('heading', { name: /导入结果/ })).toBeVisible();
  return page.getByTestId('summary').innerText();
}

async function penaltyId(page: Page, documentNumber: string): Promise<number> {
  const res = await page.request.get(`/api/v1/search?q=${encodeURIComponent(documentNumber)}&kind=penalty`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { hits: { kind: string; id: number; document_number: string | null }[] };
  const hit = body.hits.find((h) => h.kind === 'penalty' && h.document_number === documentNumber);
  expect(hit, `no search hit for ${documentNumber}`).toBeDefined();
  return hit!.id;
}

test('a department uploads its file around an objection: the suspension and the end date survive, the facts follow the file', async ({
  page,
  browser,
}, testInfo) => {
  const n = 200_000 + (Date.now() % 100_000);
  // Decided twenty days ago: public today, within its minimum period.
  const decided = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const base = {
    CF_WSH: `乐市监罚〔2026〕R${n}号`,
    CF_XDR_MC: `乐山市重报测试${n}号有限公司`,
    CF_XDR_SHXYM: companyUscc(n),
    CF_JDRQ: decided,
    CF_YXQ: decided,
  };
  const fine = penaltyRow(n, base);
  const revoked = penaltyRow(n + 1, {
    ...base,
    CF_WSH: `乐市监罚〔2026〕R${n + 1}号`,
    CF_CFLB: '吊销许可证件',
    CF_NR: '吊销食品经营许可证',
  });

  await signIn(page, SCJG);
  expect(await upload(page, [fine, revoked], '处罚第一次报送.csv')).toContain('新增 2 条');
  const id = await penaltyId(page, fine.CF_WSH!);
  const revokedId = await penaltyId(page, revoked.CF_WSH!);

  // A licence revoked under the food safety law: never repaired early (SPEC §4), also when imported.
  await page.goto(`/disclosures/penalties/${revokedId}`);
  await expect(page.getByTestId('repair-window')).toHaveText('该处罚不得提前修复，公示期满后自动停止公示。');
  await page.goto(`/disclosures/penalties/${id}`);
  await expect(page.getByTestId('repair-window')).toContainText('最短公示期满日');
  const period = await page.getByTestId('public-period').innerText();

  // The firm objects from its own browser; the department accepts: publication is suspended.
  const firm = await browser.newPage();
  await firm.goto(`/apply/objection?record=penalty:${id}`);
  await expect(firm.getByTestId('record-summary')).toContainText(fine.CF_WSH!);
  const codes = await submitForm(firm, '信息错误', '提交异议申请');
  await firm.close();
  await openApplication(page, codes.trackingNumber);
  await page.getByRole('button', { name: '受理', exact: true }).click();
  await expect(page.getByTestId('record-state')).toContainText('异议处理中');

  // The department's next file corrects a fact. The new fact is shown; the suspension stays.
  const corrected = { ...fine, CF_NR: '罚款人民币六千元', CF_NR_FK: '0.6' };
  expect(await upload(page, [corrected, revoked], '处罚第二次报送.csv')).toMatch(/更新 1 条，未变 1 条/);
  await page.goto(`/disclosures/penalties/${id}`);
  await expect(page.getByTestId('badges')).toContainText('异议处理中');
  await expect(page.getByTestId('standard-fields')).toContainText('罚款人民币六千元');
  await expect(page.getByTestId('public-period')).toHaveText(period);
  await shot(page, testInfo, 'reimport-while-suspended');

  // Rejected: publication resumes with the end date the decision gives (here the same day: +0).
  await openApplication(page, codes.trackingNumber);
  await decide(page, '驳回', '经核查，处罚信息与决定书一致。');
  await expect(page.getByTestId('record-state')).toContainText('公示中');

  // The same file once more: nothing changes, and the decision is not undone.
  expect(await upload(page, [corrected, revoked], '处罚第三次报送.csv')).toMatch(/新增 0 条，更新 0 条，未变 2 条/);
  await page.goto(`/disclosures/penalties/${id}`);
  await expect(page.getByTestId('badges')).toHaveCount(0);
  await expect(page.getByTestId('public-period')).toHaveText(period);
  await expect(page.getByTestId('standard-fields')).toContainText('罚款人民币六千元');
  await shot(page, testInfo, 'reimport-after-rejection');

  // A file that names another party under the same document number is refused already in the
  // preview (the dry run is the commit rolled back), in the words the commit would use.
  await page.goto('/admin/imports');
  await page.getByLabel(/^文件（CSV/).setInputFiles({
    name: '处罚错报.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      toCsv([{ ...corrected, CF_XDR_MC: `乐山市另一测试${n}号有限公司`, CF_XDR_SHXYM: companyUscc(n + 50_000) }]),
    ),
  });
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByTestId('summary')).toContainText('有错误 1 行');
  await expect(page.getByRole('region', { name: '错误行列表' })).toContainText('已公示于另一当事人');
  // Nothing to commit: no button offering to import 0 records, only the way forward.
  await expect(page.getByRole('button', { name: /确认导入/ })).toHaveCount(0);
  await expect(page.getByTestId('nothing-to-commit')).toContainText('修改文件后重新上传');
  await shot(page, testInfo, 'reimport-other-party-refused');
});
