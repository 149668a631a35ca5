import { describe, expect, it } from 'vitest';
import { MAX_PAGE, parseFilters } from '@/server/disclosures/filters';
import { csvCell, csvLine } from '@/server/csv/writer';
import { trimDecimal } from '@/server/standard/fields';

describe('parseFilters', () => {
  it('applies the valid fields and reports each wrong one in Chinese beside its field', () => {
    const { filters, errors, page } = parseFilters('penalty', {
      department: 'scjg',
      division: '511181',
      category: '不存在',
      from: '2025-13-01',
      to: '2025-06-30',
      q: '  乐山（嘉州）  ',
      page: '3',
    });
    expect(filters).toEqual({ department: ['scjg'], division: ['511181'], to: '2025-06-30', q: '乐山(嘉州)' });
    expect(errors.map((e) => e.field)).toEqual(['category', 'from']);
    expect(errors[0]?.message).toBe('处罚类别无效，请从列表中选择。');
    expect(errors[1]?.message).toContain('起始日期不是有效日期');
    expect(page).toBe(3);
  });

  it('treats empty form fields as no filter', () => {
    expect(parseFilters('licensing', { department: '', division: '', category: '', from: '', to: ' ', q: '' })).toEqual(
      {
        filters: {},
        errors: [],
        page: 1,
        sort: 'date-desc',
      },
    );
  });

  it('refuses from after to, keeping from', () => {
    const { filters, errors } = parseFilters('licensing', { from: '2025-06-01', to: '2025-05-31' });
    expect(filters).toEqual({ from: '2025-06-01' });
    expect(errors).toEqual([{ field: 'to', message: '起始日期不能晚于截止日期，请调整日期范围。' }]);
  });

  it('knows each kind its own categories', () => {
    expect(parseFilters('licensing', { category: '特许' }).errors).toEqual([]);
    expect(parseFilters('licensing', { category: '罚款' }).errors[0]?.message).toBe('许可类别无效，请从列表中选择。');
  });

  it('refuses pages beyond the 10,000th record and non-numbers', () => {
    expect(MAX_PAGE).toBe(500);
    expect(parseFilters('penalty', { page: '501' }).errors[0]?.field).toBe('page');
    expect(parseFilters('penalty', { page: 'abc' }).page).toBe(1);
    expect(parseFilters('penalty', { page: '2.5' }).errors[0]?.message).toBe('页码须为整数。');
  });
});

describe('CSV cells', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('普通文本')).toBe('普通文本');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('+86')).toBe("'+86");
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    expect(csvLine(['a', null, 'c'])).toBe('a,,c\r\n');
  });

  it('writes 万元 amounts without trailing zeros', () => {
    expect(trimDecimal('0.500000')).toBe('0.5');
    expect(trimDecimal('12.000000')).toBe('12');
    expect(trimDecimal('3')).toBe('3');
    expect(trimDecimal(null)).toBe(null);
  });
});
