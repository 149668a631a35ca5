import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { makeResidentId } from '@/server/rules/idcard';
import { makeUscc } from '@/server/rules/uscc';

// Department files for the import tests, written the way departments send them.

export const AUTHORITY_USCC = makeUscc({
  registrationDept: '1',
  orgType: '1',
  division: '511100',
  orgCode: 'A00000001',
});

export const PENALTY_HEADERS = [
  'CF_WSH',
  'CF_XDR_MC',
  'CF_XDR_LB',
  'CF_XDR_SHXYM',
  'CF_XDR_ZJLX',
  'CF_XDR_ZJHM',
  'CF_WFXW',
  'CF_SY',
  'CF_YJ',
  'CF_CFLB',
  'CF_NR',
  'CF_NR_FK',
  'CF_JDRQ',
  'CF_YXQ',
  'CF_GSJZQ',
  'CF_CFJG',
  'CF_CFJGDM',
  'CF_SJLY',
  'CF_SJLYDM',
];

export function companyUscc(n: number): string {
  return makeUscc({
    registrationDept: '9',
    orgType: '1',
    division: '511102',
    orgCode: `M${String(n).padStart(8, '0')}`,
  });
}

export function personId(n: number): string {
  return makeResidentId({ division: '511102', birthDate: '1980-05-06', sequence: n % 1000 });
}

export function penaltyRow(n: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CF_WSH: `乐市监罚〔2026〕${n}号`,
    CF_XDR_MC: `乐山市测试${n}号商贸有限公司`,
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: companyUscc(n),
    CF_XDR_ZJLX: '',
    CF_XDR_ZJHM: '',
    CF_WFXW: '经营超过保质期的食品',
    CF_SY: '当事人货架上摆放待售的饼干已超过保质期。',
    CF_YJ: '《中华人民共和国食品安全法》第一百二十四条',
    CF_CFLB: '罚款',
    CF_NR: '罚款人民币五千元',
    CF_NR_FK: '0.5',
    CF_JDRQ: '2026/03/05',
    CF_YXQ: '20260305',
    CF_GSJZQ: '',
    CF_CFJG: '乐山市市场监督管理局',
    CF_CFJGDM: AUTHORITY_USCC,
    CF_SJLY: '乐山市市场监督管理局',
    CF_SJLYDM: AUTHORITY_USCC,
    ...overrides,
  };
}

export function toCsv(rows: Record<string, string>[], headers = PENALTY_HEADERS, headerLabels?: string[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [headerLabels ?? headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))]
    .map((line) => line.map(q).join(','))
    .join('\n');
}

export async function toXlsx(rows: Record<string, string>[], headers = PENALTY_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('处罚');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function bytesOf(content: string | Buffer): AsyncIterable<Buffer> {
  return Readable.from([typeof content === 'string' ? Buffer.from(content, 'utf8') : content]);
}
