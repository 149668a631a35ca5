// Shapes shared by the generator's modules. Generated objects carry references to each other
// (a penalty to its subject); database ids are filled in only when a chunk is inserted.

import type { IdentityKeys, ProtectedIdNumber } from '../identities/protect';
import type { IsoDate } from '../rules/dates';
import type {
  CatalogKind,
  LicensingCategory,
  PenaltyCategory,
  RecordStatus,
  Severity,
  SubjectKind,
  ListEntryStatus,
  ListType,
} from '../rules/codes';
import type { SubjectCodeColumns } from '../db/types';
import type { DepartmentSeed } from '../reference/departments';
import type { Industry } from './industries';
import type { Random } from './random';

export type DeptInfo = Omit<DepartmentSeed, 'isOffice' | 'issuesPenalties' | 'issuesLicences'> & { id: number };

export interface CatalogRef {
  id: number;
  code: string;
  kind: CatalogKind;
  domain: string | null;
}

/** A protected ID number waiting for (or having got) its identity_numbers row. */
export interface IdentityRef {
  value: ProtectedIdNumber;
  id: number;
}

export type OrgForm =
  | 'enterprise'
  | 'branch'
  | 'individual'
  | 'cooperative'
  | 'institution'
  | 'social_group'
  | 'private_nonprofit'
  | 'person';

export interface GenSubject extends SubjectCodeColumns {
  index: number;
  id: number;
  kind: SubjectKind;
  form: OrgForm;
  industry: Industry;
  name: string;
  nameNorm: string;
  legalRepId: IdentityRef | null;
  personId: IdentityRef | null;
  divisionCode: string;
  industryLabel: string | null;
  address: string;
  establishedOn: IsoDate | null;
  registeredCapital: string | null;
  businessScope: string | null;
  registrationStatus: string;
  /** The subject's own random stream: its records are drawn from it, in order. */
  rng: Random;
}

export interface GenLicence {
  subject: GenSubject;
  dept: DeptInfo;
  decisionDocumentName: string;
  documentNumber: string;
  licenceCategory: LicensingCategory;
  certificateName: string | null;
  licenceNumber: string | null;
  content: string;
  decisionDate: IsoDate;
  validFrom: IsoDate;
  validUntil: IsoDate;
  currentState: '有效' | '无效';
  remarks: string | null;
  status: RecordStatus;
  withdrawnOn: IsoDate | null;
  withdrawalReason: string | null;
  reportedAt: string;
}

export interface GenPenalty {
  id: number;
  subject: GenSubject;
  dept: DeptInfo;
  documentNumber: string;
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
  severity: Severity;
  severityExplicit: boolean;
  summaryProcedure: boolean;
  domain: string | null;
  status: RecordStatus;
  publicFrom: IsoDate;
  earliestRepairOn: IsoDate;
  publicUntil: IsoDate;
  periodRuleId: string;
  repairableEarly: boolean;
  suspendedSince: IsoDate | null;
  suspendedDays: number;
  repairedOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
  withdrawalReason: string | null;
  remarks: string | null;
  reportedAt: string;
}

export interface GenListEntry {
  id: number;
  listType: ListType;
  subject: GenSubject;
  dept: DeptInfo;
  decisionNumber: string;
  basis: string;
  reason: string;
  domain: string | null;
  listedOn: IsoDate;
  validUntil: IsoDate;
  status: ListEntryStatus;
  removedOn: IsoDate | null;
  removalReason: string | null;
  suspendedSince: IsoDate | null;
  penalty: GenPenalty | null;
  measures: CatalogRef[];
}

export interface GenExposure {
  title: string;
  domain: string;
  subject: GenSubject;
  dept: DeptInfo;
  penalty: GenPenalty | null;
  summary: string;
  body: string;
  publishedOn: IsoDate | null;
  status: 'draft' | 'published';
}

export interface GenContext {
  seed: string;
  today: IsoDate;
  keys: IdentityKeys;
  depts: ReadonlyMap<string, DeptInfo>;
  /** County-level market regulation bureaus by division code. */
  countyMarket: ReadonlyMap<string, DeptInfo>;
  catalog: Readonly<Record<CatalogKind, readonly CatalogRef[]>>;
  counters: Map<string, number>;
  usedNames: Set<string>;
  usedIdNumbers: Set<string>;
}

export interface GenChunk {
  index: number;
  subjects: GenSubject[];
  licences: GenLicence[];
  penalties: GenPenalty[];
  listEntries: GenListEntry[];
  exposures: GenExposure[];
}
