import { textProblem, textProblemMessage, z } from '../validation';
import { CATALOG_KINDS, CREDIT_DOMAINS, LIST_TYPES, PENALTY_CATEGORIES, SEVERITIES } from '../rules/codes';
import { HIT_KINDS, MAX_QUERY_LENGTH } from '../search/types';
import { ApiError } from './problem';
import { DEFAULT_LIMIT, MAX_LIMIT } from './limits';

// Every query parameter of the API once: its Chinese description, the zod schema that checks it
// and the JSON Schema the OpenAPI document shows. Handlers and the document read this table.

export interface ParamSpec {
  description: string;
  schema: z.ZodType;
  json: Record<string, unknown>;
  example?: string;
}

const intText = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^-?\d+$/, `${what}应为整数`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${what}应在 ${min} 到 ${max} 之间`);

const CHANGED_SINCE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export const PARAMS = {
  q: {
    description: '查询词：主体名称、统一社会信用代码、文书号或关键词',
    schema: z.string().max(MAX_QUERY_LENGTH, `查询词不能超过${MAX_QUERY_LENGTH}个字符`),
    json: { type: 'string', maxLength: MAX_QUERY_LENGTH },
    example: '嘉州',
  },
  kind: {
    description:
      '结果类别：subject 主体、licensing 行政许可、penalty 行政处罚、list_entry 名单、exposure 曝光案例（可重复）',
    schema: z.array(z.enum(HIT_KINDS, '结果类别无效')),
    json: { type: 'array', items: { type: 'string', enum: [...HIT_KINDS] } },
  },
  department: {
    description: '部门代码（见 /api/v1/catalog 之外的部门列表，例如 scjg）',
    schema: z.string().regex(/^[a-z0-9_]{1,40}$/, '部门代码只能包含小写字母、数字和下划线'),
    json: { type: 'string', pattern: '^[a-z0-9_]{1,40}$' },
  },
  year: {
    description: '年份（决定日期、列入日期或发布日期所在年份）',
    schema: intText(1990, 2100, '年份'),
    json: { type: 'integer', minimum: 1990, maximum: 2100 },
    example: '2026',
  },
  category: {
    description: '处罚类别（可重复）',
    schema: z.array(z.enum(PENALTY_CATEGORIES, '处罚类别无效')),
    json: { type: 'array', items: { type: 'string', enum: [...PENALTY_CATEGORIES] } },
  },
  severity: {
    description: '失信严重程度：minor 轻微、general 一般、serious 严重（可重复）',
    schema: z.array(z.enum(SEVERITIES, '失信严重程度无效')),
    json: { type: 'array', items: { type: 'string', enum: [...SEVERITIES] } },
  },
  list_type: {
    description: '名单类型：honor 守信红名单、dishonesty 失信联合惩戒对象名单',
    schema: z.enum(LIST_TYPES, '名单类型应为 honor 或 dishonesty'),
    json: { type: 'string', enum: [...LIST_TYPES] },
  },
  domain: {
    description: '领域，例如 食品药品、生态环境',
    schema: z.enum(CREDIT_DOMAINS, '领域无效'),
    json: { type: 'string', enum: [...CREDIT_DOMAINS] },
  },
  catalog_kind: {
    description: '目录类别：incentive 守信联合激励、punishment 失信联合惩戒',
    schema: z.enum(CATALOG_KINDS, '目录类别应为 incentive 或 punishment'),
    json: { type: 'string', enum: [...CATALOG_KINDS] },
  },
  sort: {
    description: '排序：relevance 相关度（默认）、date 日期',
    schema: z.enum(['relevance', 'date'], '排序应为 relevance 或 date'),
    json: { type: 'string', enum: ['relevance', 'date'] },
  },
  group: {
    description:
      '分组：flat 不分组（默认，每条结果一项）、subject 按主体分组（仅相关度排序：每个主体一项，其匹配的行政许可、行政处罚计入 collapsed；红黑名单和曝光案例各自一项；page_count 按分组计）',
    schema: z.enum(['flat', 'subject'], '分组应为 flat 或 subject'),
    json: { type: 'string', enum: ['flat', 'subject'] },
  },
  page: {
    description: '页码，从 1 开始（每页 20 条）',
    schema: intText(1, 500, '页码'),
    json: { type: 'integer', minimum: 1, maximum: 500 },
  },
  changed_since: {
    description:
      '只返回此时刻（含）之后新增或变更的记录：ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期（按北京时间零点）',
    schema: z
      .string()
      .regex(CHANGED_SINCE, 'changed_since 应为 ISO 8601 时间（如 2026-11-01T00:00:00+08:00）或日期 YYYY-MM-DD')
      .refine(
        (s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s)),
        'changed_since 不是有效的时间',
      )
      .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00+08:00` : s).toISOString()),
    json: { type: 'string' },
    example: '2026-11-01T00:00:00+08:00',
  },
  cursor: {
    description: '翻页游标：上一页返回的 next_cursor',
    schema: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, '翻页游标无效，请使用上一页返回的 next_cursor'),
    json: { type: 'string' },
  },
  limit: {
    description: `每页条数，默认 ${DEFAULT_LIMIT}，最多 ${MAX_LIMIT}`,
    schema: intText(1, MAX_LIMIT, '每页条数 limit'),
    json: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
  },
} satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAMS;
type Parsed<N extends ParamName> = z.output<(typeof PARAMS)[N]['schema']>;

/** Parses the allowed query parameters; an unknown one or a bad value is a 400 naming it. */
export function parseQuery<N extends ParamName>(url: URL, allowed: readonly N[]): { [K in N]?: Parsed<K> } {
  const out: Record<string, unknown> = {};
  const errors: { parameter: string; detail: string }[] = [];
  for (const name of new Set(url.searchParams.keys())) {
    if (!(allowed as readonly string[]).includes(name)) {
      errors.push({ parameter: name, detail: `不支持参数 ${name}，可用参数：${allowed.join('、') || '无'}` });
      continue;
    }
    const spec = PARAMS[name as N];
    const values = url.searchParams.getAll(name).filter((v) => v !== '');
    if (values.length === 0) continue;
    const problem = values.map((v) => textProblem(v)).find((p) => p !== null);
    if (problem) {
      errors.push({ parameter: name, detail: textProblemMessage(`参数 ${name} `, problem) });
      continue;
    }
    const isArray = (spec.json as { type?: string }).type === 'array';
    const result = spec.schema.safeParse(isArray ? values : values[values.length - 1]);
    if (result.success) out[name] = result.data;
    else errors.push({ parameter: name, detail: `参数 ${name}：${result.error.issues[0]?.message ?? '无效'}` });
  }
  if (errors.length > 0) {
    throw new ApiError(400, errors.map((e) => e.detail).join('；'), { parameter: errors[0]!.parameter, errors });
  }
  return out as { [K in N]?: Parsed<K> };
}

export function encodeCursor(ts: string, id: number): string {
  return Buffer.from(`${ts}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { ts: string; id: number } | null {
  if (!cursor) return null;
  const [ts, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!ts || !id || !/^\d+$/.test(id) || Number.isNaN(Date.parse(ts))) {
    throw new ApiError(400, '参数 cursor：翻页游标无效，请使用上一页返回的 next_cursor', { parameter: 'cursor' });
  }
  return { ts, id: Number(id) };
}
