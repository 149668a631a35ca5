import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ApplicationDecision,
  ApplicationKind,
  ApplicationStatus,
  CatalogKind,
  ListEntryStatus,
  ListType,
  RecordStatus,
  Severity,
  StaffRole,
  SubjectKind,
} from '../rules/codes';
import type { CoordinationTables } from '../coordination/tables';

// Row types of the schema in migrations/. Column names are camelCase here (CamelCasePlugin).
// Dates are 'YYYY-MM-DD' strings, money (万元) decimal strings, timestamps Date.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamp the database fills in (default now()); still settable. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateString = string;
type Decimal = ColumnType<string, string | number, string | number>;
type SubjectCategory = '法人及非法人组织' | '自然人' | '个体工商户';
/** How applications.query_code_hash was made: plain SHA-256 (legacy rows) or HMAC with the server secret. */
export type QueryCodeHashKind = 'sha256' | 'hmac_sha256';

export interface DivisionTable {
  code: string;
  name: string;
  fullName: string;
  parentCode: string | null;
  population: Generated<number>;
  sortOrder: Generated<number>;
}

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  shortName: string;
  docPrefix: string;
  uscc: string;
  divisionCode: string;
  isOffice: Generated<boolean>;
  sortOrder: Generated<number>;
  createdAt: CreatedAt;
}

export interface IdentityNumberTable {
  id: Generated<number>;
  idType: Generated<string>;
  hmac: string;
  ciphertext: string;
  masked: string;
  createdAt: CreatedAt;
}

/** The code slots of the national standard, shared by subjects and the records about them. */
export interface SubjectCodeColumns {
  uscc: string | null;
  registrationNumber: string | null;
  orgCode: string | null;
  taxNumber: string | null;
  institutionCert: string | null;
  socialOrgCert: string | null;
  legalRepresentative: string | null;
}

export interface SubjectTable extends SubjectCodeColumns {
  id: Generated<number>;
  kind: SubjectKind;
  name: string;
  nameNorm: string;
  /** Generated (migration 1500): nameKey(name), for forgiving name search. */
  nameKey: Generated<string>;
  legalRepIdType: string | null;
  legalRepIdMasked: string | null;
  legalRepIdRef: number | null;
  personIdType: string | null;
  personIdMasked: string | null;
  personIdRef: number | null;
  divisionCode: string | null;
  industry: string | null;
  address: string | null;
  establishedOn: DateString | null;
  registeredCapital: Decimal | null;
  businessScope: string | null;
  registrationStatus: Generated<string>;
  createdAt: CreatedAt;
  updatedAt: GeneratedTimestamp;
}

export interface ImportTable {
  id: Generated<number>;
  departmentId: number;
  recordKind: 'licensing' | 'penalty';
  channel: 'upload' | 'cli' | 'api' | 'seed';
  fileName: string | null;
  fileSha256: string | null;
  status: Generated<'pending' | 'previewed' | 'running' | 'committed' | 'failed' | 'cancelled'>;
  totalRows: Generated<number>;
  createdRows: Generated<number>;
  updatedRows: Generated<number>;
  unchangedRows: Generated<number>;
  errorRows: Generated<number>;
  createdBy: number | null;
  createdAt: CreatedAt;
  finishedAt: Timestamp | null;
}

export interface ImportErrorTable {
  id: Generated<number>;
  importId: number;
  rowNumber: number;
  field: string | null;
  message: string;
}

/** Columns both record kinds share: the party (行政相对人) slots of the standard. */
interface PartyColumns extends SubjectCodeColumns {
  subjectId: number;
  departmentId: number;
  subjectName: string;
  subjectCategory: SubjectCategory;
  legalRepIdType: string | null;
  legalRepIdMasked: string | null;
  legalRepIdRef: number | null;
  partyIdType: string | null;
  partyIdMasked: string | null;
  partyIdRef: number | null;
  documentNumber: string;
  documentNumberNorm: string;
  authorityName: string;
  authorityCode: string;
  sourceUnitName: string;
  sourceUnitCode: string;
  remarks: string | null;
  status: Generated<RecordStatus>;
  publicFrom: DateString;
  withdrawnOn: DateString | null;
  withdrawalReason: string | null;
  sourceImportId: number | null;
  reportedAt: GeneratedTimestamp;
  createdAt: CreatedAt;
  updatedAt: GeneratedTimestamp;
}

export interface LicensingRecordTable extends PartyColumns {
  id: Generated<number>;
  decisionDocumentName: string;
  licenceCategory: '普通' | '特许' | '认可' | '核准' | '登记' | '其他';
  certificateName: string | null;
  licenceNumber: string | null;
  content: string;
  decisionDate: DateString;
  validFrom: DateString;
  validUntil: DateString;
  currentState: '有效' | '无效';
}

export interface PenaltyRecordTable extends PartyColumns {
  id: Generated<number>;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  categories: string[];
  content: string;
  fineAmount: Decimal | null;
  confiscatedAmount: Decimal | null;
  licenceAffected: string | null;
  decisionDate: DateString;
  penaltyValidUntil: DateString;
  requestedPublicUntil: DateString | null;
  severity: Severity;
  severityExplicit: Generated<boolean>;
  summaryProcedure: Generated<boolean>;
  domain: string | null;
  earliestRepairOn: DateString;
  publicUntil: DateString;
  periodRuleId: string;
  repairableEarly: Generated<boolean>;
  suspendedSince: DateString | null;
  suspendedDays: Generated<number>;
  repairedOn: DateString | null;
  /** Fields an upheld objection or a staff correction fixed; a re-import applies them again. */
  decidedCorrections: Generated<Record<string, string>>;
}

/** A sub-unit (e.g. a county branch) the office registered as publishing through a department. */
export interface DepartmentUnitTable {
  id: Generated<number>;
  departmentId: number;
  name: string;
  nameNorm: string;
  uscc: string | null;
  registeredBy: number | null;
  createdAt: CreatedAt;
}

export interface CatalogItemTable {
  id: Generated<number>;
  code: string;
  kind: CatalogKind;
  decidingUnit: string;
  measure: string;
  reason: string;
  legalBasis: string;
  implementingUnits: string;
  content: string;
  evidence: string;
  domain: string | null;
  active: Generated<boolean>;
  sortOrder: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: GeneratedTimestamp;
}

export interface ListEntryTable {
  id: Generated<number>;
  listType: ListType;
  subjectId: number;
  departmentId: number;
  decisionNumber: string;
  basis: string;
  reason: string;
  domain: string | null;
  listedOn: DateString;
  validUntil: DateString;
  status: Generated<ListEntryStatus>;
  removedOn: DateString | null;
  removalReason: string | null;
  suspendedSince: DateString | null;
  suspendedDays: Generated<number>;
  penaltyRecordId: number | null;
  createdAt: CreatedAt;
  updatedAt: GeneratedTimestamp;
}

export interface ListEntryMeasureTable {
  listEntryId: number;
  catalogItemId: number;
}

export interface ExposureCaseTable {
  id: Generated<number>;
  title: string;
  domain: string;
  subjectId: number | null;
  subjectName: string;
  departmentId: number | null;
  penaltyRecordId: number | null;
  summary: string;
  body: string;
  publishedOn: DateString | null;
  status: Generated<'draft' | 'published' | 'withdrawn'>;
  createdBy: number | null;
  createdAt: CreatedAt;
  updatedAt: GeneratedTimestamp;
}

export interface StaffUserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: StaffRole;
  departmentId: number | null;
  active: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: Timestamp | null;
  passwordChangedAt: GeneratedTimestamp;
  createdAt: CreatedAt;
  updatedAt: GeneratedTimestamp;
}

export interface StaffSessionTable {
  id: string;
  staffUserId: number;
  csrfToken: string;
  createdAt: CreatedAt;
  lastSeenAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  revokedAt: Timestamp | null;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiKeyTable {
  id: Generated<number>;
  departmentId: number;
  name: string;
  keyPrefix: string;
  keyHash: string;
  createdBy: number | null;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export interface ApplicationTable {
  id: Generated<number>;
  kind: ApplicationKind;
  trackingNumber: string;
  queryCodeHash: string;
  queryCodeHashKind: Generated<QueryCodeHashKind>;
  idempotencyKey: string;
  status: Generated<ApplicationStatus>;
  subjectId: number;
  departmentId: number;
  penaltyRecordId: number | null;
  licensingRecordId: number | null;
  listEntryId: number | null;
  parentApplicationId: number | null;
  applicantType: 'organisation' | 'person';
  applicantName: string;
  applicantUscc: string | null;
  contactPerson: string | null;
  phone: string;
  email: string | null;
  applicantIdMasked: string | null;
  applicantIdRef: number | null;
  reasonCategory: string;
  description: string;
  submittedAt: GeneratedTimestamp;
  acceptDueOn: DateString;
  decideDueOn: DateString | null;
  acceptedAt: Timestamp | null;
  decidedAt: Timestamp | null;
  decidedOn: DateString | null;
  decision: ApplicationDecision | null;
  decisionReasons: string | null;
  decidedBy: number | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: GeneratedTimestamp;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  applicationId: number;
  at: GeneratedTimestamp;
  actorStaffId: number | null;
  actorLabel: string;
  eventType: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  visibleToApplicant: Generated<boolean>;
}

export interface ApplicationAttachmentTable {
  id: Generated<number>;
  applicationId: number;
  fileName: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedAt: GeneratedTimestamp;
}

/** A file's bytes, kept in PostgreSQL (attachments, import previews): see stored_files migration. */
export interface StoredFileTable {
  key: string;
  sizeBytes: number;
  chunkCount: number;
  /** True when every chunk is AES-GCM ciphertext (import previews). */
  sealed: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface StoredFileChunkTable {
  fileKey: string;
  seq: number;
  bytes: Uint8Array;
}

export interface ImportPreviewTable {
  importId: number;
  fileKey: string;
  expiresAt: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: GeneratedTimestamp;
  actorType: 'staff' | 'system' | 'public' | 'api';
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: ColumnType<unknown, string | null, never> | null;
  after: ColumnType<unknown, string | null, never> | null;
  note: string | null;
}

export interface LifecycleTransitionTable {
  entityType: string;
  entityId: number;
  transition: string;
  effectiveOn: DateString;
  recordedAt: GeneratedTimestamp;
}

export interface SearchDocumentTable {
  docId: string;
  kind: 'subject' | 'licensing' | 'penalty' | 'list_entry' | 'exposure';
  entityId: number;
  subjectId: number | null;
  titleNorm: string;
  searchText: string;
  departmentId: number | null;
  divisionCode: string | null;
  year: number | null;
  categories: Generated<string[]>;
  severity: string | null;
  listType: string | null;
  domain: string | null;
  sortDate: DateString | null;
  publicFrom: DateString | null;
  publicUntil: DateString | null;
}

export interface SearchDocumentContentTable {
  docId: string;
  title: string;
  body: string;
  display: ColumnType<unknown, string, string>;
  expiresOn: DateString | null;
  updatedAt: GeneratedTimestamp;
}

export interface SearchOutboxTable {
  id: Generated<number>;
  docId: string;
  op: 'upsert' | 'delete';
  createdAt: CreatedAt;
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: GeneratedTimestamp;
  processedAt: Timestamp | null;
}

export interface NotificationOutboxTable {
  id: Generated<number>;
  applicationId: number;
  channel: Generated<'email'>;
  event: string;
  recipient: string;
  subject: string;
  body: string;
  secret: string | null;
  createdAt: CreatedAt;
  attempts: Generated<number>;
  nextAttemptAt: GeneratedTimestamp;
  lockedUntil: Timestamp | null;
  sentAt: Timestamp | null;
  lastError: string | null;
}

export interface RateLimitBucketTable {
  key: string;
  windowStart: Timestamp;
  hits: Generated<number>;
}

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: GeneratedTimestamp;
}

export interface IssuedReportTable {
  verificationCode: string;
  subjectId: number;
  issuedOn: DateString;
  contentSha256: string;
  createdAt: CreatedAt;
  /** Number shown as 信用报告编号 (migration 0203). */
  reportSeq: Generated<number>;
  /** The report's canonical content; null only for rows issued before migration 0203. */
  content: ColumnType<unknown, string, never> | null;
}

/** A year's holidays and make-up days entered by office staff (migration 1210). */
export interface WorkdayCalendarYearTable {
  year: number;
  holidays: ColumnType<string[], string, string>;
  workdays: ColumnType<string[], string, string>;
  source: string;
  updatedAt: GeneratedTimestamp;
  updatedBy: string;
}

export interface Database extends CoordinationTables {
  divisions: DivisionTable;
  departments: DepartmentTable;
  identityNumbers: IdentityNumberTable;
  subjects: SubjectTable;
  imports: ImportTable;
  importErrors: ImportErrorTable;
  licensingRecords: LicensingRecordTable;
  penaltyRecords: PenaltyRecordTable;
  catalogItems: CatalogItemTable;
  listEntries: ListEntryTable;
  listEntryMeasures: ListEntryMeasureTable;
  exposureCases: ExposureCaseTable;
  staffUsers: StaffUserTable;
  staffSessions: StaffSessionTable;
  apiKeys: ApiKeyTable;
  applications: ApplicationTable;
  applicationEvents: ApplicationEventTable;
  applicationAttachments: ApplicationAttachmentTable;
  storedFiles: StoredFileTable;
  storedFileChunks: StoredFileChunkTable;
  importPreviews: ImportPreviewTable;
  auditLog: AuditLogTable;
  departmentUnits: DepartmentUnitTable;
  lifecycleTransitions: LifecycleTransitionTable;
  searchDocuments: SearchDocumentTable;
  searchDocumentContents: SearchDocumentContentTable;
  searchOutbox: SearchOutboxTable;
  rateLimitBuckets: RateLimitBucketTable;
  appSettings: AppSettingTable;
  issuedReports: IssuedReportTable;
  workdayCalendarYears: WorkdayCalendarYearTable;
  notificationOutbox: NotificationOutboxTable;
}

export type Subject = Selectable<SubjectTable>;
export type NewSubject = Insertable<SubjectTable>;
export type SubjectUpdate = Updateable<SubjectTable>;
export type Department = Selectable<DepartmentTable>;
export type Division = Selectable<DivisionTable>;
export type LicensingRecord = Selectable<LicensingRecordTable>;
export type NewLicensingRecord = Insertable<LicensingRecordTable>;
export type PenaltyRecord = Selectable<PenaltyRecordTable>;
export type NewPenaltyRecord = Insertable<PenaltyRecordTable>;
export type CatalogItem = Selectable<CatalogItemTable>;
export type NewCatalogItem = Insertable<CatalogItemTable>;
export type ListEntry = Selectable<ListEntryTable>;
export type NewListEntry = Insertable<ListEntryTable>;
export type ExposureCase = Selectable<ExposureCaseTable>;
export type NewExposureCase = Insertable<ExposureCaseTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
