import { z } from '../validation';
import { CREDIT_DOMAINS, PENALTY_CATEGORIES, SEVERITIES } from '../rules/codes';
import { roleProcedure, router } from '../trpc';
import * as service from './service';

const reason = z.string().trim().min(5, '请写明理由（至少5个字）。').max(1000);
const date = z.iso.date('日期格式应为 YYYY-MM-DD。');

export const recordsRouter = router({
  catalog: roleProcedure('department', 'office').query(({ ctx }) => service.activeCatalog(ctx.db)),
  withdraw: roleProcedure('department')
    .input(z.object({ kind: z.enum(['penalty', 'licensing']), id: z.coerce.number().int().positive(), reason }))
    .mutation(({ ctx, input }) => service.withdrawRecord(ctx.db, ctx.staff, input, ctx.today)),
  correctPenalty: roleProcedure('department')
    .input(
      z.object({
        id: z.coerce.number().int().positive(),
        violationFacts: z.string().max(4000).optional(),
        content: z.string().max(4000).optional(),
        legalBasis: z.string().max(1000).optional(),
        reason,
      }),
    )
    .mutation(({ ctx, input }) => service.correctPenalty(ctx.db, ctx.staff, input)),
  createListEntry: roleProcedure('department')
    .input(
      z
        .object({
          listType: z.enum(['honor', 'dishonesty']),
          subjectId: z.coerce.number().int().positive(),
          decisionNumber: z.string().trim().min(3, '请填写认定文号。').max(100),
          basis: z.string().trim().min(2, '请填写认定依据。').max(1000),
          reason: z.string().trim().min(2, '请填写列入事由。').max(1000),
          listedOn: date,
          validUntil: date,
          penaltyRecordId: z.coerce.number().int().positive().nullable().optional(),
          catalogItemIds: z.array(z.coerce.number().int().positive()).max(50),
        })
        .refine((v) => v.validUntil >= v.listedOn, { message: '有效期至不能早于列入日期。', path: ['validUntil'] }),
    )
    .mutation(({ ctx, input }) => service.createListEntry(ctx.db, ctx.staff, input)),
  createCatalogItem: roleProcedure('office')
    .input(
      z.object({
        code: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{2,40}$/, '目录编号为2–40位字母、数字或连字符。'),
        kind: z.enum(['incentive', 'punishment']),
        decidingUnit: z.string().trim().min(2, '请填写行政单位。').max(200),
        measure: z.string().trim().min(2, '请填写处理措施。').max(200),
        reason: z.string().trim().min(2, '请填写实施事由或奖励事由。').max(1000),
        legalBasis: z.string().trim().min(2, '请填写法律依据。').max(2000),
        implementingUnits: z.string().trim().min(2, '请填写联合奖惩实施单位。').max(1000),
        content: z.string().trim().min(2, '请填写措施内容。').max(2000),
        evidence: z.string().trim().min(2, '请填写证据材料。').max(1000),
        domain: z.string().trim().max(50).nullable().default(null),
      }),
    )
    .mutation(({ ctx, input }) => service.createCatalogItem(ctx.db, ctx.staff, input)),
  setCatalogItemActive: roleProcedure('office')
    .input(z.object({ id: z.coerce.number().int().positive(), active: z.boolean() }))
    .mutation(({ ctx, input }) => service.setCatalogItemActive(ctx.db, ctx.staff, input.id, input.active)),
  exposures: roleProcedure('office').query(({ ctx }) => service.draftExposures(ctx.db)),
  setExposureStatus: roleProcedure('office')
    .input(z.object({ id: z.coerce.number().int().positive(), status: z.enum(['published', 'withdrawn']) }))
    .mutation(({ ctx, input }) => service.setExposureStatus(ctx.db, ctx.staff, input.id, input.status, ctx.today)),
  createPenalty: roleProcedure('department')
    .input(
      z.object({
        subjectId: z.coerce.number().int().positive(),
        documentNumber: z.string().trim().min(3, '请填写处罚决定书文号。').max(100),
        violationType: z.string().trim().min(2, '请填写违法行为类型。').max(200),
        violationFacts: z.string().trim().min(2, '请填写违法事实。').max(4000),
        legalBasis: z.string().trim().min(2, '请填写处罚依据。').max(2000),
        categories: z
          .array(z.enum(PENALTY_CATEGORIES, { error: '处罚类别不正确。' }))
          .min(1, '请至少选择一个处罚类别。'),
        content: z.string().trim().min(2, '请填写处罚内容。').max(4000),
        fineAmount: z
          .string()
          .trim()
          .regex(/^\d{1,10}(\.\d{1,6})?$/, '罚款金额以万元为单位，例如 0.5。')
          .nullable()
          .optional(),
        decisionDate: date,
        severity: z.enum(SEVERITIES).nullable().optional(),
        domain: z.enum(CREDIT_DOMAINS).nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => service.createPenalty(ctx.db, ctx.staff, input)),
  createLicensing: roleProcedure('department')
    .input(
      z.object({
        XK_XDR_MC: z.string().trim().min(2, '请填写行政相对人名称。').max(200),
        XK_XDR_LB: z.enum(['法人及非法人组织', '自然人', '个体工商户'], { error: '请选择行政相对人类别。' }),
        XK_XDR_SHXYM: z.string().trim().max(18).optional(),
        XK_FRDB: z.string().trim().max(50).optional(),
        XK_XDR_ZJLX: z.string().trim().max(50).optional(),
        XK_XDR_ZJHM: z.string().trim().max(30).optional(),
        XK_XKWS: z.string().trim().min(2, '请填写行政许可决定文书名称。').max(200),
        XK_WSH: z.string().trim().min(3, '请填写行政许可决定文书号。').max(100),
        XK_XKLB: z.string().trim().min(1, '请选择许可类别。').max(20),
        XK_XKZS: z.string().trim().max(200).optional(),
        XK_XKBH: z.string().trim().max(100).optional(),
        XK_NR: z.string().trim().min(2, '请填写许可内容。').max(4000),
        XK_JDRQ: date,
        XK_YXQZ: date,
        XK_YXQZI: date,
        BZ: z.string().trim().max(1000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => service.createLicensing(ctx.db, ctx.staff, input, ctx.today)),
  correctLicensing: roleProcedure('department')
    .input(
      z.object({
        documentNumber: z.string().trim().min(3, '请填写要更正的行政许可决定文书号。').max(100),
        XK_XKWS: z.string().max(200).optional(),
        XK_XKZS: z.string().max(200).optional(),
        XK_XKBH: z.string().max(100).optional(),
        XK_NR: z.string().max(4000).optional(),
        XK_YXQZ: z.string().max(20).optional(),
        XK_YXQZI: z.string().max(20).optional(),
        reason,
      }),
    )
    .mutation(({ ctx, input }) => service.correctLicensing(ctx.db, ctx.staff, input, ctx.today)),
  correctListEntry: roleProcedure('department')
    .input(
      z.object({
        id: z.coerce.number().int().positive(),
        basis: z.string().max(1000).optional(),
        listingReason: z.string().max(1000).optional(),
        validUntil: date.optional(),
        reason,
      }),
    )
    .mutation(({ ctx, input }) => service.correctListEntry(ctx.db, ctx.staff, input)),
  removeListEntry: roleProcedure('department')
    .input(z.object({ id: z.coerce.number().int().positive(), reason }))
    .mutation(({ ctx, input }) => service.removeListEntry(ctx.db, ctx.staff, input, ctx.today)),
});
