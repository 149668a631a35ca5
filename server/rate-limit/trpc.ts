import type { Db } from '../db/client';
import { MAX_TRPC_BATCH, RATE_LIMIT_REQUESTS, RATE_LIMIT_WINDOW_SECONDS, TRPC_LIMIT_BY_ADDRESS } from '../api/limits';
import { clientIpFrom, consumeFixedWindow } from './service';

// The door of /api/trpc. The portal's own pages call procedures in-process (createCaller), so
// only outside clients come here: they get what /api/v1 gives, so the same allowance per
// address — each call of a batch counts — and at most MAX_TRPC_BATCH calls per request.

/** How many procedure calls a request makes: `/api/trpc/a,b,c?batch=1` makes three. */
export function callsIn(url: URL): number {
  const path = url.pathname.replace(/^\/api\/trpc\/?/, '');
  return Math.max(1, path.split(',').length);
}

/** An error in the shape tRPC answers (superjson-wrapped), so clients read it as usual. */
function trpcError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = {
    error: { json: { message, code: status === 429 ? -32029 : -32600, data: { code, httpStatus: status } } },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** A refusal for a request that is too large or over its allowance, or null to let it through. */
export async function guardTrpcRequest(db: Db, request: Request, now = new Date()): Promise<Response | null> {
  const calls = callsIn(new URL(request.url));
  if (calls > MAX_TRPC_BATCH) {
    return trpcError(
      400,
      'BAD_REQUEST',
      `一次批量请求最多包含 ${MAX_TRPC_BATCH} 个调用，本次包含 ${calls} 个，请拆分后重试。`,
    );
  }
  const rate = await consumeFixedWindow(
    db,
    TRPC_LIMIT_BY_ADDRESS,
    clientIpFrom(request.headers) ?? 'local',
    now,
    calls,
  );
  if (!rate.allowed) {
    return trpcError(
      429,
      'TOO_MANY_REQUESTS',
      `请求过于频繁：已超过每 ${RATE_LIMIT_WINDOW_SECONDS / 60} 分钟 ${RATE_LIMIT_REQUESTS} 次调用的限制，请在 ${rate.retryAfter} 秒后重试。`,
      { 'retry-after': String(rate.retryAfter) },
    );
  }
  return null;
}
