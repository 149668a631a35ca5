import { validateResidentId } from '../rules/idcard';
import { APPLICATION_KINDS, DECISIONS_BY_KIND, REASON_CATEGORIES } from '../rules/applications';
import { validateUscc } from '../rules/uscc';
import {
  materialField,
  missingMaterialMessage,
  missingRepairMaterials,
  REPAIR_MATERIALS,
  type RepairMaterial,
} from '../rules/repair-materials';
import { text, z } from '../validation';

// What an application form must contain (SPEC §6), with messages people can act on.

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写11位手机号码或带区号的固定电话，例如 13800000000 或 0833-2123456。');

const uscc = z.string().superRefine((v, ctx) => {
  const r = validateUscc(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});

const idNumber = z.string().superRefine((v, ctx) => {
  const r = validateResidentId(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});

export const applicantSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('organisation'),
    name: text('单位名称', { singleLine: true }).min(2, '请填写单位名称。').max(200, '单位名称不超过200字。'),
    uscc,
    contactPerson: text('经办人姓名', { singleLine: true })
      .min(2, '请填写经办人姓名。')
      .max(50, '经办人姓名不超过50字。'),
    phone,
    email: z.union([z.literal(''), z.email('请填写有效的电子邮箱，或留空。')]).optional(),
  }),
  z.object({
    type: z.literal('person'),
    name: text('姓名', { singleLine: true }).min(2, '请填写姓名。').max(50, '姓名不超过50字。'),
    idNumber,
    phone,
  }),
]);

export const recordRefSchema = z.object({
  kind: z.enum(['penalty', 'licensing', 'list_entry']),
  id: z.coerce.number().int().positive(),
});

export const submitSchema = z
  .object({
    kind: z.enum(APPLICATION_KINDS),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '表单已失效，请刷新页面后重新提交。'),
    record: recordRefSchema.optional(),
    subject: text('主体名称', { singleLine: true }).max(200, '主体名称不超过200字。').optional(),
    documentNumber: text('决定文书号', { singleLine: true }).max(100, '决定文书号不超过100字。').optional(),
    parentTrackingNumber: text('原受理编号', { singleLine: true }).max(40, '原受理编号不超过40个字符。').optional(),
    parentQueryCode: text('原查询码', { singleLine: true }).max(20, '原查询码不超过20个字符。').optional(),
    applicant: applicantSchema,
    reasonCategory: z.string('请选择申请事由。').min(1, '请选择申请事由。'),
    description: text('情况说明').min(10, '请用至少10个字说明情况。').max(2000, '情况说明不超过2000字。'),
  })
  .superRefine((v, ctx) => {
    if (!(REASON_CATEGORIES[v.kind] as readonly string[]).includes(v.reasonCategory)) {
      ctx.addIssue({ code: 'custom', path: ['reasonCategory'], message: '请选择申请事由。' });
    }
    if (v.kind === 'complaint') {
      if (!v.parentTrackingNumber)
        ctx.addIssue({ code: 'custom', path: ['parentTrackingNumber'], message: '请填写原异议申请的受理编号。' });
      if (!v.parentQueryCode)
        ctx.addIssue({ code: 'custom', path: ['parentQueryCode'], message: '请填写原异议申请的查询码。' });
    } else if (!v.record) {
      if (!v.subject)
        ctx.addIssue({ code: 'custom', path: ['subject'], message: '请填写主体名称或统一社会信用代码。' });
      if (!v.documentNumber) ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: '请填写决定文书号。' });
    }
  });
export type SubmitInput = z.infer<typeof submitSchema>;

/** Which required material a file is (repair forms: one file field per material). */
export const repairMaterialSchema = z.enum(REPAIR_MATERIALS, '附件所属的材料类别不正确。');

/**
 * The materials attached to a repair application must include every one `required` names
 * (server/rules/repair-materials.ts); each missing one is an issue on its own file field.
 */
export function repairMaterialsSchema(required: readonly RepairMaterial[]) {
  return z.array(repairMaterialSchema).superRefine((attached, ctx) => {
    for (const m of missingRepairMaterials(required, attached))
      ctx.addIssue({ code: 'custom', path: [materialField(m)], message: missingMaterialMessage(m) });
  });
}

/** YY (objection), XF (repair) or TS (complaint), the filing date and six digits; spaces and case do not matter. */
const TRACKING_NUMBER = /^(YY|XF|TS)\d{14}$/;

export const trackSchema = z.object({
  trackingNumber: text('受理编号', { singleLine: true })
    .min(1, '请填写受理编号。')
    .max(40, '受理编号不超过40个字符。')
    .transform((v) => v.replace(/\s/g, '').toUpperCase())
    .refine((v) => TRACKING_NUMBER.test(v), '受理编号应为2个字母加14位数字，例如 YY20261128012345，请核对后重新输入。'),
  queryCode: text('查询码', { singleLine: true }).min(1, '请填写查询码。').max(20, '查询码不超过20个字符。'),
});

const reasons = text('理由').min(5, '请写明理由（至少5个字）。').max(2000, '理由不超过2000字。');
export const actSchema = z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().min(0) });
export const refuseSchema = actSchema.extend({ reasons });
export const decideSchema = actSchema.extend({
  decision: z
    .enum([...new Set(Object.values(DECISIONS_BY_KIND).flat())] as [string, ...string[]], '请选择一项有效的决定。')
    .transform((d) => d as (typeof DECISIONS_BY_KIND)[keyof typeof DECISIONS_BY_KIND][number]),
  reasons,
  corrections: z
    .object({
      violationFacts: text('更正后的违法事实', { trim: false }).max(4000, '更正后的违法事实不超过4000字。').optional(),
      content: text('更正后的处罚内容', { trim: false }).max(4000, '更正后的处罚内容不超过4000字。').optional(),
      legalBasis: text('更正后的处罚依据', { trim: false }).max(1000, '更正后的处罚依据不超过1000字。').optional(),
    })
    .optional(),
});
export const queueSchema = z.object({
  kind: z.enum(APPLICATION_KINDS).optional(),
  status: z.enum(['submitted', 'accepted', 'refused', 'decided', 'withdrawn']).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  open: z.boolean().optional(),
});
