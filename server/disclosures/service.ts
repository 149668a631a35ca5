import { suspensionNote } from '../rules/record-lifecycle';
import type { Db } from '../db/client';
import { departmentByCode } from '../departments/repository';
import type { Selectable } from 'kysely';
import type { LicensingRecordTable, PenaltyRecordTable } from '../db/types';
import { LICENSING_CATEGORIES, PENALTY_CATEGORIES, RECORD_STATUS_LABELS, type SubjectKind } from '../rules/codes';
import { maskIdNumber, maskPersonName } from '../rules/masking';
import { normalizeCode, normalizeName } from '../rules/normalize';
import { publicSubjectName } from '../subjects/present';
import { licenceIsExpired } from '../visibility/public';
import { BOM, csvLine } from '../csv/writer';
import {
  LONG_TERM_DATE,
  publishedFields,
  trimDecimal,
  type FieldType,
  type LicensingCode,
  type PenaltyCode,
  type RecordKind,
} from '../standard/fields';
import {
  DEFAULT_SORT,
  FACET_FIELDS,
  MAX_PAGE,
  PAGE_SIZE,
  sortLabel,
  type DisclosureFilters,
  type DisclosureKind,
  type DisclosureSort,
  type FacetField,
  type FilterError,
} from './filters';
import * as repo from './repository';
import { createSummaryCache, type SummaryCache } from '../http/summary-cache';

/** A download holds at most this many rows, the first ones in list order. */
export const EXPORT_ROW_LIMIT = 10_000;
/** Rows fetched per query while streaming a download (keeps memory bounded). */
const EXPORT_BATCH = 1_000;

export const BADGE_EXPIRED = '已过期';
export const BADGE_SUSPENDED = RECORD_STATUS_LABELS.suspended;

// ---------------------------------------------------------------- filters

/** Department codes to ids, keyword to patterns; unknown values become messages, not empty lists. */
async function resolveFilters(
  db: Db,
  f: DisclosureFilters,
): Promise<{ resolved: repo.ResolvedFilters; errors: FilterError[] }> {
  const resolved: repo.ResolvedFilters = {};
  const errors: FilterError[] = [];
  if (f.department?.length) {
    const found = await Promise.all(f.department.map((code) => departmentByCode(db, code)));
    const ids = found.flatMap((d) => (d ? [d.id] : []));
    if (ids.length < f.department.length) {
      errors.push({ field: 'department', message: '没有这个部门，请从列表中选择。' });
    }
    // Every department unknown: nothing to filter by, and the message says why (not an empty list).
    if (ids.length) resolved.departmentIds = ids;
  }
  if (f.division?.length) {
    const known = new Set((await repo.countyDivisions(db)).map((d) => d.code));
    const codes = f.division.filter((c) => known.has(c));
    if (codes.length < f.division.length) errors.push({ field: 'division', message: '没有这个区县，请从列表中选择。' });
    if (codes.length) resolved.divisionCodes = codes;
  }
  if (f.category?.length) resolved.categories = f.category;
  if (f.from !== undefined) resolved.from = f.from;
  if (f.to !== undefined) resolved.to = f.to;
  const keyword = f.q === undefined ? '' : normalizeName(f.q);
  if (keyword !== '') {
    resolved.keyword = { pattern: `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, code: normalizeCode(f.q ?? '') };
  }
  return { resolved, errors };
}

const ORDERS: Record<DisclosureSort, repo.Order> = {
  'date-desc': { column: 'decisionDate', direction: 'desc' },
  'date-asc': { column: 'decisionDate', direction: 'asc' },
  'fine-desc': { column: 'fineAmount', direction: 'desc' },
  'fine-asc': { column: 'fineAmount', direction: 'asc' },
};

/** What the filter form offers: departments that publish this kind, divisions, categories. */
export async function getFilterOptions(db: Db, today: string, kind: DisclosureKind) {
  const [departments, divisions] = await Promise.all([
    repo.publishingDepartments(db, today, kind),
    repo.countyDivisions(db),
  ]);
  return {
    departments: departments.map((d) => ({ id: d.id, code: d.code, name: d.name })),
    divisions,
    categories: [...(kind === 'licensing' ? LICENSING_CATEGORIES : PENALTY_CATEGORIES)],
  };
}

// ---------------------------------------------------------------- public DTOs

/** The stored masked copy; should a full number ever arrive, it is masked here (SPEC §2). */
function publicIdNumber(masked: string | null): string | null {
  if (masked === null || masked === '') return null;
  return masked.includes('*') ? masked : maskIdNumber(masked);
}

type Party = Pick<
  Selectable<PenaltyRecordTable>,
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
> & { subjectKind: SubjectKind };

/** 行政相对人 as the public sees it: persons masked, ID numbers only as masked copies. */
function publicParty(r: Party) {
  const person = r.subjectKind === 'natural_person';
  return {
    subjectName: publicSubjectName(r.subjectKind, r.subjectName),
    subjectCategory: r.subjectCategory,
    /** Natural persons have no public profile page (as in /search). */
    subjectLinkable: !person,
    uscc: r.uscc,
    registrationNumber: r.registrationNumber,
    orgCode: r.orgCode,
    taxNumber: r.taxNumber,
    institutionCert: r.institutionCert,
    socialOrgCert: r.socialOrgCert,
    legalRepresentative:
      person && r.legalRepresentative ? maskPersonName(r.legalRepresentative) : r.legalRepresentative,
    legalRepIdType: r.legalRepIdType,
    legalRepIdNumber: publicIdNumber(r.legalRepIdMasked),
    partyIdType: r.partyIdType,
    partyIdNumber: publicIdNumber(r.partyIdMasked),
  };
}

export type PublicParty = ReturnType<typeof publicParty>;

type PenaltyRow = Selectable<PenaltyRecordTable> & { subjectKind: SubjectKind; departmentName: string };
type LicensingRow = Selectable<LicensingRecordTable> & { subjectKind: SubjectKind; departmentName: string };

function penaltyBadges(status: string): string[] {
  return status === 'suspended' ? [BADGE_SUSPENDED] : [];
}

function licensingBadges(status: string, validUntil: string, today: string): string[] {
  return [
    ...(licenceIsExpired(validUntil, today) ? [BADGE_EXPIRED] : []),
    ...(status === 'suspended' ? [BADGE_SUSPENDED] : []),
  ];
}

function penaltyDetail(r: PenaltyRow) {
  return {
    kind: 'penalty' as const,
    id: r.id,
    subjectId: r.subjectId,
    ...publicParty(r),
    documentNumber: r.documentNumber,
    violationType: r.violationType,
    violationFacts: r.violationFacts,
    legalBasis: r.legalBasis,
    categories: r.categories,
    content: r.content,
    fineAmount: r.fineAmount,
    confiscatedAmount: r.confiscatedAmount,
    licenceAffected: r.licenceAffected,
    decisionDate: r.decisionDate,
    penaltyValidUntil: r.penaltyValidUntil,
    authorityName: r.authorityName,
    authorityCode: r.authorityCode,
    sourceUnitName: r.sourceUnitName,
    sourceUnitCode: r.sourceUnitCode,
    remarks: r.remarks,
    departmentName: r.departmentName,
    publicFrom: r.publicFrom,
    publicUntil: r.publicUntil,
    /** null when the penalty may never be repaired early (SPEC §4). */
    earliestRepairOn: r.repairableEarly ? r.earliestRepairOn : null,
    repairableEarly: r.repairableEarly,
    suspendedDays: r.suspendedDays,
    /** Why the end dates moved: "因异议处理暂停 N 天，相应顺延" (SPEC §6). */
    suspensionNote: suspensionNote(r.suspendedDays),
    suspended: r.status === 'suspended',
    badges: penaltyBadges(r.status),
  };
}

function licensingDetail(r: LicensingRow, today: string) {
  return {
    kind: 'licensing' as const,
    id: r.id,
    subjectId: r.subjectId,
    ...publicParty(r),
    decisionDocumentName: r.decisionDocumentName,
    documentNumber: r.documentNumber,
    licenceCategory: r.licenceCategory,
    certificateName: r.certificateName,
    licenceNumber: r.licenceNumber,
    content: r.content,
    decisionDate: r.decisionDate,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    authorityName: r.authorityName,
    authorityCode: r.authorityCode,
    currentState: r.currentState,
    sourceUnitName: r.sourceUnitName,
    sourceUnitCode: r.sourceUnitCode,
    remarks: r.remarks,
    departmentName: r.departmentName,
    publicFrom: r.publicFrom,
    expired: licenceIsExpired(r.validUntil, today),
    suspended: r.status === 'suspended',
    badges: licensingBadges(r.status, r.validUntil, today),
  };
}

export type PenaltyDetail = ReturnType<typeof penaltyDetail>;
export type LicensingDetail = ReturnType<typeof licensingDetail>;

// ---------------------------------------------------------------- the standard's fields, shown

/** A field of the standard (server/standard/fields.ts) with how a record's value is shown. */
export interface StandardField<R> {
  code: string;
  label: string;
  type: FieldType;
  value: (r: R) => string | null;
}

type PartyPrefix = 'XK_' | 'CF_';
type PartySuffix = 'XDR_MC' | 'XDR_LB' | 'XDR_SHXYM' | 'XDR_GSZC' | 'XDR_ZZJG' | 'XDR_SWDJ' | 'XDR_SYDW' | 'XDR_SHZZ';
type PartyCode<P extends PartyPrefix> = `${P}${PartySuffix | 'FRDB' | 'FR_ZJLX' | 'FR_ZJHM' | 'XDR_ZJLX' | 'XDR_ZJHM'}`;

/** 行政相对人 values, identical for both kinds apart from the prefix. */
function partyValues<R extends PublicParty, P extends PartyPrefix>(p: P) {
  const values: Record<string, (r: R) => string | null> = {
    XDR_MC: (r) => r.subjectName,
    XDR_LB: (r) => r.subjectCategory,
    XDR_SHXYM: (r) => r.uscc,
    XDR_GSZC: (r) => r.registrationNumber,
    XDR_ZZJG: (r) => r.orgCode,
    XDR_SWDJ: (r) => r.taxNumber,
    XDR_SYDW: (r) => r.institutionCert,
    XDR_SHZZ: (r) => r.socialOrgCert,
    FRDB: (r) => r.legalRepresentative,
    FR_ZJLX: (r) => r.legalRepIdType,
    FR_ZJHM: (r) => r.legalRepIdNumber,
    XDR_ZJLX: (r) => r.partyIdType,
    XDR_ZJHM: (r) => r.partyIdNumber,
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${p}${k}`, v])) as Record<
    PartyCode<P>,
    (r: R) => string | null
  >;
}

/** The standard's fields in its order, each with the value a record shows for it. */
function withValues<R, C extends string>(
  kind: RecordKind,
  values: Record<C, (r: R) => string | null>,
): readonly StandardField<R>[] {
  return publishedFields(kind).map((f) => ({
    code: f.code,
    label: f.label,
    type: f.type,
    value: (values as Record<string, (r: R) => string | null>)[f.code]!,
  }));
}

export const LICENSING_FIELDS = withValues<LicensingDetail, LicensingCode>('licensing', {
  ...partyValues<LicensingDetail, 'XK_'>('XK_'),
  XK_XKWS: (r) => r.decisionDocumentName,
  XK_WSH: (r) => r.documentNumber,
  XK_XKLB: (r) => r.licenceCategory,
  XK_XKZS: (r) => r.certificateName,
  XK_XKBH: (r) => r.licenceNumber,
  XK_NR: (r) => r.content,
  XK_JDRQ: (r) => r.decisionDate,
  XK_YXQZ: (r) => r.validFrom,
  XK_YXQZI: (r) => (r.validUntil === LONG_TERM_DATE ? '长期' : r.validUntil),
  XK_XKJG: (r) => r.authorityName,
  XK_XKJGDM: (r) => r.authorityCode,
  XK_ZT: (r) => r.currentState,
  XK_LYDW: (r) => r.sourceUnitName,
  XK_LYDWDM: (r) => r.sourceUnitCode,
  BZ: (r) => r.remarks,
});

export const PENALTY_FIELDS = withValues<PenaltyDetail, PenaltyCode>('penalty', {
  ...partyValues<PenaltyDetail, 'CF_'>('CF_'),
  CF_WSH: (r) => r.documentNumber,
  CF_WFXW: (r) => r.violationType,
  CF_SY: (r) => r.violationFacts,
  CF_YJ: (r) => r.legalBasis,
  CF_CFLB: (r) => r.categories.join(';'),
  CF_NR: (r) => r.content,
  CF_NR_FK: (r) => trimDecimal(r.fineAmount),
  CF_NR_WFFF: (r) => trimDecimal(r.confiscatedAmount),
  CF_NR_ZKDX: (r) => r.licenceAffected,
  CF_JDRQ: (r) => r.decisionDate,
  CF_YXQ: (r) => r.penaltyValidUntil,
  CF_GSJZQ: (r) => r.publicUntil,
  CF_CFJG: (r) => r.authorityName,
  CF_CFJGDM: (r) => r.authorityCode,
  CF_SJLY: (r) => r.sourceUnitName,
  CF_SJLYDM: (r) => r.sourceUnitCode,
  BZ: (r) => r.remarks,
});

export async function getPublicPenalty(db: Db, today: string, id: number): Promise<PenaltyDetail | null> {
  const row = await repo.publicPenaltyById(db, today, id);
  return row ? penaltyDetail(row) : null;
}

export async function getPublicLicensing(db: Db, today: string, id: number): Promise<LicensingDetail | null> {
  const row = await repo.publicLicensingById(db, today, id);
  return row ? licensingDetail(row, today) : null;
}

// ---------------------------------------------------------------- lists

export interface DisclosureListItem {
  id: number;
  subjectId: number;
  subjectName: string;
  subjectLinkable: boolean;
  documentNumber: string;
  /** Licence name (许可证书名称, else the decision's name) or violation type (违法行为类型). */
  title: string;
  /** 许可类别 or 处罚类别. */
  categories: string[];
  departmentName: string;
  decisionDate: string;
  /** 罚款金额 in 万元 as a decimal string without trailing zeros (penalties with a fine only). */
  fineAmount: string | null;
  badges: string[];
}

interface ListRow {
  id: number;
  subjectId: number;
  subjectKind: SubjectKind;
  subjectName: string;
  documentNumber: string;
  departmentName: string;
  decisionDate: string;
}

function listItem(
  r: ListRow,
  title: string,
  categories: string[],
  badges: string[],
  fineAmount: string | null = null,
): DisclosureListItem {
  return {
    id: r.id,
    subjectId: r.subjectId,
    subjectName: publicSubjectName(r.subjectKind, r.subjectName),
    subjectLinkable: r.subjectKind !== 'natural_person',
    documentNumber: r.documentNumber,
    title,
    categories,
    departmentName: r.departmentName,
    decisionDate: r.decisionDate,
    fineAmount: fineAmount === null ? null : trimDecimal(String(fineAmount)),
    badges,
  };
}

const facetCaches = new WeakMap<Db, SummaryCache<repo.FacetCounts>>();

/**
 * Each facet's counts under the other facets' filters: the costliest part of a list page (a
 * scan of every public record), so kept until public data changes or the table's newest
 * updated_at moves (server/http/summary-cache.ts).
 */
async function facetCounts(db: Db, today: string, kind: DisclosureKind, resolved: repo.ResolvedFilters) {
  let cache = facetCaches.get(db);
  if (!cache) facetCaches.set(db, (cache = createSummaryCache()));
  const lastChange = await repo.lastChangeOf(db, kind);
  return cache.get(
    JSON.stringify([kind, today, resolved, lastChange]),
    () =>
      kind === 'penalty'
        ? repo.penaltyFacetCounts(db, today, resolved)
        : repo.licensingFacetCounts(db, today, resolved),
    () => true,
  );
}

/** One value of a facet: what the URL carries, what people read, how many records have it. */
export interface DisclosureFacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface DisclosureList {
  kind: DisclosureKind;
  items: DisclosureListItem[];
  /** Every record the filters match, exact (the CSV download's X-Total-Count says the same). */
  total: number;
  page: number;
  /** Pages that can be reached (never past MAX_PAGE). */
  pageCount: number;
  pageSize: number;
  sort: DisclosureSort;
  /** The filters that were applied (unknown values left out). */
  applied: DisclosureFilters;
  /** Per facet: its values with counts under the other facets' filters (disjunctive facets). */
  facets: Record<FacetField, DisclosureFacetValue[]>;
  /** Filter values that could not be applied (unknown department …), with messages. */
  errors: FilterError[];
}

/** The filters as applied: a value that resolved to nothing is left out. */
function appliedFilters(filters: DisclosureFilters, resolved: repo.ResolvedFilters, codes: Map<number, string>) {
  const applied: DisclosureFilters = { ...filters };
  if (resolved.departmentIds) applied.department = resolved.departmentIds.map((id) => codes.get(id) ?? String(id));
  else delete applied.department;
  if (resolved.divisionCodes) applied.division = resolved.divisionCodes;
  else delete applied.division;
  return applied;
}

function facetValues(
  options: { code: string; name: string }[],
  counts: Map<string, number>,
  selected: readonly string[] = [],
): DisclosureFacetValue[] {
  return options
    .map((o) => ({ value: o.code, label: o.name, count: counts.get(o.code) ?? 0, selected: selected.includes(o.code) }))
    .filter((v) => v.count > 0 || v.selected);
}

export async function listDisclosures(
  db: Db,
  today: string,
  kind: DisclosureKind,
  filters: DisclosureFilters,
  page = 1,
  sort: DisclosureSort = DEFAULT_SORT,
): Promise<DisclosureList> {
  const { resolved, errors } = await resolveFilters(db, filters);
  const offset = (Math.min(page, MAX_PAGE) - 1) * PAGE_SIZE;
  const order = ORDERS[sort];
  const [total, items, counts, options] = await Promise.all([
    kind === 'penalty'
      ? repo.countPenalties(db, today, resolved, null)
      : repo.countLicensing(db, today, resolved, null),
    kind === 'penalty'
      ? repo
          .listPenalties(db, today, resolved, order, PAGE_SIZE, offset)
          .then((rows) =>
            rows.map((r) => listItem(r, r.violationType, r.categories, penaltyBadges(r.status), r.fineAmount)),
          )
      : repo
          .listLicensing(db, today, resolved, order, PAGE_SIZE, offset)
          .then((rows) =>
            rows.map((r) =>
              listItem(
                r,
                r.certificateName ?? r.decisionDocumentName,
                [r.licenceCategory],
                licensingBadges(r.status, r.validUntil, today),
              ),
            ),
          ),
    facetCounts(db, today, kind, resolved),
    getFilterOptions(db, today, kind),
  ]);
  const codeOfDepartment = new Map(options.departments.map((d) => [d.id, d.code]));
  const applied = appliedFilters(filters, resolved, codeOfDepartment);
  const byDepartment = new Map(counts.department.map((c) => [codeOfDepartment.get(c.departmentId) ?? '', c.n]));
  const facets: Record<FacetField, DisclosureFacetValue[]> = {
    department: facetValues(options.departments, byDepartment, applied.department),
    division: facetValues(options.divisions, new Map(counts.division.map((c) => [c.code, c.n])), applied.division),
    category: facetValues(
      options.categories.map((c) => ({ code: c, name: c })),
      new Map(counts.category.map((c) => [c.value, c.n])),
      applied.category,
    ),
  };
  for (const field of FACET_FIELDS) if (!applied[field]?.length) delete applied[field];
  return {
    kind,
    items,
    total,
    page,
    pageCount: Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE)),
    pageSize: PAGE_SIZE,
    sort,
    applied,
    facets,
    errors,
  };
}

// ---------------------------------------------------------------- downloads

/** Portal columns after the standard ones; they have no code in the standard. */
const STATUS_COLUMN = '公示状态';

/** "行政相对人名称(CF_XDR_MC)": people read the name, importers take the code in parentheses. */
export function exportHeader(kind: DisclosureKind): string[] {
  const fields: readonly StandardField<never>[] = kind === 'penalty' ? PENALTY_FIELDS : LICENSING_FIELDS;
  return [...fields.map((f) => `${f.label}(${f.code})`), STATUS_COLUMN];
}

function statusText(badges: string[], fallback: string): string {
  return badges.length ? badges.join('；') : fallback;
}

export interface DisclosureExport {
  /** Every record the filters match (exact). */
  total: number;
  /** Rows in the file: min(total, cap). */
  rows: number;
  truncated: boolean;
  /** The file, line by line, BOM first; fetched in batches as it is read. */
  lines: AsyncIterable<string>;
}

/** The note the file ends with when it holds only the first `cap` of `total` records. */
export function truncationNote(
  kind: DisclosureKind,
  total: number,
  cap: number,
  sort: DisclosureSort = DEFAULT_SORT,
): string {
  return `注：符合条件的记录共 ${total.toLocaleString('zh-CN')} 条，本文件仅包含按${sortLabel(kind, sort)}排列的前 ${cap.toLocaleString('zh-CN')} 条。请缩小筛选范围（如日期区间）后分批下载。`;
}

export async function exportDisclosures(
  db: Db,
  today: string,
  kind: DisclosureKind,
  filters: DisclosureFilters,
  options: {
    /** Rows at most (the first ones in list order). */
    cap?: number;
    sort?: DisclosureSort;
    /** Rows per query (tests make it small to cross batch boundaries). */
    batch?: number;
  } = {},
): Promise<{ errors: FilterError[] } | ({ errors: [] } & DisclosureExport)> {
  const { resolved, errors } = await resolveFilters(db, filters);
  if (errors.length) return { errors };
  const total =
    kind === 'penalty'
      ? await repo.countPenalties(db, today, resolved, null)
      : await repo.countLicensing(db, today, resolved, null);
  const { cap = EXPORT_ROW_LIMIT, sort = DEFAULT_SORT, batch: batchSize = EXPORT_BATCH } = options;
  const rows = Math.min(total, cap);
  const order = ORDERS[sort];
  const keyOf = (r: { decisionDate: string; fineAmount?: string | null }) =>
    order.column === 'fineAmount' ? String(r.fineAmount ?? 0) : r.decisionDate;

  async function* lines(): AsyncGenerator<string> {
    yield BOM + csvLine(exportHeader(kind));
    let sent = 0;
    let after: repo.Cursor | undefined;
    while (sent < rows) {
      const limit = Math.min(batchSize, rows - sent);
      const batch =
        kind === 'penalty'
          ? (await repo.penaltyRows(db, today, resolved, limit, order, after)).map((r) => {
              const d = penaltyDetail(r);
              return { r, cells: [...PENALTY_FIELDS.map((f) => f.value(d)), statusText(d.badges, '公示中')] };
            })
          : (await repo.licensingRows(db, today, resolved, limit, order, after)).map((r) => {
              const d = licensingDetail(r, today);
              return { r, cells: [...LICENSING_FIELDS.map((f) => f.value(d)), statusText(d.badges, '公示中')] };
            });
      const last = batch.at(-1);
      if (!last) break;
      yield batch.map((b) => csvLine(b.cells)).join('');
      sent += batch.length;
      after = { key: keyOf(last.r), id: last.r.id };
    }
    if (total > cap) yield csvLine([truncationNote(kind, total, cap, sort)]);
  }
  return { errors: [], total, rows, truncated: total > cap, lines: lines() };
}
