import { expect, it } from 'vitest';
import { createCaller } from '@/server/root';
import { parseChunkId, SITEMAP_CHUNK } from '@/server/sitemap/service';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';

// The sitemap lists only what is public today (SPEC §4), through the same predicates as
// every page: an expired, withdrawn, repaired or unpublished penalty is absent.
describeEachDatabase('sitemap', (current) => {
  const today = '2026-03-01';

  async function allRecordPaths(caller: ReturnType<typeof createCaller>) {
    const ids = (await caller.sitemap.chunks()).filter((id) => id !== 'pages');
    const chunks = await Promise.all(ids.map((id) => caller.sitemap.records({ id })));
    return chunks.flatMap((c) => c ?? []).map((e) => e.path);
  }

  it('lists public penalties and their subjects, and leaves out hidden ones', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市峨眉雪芽茶业有限公司');
    const hiddenOnly = await createCompany(db, '乐山市已修复建材有限公司');
    const visible = await createPenalty(db, company, department);
    const suspended = await createPenalty(db, company, department, {
      status: 'suspended',
      suspendedSince: '2026-02-20',
      publicUntil: '2026-02-25',
    });
    const hidden = {
      expired: await createPenalty(db, hiddenOnly, department, { publicUntil: '2026-03-01' }),
      withdrawn: await createPenalty(db, hiddenOnly, department, { status: 'withdrawn', withdrawnOn: '2025-10-01' }),
      repaired: await createPenalty(db, hiddenOnly, department, { status: 'repaired', repairedOn: '2026-01-10' }),
      unpublished: await createPenalty(db, hiddenOnly, department, { status: 'unpublished', severity: 'minor' }),
      future: await createPenalty(db, hiddenOnly, department, { publicFrom: '2026-03-02', decisionDate: '2026-03-02' }),
    };

    const caller = createCaller({ db, today });
    const paths = await allRecordPaths(caller);
    expect(paths).toContain(`/disclosures/penalties/${visible.id}`);
    expect(paths).toContain(`/disclosures/penalties/${suspended.id}`);
    for (const [why, record] of Object.entries(hidden)) {
      expect(paths, why).not.toContain(`/disclosures/penalties/${record.id}`);
    }
    expect(paths).toContain(`/subjects/${company.id}`);
    // A subject whose only records are hidden has nothing public to show.
    expect(paths).not.toContain(`/subjects/${hiddenOnly.id}`);

    // The day before its end date the expiring penalty (and so its subject) is still listed.
    const dayBefore = await allRecordPaths(createCaller({ db, today: '2026-02-28' }));
    expect(dayBefore).toContain(`/disclosures/penalties/${hidden.expired.id}`);
    expect(dayBefore).toContain(`/subjects/${hiddenOnly.id}`);
  });

  it('lists public licences and published exposure cases only', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市沫若酒业有限公司');
    const licence = (status: 'published' | 'withdrawn') =>
      db
        .insertInto('licensingRecords')
        .values({
          subjectId: company.id,
          departmentId: department.id,
          subjectName: company.name,
          subjectCategory: '法人及非法人组织',
          documentNumber: `乐测许〔2025〕${status}号`,
          documentNumberNorm: `乐测许〔2025〕${status}号`,
          decisionDocumentName: '食品经营许可决定书',
          licenceCategory: '普通',
          content: '食品经营许可',
          decisionDate: '2025-05-01',
          validFrom: '2025-05-01',
          validUntil: '2025-12-31', // expired licences stay public, marked 已过期
          currentState: '有效',
          authorityName: department.name,
          authorityCode: '115111000087080252',
          sourceUnitName: department.name,
          sourceUnitCode: '115111000087080252',
          status,
          publicFrom: '2025-05-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const kept = await licence('published');
    const withdrawn = await licence('withdrawn');
    const exposure = (status: 'published' | 'draft', publishedOn: string | null) =>
      db
        .insertInto('exposureCases')
        .values({
          title: '曝光案例',
          domain: '食品药品',
          subjectName: company.name,
          summary: '摘要',
          body: '正文',
          status,
          publishedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const published = await exposure('published', '2026-02-01');
    const draft = await exposure('draft', null);
    const scheduled = await exposure('published', '2026-03-05');

    const paths = await allRecordPaths(createCaller({ db, today }));
    expect(paths).toContain(`/disclosures/licensing/${kept.id}`);
    expect(paths).not.toContain(`/disclosures/licensing/${withdrawn.id}`);
    expect(paths).toContain(`/exposure/${published.id}`);
    expect(paths).not.toContain(`/exposure/${draft.id}`);
    expect(paths).not.toContain(`/exposure/${scheduled.id}`);
  });

  it("gives a masked person's page by its row id, never by an identity number or name", async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const person = await db
      .insertInto('subjects')
      .values({
        kind: 'natural_person',
        name: '李秀英',
        nameNorm: '李秀英',
        personIdType: '身份证',
        personIdMasked: '511102********2345',
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await createPenalty(db, person, department, { subjectCategory: '自然人' });
    const paths = await allRecordPaths(createCaller({ db, today }));
    const personPaths = paths.filter((p) => p.startsWith('/subjects/') && p.endsWith(`/${person.id}`));
    expect(personPaths).toEqual([`/subjects/${person.id}`]);
    for (const p of paths) {
      expect(p).toMatch(/^\/(subjects|disclosures\/penalties|disclosures\/licensing|exposure)\/\d+$/);
      expect(p).not.toContain('2345');
      expect(decodeURIComponent(p)).not.toContain('李');
    }
  });

  it('splits records into id ranges of at most 50,000, ordered by id, and refuses unknown chunks', async () => {
    const { db } = current();
    const caller = createCaller({ db, today });
    const ids = await caller.sitemap.chunks();
    expect(ids[0]).toBe('pages');
    for (const id of ids.slice(1)) {
      const chunk = parseChunkId(id)!;
      const entries = (await caller.sitemap.records({ id }))!;
      expect(entries.length).toBeLessThanOrEqual(SITEMAP_CHUNK);
      const rowIds = entries.map((e) => Number(e.path.split('/').pop()));
      expect(rowIds).toEqual([...rowIds].sort((a, b) => a - b));
      for (const rowId of rowIds) {
        expect(rowId).toBeGreaterThan(chunk.index * SITEMAP_CHUNK);
        expect(rowId).toBeLessThanOrEqual((chunk.index + 1) * SITEMAP_CHUNK);
      }
    }
    // A row id past the first range lands in the second chunk.
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市大佛旅游服务有限公司');
    const far = await createPenalty(db, company, department, { id: SITEMAP_CHUNK + 7 });
    const after = await caller.sitemap.chunks();
    expect(after).toContain('penalties-1');
    expect((await caller.sitemap.records({ id: 'penalties-1' }))!.map((e) => e.path)).toEqual([
      `/disclosures/penalties/${far.id}`,
    ]);
    expect(await caller.sitemap.records({ id: 'nonsense-1' })).toBeNull();
    expect(await caller.sitemap.records({ id: 'pages' })).toBeNull();
  });
});
