import type { Db } from '@/server/db/client';
import type { NewPenaltyRecord } from '@/server/db/types';
import { normalizeName } from '@/server/rules/normalize';
import { makeUscc } from '@/server/rules/uscc';

// Small hand-made records for integration tests, where the generator's volume would hide
// what a test is about.

let serial = 0;

export async function createDepartment(db: Db) {
  await db
    .insertInto('divisions')
    .values({ code: '511100', name: '乐山市', fullName: '四川省乐山市', parentCode: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  serial += 1;
  return db
    .insertInto('departments')
    .values({
      code: `dept${serial}`,
      name: `乐山市测试局${serial}`,
      shortName: `测试局${serial}`,
      docPrefix: '乐测罚',
      uscc: makeUscc({
        registrationDept: '1',
        orgType: '1',
        division: '511100',
        orgCode: `T${String(serial).padStart(8, '0')}`,
      }),
      divisionCode: '511100',
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function createCompany(db: Db, name: string) {
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
        division: '511102',
        orgCode: `C${String(serial).padStart(8, '0')}`,
      }),
      divisionCode: null,
    })
    .returning(['id', 'name', 'uscc'])
    .executeTakeFirstOrThrow();
}

export async function createPenalty(
  db: Db,
  subject: { id: number; name: string },
  department: { id: number; name: string },
  overrides: Partial<NewPenaltyRecord> = {},
) {
  serial += 1;
  const documentNumber = `乐测罚〔2025〕${serial}号`;
  return db
    .insertInto('penaltyRecords')
    .values({
      subjectId: subject.id,
      departmentId: department.id,
      subjectName: subject.name,
      subjectCategory: '法人及非法人组织',
      documentNumber,
      documentNumberNorm: normalizeName(documentNumber),
      violationType: '未按规定公示年度报告',
      violationFacts: '经查，当事人未按规定报送年度报告。',
      legalBasis: '《企业信息公示暂行条例》第十八条',
      categories: ['罚款'],
      content: '罚款人民币五千元',
      fineAmount: '0.5',
      decisionDate: '2025-09-01',
      penaltyValidUntil: '2025-09-01',
      authorityName: department.name,
      authorityCode: '115111000087080252',
      sourceUnitName: department.name,
      sourceUnitCode: '115111000087080252',
      severity: 'general',
      status: 'published',
      publicFrom: '2025-09-01',
      earliestRepairOn: '2025-12-01',
      publicUntil: '2026-09-01',
      periodRuleId: 'gbf-2025-22',
      ...overrides,
    })
    .returning(['id', 'documentNumber'])
    .executeTakeFirstOrThrow();
}
