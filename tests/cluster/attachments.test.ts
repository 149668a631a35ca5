import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';

// Nothing an instance can lose: an objection with a PDF, submitted through nginx (to whichever
// instance nginx picks), is read by department staff on each instance directly — the file lives
// in PostgreSQL, not on the disk of the instance that received it.

const cluster = inject('cluster');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
});

/** A PDF of `size` bytes (its type is told from the first bytes), different every run. */
function pdfOf(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write(`%PDF-1.7\n1 0 obj\n<< /Run ${Date.now()} >>\nendobj\n`);
  return bytes;
}

async function publicPenaltyId(): Promise<number> {
  const input = JSON.stringify({ json: { q: '乐市监处罚', kinds: ['penalty'] } });
  const res = await fetch(`${cluster.nginx}/api/trpc/search.query?input=${encodeURIComponent(input)}`);
  expect(res.status).toBe(200);
  const hits = (await res.json()).result.data.json.hits as {
    entityId: number;
    display: { departmentName: string | null; badges: string[] };
  }[];
  const hit = hits.find((h) => h.display.departmentName === '乐山市市场监督管理局' && h.display.badges.length === 0);
  if (!hit) throw new Error('no public penalty of 市场监管局 without a pending application');
  return hit.entityId;
}

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel('用户名').fill('scjg');
  await page.getByLabel('密码').fill('demo-scjg-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '申请队列' }).waitFor();
}

it('an objection’s PDF submitted through nginx is opened by staff on both instances', async () => {
  const id = await publicPenaltyId();
  const pdf = pdfOf(2 * 1024 * 1024);
  const applicant = await browser.newPage();
  await applicant.goto(`${cluster.nginx}/apply/objection?record=penalty:${id}`);
  await applicant
    .getByLabel('证明材料')
    .setInputFiles({ name: '集群情况说明.pdf', mimeType: 'application/pdf', buffer: pdf });
  await applicant.getByLabel('单位名称').fill('乐山市测试申请有限公司');
  await applicant.getByLabel('统一社会信用代码', { exact: true }).fill('91350100M000100Y43');
  await applicant.getByLabel('经办人姓名').fill('李经办');
  await applicant.getByLabel('联系电话').first().fill('13800000000');
  await applicant.getByLabel('申请事由').selectOption('信息错误');
  await applicant.getByLabel('情况说明').fill('集群测试：处罚决定书记载的事实与本公司实际情况不符。');
  await applicant.getByRole('button', { name: '提交异议申请' }).click();
  await applicant.getByTestId('confirmation').waitFor({ timeout: 60_000 });
  const trackingNumber = (await applicant.getByTestId('tracking-number').innerText()).trim();
  await applicant.close();

  for (const base of cluster.instances) {
    const staff = await browser.newPage();
    await signIn(staff, base);
    await staff.goto(`${base}/admin`);
    await staff.getByRole('link', { name: trackingNumber }).click();
    const link = staff.getByRole('link', { name: '集群情况说明.pdf' });
    const res = await staff.context().request.get(new URL((await link.getAttribute('href'))!, base).toString());
    expect(res.status(), base).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.compare(await res.body(), pdf), base).toBe(0);
    await staff.context().close();
  }
});
