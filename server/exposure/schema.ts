import { z } from '../validation';
import { CREDIT_DOMAINS } from '../rules/codes';

/** Cases per page of /exposure. */
export const EXPOSURE_PAGE_SIZE = 12;
export const EXPOSURE_MAX_PAGE = 500;
/** Items in the RSS feed for media. */
export const EXPOSURE_FEED_LENGTH = 50;

/** Months offered by the month filter of /exposure, counting back from the current one. */
export const EXPOSURE_MONTHS_OFFERED = 24;

export const exposureFilterShape = {
  domain: z.enum(CREDIT_DOMAINS, { error: '领域不正确' }),
  /** A publication month, 'YYYY-MM'. */
  month: z
    .string({ error: '月份应写作“年-月”，例如 2026-03' })
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, '月份应写作“年-月”，例如 2026-03'),
  page: z
    .number({ error: '页码应为数字' })
    .int('页码应为整数')
    .min(1, '页码从 1 开始')
    .max(EXPOSURE_MAX_PAGE, `最多可查看前 ${EXPOSURE_MAX_PAGE} 页`),
};

export const exposureQuerySchema = z.strictObject({
  domain: exposureFilterShape.domain.optional(),
  month: exposureFilterShape.month.optional(),
  page: exposureFilterShape.page.optional(),
});

export type ExposureQuery = z.infer<typeof exposureQuerySchema>;

export const exposureRefSchema = z.strictObject({
  id: z.number({ error: '编号应为数字' }).int('编号应为整数').positive('编号应为正整数'),
});

/** The feed's own filter: one domain or all (an unknown domain is a 400, not an empty feed). */
export const exposureFeedSchema = z.strictObject({ domain: exposureFilterShape.domain.optional() });
