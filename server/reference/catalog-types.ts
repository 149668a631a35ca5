import type { CatalogKind, CreditDomain } from '../rules/codes';

/** One measure of the 联合奖惩目录清单 (SPEC §5), as shipped in the reference data. */
export interface CatalogSeed {
  /** Stable code, e.g. `JL-001` (incentive) or `CJ-001` (punishment). */
  code: string;
  kind: CatalogKind;
  /** 行政单位: the deciding unit. */
  decidingUnit: string;
  /** 处理措施 */
  measure: string;
  /** 实施事由 (punishment) or 奖励事由 (incentive). */
  reason: string;
  /** 法律依据 */
  legalBasis: string;
  /** 联合奖惩实施单位 */
  implementingUnits: string;
  /** 措施内容 */
  content: string;
  /** 证据材料 */
  evidence: string;
  domain: CreditDomain | null;
}
