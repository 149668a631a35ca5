import { FIELDS, RECORD_KIND_LABELS } from '../standard/fields';
import { RATE_LIMIT_REQUESTS, RATE_LIMIT_WINDOW_SECONDS } from './limits';
import { INVALID_USCC, NO_EXAMPLES, UNKNOWN_USCC, type ApiExamples } from './examples';
import { openApiDocument } from './openapi';
import { PROBLEM_TYPES } from './problem';

// The readable API documentation (/api/v1/docs): plain server-rendered HTML from the OpenAPI
// document, in Chinese, with no script and no external resource.

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

type Op = {
  summary: string;
  operationId: string;
  parameters?: { name: string; in: string; required: boolean; description: string; example?: unknown }[];
  security?: unknown[];
  responses: Record<string, { description: string }>;
};

// The curl lines use subjects of this portal's own data (examples.ts), so they work as shown.
const curlExamples = (ex: ApiExamples): Record<string, string> => ({
  search: 'curl "$BASE/api/v1/search?q=嘉州&kind=penalty"',
  getSubject: `curl "$BASE/api/v1/subjects/${ex.clean ?? ex.listed ?? UNKNOWN_USCC}"`,
  creditCheck: [
    ex.listed
      ? `# 失信惩戒名单上的主体：status 为 dishonesty，measures 为应实施的措施\ncurl "$BASE/api/v1/subjects/${ex.listed}/credit-check"`
      : '',
    ex.clean ? `# 不在任何名单上的主体：status 为 none\ncurl "$BASE/api/v1/subjects/${ex.clean}/credit-check"` : '',
    `# 本平台没有该主体：404（不表示“无不良记录”，见 /api/v1/docs/credit-check）\ncurl "$BASE/api/v1/subjects/${UNKNOWN_USCC}/credit-check"`,
  ]
    .filter(Boolean)
    .join('\n\n'),
  listPenalties: 'curl "$BASE/api/v1/penalties?department=scjg&changed_since=2026-11-01&limit=100"',
  listLicensing: 'curl "$BASE/api/v1/licensing?year=2026"',
  listListEntries: 'curl "$BASE/api/v1/lists?list_type=dishonesty"',
  listExposureCases: 'curl "$BASE/api/v1/exposure-cases?domain=食品药品"',
  listCatalog: 'curl "$BASE/api/v1/catalog?catalog_kind=punishment"',
  listRemovals: 'curl "$BASE/api/v1/removals?changed_since=2026-11-01T00:00:00%2B08:00"',
  pushDisclosures: `curl -X POST "$BASE/api/v1/disclosures" \\
  -H "Authorization: Bearer $API_KEY" -H "Content-Type: application/json" \\
  -d '{"kind":"penalty","records":[{"CF_WSH":"乐市监罚〔2026〕1号","CF_XDR_MC":"乐山市某某有限公司", …}]}'`,
});

export function docsPage(examples: ApiExamples = NO_EXAMPLES): string {
  const EXAMPLES = curlExamples(examples);
  const doc = openApiDocument(examples) as {
    info: { title: string; description: string };
    paths: Record<string, Record<string, Op>>;
  };
  const endpoints = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const nav = endpoints
    .map((e) => `<li><a href="#${esc(e.op.operationId)}">${esc(e.method)} ${esc(e.path)}</a></li>`)
    .join('');
  const sections = endpoints
    .map((e) => {
      const params = e.op.parameters ?? [];
      const rows = params
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${p.in === 'path' ? '路径' : '查询'}${p.required ? '（必填）' : ''}</td><td>${esc(p.description)}</td></tr>`,
        )
        .join('');
      const statuses = Object.entries(e.op.responses)
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join('');
      return `<section aria-labelledby="${esc(e.op.operationId)}">
  <h2 id="${esc(e.op.operationId)}"><span class="method">${esc(e.method)}</span> <code>${esc(e.path)}</code></h2>
  <p>${esc(e.op.summary)}${e.op.security ? '（需要部门 API 密钥）' : ''}</p>
  ${rows ? `<table><caption>参数</caption><thead><tr><th scope="col">名称</th><th scope="col">位置</th><th scope="col">说明</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>无参数。</p>'}
  <h3>示例</h3><pre><code>${esc(EXAMPLES[e.op.operationId] ?? '')}</code></pre>
  <h3>响应</h3><ul>${statuses}</ul>
</section>`;
    })
    .join('\n');
  const fieldTables = (['penalty', 'licensing'] as const)
    .map(
      (kind) =>
        `<table><caption>${RECORD_KIND_LABELS[kind]}字段</caption><thead><tr><th scope="col">字段代码</th><th scope="col">名称</th><th scope="col">必填</th></tr></thead><tbody>${FIELDS[
          kind
        ]
          .map(
            (f) =>
              `<tr><td><code>${esc(f.code)}</code></td><td>${esc(f.label)}</td><td>${f.required ? '是' : '否'}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('');
  const problemRows = Object.entries(PROBLEM_TYPES)
    .map(([status, p]) => `<tr id="${esc(p.slug)}"><td><code>${esc(status)}</code></td><td>${esc(p.title)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>数据接口文档 — 信用乐山</title>
<meta name="description" content="信用乐山查询与报送接口（/api/v1）的说明：接口、参数、示例与错误格式。">
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #1f2937; line-height: 1.6; }
  header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  header { border-bottom: 1px solid #d1d5db; }
  a { color: #1d4ed8; }
  a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  code, pre { font-family: ui-monospace, monospace; }
  pre { background: #f3f4f6; padding: .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border: 1px solid #d1d5db; padding: .35rem .5rem; text-align: left; vertical-align: top; }
  section { border-top: 1px solid #e5e7eb; padding-top: .5rem; margin-top: 1.5rem; }
  h2 { font-size: 1.15rem; word-break: break-all; }
  .method { background: #1e3a8a; color: #fff; padding: 0 .4rem; border-radius: .2rem; font-size: .9rem; }
</style>
</head>
<body>
<header><a href="/">信用乐山</a> · <a href="/open-data">开放数据</a> · <a href="/api/v1/openapi.json">OpenAPI 3.1 文档（JSON）</a></header>
<main>
<h1>数据接口文档</h1>
<p>${esc(doc.info.description)}</p>
<h2>通用约定</h2>
<ul>
  <li>地址前缀 <code>/api/v1</code>；返回 JSON（UTF-8）。日期为 <code>YYYY-MM-DD</code>，金额单位为万元（小数字符串）。</li>
  <li>频率限制：每个密钥（无密钥时每个来源地址）每 ${RATE_LIMIT_WINDOW_SECONDS / 60} 分钟 ${RATE_LIMIT_REQUESTS} 次，超过时返回 429 和 <code>Retry-After</code>（秒）。</li>
  <li>列表接口按变更时间排序，用 <code>next_cursor</code> 翻页；保存副本的系统可用 <code>changed_since</code> 只取新增或变更的记录。公示期满、撤销或修复的记录不再返回，用 <code>/api/v1/removals</code> 获取需要从副本中删除的记录。</li>
  <li>报送接口需部门 API 密钥：<code>Authorization: Bearer &lt;密钥&gt;</code>；缺少或无效时返回 401，已吊销时返回 403。同一部门同一文书号再次报送即更新该记录（留有审计记录），内容相同则不变。</li>
</ul>
<p>先试一次：<code>$BASE</code> 换成本站地址，下面每个示例都用本站现有的数据，可以直接运行。信用核查各种答复的含义见<a href="/api/v1/docs/credit-check">信用核查答复说明</a>。</p>
<nav aria-label="接口列表"><h2>接口</h2><ul>${nav}</ul></nav>
${sections}
<section aria-labelledby="errors"><h2 id="errors">错误格式</h2>
<p>所有错误以 <code>application/problem+json</code> 返回，<code>detail</code> 为中文说明，参数错误时 <code>parameter</code> 指出参数名：</p>
<pre><code>{"type":"/api/v1/docs#invalid-parameter","title":"请求参数有误","status":400,
 "detail":"参数 uscc：统一社会信用代码校验位错误：第18位应为“3”，请核对后重新输入。","parameter":"uscc"}</code></pre>
<table><caption>状态码</caption><thead><tr><th scope="col">状态</th><th scope="col">含义</th></tr></thead><tbody>${problemRows}</tbody></table>
</section>
<section aria-labelledby="fields"><h2 id="fields">报送字段（国家标准字段代码）</h2>${fieldTables}</section>
</main>
<footer><p>乐山市社会信用体系建设领导小组办公室</p></footer>
</body>
</html>`;
}

/** /api/v1/docs/credit-check: what each answer of the credit check means, and what to do with it. */
export function creditCheckAnswersPage(examples: ApiExamples = NO_EXAMPLES): string {
  const row = (status: string, answer: string, meaning: string, todo: string, example: string | null) =>
    `<tr><td><code>${esc(status)}</code></td><td>${answer}</td><td>${meaning}</td><td>${todo}</td><td>${
      example ? `<a href="/api/v1/subjects/${esc(example)}/credit-check"><code>${esc(example)}</code></a>` : '—'
    }</td></tr>`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>信用核查答复说明 — 信用乐山</title>
<meta name="description" content="信用乐山信用核查接口各种答复的含义：无不良记录、失信惩戒、异议处理中、守信激励、查无此主体。">
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #1f2937; line-height: 1.6; }
  header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
  header { border-bottom: 1px solid #d1d5db; }
  a { color: #1d4ed8; }
  a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  code { font-family: ui-monospace, monospace; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border: 1px solid #d1d5db; padding: .35rem .5rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<header><a href="/">信用乐山</a> · <a href="/api/v1/docs">数据接口文档</a></header>
<main>
<h1>信用核查答复说明</h1>
<p>审批、招投标等系统在办理前调用 <code>GET /api/v1/subjects/{统一社会信用代码}/credit-check</code>，按 <code>status</code> 决定是否实施联合奖惩。答复只反映<strong>核查当日</strong>（<code>checked_on</code>，北京时间）公示中的信息。</p>
<table><caption>HTTP 状态与 status</caption>
<thead><tr><th scope="col">答复</th><th scope="col">含义</th><th scope="col">说明</th><th scope="col">审批系统应当</th><th scope="col">示例（本站数据）</th></tr></thead>
<tbody>
${row('200 · none', '未列入红黑名单', '该主体今日不在失信联合惩戒名单和守信红名单上。可能仍有公示中的行政处罚（见 <code>/api/v1/subjects/{uscc}</code>），但不构成联合惩戒。', '正常办理。', examples.clean)}
${row('200 · dishonesty', '失信联合惩戒对象', '该主体今日在失信联合惩戒名单上。<code>measures</code> 列出依《联合奖惩目录清单》应实施的措施及法律依据，<code>list_entries</code> 和 <code>penalties</code> 是依据。', '按 <code>measures</code> 中本单位负责实施的措施办理，并留存本次答复。', examples.listed)}
${row('200 · suspended', '异议处理中', '名单或所依据的处罚正在异议或投诉处理中，依规定暂停实施联合惩戒。<code>suspended_penalties</code> 为暂停中的处罚数。', '不实施惩戒措施，正常办理；处理结束后再次核查。', null)}
${row('200 · honor', '守信红名单', '该主体今日在守信红名单上，<code>measures</code> 为可实施的激励措施（如绿色通道、容缺受理）。', '可按目录给予激励。', null)}
${row('404', '本平台没有该主体', `代码格式和校验位正确，但本平台没有这个信用主体（例如外地登记的企业：<code>${esc(UNKNOWN_USCC)}</code>）。<strong>404 不等于“无不良记录”</strong>：本平台只归集乐山市的信用信息。`, '向主体登记地的信用平台或“信用中国”核查；不要据此认定无失信记录。', UNKNOWN_USCC)}
${row('400', '代码有误', `统一社会信用代码格式或校验位错误（例如 <code>${esc(INVALID_USCC)}</code>），<code>detail</code> 说明哪一位应为何字符。`, '核对代码后重试。', INVALID_USCC)}
${row('429', '请求过多', '超过频率限制，<code>Retry-After</code> 给出秒数。', '等待后重试；批量核查请使用部门 API 密钥。', null)}
</tbody></table>
<p>名单和措施的依据见<a href="/catalog">联合奖惩措施目录</a>；异议和信用修复的办理规则见<a href="/policies">政策文件</a>。</p>
</main>
<footer><p>乐山市社会信用体系建设领导小组办公室</p></footer>
</body>
</html>`;
}
