import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';

// The home page shows only what is public today (SPEC §4): expired, withdrawn, repaired and
// unpublished penalties are neither counted nor listed; a suspended one is listed and marked.
describeEachDatabase('home page overview through tRPC', (current) => {
  const today = '2026-03-01';

  it('counts and lists only public penalties, newest first, and marks a suspended one', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市嘉州食品有限公司');
    const visible = await createPenalty(db, company, department, { decisionDate: '2025-09-01' });
    const newer = await createPenalty(db, company, department, {
      decisionDate: '2025-10-01',
      publicFrom: '2025-10-01',
    });
    const suspended = await createPenalty(db, company, department, {
      decisionDate: '2025-08-01',
      publicFrom: '2025-08-01',
      status: 'suspended',
      suspendedSince: '2026-02-20',
      publicUntil: '2026-02-25', // past, but a suspended record stays visible until decided
    });
    const hidden = [
      await createPenalty(db, company, department, { publicUntil: '2026-03-01' }), // ends today
      await createPenalty(db, company, department, { status: 'withdrawn', withdrawnOn: '2025-10-01' }),
      await createPenalty(db, company, department, { status: 'repaired', repairedOn: '2026-01-10' }),
      await createPenalty(db, company, department, { status: 'unpublished', severity: 'minor' }),
      await createPenalty(db, company, department, { publicFrom: '2026-03-02', decisionDate: '2026-03-02' }), // not yet
    ];

    const home = await createCaller({ db, today }).portal.home();
    expect(home.counts.penalties).toBe(3);
    expect(home.latestPenalties.map((p) => p.documentNumber)).toEqual([
      newer.documentNumber,
      visible.documentNumber,
      suspended.documentNumber,
    ]);
    expect(home.latestPenalties.find((p) => p.id === suspended.id)?.suspended).toBe(true);
    for (const h of hidden) expect(home.latestPenalties.map((p) => p.id)).not.toContain(h.id);

    // The day before publicUntil the record is still shown.
    const dayBefore = await createCaller({ db, today: '2026-02-28' }).portal.home();
    expect(dayBefore.latestPenalties.map((p) => p.id)).toContain(hidden[0]!.id);
  });

  it('masks natural persons in the latest lists', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const person = await db
      .insertInto('subjects')
      .values({ kind: 'natural_person', name: '王小明', nameNorm: '王小明' })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await createPenalty(db, person, department, {
      subjectCategory: '自然人',
      decisionDate: '2026-02-01',
      publicFrom: '2026-02-01',
      publicUntil: '2027-02-01',
    });
    const home = await createCaller({ db, today }).portal.home();
    const names = home.latestPenalties.map((p) => p.subjectName);
    expect(names).toContain('王**');
    expect(names).not.toContain('王小明');
  });
});

describeEachDatabase('home page list highlights', (current) => {
  const today = '2026-03-01';

  async function listEntry(
    db: ReturnType<typeof current>['db'],
    subjectId: number,
    departmentId: number,
    values: { listType: 'honor' | 'dishonesty'; listedOn: string; validUntil: string; status?: 'active' | 'removed' },
  ) {
    return db
      .insertInto('listEntries')
      .values({
        subjectId,
        departmentId,
        decisionNumber: `乐测〔2026〕${Math.floor(Math.random() * 1e6)}号`,
        basis: '测试依据',
        reason: values.listType === 'honor' ? '纳税信用A级' : '拒不履行法定义务',
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  it('shows the newest entries in force of each list, apart, with persons masked', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市诚信商贸有限公司');
    const person = await db
      .insertInto('subjects')
      .values({ kind: 'natural_person', name: '李大华', nameNorm: '李大华' })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const honor = await listEntry(db, company.id, department.id, {
      listType: 'honor',
      listedOn: '2026-01-05',
      validUntil: '2027-01-04',
    });
    const dishonest = await listEntry(db, person.id, department.id, {
      listType: 'dishonesty',
      listedOn: '2026-02-01',
      validUntil: '2029-01-31',
    });
    const ended = await listEntry(db, company.id, department.id, {
      listType: 'honor',
      listedOn: '2025-01-05',
      validUntil: '2026-02-28',
    });
    const future = await listEntry(db, company.id, department.id, {
      listType: 'dishonesty',
      listedOn: '2026-03-02',
      validUntil: '2029-03-01',
    });

    const home = await createCaller({ db, today }).portal.home();
    expect(home.honorHighlights.map((e) => e.id)).toContain(honor.id);
    expect(home.honorHighlights.map((e) => e.id)).not.toContain(ended.id);
    expect(home.dishonestyHighlights.map((e) => e.id)).toContain(dishonest.id);
    expect(home.dishonestyHighlights.map((e) => e.id)).not.toContain(future.id);
    expect(home.honorHighlights.map((e) => e.id)).not.toContain(dishonest.id);
    const shown = home.dishonestyHighlights.find((e) => e.id === dishonest.id)!;
    expect(shown.subjectName).toBe('李**');
    expect(JSON.stringify(home)).not.toContain('李大华');
  });
});
