import { z } from '../validation';
import { CREDIT_DOMAINS, LIST_TYPES } from '../rules/codes';

// The list queries at the boundary: each parameter checked, with a Chinese message that names it.

/** Entries per page of /lists/honor and /lists/dishonesty. */
export const LIST_PAGE_SIZE = 20;
/** Beyond this page a list is not browsed but filtered (keeps OFFSET bounded). */
export const LIST_MAX_PAGE = 500;

export const listTypeSchema = z.enum(LIST_TYPES, {
  error: '名单类型只能是 honor（守信红名单）或 dishonesty（失信惩戒名单）',
});

export const listFilterShape = {
  departmentId: z.number({ error: '认定部门不正确' }).int('认定部门不正确').positive('认定部门不正确'),
  divisionCode: z.string().regex(/^\d{6}$/, '所属地区应为 6 位行政区划代码'),
  domain: z.enum(CREDIT_DOMAINS, { error: '领域不正确' }),
  measure: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,10}$/, '措施编号应形如 CJ-001'),
  keyword: z.string().trim().min(1, '关键词不能为空').max(50, '关键词不能超过 50 个字'),
  page: z
    .number({ error: '页码应为数字' })
    .int('页码应为整数')
    .min(1, '页码从 1 开始')
    .max(LIST_MAX_PAGE, `最多可查看前 ${LIST_MAX_PAGE} 页，请用筛选条件缩小范围`),
};

export const listQuerySchema = z.strictObject({
  listType: listTypeSchema,
  departmentId: listFilterShape.departmentId.optional(),
  divisionCode: listFilterShape.divisionCode.optional(),
  domain: listFilterShape.domain.optional(),
  keyword: listFilterShape.keyword.optional(),
  measure: listFilterShape.measure.optional(),
  page: listFilterShape.page.optional(),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

export const listEntryRefSchema = z.strictObject({
  listType: listTypeSchema,
  id: z.number({ error: '编号应为数字' }).int('编号应为整数').positive('编号应为正整数'),
});
