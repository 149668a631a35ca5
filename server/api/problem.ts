// Errors of the REST API as RFC 9457 problem details (application/problem+json) with a
// Chinese `detail` a developer at a department can act on.

export const PROBLEM_TYPES = {
  400: { slug: 'invalid-parameter', title: '请求参数有误' },
  401: { slug: 'unauthorized', title: '缺少或无效的 API 密钥' },
  403: { slug: 'forbidden', title: '无权执行此操作' },
  404: { slug: 'not-found', title: '未找到' },
  405: { slug: 'method-not-allowed', title: '不支持该请求方法' },
  409: { slug: 'conflict', title: '与现有状态冲突' },
  413: { slug: 'too-large', title: '请求内容过大' },
  415: { slug: 'unsupported-media-type', title: '不支持的内容类型' },
  429: { slug: 'too-many-requests', title: '请求过于频繁' },
  500: { slug: 'internal-error', title: '服务器内部错误' },
  503: { slug: 'unavailable', title: '服务暂不可用' },
} as const;
export type ProblemStatus = keyof typeof PROBLEM_TYPES;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The query or body parameter at fault (400). */
  parameter?: string;
  errors?: { parameter: string; detail: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly detail: string,
    readonly extra: Partial<Problem> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export function problemResponse(
  status: ProblemStatus,
  detail: string,
  extra: Partial<Problem> = {},
  headers: Record<string, string> = {},
): Response {
  const { slug, title } = PROBLEM_TYPES[status];
  const body: Problem = { type: `/api/v1/docs#${slug}`, title, status, detail, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}
