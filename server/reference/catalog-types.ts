import type { NewCatalogItem } from '../db/types';
import type { CatalogKind, CreditDomain } from '../rules/codes';

/**
 * One measure of the 联合奖惩目录清单 (SPEC §5), as shipped in the reference data: the
 * catalog_items columns (行政单位 decidingUnit, 处理措施 measure, 实施事由/奖励事由 reason,
 * 法律依据 legalBasis, 联合奖惩实施单位 implementingUnits, 措施内容 content, 证据材料 evidence)
 * with a stable code such as `JL-001` (incentive) or `CJ-001` (punishment).
 */
export type CatalogSeed = Required<
  Pick<
    NewCatalogItem,
    'code' | 'decidingUnit' | 'measure' | 'reason' | 'legalBasis' | 'implementingUnits' | 'content' | 'evidence'
  >
> & { kind: CatalogKind; domain: CreditDomain | null };
