import { z } from '../validation';
import { CATALOG_KINDS } from '../rules/codes';

export const catalogFilterShape = {
  kind: z.enum(CATALOG_KINDS, { error: '措施类别只能是 incentive（守信激励）或 punishment（失信惩戒）' }),
  unit: z.string().trim().min(1, '实施单位不能为空').max(60, '实施单位名称不能超过 60 个字'),
};

export const catalogQuerySchema = z.strictObject({
  kind: catalogFilterShape.kind.optional(),
  unit: catalogFilterShape.unit.optional(),
});

export type CatalogQuery = z.infer<typeof catalogQuerySchema>;
