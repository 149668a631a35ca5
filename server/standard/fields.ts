// The national 双公示 data standard's fields (v2 codes, SPEC §3): the ONE table, in the
// standard's order, that the importer (headers), the push API, the detail pages, the CSV
// downloads, the open-data files and dictionary, the API docs and the OpenAPI schema all read.
// What differs per use (how a record's value is shown) is keyed by these codes, so a code
// missing on one side fails to compile.

export type RecordKind = 'licensing' | 'penalty';
export type FieldType = 'text' | 'longText' | 'date' | 'money';

export interface FieldDef {
  code: string;
  /** The Chinese name shown on pages, in files and docs. */
  label: string;
  /** A file or API row must carry it. */
  required: boolean;
  type: FieldType;
  /** Other Chinese names departments write in their headers (the standard's long forms among them). */
  aliases?: readonly string[];
  /** Read on import only, never published (失信严重程度 becomes the record's severity). */
  importOnly?: true;
}

const party = <P extends 'XK' | 'CF'>(p: P) =>
  [
    { code: `${p}_XDR_MC`, label: '行政相对人名称', required: true, type: 'text' },
    { code: `${p}_XDR_LB`, label: '行政相对人类别', required: true, type: 'text' },
    { code: `${p}_XDR_SHXYM`, label: '统一社会信用代码', required: false, type: 'text' },
    { code: `${p}_XDR_GSZC`, label: '工商注册号', required: false, type: 'text' },
    { code: `${p}_XDR_ZZJG`, label: '组织机构代码', required: false, type: 'text' },
    { code: `${p}_XDR_SWDJ`, label: '税务登记号', required: false, type: 'text' },
    { code: `${p}_XDR_SYDW`, label: '事业单位证书号', required: false, type: 'text' },
    { code: `${p}_XDR_SHZZ`, label: '社会组织登记证号', required: false, type: 'text' },
    { code: `${p}_FRDB`, label: '法定代表人', required: false, type: 'text' },
    { code: `${p}_FR_ZJLX`, label: '法定代表人证件类型', required: false, type: 'text' },
    { code: `${p}_FR_ZJHM`, label: '法定代表人证件号码', required: false, type: 'text' },
    { code: `${p}_XDR_ZJLX`, label: '证件类型', required: false, type: 'text' },
    { code: `${p}_XDR_ZJHM`, label: '证件号码', required: false, type: 'text' },
  ] as const;

export const LICENSING_FIELDS = [
  ...party('XK'),
  { code: 'XK_XKWS', label: '行政许可决定文书名称', required: true, type: 'text' },
  { code: 'XK_WSH', label: '行政许可决定文书号', required: true, type: 'text', aliases: ['文书号'] },
  { code: 'XK_XKLB', label: '许可类别', required: true, type: 'text' },
  { code: 'XK_XKZS', label: '许可证书名称', required: false, type: 'text' },
  { code: 'XK_XKBH', label: '许可编号', required: false, type: 'text' },
  { code: 'XK_NR', label: '许可内容', required: true, type: 'longText' },
  { code: 'XK_JDRQ', label: '许可决定日期', required: true, type: 'date' },
  { code: 'XK_YXQZ', label: '有效期自', required: true, type: 'date' },
  { code: 'XK_YXQZI', label: '有效期至', required: true, type: 'date' },
  { code: 'XK_XKJG', label: '许可机关', required: true, type: 'text' },
  {
    code: 'XK_XKJGDM',
    label: '许可机关代码',
    required: true,
    type: 'text',
    aliases: ['许可机关统一社会信用代码'],
  },
  { code: 'XK_ZT', label: '当前状态', required: true, type: 'text' },
  { code: 'XK_LYDW', label: '数据来源单位', required: true, type: 'text' },
  {
    code: 'XK_LYDWDM',
    label: '数据来源单位代码',
    required: true,
    type: 'text',
    aliases: ['数据来源单位统一社会信用代码'],
  },
  { code: 'BZ', label: '备注', required: false, type: 'longText' },
] as const satisfies readonly FieldDef[];

export const PENALTY_FIELDS = [
  ...party('CF'),
  { code: 'CF_WSH', label: '行政处罚决定书文号', required: true, type: 'text', aliases: ['决定书文号', '文书号'] },
  { code: 'CF_WFXW', label: '违法行为类型', required: true, type: 'text' },
  { code: 'CF_SY', label: '违法事实', required: true, type: 'longText' },
  { code: 'CF_YJ', label: '处罚依据', required: true, type: 'longText' },
  { code: 'CF_CFLB', label: '处罚类别', required: true, type: 'text' },
  { code: 'CF_NR', label: '处罚内容', required: true, type: 'longText' },
  { code: 'CF_NR_FK', label: '罚款金额（万元）', required: false, type: 'money', aliases: ['罚款金额'] },
  {
    code: 'CF_NR_WFFF',
    label: '没收金额（万元）',
    required: false,
    type: 'money',
    aliases: ['没收违法所得、没收非法财物的金额（万元）', '没收金额'],
  },
  { code: 'CF_NR_ZKDX', label: '暂扣或吊销证照名称及编号', required: false, type: 'text' },
  { code: 'CF_JDRQ', label: '处罚决定日期', required: true, type: 'date' },
  { code: 'CF_YXQ', label: '处罚有效期', required: true, type: 'date' },
  { code: 'CF_GSJZQ', label: '公示截止期', required: false, type: 'date' },
  { code: 'CF_CFJG', label: '处罚机关', required: true, type: 'text' },
  {
    code: 'CF_CFJGDM',
    label: '处罚机关代码',
    required: true,
    type: 'text',
    aliases: ['处罚机关统一社会信用代码'],
  },
  { code: 'CF_SJLY', label: '数据来源单位', required: true, type: 'text' },
  {
    code: 'CF_SJLYDM',
    label: '数据来源单位代码',
    required: true,
    type: 'text',
    aliases: ['数据来源单位统一社会信用代码'],
  },
  { code: 'CF_SXYZCD', label: '失信严重程度', required: false, type: 'text', importOnly: true },
  { code: 'BZ', label: '备注', required: false, type: 'longText' },
] as const satisfies readonly FieldDef[];

type Published<F> = F extends { importOnly: true } ? never : F extends { code: infer C } ? C : never;
/** The codes a published licensing record carries (pages, files, API). */
export type LicensingCode = Published<(typeof LICENSING_FIELDS)[number]>;
/** The codes a published penalty carries (pages, files, API); CF_SXYZCD is read on import only. */
export type PenaltyCode = Published<(typeof PENALTY_FIELDS)[number]>;

export const FIELDS: Record<RecordKind, readonly FieldDef[]> = { licensing: LICENSING_FIELDS, penalty: PENALTY_FIELDS };

/** The fields a published record shows, in the standard's order. */
export function publishedFields(kind: RecordKind): readonly FieldDef[] {
  return FIELDS[kind].filter((f) => !('importOnly' in f && f.importOnly));
}

export const RECORD_KIND_LABELS: Record<RecordKind, string> = { licensing: '行政许可', penalty: '行政处罚' };

/** A licence valid until this day is 长期 (long-term) in the standard. */
export const LONG_TERM_DATE = '2099-12-31';

/** 万元 amounts as stored (numeric(16,6)) without trailing zeros: '0.500000' → '0.5'. */
export function trimDecimal(amount: string | null): string | null {
  if (amount === null) return null;
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount;
}

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
