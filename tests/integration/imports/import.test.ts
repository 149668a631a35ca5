import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { IMPORT_BATCH_ROWS, importErrorReportCsv, importFile, type ImportOptions } from '@/server/imports/service';
import { createDepartment } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';
import { bytesOf, companyUscc, penaltyRow, personId, toCsv, toXlsx } from './sample';

const today = '2026-04-01';
const actor = { type: 'system' as const, id: null, label: '测试' };

describeEachDatabase('department imports', (current) => {
  const options = (departmentId: number, mode: 'preview' | 'commit' = 'commit'): ImportOptions => ({
    departmentId,
    channel: 'cli',
    mode,
    today,
    actor,
  });

  it('imports a CSV, and the same file twice changes nothing', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const csv = toCsv([penaltyRow(1), penaltyRow(2)]);
    const first = await importFile(db, { name: 'a.csv', bytes: bytesOf(csv) }, options(dept.id));
    expect(first).toMatchObject({ status: 'committed', totalRows: 2, created: 2, errorRows: 0 });
    const stored = await db.selectFrom('penaltyRecords').selectAll().where('departmentId', '=', dept.id).execute();
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({ decisionDate: '2026-03-05', status: 'published', severity: 'general' });
    expect(Number(stored[0]!.fineAmount)).toBe(0.5);
    const docs = await db.selectFrom('searchDocuments').select('docId').where('kind', '=', 'penalty').execute();
    expect(docs.map((d) => d.docId)).toEqual(expect.arrayContaining(stored.map((s) => `penalty:${s.id}`)));

    const audits = await db.selectFrom('auditLog').select('id').execute();
    const second = await importFile(db, { name: 'a.csv', bytes: bytesOf(csv) }, options(dept.id));
    expect(second).toMatchObject({ status: 'committed', created: 0, updated: 0, unchanged: 2 });
    expect(await db.selectFrom('auditLog').select('id').execute()).toHaveLength(audits.length);
    expect(
      await db
        .selectFrom('subjects')
        .select('id')
        .where('uscc', 'in', [companyUscc(1), companyUscc(2)])
        .execute(),
    ).toHaveLength(2);
  });

  it('updates a record with the same department and document number, and audits the change', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    await importFile(db, { name: 'a.csv', bytes: bytesOf(toCsv([penaltyRow(10)])) }, options(dept.id));
    const again = await importFile(
      db,
      { name: 'b.csv', bytes: bytesOf(toCsv([penaltyRow(10, { CF_NR_FK: '0.8', CF_NR: '罚款人民币八千元' })])) },
      options(dept.id),
    );
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const record = await db
      .selectFrom('penaltyRecords')
      .selectAll()
      .where('departmentId', '=', dept.id)
      .executeTakeFirstOrThrow();
    expect(record.content).toBe('罚款人民币八千元');
    const audit = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', String(record.id))
      .where('action', '=', 'penalty.import_update')
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ content: '罚款人民币五千元' });
    expect(audit.after).toMatchObject({ content: '罚款人民币八千元' });
  });

  it('reports each bad row and field in Chinese and imports the good rows', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const bad = companyUscc(21).slice(0, 17) + (companyUscc(21).endsWith('0') ? '1' : '0');
    const rows = [
      penaltyRow(20),
      penaltyRow(21, { CF_XDR_SHXYM: bad }),
      penaltyRow(22, { CF_JDRQ: '2026-02-30' }),
      penaltyRow(23, { CF_NR_FK: '5000元' }),
      penaltyRow(24, { CF_CFLB: '罚款;打板子' }),
      penaltyRow(25, { CF_SY: '' }),
      penaltyRow(26, { CF_XDR_LB: '自然人', CF_XDR_MC: '张三', CF_XDR_SHXYM: '', CF_XDR_ZJHM: '110101190001010015' }),
      penaltyRow(27, { CF_GSJZQ: '2026-01-01' }),
    ];
    const preview = await importFile(db, { name: 'p.csv', bytes: bytesOf(toCsv(rows)) }, options(dept.id, 'preview'));
    expect(preview.status).toBe('previewed');
    expect(
      await db.selectFrom('penaltyRecords').select('id').where('departmentId', '=', dept.id).execute(),
    ).toHaveLength(0);
    const byRow = (n: number) => preview.errors.filter((e) => e.rowNumber === n);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual([{ rowNumber: 3, field: 'CF_XDR_SHXYM', message: expect.stringContaining('校验位错误') }]);
    expect(byRow(4)[0]).toMatchObject({ field: 'CF_JDRQ', message: expect.stringContaining('不是有效日期') });
    expect(byRow(5)[0]).toMatchObject({ field: 'CF_NR_FK', message: expect.stringContaining('万元') });
    expect(byRow(6)[0]).toMatchObject({ field: 'CF_CFLB', message: expect.stringContaining('打板子') });
    expect(byRow(7)[0]).toMatchObject({ field: 'CF_SY', message: expect.stringContaining('必填') });
    expect(byRow(8)[0]).toMatchObject({ field: 'CF_XDR_ZJHM', message: expect.stringContaining('校验位') });
    expect(byRow(9)[0]).toMatchObject({ field: 'CF_GSJZQ' });
    expect(preview.errorRows).toBe(7);

    const committed = await importFile(db, { name: 'p.csv', bytes: bytesOf(toCsv(rows)) }, options(dept.id));
    expect(committed).toMatchObject({ created: 1, errorRows: 7 });
    const report = await importErrorReportCsv(db, committed.importId);
    expect(report).toContain('行号,字段代码,字段名称,错误说明');
    expect(report).toContain('3,CF_XDR_SHXYM,统一社会信用代码,');
  });

  it('accepts Chinese headers and XLSX, and matches a person by protected ID without storing it in full', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const id = personId(7);
    const row = penaltyRow(30, {
      CF_XDR_LB: '自然人',
      CF_XDR_MC: '李四',
      CF_XDR_SHXYM: '',
      CF_XDR_ZJLX: '身份证',
      CF_XDR_ZJHM: id,
    });
    const labels = [
      '行政处罚决定书文号',
      '行政相对人名称',
      '行政相对人类别',
      '统一社会信用代码',
      '证件类型',
      '证件号码',
      '违法行为类型',
      '违法事实',
      '处罚依据',
      '处罚类别',
      '处罚内容',
      '罚款金额（万元）',
      '处罚决定日期',
      '处罚有效期',
      '公示截止期',
      '处罚机关',
      '处罚机关代码',
      '数据来源单位',
      '数据来源单位代码',
    ];
    const csv = await importFile(
      db,
      { name: 'zh.csv', bytes: bytesOf(toCsv([row], undefined, labels)) },
      options(dept.id),
    );
    expect(csv).toMatchObject({ created: 1, errorRows: 0 });
    const xlsx = await importFile(
      db,
      {
        name: 'x.xlsx',
        bytes: bytesOf(await toXlsx([penaltyRow(31, { ...row, CF_WSH: '乐市监罚〔2026〕31号' }), penaltyRow(32)])),
      },
      options(dept.id),
    );
    expect(xlsx).toMatchObject({ created: 2, errorRows: 0 });
    const persons = await db.selectFrom('subjects').selectAll().where('name', '=', '李四').execute();
    expect(persons).toHaveLength(1);
    expect(persons[0]!.personIdMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    const records = await db.selectFrom('penaltyRecords').selectAll().where('subjectId', '=', persons[0]!.id).execute();
    expect(records).toHaveLength(2);
    expect(JSON.stringify(records)).not.toContain(id);
    const docs = await db.selectFrom('searchDocuments').selectAll().execute();
    expect(JSON.stringify(docs)).not.toContain(id);
  });

  it('writes nothing when the database fails in a later batch', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    // A trigger stands in for a failure the validation cannot foresee (disk full, a lost connection).
    await sql`create function fail_on_boom() returns trigger language plpgsql as $$
      begin if new.document_number = 'BOOM' then raise exception 'simulated failure'; end if; return new; end $$`.execute(
      db,
    );
    await sql`create trigger fail_on_boom before insert on penalty_records for each row execute function fail_on_boom()`.execute(
      db,
    );
    const rows = Array.from({ length: IMPORT_BATCH_ROWS + 5 }, (_, i) => penaltyRow(1000 + i));
    rows[rows.length - 1]!.CF_WSH = 'BOOM';
    const result = await importFile(db, { name: 'f.csv', bytes: bytesOf(toCsv(rows)) }, options(dept.id));
    await sql`drop trigger fail_on_boom on penalty_records`.execute(db);
    expect(result.status).toBe('failed');
    expect(result.failure).toContain('已全部回滚');
    expect(await db.selectFrom('subjects').select('id').where('uscc', '=', companyUscc(1000)).execute()).toHaveLength(
      0,
    );
    expect(
      await db.selectFrom('penaltyRecords').select('id').where('departmentId', '=', dept.id).execute(),
    ).toHaveLength(0);
    const history = await db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', result.importId)
      .executeTakeFirstOrThrow();
    expect(history).toMatchObject({ status: 'failed', createdRows: 0 });
  });
});
