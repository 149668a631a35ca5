import type { PenaltyRecord, LicensingRecord } from '../db/types';
import { publicSubjectName } from '../subjects/present';
import { trimDecimal, type LicensingCode, type PenaltyCode } from '../standard/fields';
import { LIST_TYPE_LABELS, SUBJECT_KIND_LABELS, type ListType, type SubjectKind } from '../rules/codes';

// Public records in the national standard's field codes (SPEC §3; the codes and names are the
// one table in server/standard/fields.ts, and a code missing here fails to compile), as the
// API and the open-data files give them: natural persons' names masked, ID numbers only in masked form
// (the masked copies stored beside each record; the protected table is never read here).

const KIND_OF_CATEGORY = Object.fromEntries(
  Object.entries(SUBJECT_KIND_LABELS).map(([k, label]) => [label, k as SubjectKind]),
) as Record<string, SubjectKind>;

type PartyRow = Pick<
  PenaltyRecord,
  | 'subjectName'
  | 'subjectCategory'
  | 'uscc'
  | 'registrationNumber'
  | 'orgCode'
  | 'taxNumber'
  | 'institutionCert'
  | 'socialOrgCert'
  | 'legalRepresentative'
  | 'legalRepIdType'
  | 'legalRepIdMasked'
  | 'partyIdType'
  | 'partyIdMasked'
>;

type PartyOf<P extends 'XK' | 'CF'> = Extract<PenaltyCode | LicensingCode, `${P}_XDR_${string}` | `${P}_FR${string}`>;

function party<P extends 'XK' | 'CF'>(p: P, r: PartyRow): Record<PartyOf<P>, string | null> {
  const kind = KIND_OF_CATEGORY[r.subjectCategory] ?? 'legal_person';
  return {
    [`${p}_XDR_MC`]: publicSubjectName(kind, r.subjectName),
    [`${p}_XDR_LB`]: r.subjectCategory,
    [`${p}_XDR_SHXYM`]: r.uscc,
    [`${p}_XDR_GSZC`]: r.registrationNumber,
    [`${p}_XDR_ZZJG`]: r.orgCode,
    [`${p}_XDR_SWDJ`]: r.taxNumber,
    [`${p}_XDR_SYDW`]: r.institutionCert,
    [`${p}_XDR_SHZZ`]: r.socialOrgCert,
    [`${p}_FRDB`]: r.legalRepresentative,
    [`${p}_FR_ZJLX`]: r.legalRepIdType,
    [`${p}_FR_ZJHM`]: r.legalRepIdMasked,
    [`${p}_XDR_ZJLX`]: r.partyIdType,
    [`${p}_XDR_ZJHM`]: r.partyIdMasked,
  } as Record<PartyOf<P>, string | null>;
}

/** Every published code of the standard is a key of the row (checked when compiling). */
type CarriesEvery<C extends string, T extends Record<C, unknown>> = T;

export type PenaltyPublicRow = PartyRow &
  Pick<
    PenaltyRecord,
    | 'id'
    | 'documentNumber'
    | 'violationType'
    | 'violationFacts'
    | 'legalBasis'
    | 'categories'
    | 'content'
    | 'fineAmount'
    | 'confiscatedAmount'
    | 'licenceAffected'
    | 'decisionDate'
    | 'penaltyValidUntil'
    | 'publicUntil'
    | 'authorityName'
    | 'authorityCode'
    | 'sourceUnitName'
    | 'sourceUnitCode'
    | 'remarks'
    | 'status'
    | 'severity'
    | 'earliestRepairOn'
    | 'repairableEarly'
  > & { departmentCode: string; updatedAt: string };

export function penaltyStandard(r: PenaltyPublicRow) {
  return {
    id: r.id,
    CF_WSH: r.documentNumber,
    ...party('CF', r),
    CF_WFXW: r.violationType,
    CF_SY: r.violationFacts,
    CF_YJ: r.legalBasis,
    CF_CFLB: r.categories.join(';'),
    CF_NR: r.content,
    CF_NR_FK: trimDecimal(r.fineAmount),
    CF_NR_WFFF: trimDecimal(r.confiscatedAmount),
    CF_NR_ZKDX: r.licenceAffected,
    CF_JDRQ: r.decisionDate,
    CF_YXQ: r.penaltyValidUntil,
    CF_GSJZQ: r.status === 'suspended' ? null : r.publicUntil,
    CF_CFJG: r.authorityName,
    CF_CFJGDM: r.authorityCode,
    CF_SJLY: r.sourceUnitName,
    CF_SJLYDM: r.sourceUnitCode,
    BZ: r.remarks,
    suspended: r.status === 'suspended',
    // Issue 12: null when the penalty may never be repaired early (SPEC §4).
    earliest_repair_on: r.repairableEarly ? r.earliestRepairOn : null,
    repairable_early: r.repairableEarly,
    severity: r.severity,
    department: r.departmentCode,
    updated_at: r.updatedAt,
  };
}

export type PenaltyStandardRow = CarriesEvery<PenaltyCode, ReturnType<typeof penaltyStandard>>;

export type LicensingPublicRow = PartyRow &
  Pick<
    LicensingRecord,
    | 'id'
    | 'decisionDocumentName'
    | 'documentNumber'
    | 'licenceCategory'
    | 'certificateName'
    | 'licenceNumber'
    | 'content'
    | 'decisionDate'
    | 'validFrom'
    | 'validUntil'
    | 'authorityName'
    | 'authorityCode'
    | 'currentState'
    | 'sourceUnitName'
    | 'sourceUnitCode'
    | 'remarks'
    | 'status'
  > & { departmentCode: string; updatedAt: string };

export function licensingStandard(r: LicensingPublicRow, today: string) {
  return {
    id: r.id,
    XK_WSH: r.documentNumber,
    ...party('XK', r),
    XK_XKWS: r.decisionDocumentName,
    XK_XKLB: r.licenceCategory,
    XK_XKZS: r.certificateName,
    XK_XKBH: r.licenceNumber,
    XK_NR: r.content,
    XK_JDRQ: r.decisionDate,
    XK_YXQZ: r.validFrom,
    XK_YXQZI: r.validUntil,
    XK_XKJG: r.authorityName,
    XK_XKJGDM: r.authorityCode,
    XK_ZT: r.currentState,
    XK_LYDW: r.sourceUnitName,
    XK_LYDWDM: r.sourceUnitCode,
    BZ: r.remarks,
    expired: r.validUntil < today,
    suspended: r.status === 'suspended',
    department: r.departmentCode,
    updated_at: r.updatedAt,
  };
}

export type LicensingStandardRow = CarriesEvery<LicensingCode, ReturnType<typeof licensingStandard>>;

export interface ListEntryPublicRow {
  id: number;
  listType: ListType;
  subjectKind: SubjectKind;
  subjectName: string;
  uscc: string | null;
  departmentCode: string;
  departmentName: string;
  decisionNumber: string;
  basis: string;
  reason: string;
  domain: string | null;
  listedOn: string;
  validUntil: string;
  status: string;
  updatedAt: string;
}

/** A list entry as the API and the open-data file give it. */
export function listEntryStandard(r: ListEntryPublicRow) {
  return {
    id: r.id,
    list_type: r.listType,
    list_type_label: LIST_TYPE_LABELS[r.listType],
    subject_name: publicSubjectName(r.subjectKind, r.subjectName),
    uscc: r.uscc,
    department: r.departmentCode,
    department_name: r.departmentName,
    decision_number: r.decisionNumber,
    basis: r.basis,
    reason: r.reason,
    domain: r.domain,
    listed_on: r.listedOn,
    valid_until: r.validUntil,
    suspended: r.status === 'suspended',
    updated_at: r.updatedAt,
  };
}
