// Enumerations of the domain (SPEC §1, §3, §5). One place; the schema, the rules,
// the generator and the pages read them from here.

export const SUBJECT_KINDS = ['legal_person', 'natural_person', 'individual_business'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  legal_person: '法人及非法人组织',
  natural_person: '自然人',
  individual_business: '个体工商户',
};

export const SEVERITIES = ['minor', 'general', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = {
  minor: '轻微',
  general: '一般',
  serious: '严重',
};

/** 许可类别 XK_XKLB */
export const LICENSING_CATEGORIES = ['普通', '特许', '认可', '核准', '登记', '其他'] as const;
export type LicensingCategory = (typeof LICENSING_CATEGORIES)[number];

/** 处罚类别 CF_CFLB (several joined with `;`) */
export const PENALTY_CATEGORIES = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '行政拘留',
  '其他',
] as const;
export type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];

/** 当前状态 XK_ZT */
export const LICENCE_STATES = ['有效', '无效'] as const;

/** Lifecycle of a published record (licensing or penalty) in the portal. */
export const RECORD_STATUSES = ['published', 'suspended', 'withdrawn', 'repaired', 'unpublished'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  published: '公示中',
  suspended: '异议处理中',
  withdrawn: '已撤销',
  repaired: '已修复',
  unpublished: '不予公示',
};

export const LIST_TYPES = ['honor', 'dishonesty'] as const;
export type ListType = (typeof LIST_TYPES)[number];
export const LIST_TYPE_LABELS: Record<ListType, string> = {
  honor: '守信红名单',
  dishonesty: '失信联合惩戒对象名单',
};

/** 有效 / 暂停 / 已移出 / 已修复 / 已到期 (SPEC §5) */
export const LIST_ENTRY_STATUSES = ['active', 'suspended', 'removed', 'repaired', 'expired'] as const;
export type ListEntryStatus = (typeof LIST_ENTRY_STATUSES)[number];
export const LIST_ENTRY_STATUS_LABELS: Record<ListEntryStatus, string> = {
  active: '有效',
  suspended: '暂停',
  removed: '已移出',
  repaired: '已修复',
  expired: '已到期',
};

export const CATALOG_KINDS = ['incentive', 'punishment'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];
export const CATALOG_KIND_LABELS: Record<CatalogKind, string> = {
  incentive: '守信联合激励',
  punishment: '失信联合惩戒',
};

/** Domains of dishonesty lists and exposure cases [plan] plus the memorandum domains. */
export const CREDIT_DOMAINS = [
  '食品药品',
  '生态环境',
  '工程质量',
  '医疗卫生',
  '安全生产',
  '消防安全',
  '非法集资',
  '逃税骗税',
  '逃废债务',
  '欺诈',
  '价格垄断',
  '税务',
  '工商',
  '法院',
  '海关',
  '交通运输',
] as const;
export type CreditDomain = (typeof CREDIT_DOMAINS)[number];

export const APPLICATION_KINDS = ['objection', 'complaint', 'repair'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  objection: '异议申请',
  complaint: '投诉',
  repair: '信用修复申请',
};

export const APPLICATION_STATUSES = [
  'submitted', // 已提交, waiting to be accepted
  'accepted', // 已受理, under review (suspension in force for objection/complaint)
  'refused', // 不予受理
  'decided', // 已办结, with a decision
  'withdrawn', // 申请人撤回
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_DECISIONS = [
  'correct', // 更正 (objection)
  'revoke', // 撤销 (objection)
  'reject', // 驳回 (objection)
  'approve_repair', // 准予修复
  'deny_repair', // 不予修复
  'uphold', // 维持 (complaint)
  'amend', // 改正 (complaint)
] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

/** Reasons for an objection (SPEC §6). */
export const OBJECTION_REASONS = {
  wrong: '信息有误',
  missing: '信息遗漏',
  duplicated: '信息重复',
  not_public: '不应公示',
  expired: '超过公示期限',
  differs: '与决定文书不一致',
} as const;
export type ObjectionReason = keyof typeof OBJECTION_REASONS;

export const STAFF_ROLES = ['department', 'office', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** 证件类型 (national standard code list, the common ones). */
export const ID_DOCUMENT_TYPES = [
  '身份证',
  '护照号',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '外国人永久居留身份证',
] as const;
