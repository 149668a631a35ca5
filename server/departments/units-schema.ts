import { text, z } from '../validation';

const id = z.coerce.number({ error: '请从列表中选择。' }).int('请从列表中选择。').positive('请从列表中选择。');

/** Registering a sub-unit: department, name, and the unit's own USCC when it has one. */
export const registerUnitInput = z.strictObject({
  departmentId: id,
  name: text('下属单位名称', { singleLine: true })
    .min(4, '请填写下属单位的全称，例如 乐山市市场监督管理局市中区分局。')
    .max(100, '下属单位名称不能超过 100 个字。'),
  /** Checked by the registration rule, so that its refusal reads as a sentence about the code. */
  uscc: z
    .string()
    .max(40, '统一社会信用代码应为18位。')
    .optional()
    .transform((v) => v ?? ''),
});
export type RegisterUnitInput = z.infer<typeof registerUnitInput>;

export const removeUnitInput = z.strictObject({ id });
