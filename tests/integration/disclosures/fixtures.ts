import type { Db } from '@/server/db/client';
import type { NewLicensingRecord } from '@/server/db/types';
import { DIVISIONS } from '@/server/reference/divisions';
import { normalizeName } from '@/server/rules/normalize';
import { makeUscc } from '@/server/rules/uscc';
import { createPenalty } from '../helpers/fixtures';

// Records for the 双公示 tests: subjects in given divisions, natural persons with an ID
// number, licences. Penalties come from the shared fixtures.

let serial = 0;

/** The same full ID number every test looks for in public output (valid check digit). */
export const FULL_ID_NUMBER = '511102199001011234';
export const MASKED_ID_NUMBER = '5111**********1234';

export async function insertDivisions(db: Db) {
  for (const d of DIVISIONS) {
    await db
      .insertInto('divisions')
      .values({ code: d.code, name: d.name, fullName: d.fullName, parentCode: d.parentCode })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function createCompanyIn(db: Db, name: string, divisionCode: string) {
  serial += 1;
  return db
    .insertInto('subjects')
    .values({
      kind: 'legal_person',
      name,
      nameNorm: normalizeName(name),
      uscc: makeUscc({
        registrationDept: '9',
        orgType: '1',
        division: divisionCode,
        orgCode: `D${String(serial).padStart(8, '0')}`,
      }),
      divisionCode,
      legalRepresentative: '李建国',
    })
    .returning(['id', 'name', 'uscc'])
    .executeTakeFirstOrThrow();
}

/** A natural person whose ID number is stored as the schema intends: full only in identity_numbers. */
export async function createPerson(db: Db, name: string, divisionCode: string) {
  serial += 1;
  const identity = await db
    .insertInto('identityNumbers')
    .values({ hmac: `hmac-${serial}-${Date.now()}`, ciphertext: `v1:${FULL_ID_NUMBER}`, masked: MASKED_ID_NUMBER })
    .returning('id')
    .executeTakeFirstOrThrow();
  const subject = await db
    .insertInto('subjects')
    .values({
      kind: 'natural_person',
      name,
      nameNorm: normalizeName(name),
      divisionCode,
      personIdType: '身份证',
      personIdMasked: MASKED_ID_NUMBER,
      personIdRef: identity.id,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { ...subject, identityId: identity.id };
}

/** A penalty against a natural person, with the ID slots filled as an import would. */
export function createPersonPenalty(
  db: Db,
  person: Awaited<ReturnType<typeof createPerson>>,
  department: { id: number; name: string },
  overrides: Parameters<typeof createPenalty>[3] = {},
) {
  return createPenalty(db, person, department, {
    subjectCategory: '自然人',
    partyIdType: '身份证',
    partyIdMasked: MASKED_ID_NUMBER,
    partyIdRef: person.identityId,
    ...overrides,
  });
}

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
      decisionDocumentName: '食品经营许可决定书',
      documentNumber,
      documentNumberNorm: normalizeName(documentNumber),
      licenceCategory: '普通',
      certificateName: '食品经营许可证',
      licenceNumber: `JY1511102${String(serial).padStart(6, '0')}`,
      content: '预包装食品销售',
      decisionDate: '2025-09-01',
      validFrom: '2025-09-01',
      validUntil: '2030-08-31',
      authorityName: department.name,
      authorityCode: '115111000087080252',
      currentState: '有效',
      sourceUnitName: department.name,
      sourceUnitCode: '115111000087080252',
      status: 'published',
      publicFrom: '2025-09-01',
      ...overrides,
    })
    .returning(['id', 'documentNumber'])
    .executeTakeFirstOrThrow();
}
