import { describe, expect, it } from 'vitest';
import { checkUnitRegistration } from '@/server/rules/department-units';

const department = { name: '乐山市市场监督管理局', shortName: '市市场监管局', uscc: '11511100MB0000000A' };
const existing = [{ id: 1, name: '乐山市市场监督管理局市中区分局', uscc: '11511102MB1111111B' }];

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

  it('refuses a unit registered already, however its name is spaced, and a code given to another unit', () => {
    const byName = checkUnitRegistration(department, existing, { name: '乐山市市场监督管理局 市中区分局', uscc: null });
    expect(byName).toEqual({ ok: false, refusal: expect.stringContaining('无需重复登记') });
    const byCode = checkUnitRegistration(department, existing, { name: '乐山市某执法支队', uscc: existing[0]!.uscc });
    expect(byCode).toEqual({ ok: false, refusal: expect.stringContaining('已登记给下属单位') });
  });
});
