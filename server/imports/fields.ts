// The national standard's field codes (SPEC §3) with their Chinese names: one table that the
// importer (headers), the push API, the open-data files and the API docs all read.

export type RecordKind = 'licensing' | 'penalty';

export interface FieldDef {
  code: string;
  label: string;
  required: boolean;
  /** Chinese names departments also write in their headers. */
  aliases?: readonly string[];
}

const party = (p: 'XK' | 'CF'): FieldDef[] => [
  { code: `${p}_XDR_MC`, label: '行政相对人名称', required: true },
  { code: `${p}_XDR_LB`, label: '行政相对人类别', required: true },
  { code: `${p}_XDR_SHXYM`, label: '统一社会信用代码', required: false },
  { code: `${p}_XDR_GSZC`, label: '工商注册号', required: false },
  { code: `${p}_XDR_ZZJG`, label: '组织机构代码', required: false },
  { code: `${p}_XDR_SWDJ`, label: '税务登记号', required: false },
  { code: `${p}_XDR_SYDW`, label: '事业单位证书号', required: false },
  { code: `${p}_XDR_SHZZ`, label: '社会组织登记证号', required: false },
  { code: `${p}_FRDB`, label: '法定代表人', required: false },
  { code: `${p}_FR_ZJLX`, label: '法定代表人证件类型', required: false },
  { code: `${p}_FR_ZJHM`, label: '法定代表人证件号码', required: false },
  { code: `${p}_XDR_ZJLX`, label: '证件类型', required: false },
  { code: `${p}_XDR_ZJHM`, label: '证件号码', required: false },
];

export const LICENSING_FIELDS: readonly FieldDef[] = [
  ...party('XK'),
  { code: 'XK_XKWS', label: '行政许可决定文书名称', required: true },
  { code: 'XK_WSH', label: '行政许可决定文书号', required: true, aliases: ['文书号'] },
  { code: 'XK_XKLB', label: '许可类别', required: true },
  { code: 'XK_XKZS', label: '许可证书名称', required: false },
  { code: 'XK_XKBH', label: '许可编号', required: false },
  { code: 'XK_NR', label: '许可内容', required: true },
  { code: 'XK_JDRQ', label: '许可决定日期', required: true },
  { code: 'XK_YXQZ', label: '有效期自', required: true },
  { code: 'XK_YXQZI', label: '有效期至', required: true },
  { code: 'XK_XKJG', label: '许可机关', required: true },
  { code: 'XK_XKJGDM', label: '许可机关统一社会信用代码', required: true, aliases: ['许可机关代码'] },
  { code: 'XK_ZT', label: '当前状态', required: true },
  { code: 'XK_LYDW', label: '数据来源单位', required: true },
  { code: 'XK_LYDWDM', label: '数据来源单位统一社会信用代码', required: true, aliases: ['数据来源单位代码'] },
  { code: 'BZ', label: '备注', required: false },
];

export const PENALTY_FIELDS: readonly FieldDef[] = [
  ...party('CF'),
  { code: 'CF_WSH', label: '行政处罚决定书文号', required: true, aliases: ['决定书文号', '文书号'] },
  { code: 'CF_WFXW', label: '违法行为类型', required: true },
  { code: 'CF_SY', label: '违法事实', required: true },
  { code: 'CF_YJ', label: '处罚依据', required: true },
  { code: 'CF_CFLB', label: '处罚类别', required: true },
  { code: 'CF_NR', label: '处罚内容', required: true },
  { code: 'CF_NR_FK', label: '罚款金额（万元）', required: false, aliases: ['罚款金额'] },
  {
    code: 'CF_NR_WFFF',
    label: '没收违法所得、没收非法财物的金额（万元）',
    required: false,
    aliases: ['没收金额（万元）', '没收金额'],
  },
  { code: 'CF_NR_ZKDX', label: '暂扣或吊销证照名称及编号', required: false },
  { code: 'CF_JDRQ', label: '处罚决定日期', required: true },
  { code: 'CF_YXQ', label: '处罚有效期', required: true },
  { code: 'CF_GSJZQ', label: '公示截止期', required: false },
  { code: 'CF_CFJG', label: '处罚机关', required: true },
  { code: 'CF_CFJGDM', label: '处罚机关统一社会信用代码', required: true, aliases: ['处罚机关代码'] },
  { code: 'CF_SJLY', label: '数据来源单位', required: true },
  { code: 'CF_SJLYDM', label: '数据来源单位统一社会信用代码', required: true, aliases: ['数据来源单位代码'] },
  { code: 'CF_SXYZCD', label: '失信严重程度', required: false },
  { code: 'BZ', label: '备注', required: false },
];

export const FIELDS: Record<RecordKind, readonly FieldDef[]> = { licensing: LICENSING_FIELDS, penalty: PENALTY_FIELDS };

export const RECORD_KIND_LABELS: Record<RecordKind, string> = { licensing: '行政许可', penalty: '行政处罚' };

const clean = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/[\s*＊]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');

/** The field code a header names (code in any case, or a Chinese name); null when unknown. */
export function fieldCodeOf(kind: RecordKind, header: string): string | null {
  const h = clean(header);
  for (const f of FIELDS[kind]) {
    if (f.code === h.toUpperCase()) return f.code;
    if (clean(f.label) === h || f.aliases?.some((a) => clean(a) === h)) return f.code;
  }
  return null;
}

/** The record kind a header row describes: XK_ codes or licensing names vs CF_ codes or penalty names. */
export function detectRecordKind(headers: readonly string[]): RecordKind | null {
  let licensing = 0;
  let penalty = 0;
  for (const h of headers) {
    const code = fieldCodeOf('licensing', h);
    if (code && code !== 'BZ' && !fieldCodeOf('penalty', h)) licensing += 1;
    const pcode = fieldCodeOf('penalty', h);
    if (pcode && pcode !== 'BZ' && !code) penalty += 1;
    if (code?.startsWith('XK_')) licensing += 1;
    if (pcode?.startsWith('CF_')) penalty += 1;
  }
  if (licensing === 0 && penalty === 0) return null;
  return licensing >= penalty ? 'licensing' : 'penalty';
}

export function labelOf(kind: RecordKind, code: string): string {
  return FIELDS[kind].find((f) => f.code === code)?.label ?? code;
}
