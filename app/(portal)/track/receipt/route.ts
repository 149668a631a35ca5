import { TRPCError } from '@trpc/server';
import { trackSchema } from '@/server/applications/schema';
import { errorPage, escapeHtml } from '@/server/http/request-guard';
import { clientIpFrom } from '@/server/rate-limit/service';
import { formatDate, formatDateTime } from '@/server/rules/format';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

// "打印本页" without JavaScript: the confirmation posts its two numbers here (never in the
// address, so the query code stays out of history and logs) and gets a print-friendly receipt
// that the browser's own print command prints on one A4 page.
export const dynamic = 'force-dynamic';

const html = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const parsed = trackSchema.safeParse({
    trackingNumber: String(form?.get('trackingNumber') ?? ''),
    queryCode: String(form?.get('queryCode') ?? ''),
  });
  if (!parsed.success) return html(400, errorPage(400, parsed.error.issues[0]?.message ?? '受理编号或查询码有误。'));
  let app;
  try {
    const caller = createCaller(await createContext({ clientIp: clientIpFrom(request.headers) }));
    app = await caller.applications.track(parsed.data);
  } catch (err) {
    if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
      const status = err.code === 'TOO_MANY_REQUESTS' ? 429 : 404;
      return html(status, errorPage(status, err.message));
    }
    throw err;
  }
  const rows: [string, string][] = [
    ['受理编号', app.trackingNumber],
    ['查询码', parsed.data.queryCode.toUpperCase()],
    ['申请类别', app.kindLabel],
    ['涉及主体', app.subjectName],
    ['办理部门', app.departmentName],
    ['提交时间', formatDateTime(app.submittedAt)],
    ['当前状态', app.statusLabel],
    ...(app.deadline ? ([['办理期限', `${formatDate(app.deadline)}前`]] as [string, string][]) : []),
  ];
  return html(
    200,
    `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(app.kindLabel)}申请回执 ${escapeHtml(app.trackingNumber)} - 信用乐山</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#0f172a;background:#fff}
main{max-width:42rem;margin:0 auto;padding:32px 16px}h1{font-size:1.5rem;margin:0 0 4px}
dl{display:grid;grid-template-columns:auto 1fr;gap:8px 24px;margin:24px 0;font-size:1.125rem}dt{color:#334155}
dd{margin:0;font-weight:700;word-break:break-all}.hint{border:2px solid #1d4ed8;padding:12px;margin-bottom:24px}
a{color:#1d4ed8}
@page{size:A4;margin:20mm}@media print{.hint{display:none}main{padding:0}}
</style></head>
<body><main id="main">
<p class="hint">打印本回执：请使用浏览器菜单中的“打印”（电脑上按 Ctrl+P，苹果电脑按 ⌘P）。本说明不会被打印。<br><a href="/track">返回办理进度查询</a></p>
<h1>${escapeHtml(app.kindLabel)}申请回执</h1>
<p>信用乐山 · 乐山市公共信用信息服务平台</p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<p>凭受理编号和查询码可在信用乐山“办理进度查询”页面（/track）查看进度和结果。请妥善保管查询码，不要告诉他人。申请不收取任何费用。</p>
</main></body></html>`,
  );
}
