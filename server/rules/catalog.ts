// Pure rules of the 联合奖惩目录清单 (SPEC §5), shared by the lists and the catalog pages.

import type { CatalogKind, ListType } from './codes';

/** The catalog kind a list may apply [plan]: incentives to the red list, punishments to the black one. */
export const CATALOG_KIND_OF_LIST: Readonly<Record<ListType, CatalogKind>> = {
  honor: 'incentive',
  dishonesty: 'punishment',
};

export const LIST_OF_CATALOG_KIND: Readonly<Record<CatalogKind, ListType>> = {
  incentive: 'honor',
  punishment: 'dishonesty',
};

/** Who a catalog item applies to, as the catalog states it. */
export const CATALOG_SUBJECTS: Readonly<Record<CatalogKind, string>> = {
  incentive: '守信红名单主体（守信联合激励对象）',
  punishment: '失信联合惩戒对象（严重失信主体）',
};

/** 奖励事由 for incentives, 实施事由 for punishments. */
export const CATALOG_REASON_LABEL: Readonly<Record<CatalogKind, string>> = {
  incentive: '奖励事由',
  punishment: '实施事由',
};

const OPENING = /[（(]/;
const CLOSING = /[）)]/;

/**
 * The units named in 联合奖惩实施单位, split at 、，,；; outside brackets:
 * "市市场监管局、各县（市、区）政务服务中心" → ["市市场监管局", "各县（市、区）政务服务中心"].
 */
export function splitUnits(text: string): string[] {
  const units: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPENING.test(ch)) depth += 1;
    else if (CLOSING.test(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;]/.test(ch)) {
      if (current.trim()) units.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) units.push(current.trim());
  return units;
}
