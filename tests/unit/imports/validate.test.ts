import { describe, expect, it } from 'vitest';
import { detectRecordKind, fieldCodeOf } from '@/server/standard/fields';
import { validateRow, type RawRow } from '@/server/imports/validate';
import { makeResidentId } from '@/server/rules/idcard';
import { makeUscc } from '@/server/rules/uscc';

// One row per rule of SPEC §2–§4, checked the way a department's file is.

const today = '2026-04-01';
const ORG = makeUscc({ registrationDept: '9', orgType: '1', division: '511102', orgCode: 'MA1234567' });
const AUTH = makeUscc({ registrationDept: '1', orgType: '1', division: '511100', orgCode: 'A00000001' });
const wrongCheck = (code: string) => code.slice(0, 17) + (code.endsWith('1') ? '2' : '1');

const penalty = (o: RawRow = {}): RawRow => ({
  CF_WSH: '乐市监罚〔2026〕1号',
  CF_XDR_MC: '乐山市某某有限公司',
  CF_XDR_LB: '法人及非法人组织',
  CF_XDR_SHXYM: ORG,
  CF_WFXW: '违法行为',
  CF_SY: '违法事实',
  CF_YJ: '处罚依据',
  CF_CFLB: '罚款',
  CF_NR: '罚款五千元',
  CF_NR_FK: '0.5',
  CF_JDRQ: '2026-03-05',
  CF_YXQ: '2026-03-05',
  CF_CFJG: '乐山市市场监督管理局',
  CF_CFJGDM: AUTH,
  CF_SJLY: '乐山市市场监督管理局',
  CF_SJLYDM: AUTH,
  ...o,
});

const licence = (o: RawRow = {}): RawRow => ({
  XK_WSH: '乐市监许〔2026〕1号',
  XK_XDR_MC: '乐山市某某有限公司',
  XK_XDR_LB: '法人及非法人组织',
  XK_XDR_SHXYM: ORG,
  XK_XKWS: '准予行政许可决定书',
  XK_XKLB: '普通',
  XK_NR: '食品经营许可',
  XK_JDRQ: '2026-03-05',
  XK_YXQZ: '2026-03-05',
  XK_YXQZI: '2031-03-04',
  XK_XKJG: '乐山市市场监督管理局',
  XK_XKJGDM: AUTH,
  XK_ZT: '有效',
  XK_LYDW: '乐山市市场监督管理局',
  XK_LYDWDM: AUTH,
  ...o,
});

function issues(kind: 'penalty' | 'licensing', row: RawRow) {
  const r = validateRow(kind, row, 2, today);
  return r.ok ? [] : r.issues;
}

describe('import row validation', () => {
  it('accepts a complete row and normalises it', () => {
    const r = validateRow(
      'penalty',
      penalty({ CF_JDRQ: '2026/3/5', CF_YXQ: '20260305', CF_CFLB: '警告；罚款' }),
      2,
      today,
    );
    expect(r.ok).toBe(true);
    if (!r.ok || r.row.kind !== 'penalty') return;
    expect(r.row.values).toMatchObject({
      decisionDate: '2026-03-05',
      categories: ['警告', '罚款'],
      severity: 'general',
      fineAmount: '0.5',
    });
    expect(r.row.values.publicUntil > r.row.values.earliestRepairOn).toBe(true);
  });

  it.each([
    ['a missing required field', penalty({ CF_SY: '' }), 'CF_SY', '必填'],
    ['an unknown party category', penalty({ CF_XDR_LB: '公司' }), 'CF_XDR_LB', '法人及非法人组织、自然人、个体工商户'],
    ['a USCC with a wrong check character', penalty({ CF_XDR_SHXYM: wrongCheck(ORG) }), 'CF_XDR_SHXYM', '校验位错误'],
    ['a legal person without USCC', penalty({ CF_XDR_SHXYM: '' }), 'CF_XDR_SHXYM', '须填写统一社会信用代码'],
    ['the placeholder for a company', penalty({ CF_XDR_SHXYM: '00000000000000000X' }), 'CF_XDR_SHXYM', '个体工商户'],
    [
      'the placeholder without registration number',
      penalty({ CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: '00000000000000000X' }),
      'CF_XDR_GSZC',
      '工商注册号',
    ],
    [
      'a person without ID number',
      penalty({ CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_XDR_MC: '张三' }),
      'CF_XDR_ZJHM',
      '必填',
    ],
    [
      'a person ID with a wrong check digit',
      penalty({ CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_XDR_ZJHM: '110101190001010015' }),
      'CF_XDR_ZJHM',
      '校验位',
    ],
    ['an impossible date', penalty({ CF_JDRQ: '2026-02-30' }), 'CF_JDRQ', '不是有效日期'],
    ['a decision in the future', penalty({ CF_JDRQ: '2026-04-02', CF_YXQ: '2026-04-02' }), 'CF_JDRQ', '晚于今天'],
    ['money in yuan with a unit', penalty({ CF_NR_FK: '5000元' }), 'CF_NR_FK', '万元'],
    ['money with too many decimals', penalty({ CF_NR_FK: '0.1234567' }), 'CF_NR_FK', '最多6位小数'],
    ['a fine without amount', penalty({ CF_NR_FK: '' }), 'CF_NR_FK', '罚款金额'],
    ['an unknown penalty category', penalty({ CF_CFLB: '罚款;打板子' }), 'CF_CFLB', '打板子'],
    ['a validity before the decision', penalty({ CF_YXQ: '2026-03-01' }), 'CF_YXQ', '早于处罚决定日期'],
    ['an unknown severity', penalty({ CF_SXYZCD: '特别严重' }), 'CF_SXYZCD', '轻微、一般、严重'],
    [
      'an authority code with a wrong check character',
      penalty({ CF_CFJGDM: wrongCheck(AUTH) }),
      'CF_CFJGDM',
      '校验位错误',
    ],
  ])('rejects %s with the field and a Chinese reason', (_, row, field, text) => {
    expect(issues('penalty', row)).toContainEqual({ field, message: expect.stringContaining(text) });
  });

  it.each([
    ['an unknown licence category', licence({ XK_XKLB: '普通许可' }), 'XK_XKLB', '普通、特许'],
    ['an unknown state', licence({ XK_ZT: '正常' }), 'XK_ZT', '有效、无效'],
    ['有效期自 after 有效期至', licence({ XK_YXQZ: '2031-03-05', XK_YXQZI: '2026-03-05' }), 'XK_YXQZI', '早于有效期自'],
  ])('rejects a licence with %s', (_, row, field, text) => {
    expect(issues('licensing', row)).toContainEqual({ field, message: expect.stringContaining(text) });
  });

  it('accepts a person with a valid ID and an individual business with placeholder and registration number', () => {
    const id = makeResidentId({ division: '511102', birthDate: '1990-01-01', sequence: 12 });
    expect(
      validateRow(
        'penalty',
        penalty({ CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_XDR_MC: '张三', CF_XDR_ZJHM: id }),
        2,
        today,
      ).ok,
    ).toBe(true);
    expect(
      validateRow(
        'penalty',
        penalty({ CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: '00000000000000000X', CF_XDR_GSZC: '511102600012345' }),
        2,
        today,
      ).ok,
    ).toBe(true);
  });

  it('does not publish a minor penalty and honours an explicit severity', () => {
    const minor = validateRow('penalty', penalty({ CF_CFLB: '警告', CF_NR_FK: '' }), 2, today);
    expect(minor.ok && minor.row.kind === 'penalty' && minor.row.values).toMatchObject({
      severity: 'minor',
      published: false,
    });
    const explicit = validateRow('penalty', penalty({ CF_SXYZCD: '严重' }), 2, today);
    expect(explicit.ok && explicit.row.kind === 'penalty' && explicit.row.values).toMatchObject({
      severity: 'serious',
      severityExplicit: true,
    });
  });

  it('moves a requested 公示截止期 before the minimum to the minimum, with a warning', () => {
    const r = validateRow('penalty', penalty({ CF_GSJZQ: '2026-03-10' }), 2, today);
    expect(r.ok).toBe(true);
    if (!r.ok || r.row.kind !== 'penalty') return;
    expect(r.row.values.publicUntil).toBe(r.row.values.earliestRepairOn);
    expect(r.row.warnings.join()).toContain('最短公示期');
  });

  it('reads headers written as codes or Chinese names and tells the record kind', () => {
    expect(fieldCodeOf('penalty', '罚款金额(万元)')).toBe('CF_NR_FK');
    expect(fieldCodeOf('penalty', ' cf_wsh ')).toBe('CF_WSH');
    expect(fieldCodeOf('licensing', '有效期至')).toBe('XK_YXQZI');
    expect(detectRecordKind(['行政相对人名称', '许可类别', '有效期自'])).toBe('licensing');
    expect(detectRecordKind(['行政相对人名称', '处罚类别', '违法事实'])).toBe('penalty');
    expect(detectRecordKind(['名称', '地址'])).toBeNull();
  });
});
