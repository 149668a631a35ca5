import { expect, it } from 'vitest';
import { importFile, type ImportOptions } from '@/server/imports/service';
import { searchPublic } from '@/server/search/service';
import { createDepartment } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { PENALTY_HEADERS, bytesOf, penaltyRow, personId, toCsv } from './sample';

// An import keeps the search in step in its own transaction: what it writes is found at
// once, and an updated record is found by its new text and no longer by its old.

const today = '2026-04-01';

describeEachDatabase('search kept in sync by imports', (current) => {
  const options = (departmentId: number): ImportOptions => ({
    departmentId,
    channel: 'cli',
    mode: 'commit',
    today,
    actor: { type: 'system', id: null, label: '测试' },
  });

  it('finds imported records and their new subjects at once, and an update replaces the document', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const rows = [
      penaltyRow(701, { CF_WFXW: '销售过期蜂蜜月饼' }),
      penaltyRow(702),
      penaltyRow(703, { CF_XDR_LB: '自然人', CF_XDR_MC: '赵七百零三', CF_XDR_SHXYM: '', CF_XDR_ZJHM: personId(703) }),
    ];
    const first = await importFile(db, { name: 'a.csv', bytes: bytesOf(toCsv(rows)) }, options(dept.id));
    expect(first).toMatchObject({ status: 'committed', created: 3 });
    const records = await db
      .selectFrom('penaltyRecords')
      .select(['id', 'documentNumber', 'subjectId'])
      .where('departmentId', '=', dept.id)
      .orderBy('id')
      .execute();
    const [company, , person] = records;

    const byName = await searchPublic(db, { q: '乐山市测试701号商贸有限公司' }, today);
    expect(byName.hits.map((h) => h.docId)).toEqual(
      expect.arrayContaining([`subject:${company!.subjectId}`, `penalty:${company!.id}`]),
    );
    const byText = await searchPublic(db, { q: '蜂蜜月饼' }, today);
    expect(byText.hits.map((h) => h.docId)).toEqual([`penalty:${company!.id}`]);
    expect(byText.hits[0]!.display.subtitle).toBe('销售过期蜂蜜月饼');

    // A person's record is found under the masked name; the person has no document of their own.
    const byPerson = await searchPublic(db, { q: '赵七百零三', kinds: ['penalty', 'subject'] }, today);
    expect(byPerson.hits.map((h) => h.docId)).not.toContain(`subject:${person!.subjectId}`);
    const personDoc = await db
      .selectFrom('searchDocumentContents')
      .select('title')
      .where('docId', '=', `penalty:${person!.id}`)
      .executeTakeFirstOrThrow();
    expect(personDoc.title).not.toBe('赵七百零三');
    expect(personDoc.title.startsWith('赵')).toBe(true);

    const queued = await db.selectFrom('searchOutbox').select(['docId', 'op']).execute();
    expect(queued).toEqual(
      expect.arrayContaining(
        [`subject:${company!.subjectId}`, ...records.map((r) => `penalty:${r.id}`)].map((docId) => ({
          docId,
          op: 'upsert',
        })),
      ),
    );

    const changed = [penaltyRow(701, { CF_WFXW: '无证生产冰糖葫芦' }), rows[1]!, rows[2]!];
    const second = await importFile(db, { name: 'b.csv', bytes: bytesOf(toCsv(changed)) }, options(dept.id));
    expect(second).toMatchObject({ status: 'committed', created: 0, updated: 1, unchanged: 2 });
    const byNewText = await searchPublic(db, { q: '冰糖葫芦' }, today);
    expect(byNewText.hits.map((h) => h.docId)).toEqual([`penalty:${company!.id}`]);
    expect(byNewText.hits[0]!.display.subtitle).toBe('无证生产冰糖葫芦');
    expect((await searchPublic(db, { q: '蜂蜜月饼' }, today)).hits).toEqual([]);
  });

  it('removes the document of a record an update makes non-public', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    await importFile(
      db,
      { name: 'a.csv', bytes: bytesOf(toCsv([penaltyRow(711, { CF_WFXW: '擅自改装燃气灶具' })])) },
      options(dept.id),
    );
    expect((await searchPublic(db, { q: '燃气灶具' }, today)).hits).toHaveLength(1);
    // Re-rated as minor, the penalty is not published: the record stays, its document goes.
    const ended = penaltyRow(711, { CF_WFXW: '擅自改装燃气灶具', CF_SXYZCD: '轻微' });
    const again = await importFile(
      db,
      { name: 'b.csv', bytes: bytesOf(toCsv([ended], [...PENALTY_HEADERS, 'CF_SXYZCD'])) },
      options(dept.id),
    );
    expect(again).toMatchObject({ status: 'committed', updated: 1 });
    const record = await db
      .selectFrom('penaltyRecords')
      .select(['id', 'status'])
      .where('departmentId', '=', dept.id)
      .executeTakeFirstOrThrow();
    expect(record.status).toBe('unpublished');
    expect((await searchPublic(db, { q: '燃气灶具' }, today)).hits).toEqual([]);
    const queued = await db.selectFrom('searchOutbox').select(['docId', 'op']).orderBy('id', 'desc').executeTakeFirst();
    expect(queued).toEqual({ docId: `penalty:${record.id}`, op: 'delete' });
  });
});
