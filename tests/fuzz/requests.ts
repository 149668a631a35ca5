import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// The portal's fuzz requests (issue 13): derived from the page routes (app/), the OpenAPI
// document, the tRPC procedures and the forms a page renders, each with generated nasty
// values. Deterministic for a seed. Used by tests/e2e/fuzz.spec.ts (a fast slice in
// `npm test`) and tests/bench/fuzz.bench.ts (the long run). `judge` says what is wrong with
// an answer: a 5xx, internal text (a database or stack message, `undefined`, `NaN`,
// `[object Object]`), or a refusal that is not in Chinese.

export interface FuzzRequest {
  method: string;
  /** Path and query, already percent-encoded (possibly wrongly, on purpose). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** What was derived from where, for the report. */
  source: string;
  /** Decoded texts we sent, which a page may echo back (“NaN” typed by a user is not ours). */
  sent?: string[];
}

export interface FuzzSources {
  /** Page route templates like /subjects/[id] (from app/). */
  pages: string[];
  /** OpenAPI paths with their methods and query parameter names. */
  api: { path: string; method: string; query: string[]; body: boolean }[];
  /** tRPC procedure paths and kinds. */
  procedures: { path: string; type: 'query' | 'mutation' }[];
  /** Forms harvested from rendered pages: where they post and their fields (hidden ones filled). */
  forms: HarvestedForm[];
  /** An API key for authenticated /api/v1 routes, if known (the demo's). */
  apiKey?: string;
}

export interface HarvestedForm {
  page: string;
  fields: { name: string; value: string; hidden: boolean }[];
}

/** A small seeded PRNG (mulberry32): the same seed gives the same requests. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
export type Random = ReturnType<typeof random>;

/** Nasty texts, as the decoded value a person or program might send. */
export const NASTY_TEXT: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\u0001\u001b[31m\u007f',
  '\ud800',
  'x\udfff',
  '\r\nSet-Cookie: a=1',
  "' OR 1=1 --",
  '"; DROP TABLE subjects; --',
  '%_\\',
  '%%%',
  '_',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '-1',
  '0',
  '-0',
  '1.5',
  '99999999999999999999999',
  '9007199254740993',
  '1e308',
  'NaN',
  'Infinity',
  'undefined',
  'null',
  '[object Object]',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '9999-99-99',
  ' ',
  '',
  '乐山'.repeat(300),
  'A'.repeat(5000),
  '\u202etxt.exe',
  'Cafe\u0301',
  '😀𠀀',
  '\ufeff',
];

/** Raw (pre-encoded) URL fragments, including malformed percent-encoding. */
export const NASTY_RAW: readonly string[] = [
  '%zz',
  '%',
  '%E4%B8',
  '%ED%A0%80',
  '%C0%AF',
  '%00',
  '%FF%FE',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f',
  '%0d%0aX-Injected:%201',
  '%25',
  '+',
];

/** Encodes a text as a path segment or query value; lone surrogates become malformed bytes. */
export function encodeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += encodeURIComponent(s.slice(i, i + 2));
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // What a careless client writes for a lone surrogate: its CESU-8 bytes.
      out +=
        `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
      continue;
    }
    out += encodeURIComponent(s[i]!);
  }
  return out;
}

/** A value for a URL: a nasty text encoded, or a raw malformed fragment. */
function urlValue(r: Random): { raw: string; sent: string } {
  if (r.next() < 0.3) {
    const raw = r.pick(NASTY_RAW);
    return { raw, sent: raw };
  }
  const t = r.pick(NASTY_TEXT);
  return { raw: encodeText(t), sent: t };
}

/** Nasty JSON values: wrong types, huge and negative numbers, texts. */
function jsonValue(r: Random, depth = 0): unknown {
  const roll = r.int(12);
  if (roll < 6) return r.pick(NASTY_TEXT);
  switch (roll) {
    case 6:
      return r.pick([-1, 0, -0.5, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, 1.000001]);
    case 7:
      return r.pick([true, false, null]);
    case 8:
      return depth > 2 ? [] : Array.from({ length: r.int(3) }, () => jsonValue(r, depth + 1));
    case 9:
      return depth > 2 ? {} : { [r.pick(['a', '__proto__', 'constructor', '\u0000'])]: jsonValue(r, depth + 1) };
    case 10:
      return 'x'.repeat(r.pick([100, 10_000, 100_000]));
    default:
      return r.pick(['2026-03-01', '91511100MA62000000', 'penalty', 'licensing', 'objection']);
  }
}

const QUERY_NAMES = [
  'q',
  'page',
  'kind',
  'from',
  'to',
  'sort',
  'category',
  'department',
  'division',
  'severity',
  'id',
  'type',
  'year',
  'month',
  'code',
  'size',
  'notice',
  'message',
  'ref',
];

/** The page routes of app/ as templates: /subjects/[id], /open-data/[file]… (route groups dropped). */
export function pageRoutes(appDir = path.join(process.cwd(), 'app')): string[] {
  const out: string[] = [];
  const walk = (dir: string, route: string[]) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name.startsWith('_') || name === 'api') continue;
        walk(full, /^\(.*\)$/.test(name) ? route : [...route, name]);
      } else if (name === 'page.tsx' || name === 'route.ts') out.push(`/${route.join('/')}`);
    }
  };
  walk(appDir, []);
  return [...new Set(out)];
}

/** The API's operations from the OpenAPI document. */
export function apiOperations(doc: { paths: Record<string, Record<string, unknown>> }): FuzzSources['api'] {
  const out: FuzzSources['api'] = [];
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const o = op as {
        parameters?: ({ name?: string; in?: string; $ref?: string } | undefined)[];
        requestBody?: unknown;
      };
      const query = (o.parameters ?? [])
        .map((x) => (x?.$ref ? x.$ref.split('/').pop()! : x?.in === 'query' ? x.name! : ''))
        .filter(Boolean);
      out.push({ path: p, method: method.toUpperCase(), query, body: Boolean(o.requestBody) });
    }
  }
  return out;
}

/** Reads the forms of rendered pages: their fields and hidden values (Server Action ids included). */
export function harvestForms(page: string, html: string): HarvestedForm[] {
  const forms: HarvestedForm[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const fields: HarvestedForm['fields'] = [];
    for (const f of m[1]!.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const attrs = f[2]!;
      const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
      if (!name) continue;
      const value = /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '';
      const unescaped = value
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#x27;/g, "'");
      fields.push({ name: name.replace(/&quot;/g, '"'), value: unescaped, hidden: /type="hidden"/.test(attrs) });
    }
    if (fields.some((f) => f.name.startsWith('$ACTION'))) forms.push({ page, fields });
  }
  return forms;
}

function multipart(fields: [string, string | Uint8Array, string?][]): { body: Uint8Array; type: string } {
  const boundary = `----fuzz${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value, fileName] of fields) {
    const disposition = `form-data; name="${name}"${fileName !== undefined ? `; filename="${fileName}"` : ''}`;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n`));
    if (fileName !== undefined) parts.push(Buffer.from('Content-Type: application/octet-stream\r\n'));
    parts.push(Buffer.from('\r\n'), Buffer.from(value), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** One nasty request from each source in turn, forever (take as many as wanted). */
export function* fuzzRequests(sources: FuzzSources, seed: number): Generator<FuzzRequest> {
  const r = random(seed);
  const fill = (template: string) => {
    const sent: string[] = [];
    const p = template.replace(/\[\.{0,3}[^\]]+\]|\{[^}]+\}/g, () => {
      const v = urlValue(r);
      sent.push(v.sent);
      return v.raw;
    });
    return { p, sent };
  };
  const query = (names: readonly string[], sent: string[]) => {
    const n = 1 + r.int(3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = urlValue(r);
      sent.push(v.sent);
      const name = r.next() < 0.9 ? { raw: r.pick(names.length ? names : QUERY_NAMES), sent: '' } : urlValue(r);
      if (name.sent) sent.push(name.sent);
      parts.push(`${name.raw}=${v.raw}`);
    }
    return parts.join('&');
  };
  const auth = (): Record<string, string> =>
    sources.apiKey && r.next() < 0.7 ? { authorization: `Bearer ${sources.apiKey}` } : {};

  for (let i = 0; ; i++) {
    switch (i % 6) {
      case 0: {
        const route = r.pick(sources.pages);
        const { p, sent } = fill(route);
        yield { method: 'GET', path: `${p}?${query(QUERY_NAMES, sent)}`, source: `page ${route}`, sent };
        break;
      }
      case 1: {
        const op = r.pick(sources.api);
        const { p, sent } = fill(op.path);
        if (op.body && r.next() < 0.8) {
          const kind = r.pick(['penalty', 'licensing', 'tax', jsonValue(r)]);
          const record: Record<string, unknown> = {};
          for (const code of [
            'CF_WSH',
            'CF_XDR_MC',
            'CF_SY',
            'CF_NR',
            'CF_JDRQ',
            'XK_WSH',
            'XK_XDR_MC',
            'XK_NR',
            'XK_JDRQ',
          ])
            if (r.next() < 0.6) record[code] = jsonValue(r);
          const body =
            r.next() < 0.1
              ? r.pick(['{', '[', 'null', '"x"', '\u0000', '{"records":' + '['.repeat(5000)])
              : JSON.stringify({ kind, dry_run: r.next() < 0.7, records: r.next() < 0.9 ? [record] : jsonValue(r) });
          yield {
            method: op.method,
            path: p,
            headers: { 'content-type': r.next() < 0.9 ? 'application/json' : 'text/plain', ...auth() },
            body,
            source: `api ${op.method} ${op.path} body`,
            sent,
          };
        } else {
          yield {
            method: op.method,
            path: `${p}?${query(op.query, sent)}`,
            headers: auth(),
            source: `api ${op.method} ${op.path}`,
            sent,
          };
        }
        break;
      }
      case 2: {
        const proc = r.pick(sources.procedures);
        const input =
          r.next() < 0.5
            ? jsonValue(r)
            : {
                [r.pick([
                  'id',
                  'q',
                  'kind',
                  'page',
                  'uscc',
                  'code',
                  'trackingNumber',
                  'queryCode',
                  'description',
                  'reasons',
                ])]: jsonValue(r),
              };
        const payload = JSON.stringify({ json: input });
        if (proc.type === 'query' || r.next() < 0.1) {
          const batch = r.next() < 0.2;
          const inputParam = batch ? JSON.stringify({ 0: { json: input } }) : payload;
          yield {
            method: 'GET',
            path: `/api/trpc/${proc.path}?${batch ? 'batch=1&' : ''}input=${r.next() < 0.1 ? r.pick(NASTY_RAW) : encodeURIComponent(inputParam)}`,
            source: `trpc ${proc.path}`,
          };
        } else {
          yield {
            method: 'POST',
            path: `/api/trpc/${proc.path}`,
            headers: { 'content-type': 'application/json' },
            body: r.next() < 0.1 ? r.pick(['{', 'x', '\u0000']) : payload,
            source: `trpc ${proc.path}`,
          };
        }
        break;
      }
      case 3: {
        if (sources.forms.length === 0) continue;
        const form = r.pick(sources.forms);
        const sent: string[] = [];
        const fields: [string, string | Uint8Array, string?][] = form.fields.map((f) => {
          if (f.name.startsWith('$ACTION') && r.next() < 0.9) return [f.name, f.value];
          if (f.hidden && r.next() < 0.5) return [f.name, f.value];
          const v = r.pick(NASTY_TEXT);
          sent.push(v);
          return [f.name, v];
        });
        if (r.next() < 0.2)
          fields.push([
            'attachments',
            new Uint8Array([0x25, 0x50, 0x44, 0x46, 0]),
            r.pick(['a\r\n.pdf', '../../x.pdf', 'a\u0000.pdf', '正常.pdf']),
          ]);
        const { body, type } = multipart(fields);
        yield {
          method: 'POST',
          path: form.page,
          headers: { 'content-type': type },
          body,
          source: `form ${form.page}`,
          sent,
        };
        break;
      }
      case 4: {
        // Whole-request oddities: methods, origins, content types, sizes.
        const page = fill(r.pick(sources.pages)).p;
        const roll = r.int(6);
        if (roll === 0) yield { method: r.pick(['TRACE', 'PROPFIND', 'FOO', 'CONNECT']), path: page, source: 'method' };
        else if (roll === 1)
          yield {
            method: 'POST',
            path: page,
            headers: {
              origin: r.pick(['https://evil.example', 'null']),
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: 'a=1',
            source: 'foreign origin',
          };
        else if (roll === 2)
          yield {
            method: 'POST',
            path: page,
            headers: { 'next-action': r.pick(['abc', '0'.repeat(42), '\u00ff']), 'content-type': 'text/plain' },
            body: r.pick(['notjson{', '[', '"x"']),
            source: 'action header',
          };
        else if (roll === 3)
          yield {
            method: 'POST',
            path: r.pick(['/api/trpc/applications.submit', '/api/v1/disclosures', '/apply/objection']),
            headers: { 'content-type': 'application/json' },
            body: `{"x":"${'a'.repeat(2_000_000)}"}`,
            source: 'oversized body',
          };
        else if (roll === 4)
          yield { method: 'GET', path: `/${r.pick(NASTY_RAW)}/${r.pick(NASTY_RAW)}`, source: 'raw path' };
        else
          yield {
            method: 'GET',
            path: page,
            headers: { accept: r.pick(['text/html', 'application/json', '*/*']), rsc: '1' },
            source: 'rsc',
          };
        break;
      }
      default: {
        // A page's own query string with one parameter bad, the others sane.
        const route = r.pick(sources.pages.filter((p) => !p.includes('[')));
        const v = urlValue(r);
        yield {
          method: 'GET',
          path: `${route}?q=%E4%B9%90%E5%B1%B1&${r.pick(QUERY_NAMES)}=${v.raw}`,
          source: `page ${route} query`,
          sent: [v.sent],
        };
      }
    }
  }
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

const INTERNAL =
  /PostgreSQL|SQLSTATE|\b22021\b|invalid byte sequence|syntax error at|violates .* constraint|relation "|column "|node_modules|webpack-internal|Internal Server Error|TypeError|ReferenceError|RangeError|SyntaxError|ZodError|\bat [\w.<>]+ \(|"code":"invalid_|\bundefined\b|\bNaN\b|\[object Object\]/;

/** The text a person reads: HTML without scripts, styles and tags; JSON as it is. */
export function readableText(answer: Answer): string {
  if (/html/.test(answer.contentType)) {
    return answer.body
      .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
      .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  }
  return answer.body;
}

export interface Verdict {
  serverError: boolean;
  /** The internal text found, if any. */
  internal: string | null;
  /** A refusal (4xx) whose text has no Chinese. */
  notChinese: boolean;
}

export function judge(req: FuzzRequest, answer: Answer): Verdict {
  let text = readableText(answer);
  for (const s of req.sent ?? []) if (s.length >= 2) text = text.split(s).join(' ');
  // Echoes of what we sent, and JSON-escaped forms of it, are the client's text.
  const isRefusal = answer.status >= 400 && answer.status < 500;
  const checked = answer.status >= 400 ? text : text.replace(/\bundefined\b|\bNaN\b/g, '');
  const internal = INTERNAL.exec(checked)?.[0] ?? null;
  return {
    serverError: answer.status >= 500,
    internal,
    notChinese: isRefusal && !/[\u4e00-\u9fff]/.test(text) && req.method !== 'HEAD',
  };
}
