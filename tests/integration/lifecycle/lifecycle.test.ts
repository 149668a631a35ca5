import { expect, it } from 'vitest';
import { runLifecycle } from '@/server/lifecycle/service';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';

describeEachDatabase('lifecycle job', (current) => {
  it('records each ended publication, expired licence and list entry once, however often it runs', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const company = await createCompany(db, '乐山市生命周期测试有限公司');
    const ended = await createPenalty(db, company, dept, { publicUntil: '2026-03-01' });
    const running = await createPenalty(db, company, dept, { publicUntil: '2026-03-02' });
    const withdrawn = await createPenalty(db, company, dept, {
      publicUntil: '2026-02-01',
      status: 'withdrawn',
      withdrawnOn: '2025-10-01',
    });
    const licence = await db
      .insertInto('licensingRecords')
      .values({
        subjectId: company.id,
        departmentId: dept.id,
        subjectName: company.name,
        subjectCategory: '法人及非法人组织',
        decisionDocumentName: '准予行政许可决定书',
        documentNumber: '乐测许〔2025〕1号',
        documentNumberNorm: '乐测许〔2025〕1号',
        licenceCategory: '普通',
        content: '食品经营许可',
        decisionDate: '2025-01-01',
        validFrom: '2025-01-01',
        validUntil: '2026-02-28',
        authorityName: dept.name,
        authorityCode: '115111000087080252',
        currentState: '有效',
        sourceUnitName: dept.name,
        sourceUnitCode: '115111000087080252',
        publicFrom: '2025-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entry = await db
      .insertInto('listEntries')
      .values({
        listType: 'dishonesty',
        subjectId: company.id,
        departmentId: dept.id,
        decisionNumber: '乐测认〔2025〕1号',
        basis: '依据',
        reason: '事由',
        listedOn: '2025-03-01',
        validUntil: '2026-02-28',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const first = await runLifecycle(db, '2026-03-01');
    expect(first).toMatchObject({
      penaltiesEnded: expect.any(Number),
      licencesExpired: expect.any(Number),
      listEntriesExpired: expect.any(Number),
    });
    const again = await runLifecycle(db, '2026-03-01');
    expect(again).toEqual({ penaltiesEnded: 0, licencesExpired: 0, listEntriesExpired: 0, tasksOverdue: 0 });

    const transitions = await db.selectFrom('lifecycleTransitions').selectAll().execute();
    const of = (type: string, id: number) => transitions.filter((t) => t.entityType === type && t.entityId === id);
    expect(of('penalty_record', ended.id)).toEqual([
      expect.objectContaining({ transition: 'publication_ended', effectiveOn: '2026-03-01' }),
    ]);
    expect(of('penalty_record', running.id)).toEqual([]);
    expect(of('penalty_record', withdrawn.id)).toEqual([]);
    expect(of('licensing_record', licence.id)).toEqual([
      expect.objectContaining({ transition: 'licence_expired', effectiveOn: '2026-03-01' }),
    ]);
    expect(of('list_entry', entry.id)).toEqual([expect.objectContaining({ transition: 'list_entry_expired' })]);
    const stored = await db
      .selectFrom('listEntries')
      .select('status')
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('expired');
    const audit = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('actorId', '=', 'lifecycle')
      .where('entityType', '=', 'penalty_record')
      .where('entityId', '=', String(ended.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'penalty.expire', entityType: 'penalty_record' });

    const nextDay = await runLifecycle(db, '2026-03-02');
    expect(nextDay.penaltiesEnded).toBe(1);
    expect(
      await db
        .selectFrom('lifecycleTransitions')
        .selectAll()
        .where('entityType', '=', 'penalty_record')
        .where('entityId', '=', running.id)
        .execute(),
    ).toHaveLength(1);
  });
});
