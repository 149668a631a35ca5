import type { DisclosureKind } from '@/server/disclosures/filters';

/** Wording and paths of the two 双公示 kinds, in one place for lists, records and downloads. */
export const KIND_TEXT = {
  licensing: {
    name: '行政许可',
    listTitle: '行政许可公示',
    path: '/disclosures/licensing',
    recordKey: 'licensing',
    categoryLabel: '许可类别',
    categoryCode: 'XK_XKLB',
    dateLabel: '许可决定日期',
    titleLabel: '许可证书/决定',
    lead: '公示乐山市各部门作出的行政许可决定。许可在有效期届满后仍予公示，并标注“已过期”。',
  },
  penalty: {
    name: '行政处罚',
    listTitle: '行政处罚公示',
    path: '/disclosures/penalties',
    recordKey: 'penalty',
    categoryLabel: '处罚类别',
    categoryCode: 'CF_CFLB',
    dateLabel: '处罚决定日期',
    titleLabel: '违法行为类型',
    lead: '公示乐山市各部门作出的行政处罚决定。处罚信息在公示期届满、信用修复或撤销后自动撤下；异议处理期间标注“异议处理中”。',
  },
} as const satisfies Record<DisclosureKind, unknown>;
