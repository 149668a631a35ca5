import type { LicensingDetail, PenaltyDetail, PublicParty } from './service';

// The public fields of the national 双公示 data standard (v2 codes, SPEC §3), in the
// standard's order, with the Chinese label. The detail pages and the CSV downloads both
// read these tables, so a field shown on one is in the other, masked the same way.

export type FieldType = 'text' | 'longText' | 'date' | 'money';

export interface StandardField<R> {
  code: string;
  label: string;
  type: FieldType;
  value: (r: R) => string | null;
}

/** A licence valid until this day is 长期 (long-term) in the standard. */
export const LONG_TERM_DATE = '2099-12-31';

/** 万元 amounts as stored (numeric(16,6)) without trailing zeros: '0.500000' → '0.5'. */
export function trimDecimal(amount: string | null): string | null {
  if (amount === null) return null;
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
}

/** 行政相对人 fields, identical for both kinds apart from the prefix. */
function partyFields<R extends PublicParty>(prefix: 'XK' | 'CF'): StandardField<R>[] {
  const f = (code: string, label: string, value: (r: R) => string | null): StandardField<R> => ({
    code: `${prefix}_${code}`,
    label,
    type: 'text',
    value,
  });
  return [
    f('XDR_MC', '行政相对人名称', (r) => r.subjectName),
    f('XDR_LB', '行政相对人类别', (r) => r.subjectCategory),
    f('XDR_SHXYM', '统一社会信用代码', (r) => r.uscc),
    f('XDR_GSZC', '工商注册号', (r) => r.registrationNumber),
    f('XDR_ZZJG', '组织机构代码', (r) => r.orgCode),
    f('XDR_SWDJ', '税务登记号', (r) => r.taxNumber),
    f('XDR_SYDW', '事业单位证书号', (r) => r.institutionCert),
    f('XDR_SHZZ', '社会组织登记证号', (r) => r.socialOrgCert),
    f('FRDB', '法定代表人', (r) => r.legalRepresentative),
    f('FR_ZJLX', '法定代表人证件类型', (r) => r.legalRepIdType),
    f('FR_ZJHM', '法定代表人证件号码', (r) => r.legalRepIdNumber),
    f('XDR_ZJLX', '证件类型', (r) => r.partyIdType),
    f('XDR_ZJHM', '证件号码', (r) => r.partyIdNumber),
  ];
}

export const LICENSING_FIELDS: readonly StandardField<LicensingDetail>[] = [
  ...partyFields<LicensingDetail>('XK'),
  { code: 'XK_XKWS', label: '行政许可决定文书名称', type: 'text', value: (r) => r.decisionDocumentName },
  { code: 'XK_WSH', label: '行政许可决定文书号', type: 'text', value: (r) => r.documentNumber },
  { code: 'XK_XKLB', label: '许可类别', type: 'text', value: (r) => r.licenceCategory },
  { code: 'XK_XKZS', label: '许可证书名称', type: 'text', value: (r) => r.certificateName },
  { code: 'XK_XKBH', label: '许可编号', type: 'text', value: (r) => r.licenceNumber },
  { code: 'XK_NR', label: '许可内容', type: 'longText', value: (r) => r.content },
  { code: 'XK_JDRQ', label: '许可决定日期', type: 'date', value: (r) => r.decisionDate },
  { code: 'XK_YXQZ', label: '有效期自', type: 'date', value: (r) => r.validFrom },
  {
    code: 'XK_YXQZI',
    label: '有效期至',
    type: 'date',
    value: (r) => (r.validUntil === LONG_TERM_DATE ? '长期' : r.validUntil),
  },
  { code: 'XK_XKJG', label: '许可机关', type: 'text', value: (r) => r.authorityName },
  { code: 'XK_XKJGDM', label: '许可机关代码', type: 'text', value: (r) => r.authorityCode },
  { code: 'XK_ZT', label: '当前状态', type: 'text', value: (r) => r.currentState },
  { code: 'XK_LYDW', label: '数据来源单位', type: 'text', value: (r) => r.sourceUnitName },
  { code: 'XK_LYDWDM', label: '数据来源单位代码', type: 'text', value: (r) => r.sourceUnitCode },
  { code: 'BZ', label: '备注', type: 'longText', value: (r) => r.remarks },
];

export const PENALTY_FIELDS: readonly StandardField<PenaltyDetail>[] = [
  ...partyFields<PenaltyDetail>('CF'),
  { code: 'CF_WSH', label: '行政处罚决定书文号', type: 'text', value: (r) => r.documentNumber },
  { code: 'CF_WFXW', label: '违法行为类型', type: 'text', value: (r) => r.violationType },
  { code: 'CF_SY', label: '违法事实', type: 'longText', value: (r) => r.violationFacts },
  { code: 'CF_YJ', label: '处罚依据', type: 'longText', value: (r) => r.legalBasis },
  { code: 'CF_CFLB', label: '处罚类别', type: 'text', value: (r) => r.categories.join(';') },
  { code: 'CF_NR', label: '处罚内容', type: 'longText', value: (r) => r.content },
  { code: 'CF_NR_FK', label: '罚款金额（万元）', type: 'money', value: (r) => trimDecimal(r.fineAmount) },
  {
    code: 'CF_NR_WFFF',
    label: '没收金额（万元）',
    type: 'money',
    value: (r) => trimDecimal(r.confiscatedAmount),
  },
  { code: 'CF_NR_ZKDX', label: '暂扣或吊销证照名称及编号', type: 'text', value: (r) => r.licenceAffected },
  { code: 'CF_JDRQ', label: '处罚决定日期', type: 'date', value: (r) => r.decisionDate },
  { code: 'CF_YXQ', label: '处罚有效期', type: 'date', value: (r) => r.penaltyValidUntil },
  { code: 'CF_GSJZQ', label: '公示截止期', type: 'date', value: (r) => r.publicUntil },
  { code: 'CF_CFJG', label: '处罚机关', type: 'text', value: (r) => r.authorityName },
  { code: 'CF_CFJGDM', label: '处罚机关代码', type: 'text', value: (r) => r.authorityCode },
  { code: 'CF_SJLY', label: '数据来源单位', type: 'text', value: (r) => r.sourceUnitName },
  { code: 'CF_SJLYDM', label: '数据来源单位代码', type: 'text', value: (r) => r.sourceUnitCode },
  { code: 'BZ', label: '备注', type: 'longText', value: (r) => r.remarks },
];
