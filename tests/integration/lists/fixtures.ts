import type { Db } from '@/server/db/client';
import type { NewCatalogItem, NewExposureCase, NewListEntry } from '@/server/db/types';
import { saveIdentityNumber } from '@/server/identities/repository';
import { deriveIdentityKeys, protectIdNumber } from '@/server/identities/protect';
import type { CatalogKind } from '@/server/rules/codes';
import { makeResidentId } from '@/server/rules/idcard';
import { normalizeName } from '@/server/rules/normalize';

// Hand-made catalog items, list entries, persons and exposure cases for the lists, catalog
// and exposure suites (the department, company and penalty helpers are in ../helpers).

let serial = 0;

export async function createDivision(db: Db, code: string, name: string) {
  await db
    .insertInto('divisions')
    .values({ code: '511100', name: '乐山市', fullName: '四川省乐山市', parentCode: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto('divisions')
    .values({ code, name, fullName: `乐山市${name}`, parentCode: '511100' })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function createCatalogItem(db: Db, kind: CatalogKind, overrides: Partial<NewCatalogItem> = {}) {
  serial += 1;
  const prefix = kind === 'incentive' ? 'JL' : 'CJ';
  return db
    .insertInto('catalogItems')
    .values({
      code: `${prefix}-T${String(serial).padStart(3, '0')}`,
      kind,
      decidingUnit: '乐山市发展和改革委员会',
      measure: kind === 'incentive' ? `测试激励措施${serial}` : `测试惩戒措施${serial}`,
      reason: kind === 'incentive' ? '列入守信红名单的主体' : '列入失信联合惩戒对象名单的主体',
      legalBasis: '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》',
      implementingUnits: '乐山市市场监督管理局、各县（市、区）政务服务中心',
      content: kind === 'incentive' ? '优先办理。' : '依法限制。',
      evidence: '认定文件',
      domain: null,
      sortOrder: serial,
      ...overrides,
    })
    .returning(['id', 'code', 'kind', 'measure'])
    .executeTakeFirstOrThrow();
}

export async function createPerson(db: Db, name: string, idNumber: string) {
  const keys = deriveIdentityKeys(Buffer.alloc(32, 7));
  const identity = protectIdNumber(keys, idNumber);
  const ref = await saveIdentityNumber(db, identity);
  return db
    .insertInto('subjects')
    .values({
      kind: 'natural_person',
      name,
      nameNorm: normalizeName(name),
      personIdType: '身份证',
      personIdMasked: identity.masked,
      personIdRef: ref,
      divisionCode: null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export const PERSON_ID = makeResidentId({ division: '511102', birthDate: '1980-05-17', sequence: 123 });

export async function createListEntry(
  db: Db,
  subject: { id: number },
  department: { id: number },
  values: Partial<NewListEntry> & { measures?: { id: number }[] } = {},
) {
  serial += 1;
  const { measures = [], ...rest } = values;
  const entry = await db
    .insertInto('listEntries')
    .values({
      listType: 'dishonesty',
      subjectId: subject.id,
      departmentId: department.id,
      decisionNumber: `乐测失信〔2026〕${serial}号`,
      basis: '《市场监督管理严重违法失信名单管理办法》第二条',
      reason: '情节严重，列入严重违法失信名单',
      domain: null,
      listedOn: '2026-01-01',
      validUntil: '2028-12-31',
      ...rest,
    })
    .returning(['id', 'listType', 'decisionNumber'])
    .executeTakeFirstOrThrow();
  if (measures.length > 0)
    await db
      .insertInto('listEntryMeasures')
      .values(measures.map((m) => ({ listEntryId: entry.id, catalogItemId: m.id })))
      .execute();
  return entry;
}

export async function createExposureCase(db: Db, values: Partial<NewExposureCase> = {}) {
  serial += 1;
  return db
    .insertInto('exposureCases')
    .values({
      title: `测试曝光案例${serial}`,
      domain: '食品药品',
      subjectId: null,
      subjectName: '乐山市测试食品有限公司',
      departmentId: null,
      penaltyRecordId: null,
      summary: `案例摘要${serial}`,
      body: `【基本案情】案例正文${serial}。\n【处理结果】依法处理。`,
      publishedOn: '2026-02-01',
      status: 'published',
      ...values,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
}
