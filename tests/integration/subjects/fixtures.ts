import type { Db } from '@/server/db/client';
import type { NewLicensingRecord, NewListEntry } from '@/server/db/types';
import { deriveIdentityKeys, protectIdNumber } from '@/server/identities/protect';
import { saveIdentityNumber } from '@/server/identities/repository';
import { normalizeName } from '@/server/rules/normalize';

// Hand-made licences, list entries, catalog items and people for the subject profile tests.

let serial = 0;

export async function createLicence(
  db: Db,
  subject: { id: number; name: string },
  department: { id: number; name: string },
  overrides: Partial<NewLicensingRecord> = {},
) {
  serial += 1;
  const documentNumber = `乐测许〔2025〕${serial}号`;
  return db
    .insertInto('licensingRecords')
    .values({
      subjectId: subject.id,
      departmentId: department.id,
      subjectName: subject.name,
      subjectCategory: '法人及非法人组织',
      documentNumber,
      documentNumberNorm: normalizeName(documentNumber),
      decisionDocumentName: '食品经营许可决定书',
      licenceCategory: '普通',
      certificateName: '食品经营许可证',
      licenceNumber: `JY1511100${String(serial).padStart(6, '0')}`,
      content: '预包装食品销售',
      decisionDate: '2025-03-01',
      validFrom: '2025-03-01',
      validUntil: '2030-02-28',
      authorityName: department.name,
      authorityCode: '115111000087080252',
      currentState: '有效',
      sourceUnitName: department.name,
      sourceUnitCode: '115111000087080252',
      publicFrom: '2025-03-01',
      ...overrides,
    })
    .returning(['id', 'documentNumber'])
    .executeTakeFirstOrThrow();
}

export async function createCatalogItem(db: Db, kind: 'incentive' | 'punishment', measure: string) {
  serial += 1;
  return db
    .insertInto('catalogItems')
    .values({
      code: `T-${kind}-${serial}`,
      kind,
      decidingUnit: '乐山市发展和改革委员会',
      measure,
      reason: kind === 'incentive' ? '连续三年无不良信用记录' : '被列入严重失信主体名单',
      legalBasis: '国发〔2016〕33号',
      implementingUnits: '市财政局、市公共资源交易服务中心',
      content: `${measure}（措施内容）`,
      evidence: '认定文书',
    })
    .returning(['id', 'measure'])
    .executeTakeFirstOrThrow();
}

export async function createListEntry(
  db: Db,
  subject: { id: number },
  department: { id: number },
  overrides: Partial<NewListEntry> & { measures?: number[] } = {},
) {
  serial += 1;
  const { measures = [], ...values } = overrides;
  const entry = await db
    .insertInto('listEntries')
    .values({
      listType: 'dishonesty',
      subjectId: subject.id,
      departmentId: department.id,
      decisionNumber: `乐测认〔2026〕${serial}号`,
      basis: '《关于建立完善守信联合激励和失信联合惩戒制度的指导意见》',
      reason: '拒不履行行政处罚决定',
      listedOn: '2026-01-15',
      validUntil: '2029-01-15',
      ...values,
    })
    .returning(['id', 'decisionNumber'])
    .executeTakeFirstOrThrow();
  for (const catalogItemId of measures) {
    await db.insertInto('listEntryMeasures').values({ listEntryId: entry.id, catalogItemId }).execute();
  }
  return entry;
}

const KEYS = deriveIdentityKeys(Buffer.alloc(32, 7));

/** A natural person whose full ID number exists only in identity_numbers (encrypted). */
export async function createPerson(db: Db, name: string, idNumber: string) {
  const identity = protectIdNumber(KEYS, idNumber);
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
      address: '乐山市市中区嘉州大道100号',
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}
