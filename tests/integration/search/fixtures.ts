import type { Db } from '@/server/db/client';
import type { NewLicensingRecord, NewPenaltyRecord } from '@/server/db/types';
import { saveIdentityNumber } from '@/server/identities/repository';
import { deriveIdentityKeys, protectIdNumber } from '@/server/identities/protect';
import type { ListType, SubjectKind } from '@/server/rules/codes';
import { makeResidentId } from '@/server/rules/idcard';
import { maskPersonName } from '@/server/rules/masking';
import { normalizeName } from '@/server/rules/normalize';
import { makeUscc, USCC_PLACEHOLDER } from '@/server/rules/uscc';
import { rebuildSearchIndex } from '@/server/search/indexer';
import { createPenalty } from '../helpers/fixtures';

// A small hand-made dataset for the search engine contract (tests/integration/search/contract.ts).
// Every row is here for a case: substring semantics, normalisation, codes, ranking, facets,
// visibility and privacy. Dates are relative to TODAY. Texts are chosen so that the
// "no false positive" queries of the contract (州嘉, 嘉餐, 顶金 …) occur nowhere.

/** The day every contract search runs on unless a case says otherwise. */
export const TODAY = '2026-06-30';
export const DAY_BEFORE_TODAY = '2026-06-29';
export const DAY_AFTER_TODAY = '2026-07-01';

/** The HMAC and encryption keys used for the natural person's ID number. */
export const IDENTITY_KEYS = deriveIdentityKeys(Buffer.alloc(32, 1));

export interface DepartmentRef {
  id: number;
  name: string;
  divisionCode: string;
}
export interface SubjectRef {
  id: number;
  name: string;
  kind: SubjectKind;
  uscc: string | null;
  registrationNumber: string | null;
  divisionCode: string;
}
export interface RecordRef {
  id: number;
  subjectId: number;
  documentNumber: string;
}
export interface ListEntryRef {
  id: number;
  subjectId: number;
  listType: ListType;
  decisionNumber: string;
}
export interface ExposureRef {
  id: number;
  subjectId: number;
  title: string;
}

const DEPARTMENTS = {
  market: {
    code: 'scjg',
    name: '乐山市市场监督管理局',
    shortName: '市市场监管局',
    docPrefix: '乐市监处罚',
    division: '511100',
  },
  environment: {
    code: 'sthjj',
    name: '乐山市生态环境局',
    shortName: '市生态环境局',
    docPrefix: '乐环罚字',
    division: '511100',
  },
  qianweiAgriculture: {
    code: 'qw_nyncj',
    name: '犍为县农业农村局',
    shortName: '犍为县农业农村局',
    docPrefix: '犍农罚',
    division: '511123',
  },
  emeiMarket: {
    code: 'ems_scjg',
    name: '峨眉山市市场监督管理局',
    shortName: '峨眉山市市场监管局',
    docPrefix: '峨眉山市监罚',
    division: '511181',
  },
  development: {
    code: 'fgw',
    name: '乐山市发展和改革委员会',
    shortName: '市发展改革委',
    docPrefix: '乐发改信用',
    division: '511100',
  },
  culture: {
    code: 'wglj',
    name: '乐山市文化广播电视和旅游局',
    shortName: '市文广旅局',
    docPrefix: '乐文旅许',
    division: '511100',
  },
} as const;
type DepartmentKey = keyof typeof DEPARTMENTS;

const DIVISIONS = [
  { code: '511100', name: '乐山市', fullName: '四川省乐山市', parentCode: null },
  { code: '511102', name: '市中区', fullName: '四川省乐山市市中区', parentCode: '511100' },
  { code: '511111', name: '沙湾区', fullName: '四川省乐山市沙湾区', parentCode: '511100' },
  { code: '511112', name: '五通桥区', fullName: '四川省乐山市五通桥区', parentCode: '511100' },
  { code: '511123', name: '犍为县', fullName: '四川省乐山市犍为县', parentCode: '511100' },
  { code: '511181', name: '峨眉山市', fullName: '四川省乐山市峨眉山市', parentCode: '511100' },
];

/** Subjects by role. `name` is stored exactly as written (some on purpose with half-width brackets, a space, full-width letters). */
const SUBJECTS = {
  jiazhou: {
    name: '乐山市市中区嘉州餐饮管理有限公司',
    kind: 'legal_person',
    division: '511102',
    org: '91',
    est: '2015-04-20',
  },
  qianweiAgriculture: {
    name: '犍为县农业发展有限公司',
    kind: 'legal_person',
    division: '511123',
    org: '91',
    est: '2012-09-01',
  },
  jinding: {
    name: '峨眉山金顶旅游开发有限公司',
    kind: 'legal_person',
    division: '511181',
    org: '91',
    est: '2003-06-18',
  },
  /** A shop whose whole name is a prefix of the others: exact match for 峨眉山金顶. */
  jindingShort: { name: '峨眉山金顶', kind: 'individual_business', division: '511181', org: '92', est: '2019-01-08' },
  jindingBranch: {
    name: '峨眉山金顶旅游开发有限公司索道分公司',
    kind: 'legal_person',
    division: '511181',
    org: '91',
    est: '2008-03-01',
  },
  jindingSichuan: {
    name: '四川峨眉山金顶旅游开发有限公司',
    kind: 'legal_person',
    division: '511102',
    org: '91',
    est: '2016-10-10',
  },
  zhaoshang: { name: '乐山招商投资有限公司', kind: 'legal_person', division: '511102', org: '91', est: '2011-05-05' },
  /** 招商 without 公司 (a public institution). */
  zhaoshangCentre: {
    name: '乐山市招商引资服务中心',
    kind: 'legal_person',
    division: '511100',
    org: '12',
    est: '2006-01-01',
  },
  /** Full-width brackets, the official form. */
  jincheng: {
    name: '锦程（乐山）商贸有限公司',
    kind: 'legal_person',
    division: '511102',
    org: '91',
    est: '2017-07-07',
  },
  /** Half-width brackets, as some departments send them. */
  lanhai: { name: '蓝海(乐山)物流有限公司', kind: 'legal_person', division: '511102', org: '91', est: '2018-08-08' },
  /** Stored with an internal space. */
  jinxin: {
    name: '乐山市沙湾区 金鑫矿业有限公司',
    kind: 'legal_person',
    division: '511111',
    org: '91',
    est: '2009-09-09',
  },
  abc: { name: '乐山ABC科技有限公司', kind: 'legal_person', division: '511102', org: '91', est: '2020-02-20' },
  /** Full-width letters stored as sent. */
  xyz: { name: '乐山ＸＹＺ电子商务有限公司', kind: 'legal_person', division: '511102', org: '91', est: '2021-03-03' },
  /** A full-width digit stored as sent. */
  firstBuilding: {
    name: '乐山市第１建筑工程有限公司',
    kind: 'legal_person',
    division: '511102',
    org: '91',
    est: '1998-12-12',
  },
  /** A character outside the Basic Multilingual Plane (CJK extension B). */
  rareChar: { name: '乐山𠮷祥商贸有限公司', kind: 'legal_person', division: '511102', org: '91', est: '2022-02-22' },
  yandu: { name: '乐山盐都化工有限公司', kind: 'legal_person', division: '511112', org: '91', est: '2005-05-15' },
  huatong: { name: '乐山华通旅行社有限公司', kind: 'legal_person', division: '511102', org: '91', est: '2013-03-13' },
  /** Renamed by a contract case (and renamed back). */
  renamed: { name: '乐山市青衣江建材有限公司', kind: 'legal_person', division: '511102', org: '91', est: '2014-04-14' },
} as const satisfies Record<
  string,
  { name: string; kind: SubjectKind; division: string; org: '91' | '92' | '12'; est: string }
>;
type SubjectKey = keyof typeof SUBJECTS;

/** Individual businesses without a USCC: the placeholder plus a registration number. */
const PLACEHOLDER_BUSINESSES = {
  tofu: { name: '犍为县老街豆腐坊', division: '511123', registrationNumber: '511123600012345' },
  shop: { name: '沙湾区好运来便利店', division: '511111', registrationNumber: '511111600054321' },
} as const;

export const PERSON_FULL_NAME = '王德胜';
export const PERSON_ID_NUMBER = makeResidentId({ division: '511102', birthDate: '1978-08-16', sequence: 357 });
/** The name a contract case gives the `renamed` subject (and then takes back). */
export const RENAMED_NEW_NAME = '乐山市岷江建材有限公司';

export interface SearchFixtures {
  today: string;
  departments: Record<DepartmentKey, DepartmentRef>;
  subjects: Record<SubjectKey | keyof typeof PLACEHOLDER_BUSINESSES, SubjectRef>;
  person: SubjectRef & { fullName: string; maskedName: string; idNumber: string; idMasked: string };
  penalties: {
    /** 乐市监处罚〔2024〕45号, serious, 罚款;责令停产停业. */
    jiazhouSerious: RecordRef;
    /** 乐市监处罚〔2026〕12号: facts contain 待处理; categories 警告;罚款. */
    jiazhouPending: RecordRef;
    qianweiPesticide: RecordRef;
    yanduAir: RecordRef;
    /** publicUntil = TODAY: gone today, there yesterday. */
    yanduExpired: RecordRef;
    yanduWithdrawn: RecordRef;
    yanduRepaired: RecordRef;
    /** minor, not published by rule. */
    yanduUnpublishedMinor: RecordRef;
    /** Objection under way, publicUntil already past: stays visible with 异议处理中. */
    yanduSuspended: RecordRef;
    /** Withdrawn and restored by a contract case. */
    yanduToggle: RecordRef;
    /** Decided before TODAY but public only from DAY_AFTER_TODAY. */
    yanduNotYetPublic: RecordRef;
    jinding: RecordRef;
    jindingShort: RecordRef;
    jindingBranch: RecordRef;
    /** Another company's penalty whose facts mention 峨眉山金顶旅游开发有限公司 (a text-only match). */
    huatongMentionsJinding: RecordRef;
    zhaoshang: RecordRef;
    person: RecordRef;
    abc: RecordRef;
    renamed: RecordRef;
    tofu: RecordRef;
    /** A published minor penalty (at most 3 months). */
    shopMinor: RecordRef;
  };
  licences: {
    jiazhouFood: RecordRef;
    /** valid_until before TODAY: still public, marked 已过期. */
    jindingTravelExpired: RecordRef;
    qianweiPesticide: RecordRef;
    yanduPermit: RecordRef;
    jincheng: RecordRef;
    abcWithdrawn: RecordRef;
    tofu: RecordRef;
    /** valid_until = TODAY: not expired today, 已过期 tomorrow. */
    lanhaiEndsToday: RecordRef;
  };
  listEntries: {
    qianweiHonor: ListEntryRef;
    /** valid_until = TODAY: in force today, gone tomorrow. */
    jiazhouHonorEndsToday: ListEntryRef;
    yanduDishonesty: ListEntryRef;
    /** valid_until before TODAY, status not yet updated by any job. */
    huatongExpired: ListEntryRef;
    zhaoshangRemoved: ListEntryRef;
    /** Objection under way: in force, marked 异议处理中. */
    jindingBranchSuspended: ListEntryRef;
    /** A natural person on the dishonesty list: shown masked. */
    personDishonesty: ListEntryRef;
  };
  exposure: {
    published: ExposureRef;
    draft: ExposureRef;
  };
  /** Documents the indexer built at the end of seeding. */
  indexedDocuments: number;
}

let orgSerial = 0;

function orgCode(): string {
  orgSerial += 1;
  return `MA6C${String(orgSerial).padStart(5, '0')}`;
}

async function insertDepartment(db: Db, key: DepartmentKey): Promise<DepartmentRef> {
  const d = DEPARTMENTS[key];
  const row = await db
    .insertInto('departments')
    .values({
      code: d.code,
      name: d.name,
      shortName: d.shortName,
      docPrefix: d.docPrefix,
      uscc: makeUscc({ registrationDept: '1', orgType: '1', division: d.division, orgCode: orgCode() }),
      divisionCode: d.division,
      isOffice: key === 'development',
    })
    .returning(['id', 'name', 'divisionCode'])
    .executeTakeFirstOrThrow();
  return row;
}

async function insertSubject(
  db: Db,
  values: {
    name: string;
    kind: SubjectKind;
    divisionCode: string;
    uscc: string | null;
    registrationNumber?: string | null;
    establishedOn?: string | null;
    personId?: { ref: number; masked: string };
  },
): Promise<SubjectRef> {
  const row = await db
    .insertInto('subjects')
    .values({
      kind: values.kind,
      name: values.name,
      nameNorm: normalizeName(values.name),
      uscc: values.uscc,
      registrationNumber: values.registrationNumber ?? null,
      divisionCode: values.divisionCode,
      establishedOn: values.establishedOn ?? null,
      address: null,
      personIdType: values.personId ? '身份证' : null,
      personIdMasked: values.personId?.masked ?? null,
      personIdRef: values.personId?.ref ?? null,
    })
    .returning(['id', 'name', 'kind', 'uscc', 'registrationNumber'])
    .executeTakeFirstOrThrow();
  return { ...row, divisionCode: values.divisionCode };
}

const CATEGORY_OF_KIND: Record<SubjectKind, '法人及非法人组织' | '自然人' | '个体工商户'> = {
  legal_person: '法人及非法人组织',
  natural_person: '自然人',
  individual_business: '个体工商户',
};

/** The party columns of a record copied from its subject, as a department would report them. */
function partyOf(subject: SubjectRef) {
  return {
    subjectId: subject.id,
    subjectName: subject.name,
    subjectCategory: CATEGORY_OF_KIND[subject.kind],
    uscc: subject.uscc,
    registrationNumber: subject.registrationNumber,
  };
}

interface PenaltyInput {
  documentNumber: string;
  violationType: string;
  violationFacts: string;
  categories: string[];
  severity: 'minor' | 'general' | 'serious';
  decisionDate: string;
  publicUntil: string;
  domain?: string | null;
  extra?: Partial<NewPenaltyRecord>;
}

async function insertPenalty(
  db: Db,
  subject: SubjectRef,
  department: DepartmentRef,
  p: PenaltyInput,
): Promise<RecordRef> {
  const row = await createPenalty(db, subject, department, {
    ...partyOf(subject),
    documentNumber: p.documentNumber,
    documentNumberNorm: normalizeName(p.documentNumber),
    violationType: p.violationType,
    violationFacts: p.violationFacts,
    legalBasis: '依据相关法律法规作出处罚',
    categories: p.categories,
    content: `${p.categories.join('、')}。`,
    decisionDate: p.decisionDate,
    penaltyValidUntil: p.decisionDate,
    severity: p.severity,
    severityExplicit: true,
    domain: p.domain ?? null,
    publicFrom: p.decisionDate,
    earliestRepairOn: p.decisionDate,
    publicUntil: p.publicUntil,
    ...p.extra,
  });
  return { id: row.id, subjectId: subject.id, documentNumber: row.documentNumber };
}

interface LicenceInput {
  documentNumber: string;
  decisionDocumentName: string;
  certificateName: string;
  content: string;
  decisionDate: string;
  validUntil: string;
  extra?: Partial<NewLicensingRecord>;
}

async function insertLicence(
  db: Db,
  subject: SubjectRef,
  department: DepartmentRef,
  l: LicenceInput,
): Promise<RecordRef> {
  const row = await db
    .insertInto('licensingRecords')
    .values({
      ...partyOf(subject),
      departmentId: department.id,
      decisionDocumentName: l.decisionDocumentName,
      documentNumber: l.documentNumber,
      documentNumberNorm: normalizeName(l.documentNumber),
      licenceCategory: '普通',
      certificateName: l.certificateName,
      licenceNumber: null,
      content: l.content,
      decisionDate: l.decisionDate,
      validFrom: l.decisionDate,
      validUntil: l.validUntil,
      authorityName: department.name,
      authorityCode: '115111000087080252',
      currentState: '有效',
      sourceUnitName: department.name,
      sourceUnitCode: '115111000087080252',
      status: 'published',
      publicFrom: l.decisionDate,
      ...l.extra,
    })
    .returning(['id', 'documentNumber'])
    .executeTakeFirstOrThrow();
  return { id: row.id, subjectId: subject.id, documentNumber: row.documentNumber };
}

async function insertListEntry(
  db: Db,
  subject: SubjectRef,
  department: DepartmentRef,
  e: {
    listType: ListType;
    decisionNumber: string;
    reason: string;
    domain: string | null;
    listedOn: string;
    validUntil: string;
    status?: 'active' | 'removed' | 'suspended';
    suspendedSince?: string;
    removedOn?: string;
    removalReason?: string;
    penaltyRecordId?: number;
  },
): Promise<ListEntryRef> {
  const row = await db
    .insertInto('listEntries')
    .values({
      listType: e.listType,
      subjectId: subject.id,
      departmentId: department.id,
      decisionNumber: e.decisionNumber,
      basis: '《乐山市守信联合激励和失信联合惩戒实施办法》',
      reason: e.reason,
      domain: e.domain,
      listedOn: e.listedOn,
      validUntil: e.validUntil,
      status: e.status ?? 'active',
      removedOn: e.removedOn ?? null,
      removalReason: e.removalReason ?? null,
      suspendedSince: e.suspendedSince ?? null,
      penaltyRecordId: e.penaltyRecordId ?? null,
    })
    .returning(['id', 'decisionNumber'])
    .executeTakeFirstOrThrow();
  return { id: row.id, subjectId: subject.id, listType: e.listType, decisionNumber: row.decisionNumber };
}

async function insertExposure(
  db: Db,
  subject: SubjectRef,
  department: DepartmentRef,
  x: {
    title: string;
    domain: string;
    summary: string;
    body: string;
    publishedOn: string | null;
    status: 'draft' | 'published';
    penaltyRecordId?: number;
  },
): Promise<ExposureRef> {
  const row = await db
    .insertInto('exposureCases')
    .values({
      title: x.title,
      domain: x.domain,
      subjectId: subject.id,
      subjectName: subject.name,
      departmentId: department.id,
      penaltyRecordId: x.penaltyRecordId ?? null,
      summary: x.summary,
      body: x.body,
      publishedOn: x.publishedOn,
      status: x.status,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
  return { id: row.id, subjectId: subject.id, title: row.title };
}

/** Inserts the contract dataset (about 75 rows) and builds the search index from it. */
export async function seedSearchFixtures(db: Db): Promise<SearchFixtures> {
  await db
    .insertInto('divisions')
    .values(DIVISIONS)
    .onConflict((oc) => oc.doNothing())
    .execute();

  const departments = {} as Record<DepartmentKey, DepartmentRef>;
  for (const key of Object.keys(DEPARTMENTS) as DepartmentKey[]) {
    departments[key] = await insertDepartment(db, key);
  }

  const subjects = {} as SearchFixtures['subjects'];
  for (const key of Object.keys(SUBJECTS) as SubjectKey[]) {
    const s = SUBJECTS[key];
    subjects[key] = await insertSubject(db, {
      name: s.name,
      kind: s.kind,
      divisionCode: s.division,
      establishedOn: s.est,
      uscc: makeUscc({
        registrationDept: s.org.charAt(0),
        orgType: s.org.charAt(1),
        division: s.division,
        orgCode: orgCode(),
      }),
    });
  }
  for (const key of Object.keys(PLACEHOLDER_BUSINESSES) as (keyof typeof PLACEHOLDER_BUSINESSES)[]) {
    const b = PLACEHOLDER_BUSINESSES[key];
    subjects[key] = await insertSubject(db, {
      name: b.name,
      kind: 'individual_business',
      divisionCode: b.division,
      uscc: USCC_PLACEHOLDER,
      registrationNumber: b.registrationNumber,
    });
  }

  const identity = protectIdNumber(IDENTITY_KEYS, PERSON_ID_NUMBER);
  const identityRef = await saveIdentityNumber(db, identity);
  const personRow = await insertSubject(db, {
    name: PERSON_FULL_NAME,
    kind: 'natural_person',
    divisionCode: '511102',
    uscc: null,
    personId: { ref: identityRef, masked: identity.masked },
  });
  const person = {
    ...personRow,
    fullName: PERSON_FULL_NAME,
    maskedName: maskPersonName(PERSON_FULL_NAME),
    idNumber: PERSON_ID_NUMBER,
    idMasked: identity.masked,
  };

  const d = departments;
  const s = subjects;
  const penalties: SearchFixtures['penalties'] = {
    jiazhouSerious: await insertPenalty(db, s.jiazhou, d.market, {
      documentNumber: '乐市监处罚〔2024〕45号',
      violationType: '经营超过保质期的食品',
      violationFacts: '经查，当事人后厨存放超过保质期的食品原料并用于加工。',
      categories: ['罚款', '责令停产停业'],
      severity: 'serious',
      domain: '食品药品',
      decisionDate: '2024-11-15',
      publicUntil: '2027-11-15',
      extra: { fineAmount: '5', repairableEarly: false },
    }),
    jiazhouPending: await insertPenalty(db, s.jiazhou, d.market, {
      documentNumber: '乐市监处罚〔2026〕12号',
      violationType: '从业人员未取得健康证明上岗',
      violationFacts: '经查，当事人从业人员未取得健康证明即上岗，现场另有待处理餐具未清洗消毒。',
      categories: ['警告', '罚款'],
      severity: 'general',
      domain: '食品药品',
      decisionDate: '2026-03-10',
      publicUntil: '2027-03-10',
    }),
    qianweiPesticide: await insertPenalty(db, s.qianweiAgriculture, d.qianweiAgriculture, {
      documentNumber: '犍农罚〔2025〕7号',
      violationType: '经营假劣农药',
      violationFacts: '经查，当事人销售的农药经检验有效成分含量不合格。',
      categories: ['罚款', '没收非法财物'],
      severity: 'general',
      decisionDate: '2025-09-20',
      publicUntil: '2026-09-20',
    }),
    yanduAir: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2023〕12号',
      violationType: '超标排放大气污染物',
      violationFacts: '经查，当事人锅炉废气二氧化硫排放浓度超过国家标准。',
      categories: ['罚款', '限制开展生产经营活动'],
      severity: 'serious',
      domain: '生态环境',
      decisionDate: '2023-12-20',
      publicUntil: '2026-12-20',
      extra: { repairableEarly: false },
    }),
    yanduExpired: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2025〕8号',
      violationType: '未按规定设置危险废物识别标志',
      violationFacts: '经查，当事人危险废物贮存场所未设置识别标志。',
      categories: ['罚款'],
      severity: 'general',
      domain: '生态环境',
      decisionDate: '2025-06-30',
      publicUntil: TODAY,
    }),
    yanduWithdrawn: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2025〕21号',
      violationType: '未批先建',
      violationFacts: '经查，当事人新建生产线未依法报批环境影响评价文件即开工建设。',
      categories: ['罚款'],
      severity: 'general',
      domain: '生态环境',
      decisionDate: '2025-10-10',
      publicUntil: '2026-10-10',
      extra: { status: 'withdrawn', withdrawnOn: '2026-01-10', withdrawalReason: '行政复议决定撤销' },
    }),
    yanduRepaired: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2025〕22号',
      violationType: '未落实扬尘防治措施',
      violationFacts: '经查，当事人厂区物料堆场未采取覆盖等扬尘防治措施。',
      categories: ['罚款'],
      severity: 'general',
      domain: '生态环境',
      decisionDate: '2025-10-20',
      publicUntil: '2026-10-20',
      extra: { status: 'repaired', repairedOn: '2026-02-01' },
    }),
    yanduUnpublishedMinor: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2026〕5号',
      violationType: '未按规定公开环境信息',
      violationFacts: '经查，当事人未按规定公开排污信息，情节轻微。',
      categories: ['警告'],
      severity: 'minor',
      domain: '生态环境',
      decisionDate: '2026-04-02',
      publicUntil: '2026-07-02',
      extra: { status: 'unpublished' },
    }),
    yanduSuspended: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2025〕30号',
      violationType: '自动监测设备未正常运行',
      violationFacts: '经查，当事人自动监测设备数据传输中断七十二小时。',
      categories: ['罚款'],
      severity: 'general',
      domain: '生态环境',
      decisionDate: '2025-06-20',
      publicUntil: '2026-06-20',
      extra: { status: 'suspended', suspendedSince: '2026-06-01' },
    }),
    yanduToggle: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2026〕18号',
      violationType: '擅自倾倒工业固体废物',
      violationFacts: '经查，当事人将工业固体废物倾倒于厂区外河滩。',
      categories: ['罚款', '没收违法所得'],
      severity: 'general',
      domain: '生态环境',
      decisionDate: '2026-04-01',
      publicUntil: '2027-04-01',
    }),
    yanduNotYetPublic: await insertPenalty(db, s.yandu, d.environment, {
      documentNumber: '乐环罚字〔2026〕25号',
      violationType: '未按规定执行重污染天气应急减排措施',
      violationFacts: '经查，当事人在重污染天气橙色预警期间未落实应急减排措施。',
      categories: ['罚款'],
      severity: 'general',
      domain: '生态环境',
      decisionDate: '2026-06-25',
      publicUntil: '2027-06-25',
      extra: { publicFrom: DAY_AFTER_TODAY },
    }),
    jinding: await insertPenalty(db, s.jinding, d.emeiMarket, {
      documentNumber: '峨眉山市监罚〔2025〕101号',
      violationType: '未明码标价',
      violationFacts: '经查，当事人景区观光车票价未在售票处明码标价。',
      categories: ['罚款'],
      severity: 'general',
      decisionDate: '2025-10-08',
      publicUntil: '2026-10-08',
    }),
    jindingShort: await insertPenalty(db, s.jindingShort, d.emeiMarket, {
      documentNumber: '峨眉山市监罚〔2026〕8号',
      violationType: '销售无中文标签的预包装食品',
      violationFacts: '经查，当事人销售的进口糖果无中文标签。',
      categories: ['罚款'],
      severity: 'general',
      domain: '食品药品',
      decisionDate: '2026-05-01',
      publicUntil: '2027-05-01',
    }),
    jindingBranch: await insertPenalty(db, s.jindingBranch, d.emeiMarket, {
      documentNumber: '峨眉山市监罚〔2025〕140号',
      violationType: '特种设备未按规定定期检验',
      violationFacts: '经查，当事人客运索道未按规定申报定期检验。',
      categories: ['罚款'],
      severity: 'general',
      domain: '安全生产',
      decisionDate: '2025-11-20',
      publicUntil: '2026-11-20',
    }),
    huatongMentionsJinding: await insertPenalty(db, s.huatong, d.market, {
      documentNumber: '乐市监处罚〔2026〕20号',
      violationType: '虚假宣传',
      violationFacts: '经查，当事人在宣传中冒用峨眉山金顶旅游开发有限公司名义招揽游客。',
      categories: ['罚款'],
      severity: 'general',
      domain: '欺诈',
      decisionDate: '2026-02-12',
      publicUntil: '2027-02-12',
    }),
    zhaoshang: await insertPenalty(db, s.zhaoshang, d.market, {
      documentNumber: '乐市监处罚〔2025〕60号',
      violationType: '发布虚假广告',
      violationFacts: '经查，当事人在招商推介材料中使用虚假的投资回报数据。',
      categories: ['罚款'],
      severity: 'general',
      domain: '欺诈',
      decisionDate: '2025-12-01',
      publicUntil: '2026-12-01',
    }),
    person: await insertPenalty(db, person, d.market, {
      documentNumber: '乐市监处罚〔2025〕88号',
      violationType: '无照经营',
      violationFacts: '经查，当事人在滨江路旁无照经营烧烤摊点。',
      categories: ['罚款'],
      severity: 'general',
      decisionDate: '2026-01-15',
      publicUntil: '2027-01-15',
      extra: { partyIdType: '身份证', partyIdMasked: identity.masked, partyIdRef: identityRef },
    }),
    abc: await insertPenalty(db, s.abc, d.market, {
      documentNumber: '乐市监处罚〔2026〕3号',
      violationType: '侵犯注册商标专用权',
      violationFacts: '经查，当事人销售侵犯他人注册商标专用权的电子产品。',
      categories: ['罚款', '没收非法财物'],
      severity: 'general',
      decisionDate: '2026-02-10',
      publicUntil: '2027-02-10',
    }),
    renamed: await insertPenalty(db, s.renamed, d.market, {
      documentNumber: '乐市监处罚〔2026〕31号',
      violationType: '销售不合格建材',
      violationFacts: '经查，当事人销售的水泥抗压强度不符合标准。',
      categories: ['罚款'],
      severity: 'general',
      decisionDate: '2026-04-18',
      publicUntil: '2027-04-18',
    }),
    tofu: await insertPenalty(db, s.tofu, d.market, {
      documentNumber: '乐市监处罚〔2026〕15号',
      violationType: '超范围使用食品添加剂',
      violationFacts: '经查，当事人生产的豆干中检出超范围使用的着色剂。',
      categories: ['罚款', '没收违法所得'],
      severity: 'general',
      domain: '食品药品',
      decisionDate: '2026-05-20',
      publicUntil: '2027-05-20',
    }),
    shopMinor: await insertPenalty(db, s.shop, d.market, {
      documentNumber: '乐市监处罚〔2026〕40号',
      violationType: '未按规定亮照经营',
      violationFacts: '经查，当事人未将营业执照置于经营场所醒目位置。',
      categories: ['警告'],
      severity: 'minor',
      decisionDate: '2026-05-10',
      publicUntil: '2026-08-10',
    }),
  };

  const licences: SearchFixtures['licences'] = {
    jiazhouFood: await insertLicence(db, s.jiazhou, d.market, {
      documentNumber: '乐市监许〔2025〕301号',
      decisionDocumentName: '食品经营许可决定书',
      certificateName: '食品经营许可证',
      content: '预包装食品销售，热食类食品制售',
      decisionDate: '2025-05-10',
      validUntil: '2030-05-09',
    }),
    jindingTravelExpired: await insertLicence(db, s.jinding, d.culture, {
      documentNumber: '乐文旅许〔2021〕15号',
      decisionDocumentName: '旅行社业务经营许可决定书',
      certificateName: '旅行社业务经营许可证',
      content: '经营国内旅游业务和入境旅游业务',
      decisionDate: '2021-03-01',
      validUntil: '2026-02-28',
    }),
    qianweiPesticide: await insertLicence(db, s.qianweiAgriculture, d.qianweiAgriculture, {
      documentNumber: '犍农许〔2024〕11号',
      decisionDocumentName: '农药经营许可决定书',
      certificateName: '农药经营许可证',
      content: '限制使用农药以外的农药经营',
      decisionDate: '2024-06-01',
      validUntil: '2029-05-31',
    }),
    yanduPermit: await insertLicence(db, s.yandu, d.environment, {
      documentNumber: '乐环许〔2025〕40号',
      decisionDocumentName: '排污许可决定书',
      certificateName: '排污许可证',
      content: '锅炉废气及生产废水排放',
      decisionDate: '2025-08-15',
      validUntil: '2030-08-14',
    }),
    jincheng: await insertLicence(db, s.jincheng, d.market, {
      documentNumber: '乐市监许〔2026〕18号',
      decisionDocumentName: '食品经营许可决定书',
      certificateName: '食品经营许可证',
      content: '预包装食品批发',
      decisionDate: '2026-01-20',
      validUntil: '2031-01-19',
    }),
    abcWithdrawn: await insertLicence(db, s.abc, d.market, {
      documentNumber: '乐市监许〔2025〕77号',
      decisionDocumentName: '第二类医疗器械经营备案决定书',
      certificateName: '第二类医疗器械经营备案凭证',
      content: '第二类医疗器械零售',
      decisionDate: '2025-07-01',
      validUntil: '2030-06-30',
      extra: { status: 'withdrawn', withdrawnOn: '2026-03-01', withdrawalReason: '申请人主动注销' },
    }),
    tofu: await insertLicence(db, s.tofu, d.market, {
      documentNumber: '乐市监许〔2025〕412号',
      decisionDocumentName: '食品小作坊登记决定书',
      certificateName: '食品小作坊登记证',
      content: '豆制品加工',
      decisionDate: '2025-03-15',
      validUntil: '2028-03-14',
    }),
    lanhaiEndsToday: await insertLicence(db, s.lanhai, d.market, {
      documentNumber: '乐市监许〔2021〕66号',
      decisionDocumentName: '食品经营许可决定书',
      certificateName: '食品经营许可证',
      content: '冷链食品仓储配送',
      decisionDate: '2021-07-01',
      validUntil: TODAY,
    }),
  };

  const listEntries: SearchFixtures['listEntries'] = {
    qianweiHonor: await insertListEntry(db, s.qianweiAgriculture, d.development, {
      listType: 'honor',
      decisionNumber: '乐发改信用〔2025〕3号',
      reason: '连续三年纳税信用A级',
      domain: '税务',
      listedOn: '2025-04-01',
      validUntil: '2027-03-31',
    }),
    jiazhouHonorEndsToday: await insertListEntry(db, s.jiazhou, d.market, {
      listType: 'honor',
      decisionNumber: '乐市监信〔2025〕9号',
      reason: '食品安全示范店',
      domain: '食品药品',
      listedOn: '2025-07-01',
      validUntil: TODAY,
    }),
    yanduDishonesty: await insertListEntry(db, s.yandu, d.environment, {
      listType: 'dishonesty',
      decisionNumber: '乐环信〔2024〕2号',
      reason: '超标排放大气污染物情节严重',
      domain: '生态环境',
      listedOn: '2024-01-15',
      validUntil: '2027-01-14',
      penaltyRecordId: penalties.yanduAir.id,
    }),
    huatongExpired: await insertListEntry(db, s.huatong, d.development, {
      listType: 'dishonesty',
      decisionNumber: '乐发改信用〔2023〕11号',
      reason: '拒不履行生效法律文书确定的义务',
      domain: '法院',
      listedOn: '2023-06-01',
      validUntil: '2026-05-31',
    }),
    zhaoshangRemoved: await insertListEntry(db, s.zhaoshang, d.development, {
      listType: 'dishonesty',
      decisionNumber: '乐发改信用〔2025〕2号',
      reason: '恶意拖欠工程款',
      domain: '逃废债务',
      listedOn: '2025-01-10',
      validUntil: '2028-01-09',
      status: 'removed',
      removedOn: '2026-03-01',
      removalReason: '已履行全部义务',
    }),
    jindingBranchSuspended: await insertListEntry(db, s.jindingBranch, d.emeiMarket, {
      listType: 'dishonesty',
      decisionNumber: '峨眉山市监信〔2026〕1号',
      reason: '特种设备事故隐患拒不整改',
      domain: '安全生产',
      listedOn: '2026-01-05',
      validUntil: '2029-01-04',
      status: 'suspended',
      suspendedSince: '2026-06-10',
    }),
    personDishonesty: await insertListEntry(db, person, d.development, {
      listType: 'dishonesty',
      decisionNumber: '乐发改信用〔2026〕4号',
      reason: '拒不缴纳罚款',
      domain: '工商',
      listedOn: '2026-02-01',
      validUntil: '2029-01-31',
    }),
  };

  const exposure: SearchFixtures['exposure'] = {
    published: await insertExposure(db, s.yandu, d.environment, {
      title: '乐山盐都化工有限公司超标排放大气污染物案',
      domain: '生态环境',
      summary: '企业锅炉废气长期超标排放，被处以罚款并限制生产。',
      body: '2023年12月，执法人员在专项检查中发现该企业锅炉废气二氧化硫浓度超标，依法作出处罚并列入失信联合惩戒对象名单。',
      publishedOn: '2026-02-15',
      status: 'published',
      penaltyRecordId: penalties.yanduAir.id,
    }),
    draft: await insertExposure(db, s.huatong, d.market, {
      title: '乐山华通旅行社有限公司不合理低价游案',
      domain: '欺诈',
      summary: '组织不合理低价游并诱导游客购物。',
      body: '该旅行社以明显低于成本的价格招徕游客，行程中安排购物并收取回扣。',
      publishedOn: null,
      status: 'draft',
    }),
  };

  const { documents } = await rebuildSearchIndex(db);

  return {
    today: TODAY,
    departments,
    subjects,
    person,
    penalties,
    licences,
    listEntries,
    exposure,
    indexedDocuments: documents,
  };
}
