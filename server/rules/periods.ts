// How long a penalty stays public (SPEC §4): a dated rule table chosen by the decision date.

import type { CreditDomain, PenaltyCategory, Severity } from './codes';
import { SEVERITY_LABELS } from './codes';
import { addMonths, compareDates, isIsoDate, type IsoDate } from './dates';

/** A calendar length; years and months are added together as months so month-end clamps once. */
export type Duration = { years?: number; months?: number };

export type PublicationRule = {
  id: string;
  /** The document that sets the periods, as cited to people (title and number). */
  basis: string;
  /** The document number alone, for sentences that would be unreadable with the full title. */
  shortBasis: string;
  /** First decision date the rule applies to. */
  inForceFrom: IsoDate;
  /** min: earliest day a repair can take effect; max: the day publication ends (publicUntil). */
  periods: Record<Severity, { min: Duration; max: Duration }>;
  publishedByDefault: Record<Severity, boolean>;
};

/** Minor penalties: never published unless a department decides to, then at most 3 months, repairable at once. */
const MINOR_PERIOD = { min: {}, max: { months: 3 } } as const satisfies { min: Duration; max: Duration };
const GENERAL_PERIOD = { min: { months: 3 }, max: { years: 1 } } as const satisfies { min: Duration; max: Duration };
const PUBLISHED_BY_DEFAULT = { minor: false, general: true, serious: true } as const satisfies Record<
  Severity,
  boolean
>;

/** The rule table, oldest first. Add a row when a new national rule takes effect; never edit a past one. */
export const PUBLICATION_RULES: readonly PublicationRule[] = [
  {
    id: 'ndrc-2019-527',
    basis:
      '《国家发展改革委办公厅关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》（发改办财金〔2019〕527号）',
    shortBasis: '发改办财金〔2019〕527号',
    inForceFrom: '2019-07-01',
    // 527号 does not cover minor penalties; they are treated as under the later rules.
    periods: { minor: MINOR_PERIOD, general: GENERAL_PERIOD, serious: { min: { months: 6 }, max: { years: 3 } } },
    publishedByDefault: PUBLISHED_BY_DEFAULT,
  },
  {
    id: 'gbf-2025-22',
    basis: '《国务院办公厅印发〈关于进一步完善信用修复制度的实施方案〉的通知》（国办发〔2025〕22号）',
    shortBasis: '国办发〔2025〕22号',
    inForceFrom: '2025-06-22',
    periods: { minor: MINOR_PERIOD, general: GENERAL_PERIOD, serious: { min: { years: 1 }, max: { years: 3 } } },
    publishedByDefault: PUBLISHED_BY_DEFAULT,
  },
  {
    id: 'ndrc-order-36-2026',
    basis: '《信用修复管理办法》（国家发展和改革委员会令第36号）',
    shortBasis: '《信用修复管理办法》',
    inForceFrom: '2026-04-01',
    periods: { minor: MINOR_PERIOD, general: GENERAL_PERIOD, serious: { min: { years: 1 }, max: { years: 3 } } },
    publishedByDefault: PUBLISHED_BY_DEFAULT,
  },
];

/** Penalty categories that, in the domains below, may never be repaired early (SPEC §4). */
export const NEVER_EARLY_REPAIR_CATEGORIES: readonly PenaltyCategory[] = [
  '责令停产停业',
  '限制开展生产经营活动',
  '限制从业',
  '降低资质等级',
  '吊销许可证件',
];

/** Domains in which the categories above stay public for the full maximum (SPEC §4). */
export const NEVER_EARLY_REPAIR_DOMAINS: readonly CreditDomain[] = [
  '食品药品',
  '生态环境',
  '工程质量',
  '安全生产',
  '消防安全',
];

/** The date a duration after `date` (end-of-month clamped). */
export function addDuration(date: IsoDate, d: Duration): IsoDate {
  return addMonths(date, (d.years ?? 0) * 12 + (d.months ?? 0));
}

function firstRule(): PublicationRule {
  const first = PUBLICATION_RULES[0];
  if (first === undefined) throw new Error('PUBLICATION_RULES is empty');
  return first;
}

/**
 * The rule in force on the decision date: the one with the latest inForceFrom on or before it.
 * Decisions older than the first rule (2019-07-01) use the first rule: it is the earliest national
 * rule on publication periods, and applying it never keeps an old record public longer than 3 years.
 */
export function ruleFor(decisionDate: IsoDate): PublicationRule {
  if (!isIsoDate(decisionDate)) throw new RangeError(`decisionDate must be YYYY-MM-DD, got "${decisionDate}"`);
  let found = firstRule();
  for (const rule of PUBLICATION_RULES) {
    if (compareDates(rule.inForceFrom, decisionDate) <= 0 && compareDates(rule.inForceFrom, found.inForceFrom) >= 0) {
      found = rule;
    }
  }
  return found;
}

export type PublicationPeriodInput = {
  decisionDate: IsoDate;
  severity: Severity;
  categories?: readonly PenaltyCategory[];
  domain?: CreditDomain | null;
  /** The department's 公示截止期 (CF_GSJZQ), if it sent one. */
  requestedPublicUntil?: IsoDate | null;
  /** An explicit decision to publish a minor penalty; general and serious ones are always published. */
  publish?: boolean;
};

export type PublicationPeriod = {
  published: boolean;
  publicFrom: IsoDate;
  /** First day a repair can take effect; equals publicUntil when the penalty may not be repaired early. */
  earliestRepair: IsoDate;
  /** The day the record leaves public pages (exclusive end, see isWithinPublicPeriod). */
  publicUntil: IsoDate;
  ruleId: string;
  basis: string;
  repairableEarly: boolean;
  /** Chinese sentences for the department about adjustments made. */
  warnings: string[];
};

/** True when the penalty is one the rules never let be repaired before its maximum period ends. */
export function isNeverEarlyRepair(
  categories: readonly PenaltyCategory[],
  domain: CreditDomain | null | undefined,
): boolean {
  return (
    domain != null &&
    NEVER_EARLY_REPAIR_DOMAINS.includes(domain) &&
    categories.some((c) => NEVER_EARLY_REPAIR_CATEGORIES.includes(c))
  );
}

/**
 * Publication window of a penalty decision. publicFrom is the decision date; earliestRepair and the
 * latest possible publicUntil follow from the rule in force on that date; a department's requested
 * 公示截止期 is honoured inside [earliestRepair, maximum] and otherwise moved to the nearest bound.
 */
export function publicationPeriod(input: PublicationPeriodInput): PublicationPeriod {
  const { decisionDate, severity, categories = [], domain = null, requestedPublicUntil = null } = input;
  const rule = ruleFor(decisionDate);
  const { min, max } = rule.periods[severity];
  const label = SEVERITY_LABELS[severity];
  const warnings: string[] = [];

  if (compareDates(decisionDate, rule.inForceFrom) < 0) {
    warnings.push(
      `处罚决定日期${decisionDate}早于${rule.shortBasis}施行日期${rule.inForceFrom}，公示期限参照该文件计算。`,
    );
  }

  let published = rule.publishedByDefault[severity];
  if (!published) published = input.publish === true;
  else if (input.publish === false) {
    warnings.push(`${label}失信行为的行政处罚信息应当公示，不能选择不公示。`);
  }

  const minimumEnd = addDuration(decisionDate, min);
  const maximumEnd = addDuration(decisionDate, max);
  const neverEarly = isNeverEarlyRepair(categories, domain);
  let publicUntil = maximumEnd;

  const requested = requestedPublicUntil?.trim() ?? '';
  if (requested !== '' && !isIsoDate(requested)) {
    warnings.push(`公示截止期“${requested}”不是有效日期（应为YYYY-MM-DD），已按最长公示期计算至${maximumEnd}。`);
  } else if (requested !== '' && neverEarly) {
    if (requested !== maximumEnd) {
      warnings.push(
        `${domain ?? ''}领域的“${categories.filter((c) => NEVER_EARLY_REPAIR_CATEGORIES.includes(c)).join('、')}”处罚不得提前修复，须公示满最长期限，公示截止期已由${requested}改为${maximumEnd}。`,
      );
    }
  } else if (requested !== '') {
    if (compareDates(requested, minimumEnd) < 0) {
      publicUntil = minimumEnd;
      warnings.push(
        `公示截止期${requested}早于${label}失信行为的最短公示期满日${minimumEnd}（依据${rule.shortBasis}），已改为${minimumEnd}。如需提前结束公示，请由当事人申请信用修复。`,
      );
    } else if (compareDates(requested, maximumEnd) > 0) {
      warnings.push(
        `公示截止期${requested}晚于${label}失信行为的最长公示期满日${maximumEnd}（依据${rule.shortBasis}），已改为${maximumEnd}。`,
      );
    } else {
      publicUntil = requested;
    }
  }

  return {
    published,
    publicFrom: decisionDate,
    earliestRepair: neverEarly ? publicUntil : minimumEnd,
    publicUntil,
    ruleId: rule.id,
    basis: rule.basis,
    repairableEarly: !neverEarly,
    warnings,
  };
}

/**
 * Whether a record is on public pages on day d: publicFrom ≤ d < publicUntil.
 * At publicUntil the record leaves; on the day before it is still shown.
 */
export function isWithinPublicPeriod(d: IsoDate, period: { publicFrom: IsoDate; publicUntil: IsoDate }): boolean {
  return compareDates(period.publicFrom, d) <= 0 && compareDates(d, period.publicUntil) < 0;
}
