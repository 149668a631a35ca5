import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../e2e/helpers/csv';
import type { Db } from '@/server/db/client';
import { GET as penaltiesCsv } from '@/app/(portal)/disclosures/penalties/export.csv/route';
import { GET as licensingCsv } from '@/app/(portal)/disclosures/licensing/export.csv/route';
import { attachmentDisposition } from '@/server/csv/writer';
import type { DisclosureFilters, DisclosureKind } from '@/server/disclosures/filters';
import { EXPORT_ROW_LIMIT, exportDisclosures, exportHeader } from '@/server/disclosures/service';
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

// The CSV downloads: what Excel needs (BOM, quoting), what the public may see (the same
// predicate and masking as the pages), and the 10,000-row cap with a note.

const today = '2026-03-01';

async function download(db: Db, kind: DisclosureKind, filters: DisclosureFilters, cap?: number) {
  const result = await exportDisclosures(db, today, kind, filters, { cap });
  if (!('lines' in result)) throw new Error(JSON.stringify(result.errors));
  let text = '';
  for await (const line of result.lines) text += line;
  return { ...result, text };
}

async function codeOf(db: Db, id: number) {
  return (await db.selectFrom('departments').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
}

describeEachDatabase('双公示 CSV downloads', (current) => {
  it('writes a BOM, a header of 名称(代码), and quotes commas, quotes, newlines and formula starts', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '=HYPERLINK("http://evil")');
    const p = await createPenalty(db, company, department, {
      violationFacts: '经查，当事人销售"三无"产品,数量 3 箱\n且拒不改正。',
      remarks: '+1 补充说明',
      licenceAffected: '@SUM(A1)',
      content: '-罚款 500 元',
    });
    const { text, total, rows, truncated } = await download(db, 'penalty', {
      department: [await codeOf(db, department.id)],
    });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const table = parseCsv(text.slice(1));
    expect(table[0]).toEqual(exportHeader('penalty'));
    expect(table[0]?.[0]).toBe('行政相对人名称(CF_XDR_MC)');
    expect(table[0]).toContain('行政处罚决定书文号(CF_WSH)');
    expect({ total, rows, truncated, lines: table.length }).toEqual({ total: 1, rows: 1, truncated: false, lines: 2 });
    const row = Object.fromEntries(table[0]!.map((h, i) => [h, table[1]![i]]));
    expect(row['行政处罚决定书文号(CF_WSH)']).toBe(p.documentNumber);
    expect(row['违法事实(CF_SY)']).toBe('经查，当事人销售"三无"产品,数量 3 箱\n且拒不改正。');
    // Cells a spreadsheet would run as formulas start with a quote.
    expect(row['行政相对人名称(CF_XDR_MC)']).toBe(`'=HYPERLINK("http://evil")`);
    expect(row['备注(BZ)']).toBe("'+1 补充说明");
    expect(row['暂扣或吊销证照名称及编号(CF_NR_ZKDX)']).toBe("'@SUM(A1)");
    expect(row['处罚内容(CF_NR)']).toBe("'-罚款 500 元");
    expect(row['公示状态']).toBe('公示中');
    expect(text).toContain('"经查，当事人销售""三无""产品,数量 3 箱\n且拒不改正。"');
  });

  it('holds only public records, marks suspended ones, and masks persons', async () => {
    const { db } = current();
    await insertDivisions(db);
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市导出可见性有限公司');
    const person = await createPerson(db, '张三丰', '511102');
    const published = await createPenalty(db, company, department);
    const suspended = await createPenalty(db, company, department, {
      status: 'suspended',
      suspendedSince: '2026-02-20',
    });
    const personal = await createPersonPenalty(db, person, department);
    const hidden = [
      await createPenalty(db, company, department, { publicUntil: today }),
      await createPenalty(db, company, department, { status: 'withdrawn', withdrawnOn: '2025-10-01' }),
      await createPenalty(db, company, department, { status: 'repaired', repairedOn: '2026-01-10' }),
      await createPenalty(db, company, department, { status: 'unpublished', severity: 'minor' }),
    ];
    const { text, total } = await download(db, 'penalty', { department: [await codeOf(db, department.id)] });
    expect(total).toBe(3);
    for (const p of [published, suspended, personal]) expect(text).toContain(p.documentNumber);
    for (const h of hidden) expect(text).not.toContain(h.documentNumber);
    const table = parseCsv(text.slice(1));
    const suspendedRow = table.find((r) => r.includes(suspended.documentNumber));
    expect(suspendedRow?.at(-1)).toBe('异议处理中');
    expect(text).toContain('张**');
    expect(text).toContain(MASKED_ID_NUMBER);
    expect(text).not.toContain('张三丰');
    expect(text).not.toContain(FULL_ID_NUMBER);
  });

  it('stops at the cap, in list order, and ends with a note saying so', async () => {
    const { db } = current();
    expect(EXPORT_ROW_LIMIT).toBe(10_000);
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市导出上限有限公司');
    const made = [];
    for (const date of ['2025-09-01', '2025-09-03', '2025-09-02']) {
      made.push(await createPenalty(db, company, department, { decisionDate: date, publicFrom: date }));
    }
    const { text, total, rows, truncated } = await download(
      db,
      'penalty',
      { department: [await codeOf(db, department.id)] },
      2,
    );
    expect({ total, rows, truncated }).toEqual({ total: 3, rows: 2, truncated: true });
    const table = parseCsv(text.slice(1));
    expect(table).toHaveLength(4);
    expect(table[1]).toContain(made[1]!.documentNumber);
    expect(table[2]).toContain(made[2]!.documentNumber);
    expect(text).not.toContain(made[0]!.documentNumber);
    expect(table[3]?.[0]).toMatch(/^注：符合条件的记录共 3 条，本文件仅包含按处罚决定日期从新到旧排列的前 2 条/);
  });

  it('exports licences with their own header and 已过期', async () => {
    const { db } = current();
    const department = await createDepartment(db);
    const company = await createCompany(db, '乐山市许可导出有限公司');
    const expired = await createLicence(db, company, department, { validUntil: '2026-01-31' });
    const { text } = await download(db, 'licensing', { department: [await codeOf(db, department.id)] });
    const table = parseCsv(text.slice(1));
    expect(table[0]?.[0]).toBe('行政相对人名称(XK_XDR_MC)');
    expect(table[0]).toContain('许可类别(XK_XKLB)');
    expect(table[1]).toContain(expired.documentNumber);
    expect(table[1]?.at(-1)).toBe('已过期');
  });

  it('refuses an unknown department instead of exporting everything', async () => {
    const result = await exportDisclosures(current().db, today, 'penalty', { department: ['no_such_unit'] });
    expect(result.errors).toEqual([{ field: 'department', message: '没有这个部门，请从列表中选择。' }]);
  });
});

describe('CSV download route', () => {
  it.each([
    ['penalties', penaltiesCsv, 'from=2025-02-30', '起始日期不是有效日期'],
    ['penalties', penaltiesCsv, 'from=2025-12-01&to=2025-01-01', '起始日期不能晚于截止日期'],
    ['penalties', penaltiesCsv, 'category=%E7%99%BB%E8%AE%B0', '处罚类别无效'],
    ['licensing', licensingCsv, 'category=%E7%BD%9A%E6%AC%BE', '许可类别无效'],
    ['licensing', licensingCsv, 'division=110101', '区县无效'],
  ])('%s ?%s answers 400 in Chinese', async (path, handler, query, message) => {
    const response = await handler(new Request(`http://localhost/disclosures/${path}/export.csv?${query}`));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toContain(message);
  });

  it('names the file in UTF-8 (RFC 5987) with an ASCII fallback', () => {
    expect(attachmentDisposition('leshan-penalties-2026-03-01.csv', '乐山市行政处罚公示-2026-03-01.csv')).toBe(
      `attachment; filename="leshan-penalties-2026-03-01.csv"; filename*=UTF-8''${encodeURIComponent('乐山市行政处罚公示-2026-03-01.csv')}`,
    );
  });
});
