import type { Db } from '@/server/db/client';
import type { NewPenaltyRecord } from '@/server/db/types';
import { normalizeName } from '@/server/rules/normalize';
import { makeUscc } from '@/server/rules/uscc';

// Small hand-made records for integration tests, where the generator's volume would hide
// what a test is about.

let serial = 0;

/** The authority the sample import files name (tests/integration/imports/sample.ts). */
export const SAMPLE_AUTHORITY = {
  name: '乐山市市场监督管理局',
  uscc: makeUscc({ registrationDept: '1', orgType: '1', division: '511100', orgCode: 'A00000001' }),
};

/**
 * A department. Unless told otherwise, the office has registered the sample files' authority
 * (乐山市市场监督管理局) as a unit it publishes for, so the sample rows pass the authority
 * check of SPEC §3; tests of that check pass `{ sampleAuthority: false }`.
 */
export async function createDepartment(db: Db, options: { sampleAuthority?: boolean } = {}) {
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
    .executeTakeFirstOrThrow()
    .then(async (d) => {
      if (options.sampleAuthority !== false)
        await db
          .insertInto('departmentUnits')
          .values({
            departmentId: d.id,
            name: SAMPLE_AUTHORITY.name,
            nameNorm: normalizeName(SAMPLE_AUTHORITY.name),
            uscc: SAMPLE_AUTHORITY.uscc,
          })
          .execute();
      return d;
    });
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
