import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDate,
  formatDatesIn,
  formatDateTime,
  formatDayOf,
  formatMonth,
} from '../../../server/rules/format';
import { factRows, validityText } from '../../../server/subjects/present';

// One way of writing dates across the public pages, the back office and the PDF report.
describe('dates read one way', () => {
  it('writes calendar dates and months without leading zeros', () => {
    expect(formatDate('2024-03-05')).toBe('2024年3月5日');
    expect(formatMonth('2024-11')).toBe('2024年11月');
  });

  it('writes instants in Asia/Shanghai whatever the server runs in, with seconds only when asked', () => {
    // 16:30:07 UTC is 00:30:07 the next day in Shanghai.
    expect(formatDateTime('2024-03-04T16:30:07Z')).toBe('2024年3月5日 00:30');
    expect(formatDateTime(new Date('2024-03-04T16:30:07Z'), { seconds: true })).toBe('2024年3月5日 00:30:07');
    expect(formatDayOf('2024-03-04T16:30:07Z')).toBe('2024年3月5日');
  });

  it('writes the dates inside a history note the same way, leaving longer codes alone', () => {
    expect(formatDatesIn('已受理，应于 2026-12-10 前作出决定。')).toBe('已受理，应于 2026年12月10日 前作出决定。');
    expect(formatDatesIn('2027-01-01~2027-01-03 元旦')).toBe('2027年1月1日~2027年1月3日 元旦');
    expect(formatDatesIn('编号 12026-12-10 与 2026-12-10-3 不是日期')).toBe(
      '编号 12026-12-10 与 2026-12-10-3 不是日期',
    );
  });

  it('leaves what it cannot read as it came', () => {
    expect(formatDate('2024-3-5')).toBe('2024-3-5');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('groups amounts without going through a float', () => {
    expect(formatAmount('12345678901234567.05')).toBe('12,345,678,901,234,567.05');
  });
});

describe('a subject as the pages and the PDF show it', () => {
  const subject = {
    kind: 'legal_person',
    name: '乐山市某某有限公司',
    kindLabel: '法人及非法人组织',
    uscc: '91511100MA62X0XX0X',
    registrationNumber: null,
    idType: null,
    idNumber: null,
    representative: { label: '法定代表人', name: '张三' },
    registrationStatus: '存续',
    establishedOn: '2019-07-01',
    registeredCapitalWan: '500',
    industry: null,
    division: '市中区',
    address: '',
  } as unknown as Parameters<typeof factRows>[0];

  it('leaves out empty facts, dates the founding one way and keeps codes on one line', () => {
    const rows = factRows(subject);
    expect(rows.map((r) => r.label)).toEqual([
      '名称',
      '主体类别',
      '统一社会信用代码',
      '法定代表人',
      '登记状态',
      '成立日期',
      '注册资本',
      '所属地区',
    ]);
    expect(rows.find((r) => r.label === '成立日期')?.value).toBe('2019年7月1日');
    expect(rows.filter((r) => r.nowrap).map((r) => r.label)).toEqual(['统一社会信用代码']);
  });

  it('reads an open-ended licence as 长期', () => {
    expect(validityText('2024-01-02', null)).toBe('2024年1月2日 至 长期');
  });
});
