import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { LICENSING_FIELDS, PENALTY_FIELDS } from '@/server/disclosures/service';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import {
  FULL_ID_NUMBER,
  MASKED_ID_NUMBER,
  createLicence,
  createPerson,
  createPersonPenalty,
  insertDivisions,
} from './fixtures';

// One page per record: every public standard field, persons masked, only while public.

const today = '2026-03-01';

describeEachDatabase('双公示 record pages', (current) => {
  const caller = () => createCaller({ db: current().db, today });

  it('gives every standard field of a penalty, with the publication period', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市嘉州建材有限公司');
    const p = await createPenalty(db, company, department, {
      categories: ['罚款', '没收违法所得'],
      fineAmount: '2.5',
      confiscatedAmount: '0.0331',
      remarks: '已缴纳罚款',
    });
    const r = await caller().disclosures.penalty({ id: p.id });
    const byCode = Object.fromEntries(PENALTY_FIELDS.map((f) => [f.code, f.value(r)]));
    expect(byCode).toMatchObject({
      CF_XDR_MC: '乐山市嘉州建材有限公司',
      CF_XDR_LB: '法人及非法人组织',
      CF_WSH: p.documentNumber,
      CF_WFXW: '未按规定公示年度报告',
      CF_CFLB: '罚款;没收违法所得',
      CF_NR_FK: '2.5',
      CF_NR_WFFF: '0.0331',
      CF_JDRQ: '2025-09-01',
      CF_GSJZQ: '2026-09-01',
      CF_CFJG: department.name,
      BZ: '已缴纳罚款',
    });
    // The standard's required penalty fields (SPEC §3) all have a row.
    for (const code of [
      'CF_XDR_MC',
      'CF_XDR_LB',
      'CF_WSH',
      'CF_WFXW',
      'CF_SY',
      'CF_YJ',
      'CF_CFLB',
      'CF_NR',
      'CF_JDRQ',
      'CF_YXQ',
      'CF_CFJG',
      'CF_CFJGDM',
      'CF_SJLY',
      'CF_SJLYDM',
    ]) {
      expect(PENALTY_FIELDS.map((f) => f.code)).toContain(code);
    }
    expect(r).toMatchObject({
      publicFrom: '2025-09-01',
      publicUntil: '2026-09-01',
      subjectId: company.id,
      subjectLinkable: true,
    });
  });

  it('gives every standard field of a licence; 2099-12-31 reads 长期', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市长期许可有限公司');
    const l = await createLicence(db, company, department, { validUntil: '2099-12-31' });
    const r = await caller().disclosures.licence({ id: l.id });
    const byCode = Object.fromEntries(LICENSING_FIELDS.map((f) => [f.code, f.value(r)]));
    expect(byCode).toMatchObject({
      XK_XDR_MC: '乐山市长期许可有限公司',
      XK_XKWS: '食品经营许可决定书',
      XK_WSH: l.documentNumber,
      XK_XKLB: '普通',
      XK_XKZS: '食品经营许可证',
      XK_YXQZI: '长期',
      XK_ZT: '有效',
    });
    expect(r.badges).toEqual([]);
  });

  it('masks natural persons: name, and never the full ID number in any DTO', async () => {
    const { db } = current();
    await insertDivisions(db);
    const department = await createDepartment(db);
    const person = await createPerson(db, '欧阳娜娜', '511102');
    const penalty = await createPersonPenalty(db, person, department, {
      decisionDate: '2026-02-01',
      publicFrom: '2026-02-01',
    });
    // A bad import that put a full number into the masked slot is masked on the way out.
    const leaky = await createPersonPenalty(db, person, department, { partyIdMasked: FULL_ID_NUMBER });
    const licence = await createLicence(db, person, department, {
      subjectCategory: '自然人',
      partyIdType: '身份证',
      partyIdMasked: MASKED_ID_NUMBER,
      partyIdRef: person.identityId,
    });
    const detail = await caller().disclosures.penalty({ id: penalty.id });
    expect(detail.subjectName).toBe('欧阳**');
    expect(detail.partyIdNumber).toBe(MASKED_ID_NUMBER);
    expect(detail.subjectLinkable).toBe(false);
    const everything = JSON.stringify([
      detail,
      await caller().disclosures.penalty({ id: leaky.id }),
      await caller().disclosures.licence({ id: licence.id }),
      await caller().disclosures.penalties({ department: await departmentCode(db, department.id) }),
      await caller().disclosures.licensing({}),
    ]);
    expect(everything).not.toContain(FULL_ID_NUMBER);
    expect(everything).not.toContain('欧阳娜娜');
    expect(everything).toContain('欧阳**');
  });

  it('answers NOT_FOUND for unknown ids and records that are not public', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市撤销许可有限公司');
    const withdrawn = await createLicence(db, company, department, { status: 'withdrawn', withdrawnOn: '2025-10-01' });
    const unpublished = await createLicence(db, company, department, { status: 'unpublished' });
    for (const id of [withdrawn.id, unpublished.id, 987654321]) {
      await expect(caller().disclosures.licence({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(caller().disclosures.penalty({ id: 987654321 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller().disclosures.penalty({ id: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

async function departmentCode(db: Parameters<typeof createDepartment>[0], id: number) {
  const row = await db.selectFrom('departments').select('code').where('id', '=', id).executeTakeFirstOrThrow();
  return row.code;
}
