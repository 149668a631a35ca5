import {
  LIST_TYPE_LABELS,
  RECORD_STATUS_LABELS,
  SUBJECT_KIND_LABELS,
  type ListType,
  type SubjectKind,
} from '../rules/codes';
import { ownUscc } from '../rules/uscc';
import { publicSubjectName } from '../subjects/present';
import { exposureWindow, licensingWindow, listEntryWindow, penaltyWindow } from '../visibility/public';
import { FIELD_SEPARATOR, normalizeSearchText } from './text';
import type { HitDisplay, HitKind } from './types';

// How each public thing becomes one search document (pure). What is in `title` and `body`
// is what a search can find: public names (natural persons masked), codes, document
// numbers and the public text of the record — never an ID number, masked or not.

export interface SearchDocument {
  docId: string;
  kind: HitKind;
  entityId: number;
  subjectId: number | null;
  title: string;
  titleNorm: string;
  body: string;
  searchText: string;
  display: HitDisplay;
  departmentId: number | null;
  divisionCode: string | null;
  year: number | null;
  categories: string[];
  severity: string | null;
  listType: string | null;
  domain: string | null;
  sortDate: string | null;
  publicFrom: string | null;
  publicUntil: string | null;
  expiresOn: string | null;
}

export const docIdOf = (kind: HitKind, id: number) => `${kind}:${id}`;

interface SubjectPart {
  subjectId: number;
  subjectKind: SubjectKind;
  /** The name on the decision (行政相对人名称 as reported). */
  subjectName: string;
  /** The subject's name today: records are found under it. */
  currentName: string;
  subjectDivision: string | null;
  uscc: string | null;
}

export interface SubjectSource {
  id: number;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  registrationNumber: string | null;
  legalRepresentative: string | null;
  address: string | null;
  industry: string | null;
  divisionCode: string | null;
  establishedOn: string | null;
}

export interface LicensingSource extends SubjectPart {
  id: number;
  status: string;
  departmentId: number;
  departmentName: string;
  decisionDocumentName: string;
  documentNumber: string;
  licenceCategory: string;
  certificateName: string | null;
  licenceNumber: string | null;
  content: string;
  decisionDate: string;
  validUntil: string;
  publicFrom: string;
}

export interface PenaltySource extends SubjectPart {
  id: number;
  status: string;
  departmentId: number;
  departmentName: string;
  documentNumber: string;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  categories: string[];
  content: string;
  decisionDate: string;
  severity: string;
  domain: string | null;
  publicFrom: string;
  publicUntil: string;
}

export interface ListEntrySource extends SubjectPart {
  id: number;
  status: string;
  listType: ListType;
  departmentId: number;
  departmentName: string;
  decisionNumber: string;
  basis: string;
  reason: string;
  domain: string | null;
  listedOn: string;
  validUntil: string;
}

export interface ExposureSource {
  id: number;
  status: string;
  title: string;
  domain: string;
  subjectId: number | null;
  subjectKind: SubjectKind | null;
  subjectName: string;
  subjectDivision: string | null;
  departmentId: number | null;
  departmentName: string | null;
  summary: string;
  body: string;
  publishedOn: string | null;
}

const joinParts = (parts: readonly (string | null | undefined)[]) =>
  parts.filter((p): p is string => Boolean(p && p.trim())).join(' · ');
/** Body fields, one per line: a match never runs from one field into the next. */
const bodyLines = (parts: readonly (string | null | undefined)[]) =>
  parts
    .filter((p): p is string => Boolean(p && p.trim()))
    .map((p) => p.replace(/\s*\n\s*/g, ' '))
    .join('\n');
/** The name on the decision when the subject has been renamed since, so both names find it. */
const formerName = (r: SubjectPart) =>
  r.subjectKind !== 'natural_person' && normalizeSearchText(r.subjectName) !== normalizeSearchText(r.currentName)
    ? r.subjectName
    : null;
const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);
const suspendedBadges = (status: string) => (status === 'suspended' ? [RECORD_STATUS_LABELS.suspended] : []);

function finish(base: Omit<SearchDocument, 'titleNorm' | 'searchText' | 'docId'>): SearchDocument {
  const titleNorm = normalizeSearchText(base.title);
  const fieldsNorm = base.body.split('\n').map(normalizeSearchText);
  return {
    ...base,
    docId: docIdOf(base.kind, base.entityId),
    titleNorm,
    searchText: [titleNorm, ...fieldsNorm].join(FIELD_SEPARATOR),
  };
}

/** Natural persons have no subject document: their existence is not public, only their records are. */
export function subjectDocument(s: SubjectSource): SearchDocument | null {
  if (s.kind === 'natural_person') return null;
  const uscc = ownUscc(s.uscc);
  return finish({
    kind: 'subject',
    entityId: s.id,
    subjectId: s.id,
    title: s.name,
    body: bodyLines([uscc, s.registrationNumber, s.legalRepresentative, s.industry, s.address]),
    display: {
      title: s.name,
      subtitle: joinParts([SUBJECT_KIND_LABELS[s.kind], uscc ? `统一社会信用代码 ${uscc}` : null]),
      documentNumber: null,
      departmentName: null,
      date: s.establishedOn,
      badges: [],
      href: `/subjects/${s.id}`,
    },
    departmentId: null,
    divisionCode: s.divisionCode,
    year: yearOf(s.establishedOn),
    categories: [],
    severity: null,
    listType: null,
    domain: null,
    sortDate: s.establishedOn,
    publicFrom: null,
    publicUntil: null,
    expiresOn: null,
  });
}

export function licensingDocument(r: LicensingSource): SearchDocument | null {
  const visible = licensingWindow(r);
  if (!visible) return null;
  const title = publicSubjectName(r.subjectKind, r.currentName);
  return finish({
    kind: 'licensing',
    entityId: r.id,
    subjectId: r.subjectId,
    title,
    body: bodyLines([
      formerName(r),
      r.decisionDocumentName,
      r.documentNumber,
      r.certificateName,
      r.licenceNumber,
      r.content,
      r.departmentName,
      ownUscc(r.uscc),
    ]),
    display: {
      title,
      subtitle: r.decisionDocumentName,
      documentNumber: r.documentNumber,
      departmentName: r.departmentName,
      date: r.decisionDate,
      badges: suspendedBadges(r.status),
      href: `/disclosures/licensing/${r.id}`,
    },
    departmentId: r.departmentId,
    divisionCode: r.subjectDivision,
    year: yearOf(r.decisionDate),
    categories: [],
    severity: null,
    listType: null,
    domain: null,
    sortDate: r.decisionDate,
    ...visible,
    expiresOn: r.validUntil,
  });
}

export function penaltyDocument(r: PenaltySource): SearchDocument | null {
  const visible = penaltyWindow(r);
  if (!visible) return null;
  const title = publicSubjectName(r.subjectKind, r.currentName);
  return finish({
    kind: 'penalty',
    entityId: r.id,
    subjectId: r.subjectId,
    title,
    body: bodyLines([
      formerName(r),
      r.violationType,
      r.documentNumber,
      r.violationFacts,
      r.legalBasis,
      r.categories.join('、'),
      r.content,
      r.departmentName,
      ownUscc(r.uscc),
    ]),
    display: {
      title,
      subtitle: r.violationType,
      documentNumber: r.documentNumber,
      departmentName: r.departmentName,
      date: r.decisionDate,
      badges: suspendedBadges(r.status),
      href: `/disclosures/penalties/${r.id}`,
    },
    departmentId: r.departmentId,
    divisionCode: r.subjectDivision,
    year: yearOf(r.decisionDate),
    categories: r.categories,
    severity: r.severity,
    listType: null,
    domain: r.domain,
    sortDate: r.decisionDate,
    ...visible,
    expiresOn: null,
  });
}

export function listEntryDocument(e: ListEntrySource): SearchDocument | null {
  const visible = listEntryWindow(e);
  if (!visible) return null;
  const title = publicSubjectName(e.subjectKind, e.subjectName);
  const label = LIST_TYPE_LABELS[e.listType];
  return finish({
    kind: 'list_entry',
    entityId: e.id,
    subjectId: e.subjectId,
    title,
    body: bodyLines([label, e.reason, e.decisionNumber, e.basis, e.departmentName, ownUscc(e.uscc)]),
    display: {
      title,
      subtitle: `${label} · ${e.reason}`,
      documentNumber: e.decisionNumber,
      departmentName: e.departmentName,
      date: e.listedOn,
      badges: e.status === 'suspended' ? [RECORD_STATUS_LABELS.suspended] : [],
      href: `/lists/${e.listType}/${e.id}`,
    },
    departmentId: e.departmentId,
    divisionCode: e.subjectDivision,
    year: yearOf(e.listedOn),
    categories: [],
    severity: null,
    listType: e.listType,
    domain: e.domain,
    sortDate: e.listedOn,
    ...visible,
    expiresOn: null,
  });
}

export function exposureDocument(c: ExposureSource): SearchDocument | null {
  const visible = exposureWindow(c);
  if (!visible) return null;
  const subjectName = c.subjectKind ? publicSubjectName(c.subjectKind, c.subjectName) : c.subjectName;
  return finish({
    kind: 'exposure',
    entityId: c.id,
    subjectId: c.subjectId,
    title: c.title,
    body: bodyLines([subjectName, c.summary, c.body, c.departmentName]),
    display: {
      title: c.title,
      subtitle: c.summary,
      documentNumber: null,
      departmentName: c.departmentName,
      date: visible.publicFrom,
      badges: [c.domain],
      href: `/exposure/${c.id}`,
    },
    departmentId: c.departmentId,
    divisionCode: c.subjectDivision,
    year: yearOf(visible.publicFrom),
    categories: [],
    severity: null,
    listType: null,
    domain: c.domain,
    sortDate: visible.publicFrom,
    ...visible,
    expiresOn: null,
  });
}
