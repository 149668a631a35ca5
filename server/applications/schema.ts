import { validateResidentId } from '../rules/idcard';
import { APPLICATION_KINDS, DECISIONS_BY_KIND, REASON_CATEGORIES } from '../rules/applications';
import { validateUscc } from '../rules/uscc';
import { z } from '../validation';

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
    name: z.string().trim().min(2, '请填写单位名称。').max(200, '单位名称不超过200字。'),
    uscc,
    contactPerson: z.string().trim().min(2, '请填写经办人姓名。').max(50, '经办人姓名不超过50字。'),
    phone,
    email: z.union([z.literal(''), z.email('请填写有效的电子邮箱，或留空。')]).optional(),
  }),
  z.object({
    type: z.literal('person'),
    name: z.string().trim().min(2, '请填写姓名。').max(50, '姓名不超过50字。'),
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
    subject: z.string().trim().max(200).optional(),
    documentNumber: z.string().trim().max(100).optional(),
    parentTrackingNumber: z.string().trim().max(40).optional(),
    parentQueryCode: z.string().trim().max(20).optional(),
    applicant: applicantSchema,
    reasonCategory: z.string().min(1, '请选择申请事由。'),
    description: z.string().trim().min(10, '请用至少10个字说明情况。').max(2000, '情况说明不超过2000字。'),
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

/** YY (objection), XF (repair) or TS (complaint), the filing date and six digits; spaces and case do not matter. */
const TRACKING_NUMBER = /^(YY|XF|TS)\d{14}$/;

export const trackSchema = z.object({
  trackingNumber: z
    .string()
    .trim()
    .min(1, '请填写受理编号。')
    .max(40)
    .transform((v) => v.replace(/\s/g, '').toUpperCase())
    .refine((v) => TRACKING_NUMBER.test(v), '受理编号应为2个字母加14位数字，例如 YY20261128012345，请核对后重新输入。'),
  queryCode: z.string().trim().min(1, '请填写查询码。').max(20),
});

const reasons = z.string().trim().min(5, '请写明理由（至少5个字）。').max(2000, '理由不超过2000字。');
export const actSchema = z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().min(0) });
export const refuseSchema = actSchema.extend({ reasons });
export const decideSchema = actSchema.extend({
  decision: z
    .enum([...new Set(Object.values(DECISIONS_BY_KIND).flat())] as [string, ...string[]])
    .transform((d) => d as (typeof DECISIONS_BY_KIND)[keyof typeof DECISIONS_BY_KIND][number]),
  reasons,
  corrections: z
    .object({
      violationFacts: z.string().max(4000).optional(),
      content: z.string().max(4000).optional(),
      legalBasis: z.string().max(1000).optional(),
    })
    .optional(),
});
export const queueSchema = z.object({
  kind: z.enum(APPLICATION_KINDS).optional(),
  status: z.enum(['submitted', 'accepted', 'refused', 'decided', 'withdrawn']).optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  open: z.boolean().optional(),
});
