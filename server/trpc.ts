import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { getDb, type Db } from './db/client';
import { isDatabaseUnavailable } from './db/read-routing';
import { todayInShanghai } from './rules/dates';
import type { StaffPrincipal, StaffRole } from './auth/principal';
import type { IdentityKeys } from './identities/protect';
import { findTextFault, textFaultMessage } from './validation';

/** What every procedure gets: the database and the calendar date the request is judged on. */
export interface Context {
  db: Db;
  /** Asia/Shanghai calendar date; the public predicate compares with it. */
  today: string;
  /** The caller's address, for per-address rate limits (verify, track); null when unknown (tests, scripts). */
  clientIp?: string | null;
  /** The signed-in staff member (admin pages pass it from the session cookie); null for the public API. */
  staff?: StaffPrincipal | null;
  /** The identity secret's keys; unset means the server's own (identityKeys()), tests pass theirs. */
  keys?: IdentityKeys;
}

export async function createContext(overrides: Partial<Context> = {}): Promise<Context> {
  return {
    db: overrides.db ?? (await getDb()),
    today: overrides.today ?? todayInShanghai(),
    clientIp: overrides.clientIp ?? null,
    staff: overrides.staff ?? null,
    keys: overrides.keys,
  };
}

/**
 * The message a caller reads: the Chinese sentences of the failed checks, never a JSON dump,
 * an English parser message or the text of an internal error.
 */
export function publicErrorMessage(error: TRPCError): string {
  if (error.cause instanceof ZodError) {
    // Name the parameter, so that an API caller knows which one to fix.
    return error.cause.issues
      .map((i) => (i.path.length ? `参数 ${i.path.join('.')}：${i.message}` : i.message))
      .join('；');
  }
  if (error.cause instanceof SyntaxError) return '请求参数不是有效的 JSON，请检查后重试。';
  switch (error.code) {
    case 'NOT_FOUND':
      return error.message.startsWith('No procedure') ? '没有这个接口，请检查请求地址。' : error.message;
    case 'METHOD_NOT_SUPPORTED':
      return '不支持该请求方法：查询请用 GET，提交请用 POST。';
    case 'INTERNAL_SERVER_ERROR':
      return '服务器内部错误，我们已记录此问题，请稍后重试。';
    default:
      return error.message;
  }
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: publicErrorMessage(error),
      data: {
        ...shape.data,
        zodError: zod ? zod.flatten() : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/**
 * The text rule (server/validation.ts) at the door of every procedure, whoever calls it —
 * /api/trpc, a Server Action or a page: an input holding NUL, another control character or a
 * lone surrogate anywhere is refused with a Chinese message naming the parameter, before
 * any schema or query sees it.
 */
const textBoundary = t.middleware(async ({ getRawInput, next }) => {
  const fault = findTextFault(await getRawInput());
  if (fault) throw new TRPCError({ code: 'BAD_REQUEST', message: textFaultMessage(fault) });
  return next();
});

export const DATABASE_UNAVAILABLE_MESSAGE =
  '数据库暂时无法连接（可能正在维护或切换），本次操作没有保存，请稍后重试；已填写的内容不会丢失。';

/** The answer to a call the database could not serve (unreachable): 503, in Chinese. */
export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause });
}

/**
 * A procedure that failed because the database is unreachable (a restart, a failover) answers
 * 503 with a Chinese "try again" instead of a 500: the request was fine, and the transaction
 * it ran in wrote nothing.
 */
const databaseOutage = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) {
    throw databaseUnavailable(result.error.cause);
  }
  return result;
});

/** Anyone may call it: the public side of the portal. */
export const publicProcedure = t.procedure.use(textBoundary).use(databaseOutage);

/** Signed-in staff of any role; everything else about permissions is in server/auth/principal.ts. */
export const staffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.staff) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录工作人员后台。' });
  return next({ ctx: { ...ctx, staff: ctx.staff } });
});

/** Staff of the given roles only. */
export const roleProcedure = (...roles: StaffRole[]) =>
  staffProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.staff.role))
      throw new TRPCError({ code: 'FORBIDDEN', message: '您的角色无权进行此操作。' });
    return next({ ctx });
  });
