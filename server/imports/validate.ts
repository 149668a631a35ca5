import { cleanText, textRule, z } from '../validation';
import {
  LICENCE_STATES,
  LICENSING_CATEGORIES,
  type CreditDomain,
  SUBJECT_KIND_LABELS,
  type PenaltyCategory,
  type Severity,
  type SubjectKind,
} from '../rules/codes';
import { compareDates, parseDateInput, type IsoDate } from '../rules/dates';
import { validateResidentId } from '../rules/idcard';
import { displayName, normalizeCode, normalizeName, toHalfWidth } from '../rules/normalize';
import { penaltyPeriodFromFacts } from '../rules/record-lifecycle';
import { parsePenaltyCategories, parseSeverityLabel, resolveSeverity } from '../rules/severity';
import { validateUscc } from '../rules/uscc';
import { FIELDS, labelOf, type RecordKind } from '../standard/fields';

// One row of a department's file (or one record of the push API) checked against SPEC §2–§4:
// required fields, enumerations, USCC and ID check characters, the accepted date forms, money in
// 万元 as a decimal, and cross-field rules. Every problem is reported with its field code and a
// Chinese sentence; a valid row comes out normalised, ready for the database.

export interface RowIssue {
  field: string | null;
  message: string;
}

export interface IdNumberInput {
  type: string;
  number: string;
}

export interface SubjectInput {
  kind: SubjectKind;
  name: string;
  nameNorm: string;
  uscc: string | null;
  registrationNumber: string | null;
  orgCode: string | null;
  taxNumber: string | null;
  institutionCert: string | null;
  socialOrgCert: string | null;
  legalRepresentative: string | null;
  legalRepId: IdNumberInput | null;
  personId: IdNumberInput | null;
}

export interface LicensingValues {
  decisionDocumentName: string;
  documentNumber: string;
  documentNumberNorm: string;
  licenceCategory: (typeof LICENSING_CATEGORIES)[number];
  certificateName: string | null;
  licenceNumber: string | null;
  content: string;
  decisionDate: IsoDate;
  validFrom: IsoDate;
  validUntil: IsoDate;
  authorityName: string;
  authorityCode: string;
  currentState: (typeof LICENCE_STATES)[number];
  sourceUnitName: string;
  sourceUnitCode: string;
  remarks: string | null;
  publicFrom: IsoDate;
}

export interface PenaltyValues {
  documentNumber: string;
  documentNumberNorm: string;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  categories: PenaltyCategory[];
  content: string;
  fineAmount: string | null;
  confiscatedAmount: string | null;
  licenceAffected: string | null;
  decisionDate: IsoDate;
  penaltyValidUntil: IsoDate;
  requestedPublicUntil: IsoDate | null;
  authorityName: string;
  authorityCode: string;
  sourceUnitName: string;
  sourceUnitCode: string;
  remarks: string | null;
  severity: Severity;
  severityExplicit: boolean;
  /** From the department and the legal basis (server/rules/credit-domain.ts). */
  domain: CreditDomain | null;
  publicFrom: IsoDate;
  earliestRepairOn: IsoDate;
  publicUntil: IsoDate;
  periodRuleId: string;
  repairableEarly: boolean;
  /** False for a minor penalty, which is not published by default (SPEC §4). */
  published: boolean;
}

export type ValidRow =
  | { kind: 'licensing'; rowNumber: number; subject: SubjectInput; values: LicensingValues; warnings: string[] }
  | { kind: 'penalty'; rowNumber: number; subject: SubjectInput; values: PenaltyValues; warnings: string[] };

export type RowResult = { ok: true; row: ValidRow } | { ok: false; rowNumber: number; issues: RowIssue[] };

/** A raw row: field code → cell text. */
export type RawRow = Record<string, unknown>;

const CATEGORY_TO_KIND = Object.fromEntries(
  Object.entries(SUBJECT_KIND_LABELS).map(([kind, label]) => [label, kind as SubjectKind]),
);
/** Money in 万元: a non-negative decimal with at most 6 places (the column's scale). */
const WAN = /^\d{1,10}(\.\d{1,6})?$/;

function schemaFor(kind: RecordKind) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const f of FIELDS[kind]) {
    const text = z
      .string(`${f.label}（${f.code}）应为文本`)
      // The portal's one text rule: the preview refuses what the commit could not store.
      .check(textRule(`${f.label}（${f.code}）`))
      .max(4000, `${f.label}（${f.code}）过长，不能超过4000个字符`);
    shape[f.code] = f.required ? text.min(1, `${f.label}（${f.code}）为必填项，不能为空`) : text.optional();
  }
  return z.object(shape);
}

/** Cells trimmed, numbers as text, empty optional cells absent: what the schema checks. */
function trimmed(kind: RecordKind, raw: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const f of FIELDS[kind]) {
    const v = raw[f.code];
    const t =
      v === null || v === undefined
        ? ''
        : typeof v === 'string'
          ? cleanText(v).trim()
          : typeof v === 'object'
            ? v
            : String(v).trim();
    out[f.code] = t === '' && !f.required ? undefined : (t as string);
  }
  return out;
}

const SCHEMAS: Record<RecordKind, ReturnType<typeof schemaFor>> = {
  licensing: schemaFor('licensing'),
  penalty: schemaFor('penalty'),
};

/**
 * Validates one row; `today` bounds decision dates (a decision cannot lie in the future). The
 * department's name, with the legal basis, decides a penalty's domain (never-early repair).
 */
export function validateRow(
  kind: RecordKind,
  raw: RawRow,
  rowNumber: number,
  today: IsoDate,
  departmentName = '',
): RowResult {
  const parsed = SCHEMAS[kind].safeParse(trimmed(kind, raw));
  const issues: RowIssue[] = [];
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.push({ field: String(i.path[0] ?? '') || null, message: i.message });
  }
  const v = trimmed(kind, raw);
  const get = (code: string): string | null => {
    const t = v[code];
    return typeof t === 'string' && t !== '' ? t : null;
  };
  const fail = (field: string, message: string) => issues.push({ field, message });
  const p = kind === 'licensing' ? 'XK' : 'CF';

  const date = (code: string): IsoDate | null => {
    const t = get(code);
    if (t === null) return null;
    const d = parseDateInput(t);
    if (d === null) {
      fail(code, `${labelOf(kind, code)}“${t}”不是有效日期，请写作 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD`);
    }
    return d;
  };
  const money = (code: string): string | null => {
    const t = get(code);
    if (t === null) return null;
    const n = toHalfWidth(t).replace(/,/g, '');
    if (!WAN.test(n)) {
      fail(code, `${labelOf(kind, code)}“${t}”应为以万元为单位的数字（例如 0.5 表示五千元），最多6位小数`);
      return null;
    }
    return n;
  };
  const orgCode = (code: string): string | null => {
    const t = get(code);
    if (t === null) return null;
    const r = validateUscc(t);
    if (!r.ok) fail(code, `${labelOf(kind, code)}：${r.message}`);
    return r.ok ? r.uscc : null;
  };
  const idNumber = (typeCode: string, numberCode: string, required: boolean): IdNumberInput | null => {
    const number = get(numberCode);
    const type = get(typeCode) ?? '身份证';
    if (number === null) {
      if (required) fail(numberCode, `自然人的${labelOf(kind, numberCode)}（${numberCode}）为必填项`);
      return null;
    }
    if (type === '身份证' || type === '居民身份证') {
      const r = validateResidentId(number, today);
      if (!r.ok) {
        fail(numberCode, `${labelOf(kind, numberCode)}：${r.message}`);
        return null;
      }
      return { type: '身份证', number: r.id };
    }
    return { type, number: normalizeCode(number) };
  };

  // ---- the party
  const categoryText = get(`${p}_XDR_LB`);
  const subjectKind = categoryText ? CATEGORY_TO_KIND[categoryText.replace(/\s/g, '')] : undefined;
  if (categoryText && !subjectKind) {
    fail(`${p}_XDR_LB`, `行政相对人类别“${categoryText}”无效，应为：法人及非法人组织、自然人、个体工商户`);
  }
  const name = get(`${p}_XDR_MC`);
  let uscc: string | null = null;
  const usccText = get(`${p}_XDR_SHXYM`);
  const registrationNumber = get(`${p}_XDR_GSZC`) ? normalizeCode(get(`${p}_XDR_GSZC`)!) : null;
  if (usccText !== null && subjectKind) {
    const r = validateUscc(usccText, subjectKind);
    if (!r.ok) fail(`${p}_XDR_SHXYM`, r.message);
    else {
      uscc = r.uscc;
      if (r.placeholder && !registrationNumber) {
        fail(`${p}_XDR_GSZC`, '个体工商户使用统一社会信用代码占位符时，须填写工商注册号');
      }
    }
    if (subjectKind === 'natural_person') fail(`${p}_XDR_SHXYM`, '自然人不填写统一社会信用代码');
  } else if (usccText === null && subjectKind === 'legal_person') {
    fail(`${p}_XDR_SHXYM`, '法人及非法人组织须填写统一社会信用代码');
  } else if (usccText === null && subjectKind === 'individual_business' && !registrationNumber) {
    fail(`${p}_XDR_SHXYM`, '个体工商户须填写统一社会信用代码，或填写占位符 00000000000000000X 并填写工商注册号');
  }
  const personId = idNumber(`${p}_XDR_ZJLX`, `${p}_XDR_ZJHM`, subjectKind === 'natural_person');
  const legalRepId = idNumber(`${p}_FR_ZJLX`, `${p}_FR_ZJHM`, false);

  const warnings: string[] = [];
  const documentNumber = get(kind === 'licensing' ? 'XK_WSH' : 'CF_WSH');
  let result: ValidRow | null = null;

  if (kind === 'licensing') {
    const category = get('XK_XKLB');
    if (category && !(LICENSING_CATEGORIES as readonly string[]).includes(category)) {
      fail('XK_XKLB', `许可类别“${category}”无效，应为：${LICENSING_CATEGORIES.join('、')}`);
    }
    const state = get('XK_ZT');
    if (state && !(LICENCE_STATES as readonly string[]).includes(state)) {
      fail('XK_ZT', `当前状态“${state}”无效，应为：有效、无效`);
    }
    const decisionDate = date('XK_JDRQ');
    const validFrom = date('XK_YXQZ');
    const validUntil = date('XK_YXQZI');
    if (decisionDate && decisionDate > today) fail('XK_JDRQ', `许可决定日期${decisionDate}晚于今天，请核对`);
    if (validFrom && validUntil && compareDates(validFrom, validUntil) > 0) {
      fail('XK_YXQZI', `有效期至${validUntil}早于有效期自${validFrom}，请核对`);
    }
    const authorityCode = orgCode('XK_XKJGDM');
    const sourceUnitCode = orgCode('XK_LYDWDM');
    if (issues.length === 0 && subjectKind && name && documentNumber && decisionDate && validFrom && validUntil) {
      result = {
        kind,
        rowNumber,
        subject: subjectOf(),
        warnings,
        values: {
          decisionDocumentName: get('XK_XKWS')!,
          documentNumber,
          documentNumberNorm: normalizeName(documentNumber),
          licenceCategory: category as LicensingValues['licenceCategory'],
          certificateName: get('XK_XKZS'),
          licenceNumber: get('XK_XKBH'),
          content: get('XK_NR')!,
          decisionDate,
          validFrom,
          validUntil,
          authorityName: get('XK_XKJG')!,
          authorityCode: authorityCode!,
          currentState: state as LicensingValues['currentState'],
          sourceUnitName: get('XK_LYDW')!,
          sourceUnitCode: sourceUnitCode!,
          remarks: get('BZ'),
          publicFrom: decisionDate,
        },
      };
    }
  } else {
    const categoriesText = get('CF_CFLB');
    const { categories, unknown } = parsePenaltyCategories(categoriesText ?? '');
    if (categoriesText && unknown.length > 0) {
      fail('CF_CFLB', `处罚类别中“${unknown.join('、')}”无效；多个类别用分号“;”分隔`);
    }
    const severityText = get('CF_SXYZCD');
    const explicit = severityText ? parseSeverityLabel(severityText) : null;
    if (severityText && !explicit) fail('CF_SXYZCD', `失信严重程度“${severityText}”无效，应为：轻微、一般、严重`);
    const decisionDate = date('CF_JDRQ');
    const validUntil = date('CF_YXQ');
    const requested = date('CF_GSJZQ');
    if (decisionDate && decisionDate > today) fail('CF_JDRQ', `处罚决定日期${decisionDate}晚于今天，请核对`);
    if (decisionDate && validUntil && compareDates(validUntil, decisionDate) < 0) {
      fail('CF_YXQ', `处罚有效期${validUntil}早于处罚决定日期${decisionDate}，请核对`);
    }
    if (decisionDate && requested && compareDates(requested, decisionDate) < 0) {
      fail('CF_GSJZQ', `公示截止期${requested}早于处罚决定日期${decisionDate}，请核对`);
    }
    const fineAmount = money('CF_NR_FK');
    const confiscatedAmount = money('CF_NR_WFFF');
    if (categories.includes('罚款') && get('CF_NR_FK') === null) {
      fail('CF_NR_FK', '处罚类别含“罚款”时须填写罚款金额（万元）');
    }
    const authorityCode = orgCode('CF_CFJGDM');
    const sourceUnitCode = orgCode('CF_SJLYDM');
    if (issues.length === 0 && subjectKind && name && documentNumber && decisionDate && validUntil) {
      const severity = resolveSeverity(categories, explicit);
      const period = penaltyPeriodFromFacts(
        { decisionDate, severity, categories, legalBasis: get('CF_YJ')!, requestedPublicUntil: requested },
        departmentName,
        `第${rowNumber}行：`,
      );
      warnings.push(...period.warnings);
      result = {
        kind,
        rowNumber,
        subject: subjectOf(),
        warnings,
        values: {
          documentNumber,
          documentNumberNorm: normalizeName(documentNumber),
          violationType: get('CF_WFXW')!,
          violationFacts: get('CF_SY')!,
          legalBasis: get('CF_YJ')!,
          categories,
          content: get('CF_NR')!,
          fineAmount,
          confiscatedAmount,
          licenceAffected: get('CF_NR_ZKDX'),
          decisionDate,
          penaltyValidUntil: validUntil,
          requestedPublicUntil: requested,
          authorityName: get('CF_CFJG')!,
          authorityCode: authorityCode!,
          sourceUnitName: get('CF_SJLY')!,
          sourceUnitCode: sourceUnitCode!,
          remarks: get('BZ'),
          severity,
          severityExplicit: explicit !== null,
          domain: period.domain,
          publicFrom: period.publicFrom,
          earliestRepairOn: period.earliestRepairOn,
          publicUntil: period.publicUntil,
          periodRuleId: period.periodRuleId,
          repairableEarly: period.repairableEarly,
          published: period.published,
        },
      };
    }
  }
  if (result) return { ok: true, row: result };
  if (issues.length === 0) issues.push({ field: null, message: '该行数据不完整' });
  return { ok: false, rowNumber, issues };

  function subjectOf(): SubjectInput {
    const n = displayName(name!);
    return {
      kind: subjectKind!,
      name: n,
      nameNorm: normalizeName(n),
      uscc,
      registrationNumber,
      orgCode: get(`${p}_XDR_ZZJG`),
      taxNumber: get(`${p}_XDR_SWDJ`),
      institutionCert: get(`${p}_XDR_SYDW`),
      socialOrgCert: get(`${p}_XDR_SHZZ`),
      legalRepresentative: get(`${p}_FRDB`),
      legalRepId,
      personId,
    };
  }
}
