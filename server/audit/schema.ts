import { text, z } from '../validation';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './labels';

/** Entries per page of /admin/audit (and the most one call returns). */
export const AUDIT_PAGE_SIZE = 50;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const day = z.iso.date('日期格式应为 YYYY-MM-DD，例如 2026-12-01');

/** The filters of the audit trail, as the page's GET form and the tRPC call send them. */
export const auditFilterInput = z
  .strictObject({
    entity: optional(z.enum(AUDIT_ENTITY_TYPES, { error: '对象类型不是可选的值，请从列表中选择。' })),
    entityId: optional(
      text('对象编号', { singleLine: true })
        .max(64, '对象编号不能超过 64 个字符')
        .regex(/^[0-9A-Za-z_-]+$/, '对象编号只能是数字或字母，例如 1024'),
    ),
    documentNumber: optional(
      text('文书号', { singleLine: true }).min(2, '文书号至少 2 个字').max(100, '文书号不能超过 100 个字'),
    ),
    actor: optional(text('操作人', { singleLine: true }).max(50, '操作人不能超过 50 个字')),
    action: optional(z.enum(AUDIT_ACTIONS, { error: '操作类型不是可选的值，请从列表中选择。' })),
    from: optional(day),
    to: optional(day),
    /** Keyset: entries older than this id (the "下一页" link carries the last id shown). */
    before: optional(z.coerce.number({ error: '页码参数不正确' }).int().positive().max(Number.MAX_SAFE_INTEGER)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '起始日期不能晚于结束日期。', path: ['from'] })
  .refine((f) => !f.entityId || f.entity, { message: '按对象编号查找时，请同时选择对象类型。', path: ['entityId'] });

export type AuditFilter = z.infer<typeof auditFilterInput>;
