import { textProblem, textProblemMessage } from '../validation';

// What the portal's HTTP server refuses before Next sees the request: input a client chose
// that Next would otherwise answer with a 500 (or pass on to a query). Pure, so every rule
// has a unit test (tests/unit/http/request-guard.test.ts); server/http/serve.ts answers.

export interface Refusal {
  status: 400 | 403 | 405 | 431;
  /** The Chinese sentence shown on the page or in the problem's `detail`. */
  message: string;
  /** The query parameter at fault, for problem+json. */
  parameter?: string;
  headers?: Record<string, string>;
}

export const METHOD_MESSAGE = '不支持该请求方法：浏览网页请用 GET，提交表单请用 POST。';

/** The methods the portal answers; anything else (TRACE, CONNECT, PROPFIND…) is a 405. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** decodeURIComponent that says null instead of throwing on malformed percent-encoding. */
function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The path and query of a request target, each percent-decoded and held to the text rule. */
export function checkTarget(target: string): Refusal | null {
  const hash = target.indexOf('#');
  const url = hash >= 0 ? target.slice(0, hash) : target;
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  const query = q >= 0 ? url.slice(q + 1) : '';
  for (const segment of path.split('/')) {
    if (!segment) continue;
    const decoded = decode(segment);
    if (decoded === null)
      return { status: 400, message: '网址中含有无效的百分号编码（%），请检查链接是否完整后重试。' };
    const problem = textProblem(decoded, { singleLine: true });
    if (problem) return { status: 400, message: textProblemMessage('网址', problem) };
  }
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq >= 0 ? pair.slice(0, eq) : pair;
    const rawValue = eq >= 0 ? pair.slice(eq + 1) : '';
    const name = decode(rawName.replace(/\+/g, ' '));
    const value = decode(rawValue.replace(/\+/g, ' '));
    const parameter = name !== null && !textProblem(name, { singleLine: true }) ? name.slice(0, 40) : undefined;
    const label = parameter ? `查询参数 ${parameter} ` : '查询参数';
    if (name === null || value === null)
      return { status: 400, message: `${label}含有无效的百分号编码（%），请检查链接是否完整后重试。`, parameter };
    const problem = textProblem(name, { singleLine: true }) ?? textProblem(value);
    if (problem) return { status: 400, message: textProblemMessage(label, problem), parameter };
  }
  return null;
}

interface RequestFacts {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A form post (a Server Action: every POST outside /api) from another site is refused here,
 * as Next's own check would, but with a 403 and a Chinese page instead of Next's 500.
 */
function foreignOrigin(req: RequestFacts, path: string): boolean {
  if (req.method !== 'POST' || path.startsWith('/api/')) return false;
  const origin = first(req.headers['origin']);
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage: not our page
  }
  const ours = [first(req.headers['x-forwarded-host']), first(req.headers['host'])]
    .flatMap((h) => (h ?? '').split(','))
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return !ours.includes(host.toLowerCase());
}

/** Null when the request may go on to Next, else what to answer. */
export function checkRequest(req: RequestFacts): Refusal | null {
  const method = (req.method ?? '').toUpperCase();
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    return {
      status: 405,
      message: METHOD_MESSAGE,
      headers: { allow: ALLOWED_METHODS.join(', ') },
    };
  }
  const target = req.url ?? '/';
  const refused = checkTarget(target);
  if (refused) return refused;
  const path = target.split('?')[0]!;
  if (foreignOrigin(req, path))
    return { status: 403, message: '该表单不是从本网站提交的，已拒绝。请在本网站页面上重新操作。' };
  return null;
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const TITLES: Record<number, string> = {
  400: '请求有误',
  403: '已拒绝',
  404: '页面不存在',
  405: '不支持该请求方法',
  413: '请求内容过大',
  431: '请求头过长',
  500: '服务器内部错误',
};

/** A self-contained Chinese page for an answer given without Next (no scripts, no external assets). */
export function errorPage(status: number, message: string): string {
  const title = TITLES[status] ?? '请求未能完成';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - 信用乐山</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#0f172a;background:#f8fafc}
header{background:#1d4ed8;color:#fff;padding:12px 16px;font-weight:700}main{max-width:48rem;margin:0 auto;padding:48px 16px}
h1{font-size:1.5rem}a{color:#1d4ed8}</style></head>
<body><header>信用乐山</header><main id="main"><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p><p><a href="/">返回首页</a></p></main></body></html>`;
}

const PROBLEM_SLUGS: Record<number, string> = {
  400: 'invalid-parameter',
  403: 'forbidden',
  405: 'method-not-allowed',
  500: 'internal-error',
};

/** The same answer as application/problem+json (RFC 9457), for /api. */
export function problemBody(status: number, message: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: `/api/v1/docs#${PROBLEM_SLUGS[status] ?? 'error'}`,
    title: TITLES[status] ?? '请求未能完成',
    status,
    detail: message,
    ...extra,
  });
}

/**
 * The answer to a request Node's HTTP parser refused before any handler saw it (`clientError`),
 * from the parser's error code and the bytes it had read: the status, a Chinese message that
 * says what to fix, and whether the target was under /api (answered as problem+json). The
 * commonest case is a client that sends Chinese in the address without percent-encoding it.
 */
export function parserRefusal(code: string | undefined, rawPacket: Buffer | undefined): Refusal & { api: boolean } {
  const requestLine = (rawPacket ?? Buffer.alloc(0)).toString('latin1').split('\r\n', 1)[0] ?? '';
  const target = /^[A-Za-z]+ (\S*)/.exec(requestLine)?.[1] ?? '';
  const api = wantsProblem(target);
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, message: '请求的网址或请求头过长。', api };
  if (code === 'HPE_INVALID_METHOD') return { status: 405, message: METHOD_MESSAGE, api };
  if (/[\x80-\xff]/.test(target))
    return {
      status: 400,
      message: '网址中含有未经百分号编码的字符（如中文）：请先编码再请求，例如 q=食品 应写作 q=%E9%A3%9F%E5%93%81。',
      api,
    };
  return { status: 400, message: '请求格式无效。', api };
}

/** Whether a request is answered as an API (problem+json) rather than a page. */
export function wantsProblem(url: string | undefined): boolean {
  return (url ?? '').startsWith('/api/');
}
