import type { Db } from '../db/client';
import { todayInShanghai } from '../rules/dates';
import { verifyApiKey } from '../api-keys/service';
import { clientIpFrom, consumeFixedWindow, reserveAttempt } from '../rate-limit/service';
import { API_KEY_FAILURES_BY_ADDRESS } from '../rate-limit/doors';
import { API_LIMIT_BY_ADDRESS, API_LIMIT_BY_KEY, RATE_LIMIT_REQUESTS, RATE_LIMIT_WINDOW_SECONDS } from './limits';
import { ApiError, problemResponse } from './problem';
import * as service from './service';
import { openApiDocument } from './openapi';
import { creditCheckAnswersPage, docsPage } from './docs';
import { postFeedback } from '../coordination/api';
import { apiExamples } from './examples';

// The one wrapper of every /api/v1 handler: routing, API keys, the rate limit, and errors as
// problem+json (a bad input is never a 500). The catch-all route app/api/v1/[...path] calls
// handleApiRequest; tests call it directly with their own database.

type Handler = (ctx: service.ApiContext) => Promise<unknown>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  names: string[];
  handler: Handler;
  key: boolean;
}

const route = (method: Route['method'], path: string, handler: Handler, key = false): Route => {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/\{(\w+)\}/g, (_, n: string) => {
      names.push(n);
      return '([^/]+)';
    })}$`,
  );
  return { method, pattern, names, handler, key };
};

export const ROUTES: readonly Route[] = [
  route('GET', '/api/v1/openapi.json', async (ctx) => openApiDocument(await apiExamples(ctx.db, ctx.today))),
  route(
    'GET',
    '/api/v1/docs',
    async (ctx) =>
      new Response(docsPage(await apiExamples(ctx.db, ctx.today)), {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }),
  ),
  route(
    'GET',
    '/api/v1/docs/credit-check',
    async (ctx) =>
      new Response(creditCheckAnswersPage(await apiExamples(ctx.db, ctx.today)), {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      }),
  ),
  route('GET', '/api/v1/search', service.search),
  route('GET', '/api/v1/subjects/{uscc}', service.subject),
  route('GET', '/api/v1/subjects/{uscc}/credit-check', service.creditCheck),
  route('GET', '/api/v1/penalties', service.listPenalties),
  route('GET', '/api/v1/licensing', service.listLicensing),
  route('GET', '/api/v1/lists', service.listLists),
  route('GET', '/api/v1/exposure-cases', service.listExposureCases),
  route('GET', '/api/v1/catalog', service.listCatalog),
  route('GET', '/api/v1/removals', service.listRemovals),
  route('POST', '/api/v1/disclosures', service.pushDisclosures, true),
  route('POST', '/api/v1/imports', service.importUpload, true),
  route('GET', '/api/v1/imports/{id}/errors.csv', service.importErrors, true),
  route('POST', '/api/v1/feedback', postFeedback, true),
];

export interface ApiEnvironment {
  db: Db;
  today?: string;
  now?: Date;
}

function bearer(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? m[1]! : '';
}

export async function handleApiRequest(request: Request, env: ApiEnvironment): Promise<Response> {
  try {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const matches = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).filter((x) => x.m);
    if (matches.length === 0) throw new ApiError(404, `没有这个接口：${path}。可用接口见 /api/v1/docs`);
    const found = matches.find(
      (x) => x.r.method === request.method || (request.method === 'HEAD' && x.r.method === 'GET'),
    );
    if (!found) {
      const allow = matches.map((x) => x.r.method).join(', ');
      return problemResponse(405, `该接口只支持 ${allow} 请求`, {}, { allow });
    }
    const { r, m } = found;
    const params = Object.fromEntries(r.names.map((n, i) => [n, m![i + 1] ?? '']));

    const token = bearer(request);
    let key: service.ApiContext['key'] = null;
    if (token !== null) {
      if (token === '')
        throw new ApiError(401, 'Authorization 请求头应为“Bearer <API 密钥>”', {}, { 'www-authenticate': 'Bearer' });
      // Wrong keys count per address; past the limit no key is checked until the window passes.
      const who = clientIpFrom(request.headers) ?? 'local';
      const attempt = await reserveAttempt(env.db, [{ limit: API_KEY_FAILURES_BY_ADDRESS, who }], env.now);
      if (!attempt.allowed) {
        throw new ApiError(
          429,
          `API 密钥错误次数过多，本地址暂停核验密钥，请在 ${attempt.retryAfterSeconds} 秒后重试`,
          {},
          { 'retry-after': String(attempt.retryAfterSeconds) },
        );
      }
      const check = await verifyApiKey(env.db, token);
      if (check.ok) await attempt.refund();
      else {
        if (check.reason === 'revoked') throw new ApiError(403, '该 API 密钥已被吊销，请联系信用办获取新密钥');
        throw new ApiError(401, 'API 密钥无效，请检查 Authorization 请求头', {}, { 'www-authenticate': 'Bearer' });
      }
      key = check;
    } else if (r.key) {
      throw new ApiError(
        401,
        '此接口需要部门 API 密钥：请在 Authorization 请求头中提供“Bearer <API 密钥>”',
        {},
        { 'www-authenticate': 'Bearer' },
      );
    }

    const rate = key
      ? await consumeFixedWindow(env.db, API_LIMIT_BY_KEY, String(key.keyId), env.now)
      : await consumeFixedWindow(env.db, API_LIMIT_BY_ADDRESS, clientIpFrom(request.headers) ?? 'local', env.now);
    if (!rate.allowed) {
      throw new ApiError(
        429,
        `请求过于频繁：已超过每 ${RATE_LIMIT_WINDOW_SECONDS / 60} 分钟 ${RATE_LIMIT_REQUESTS} 次的限制，请在 ${rate.retryAfter} 秒后重试`,
        {},
        { 'retry-after': String(rate.retryAfter) },
      );
    }

    const result = await r.handler({ db: env.db, today: env.today ?? todayInShanghai(), request, url, params, key });
    const response =
      result instanceof Response
        ? result
        : new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json; charset=utf-8' } });
    response.headers.set('x-ratelimit-remaining', String(rate.remaining));
    if (request.method === 'HEAD') return new Response(null, { status: response.status, headers: response.headers });
    return response;
  } catch (err) {
    if (err instanceof ApiError) return problemResponse(err.status, err.detail, err.extra, err.headers);
    console.error('API 内部错误：', err);
    return problemResponse(500, '服务器内部错误，我们已记录此问题，请稍后重试');
  }
}
