import { describe, expect, it } from 'vitest';
import { checkUnitRegistration } from '@/server/rules/department-units';
import { makeUscc } from '@/server/rules/uscc';

const code = (orgCode: string) => makeUscc({ registrationDept: '1', orgType: '1', division: '511100', orgCode });

const department = { name: '乐山市市场监督管理局', shortName: '市市场监管局', uscc: code('MB0000000') };
const existing = [{ id: 1, name: '乐山市市场监督管理局市中区分局', uscc: code('MB1111111') }];

describe('registering a sub-unit', () => {
  it('accepts a new unit, keeping its name as typed and its normalised key', () => {
    expect(
      checkUnitRegistration(department, existing, { name: '乐山市市场监督管理局五通桥区分局', uscc: null }),
    ).toEqual({
      ok: true,
      unit: { name: '乐山市市场监督管理局五通桥区分局', nameNorm: '乐山市市场监督管理局五通桥区分局', uscc: null },
    });
  });

  it('refuses the department itself, by name, short name or code', () => {
    for (const input of [
      { name: '乐山市市场监督管理局', uscc: null },
      { name: '市市场监管局', uscc: null },
      { name: '乐山市市场监督管理局执法支队', uscc: department.uscc },
    ]) {
      const r = checkUnitRegistration(department, existing, input);
      expect(r.ok).toBe(false);
    }
  });

  it('refuses a code whose check character is wrong, saying so', () => {
    const wrong = existing[0]!.uscc.slice(0, 17) + (existing[0]!.uscc.endsWith('0') ? '1' : '0');
    expect(checkUnitRegistration(department, [], { name: '乐山市某执法支队', uscc: wrong })).toEqual({
      ok: false,
      refusal: expect.stringContaining('下属单位的统一社会信用代码校验位错误'),
    });
  });

  it('refuses a unit registered already, however its name is spaced, and a code given to another unit', () => {
    const byName = checkUnitRegistration(department, existing, { name: '乐山市市场监督管理局 市中区分局', uscc: null });
    expect(byName).toEqual({ ok: false, refusal: expect.stringContaining('无需重复登记') });
    const byCode = checkUnitRegistration(department, existing, { name: '乐山市某执法支队', uscc: existing[0]!.uscc });
    expect(byCode).toEqual({ ok: false, refusal: expect.stringContaining('已登记给下属单位') });
  });
});
