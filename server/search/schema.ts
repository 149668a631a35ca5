import { z } from '../validation';
import { CREDIT_DOMAINS, LIST_TYPES, PENALTY_CATEGORIES, SEVERITIES } from '../rules/codes';
import { HIT_KINDS, MAX_RESULT_WINDOW, PAGE_SIZE } from './types';

// The search request at the boundary (tRPC now, the REST API and the page later): every
// parameter checked, with a Chinese message that names it.

const list = <T extends z.ZodType>(item: T, label: string) =>
  z
    .array(item, { error: `${label}格式不正确` })
    .max(50, `${label}最多选择 50 项`)
    .optional();

export const searchRequestSchema = z.strictObject(
  {
    q: z
      .string({ error: (issue) => (issue.input === undefined ? '请输入查询内容（q）' : '查询内容（q）应为文字') })
      .max(200, '查询内容不能超过 200 个字'),
    kinds: list(z.enum(HIT_KINDS, { error: '信息类别不正确' }), '信息类别'),
    departmentIds: list(z.number().int().positive({ error: '部门编号不正确' }), '部门'),
    divisionCodes: list(z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'), '行政区划'),
    years: list(z.number().int().min(1990, '年份不正确').max(2100, '年份不正确'), '年份'),
    categories: list(z.enum(PENALTY_CATEGORIES, { error: '处罚类别不正确' }), '处罚类别'),
    severities: list(z.enum(SEVERITIES, { error: '失信严重程度不正确' }), '失信严重程度'),
    listTypes: list(z.enum(LIST_TYPES, { error: '名单类型不正确' }), '名单类型'),
    domains: list(z.enum(CREDIT_DOMAINS, { error: '领域不正确' }), '领域'),
    sort: z.enum(['relevance', 'date'], { error: '排序方式只能是相关度（relevance）或日期（date）' }).optional(),
    group: z.enum(['flat', 'subject'], { error: '分组方式只能是不分组（flat）或按主体（subject）' }).optional(),
    page: z
      .number({ error: '页码应为数字' })
      .int('页码应为整数')
      .min(1, '页码从 1 开始')
      .max(MAX_RESULT_WINDOW / PAGE_SIZE, `最多可查看前 ${MAX_RESULT_WINDOW / PAGE_SIZE} 页`)
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `不认识的参数：${issue.keys.join('、')}`
        : issue.code === 'invalid_type'
          ? '请提供查询参数，例如 {"q": "农业"}'
          : undefined,
  },
);

export type SearchInput = z.infer<typeof searchRequestSchema>;
