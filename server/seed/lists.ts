// 守信红名单 and 失信联合惩戒对象名单 entries. Each cites 1–3 catalog items of the right kind
// (the database refuses anything else); many dishonesty entries rest on a serious penalty.

import { addDays, addYears, compareDates, type IsoDate } from '../rules/dates';
import type { ListEntryStatus, ListType } from '../rules/codes';
import { FIRST_DECISION_DATE, MARKET, dept, maxDateOf, minDateOf, nextNumber, resolveDept, yearOf } from './common';
import type { CatalogRef, DeptInfo, GenContext, GenListEntry, GenPenalty, GenSubject } from './model';
import type { Random } from './random';

interface ListSpec {
  key: string;
  listType: ListType;
  /** Department code or MARKET. */
  dept: string;
  /** The name of the list, as in 列入事由. */
  title: string;
  basis: string;
  /** 认定文号 prefix (before 〔year〕). */
  prefix: string;
  domain: string | null;
  years: number;
  /** Catalog codes that fit best; the rest are chosen by domain. */
  preferred: readonly string[];
  reason: (c: { rng: Random; s: GenSubject; year: number; penalty: GenPenalty | null }) => string;
}

const PLAN_2017 =
  '《乐山市建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设实施方案》（乐府办发〔2017〕27号）';
const COURT_RULES = '《最高人民法院关于公布失信被执行人名单信息的若干规定》';
const CN_ITEMS = ['一', '二', '三', '四', '五', '六'];

const fromPenalty = (what: string) => (c: { penalty: GenPenalty | null }) =>
  c.penalty === null
    ? what
    : `因${c.penalty.violationType}被处以${c.penalty.categories.join('、')}（${c.penalty.documentNumber}），${what}`;

export const HONOR_SPECS: readonly ListSpec[] = [
  {
    key: 'tax_a',
    listType: 'honor',
    dept: 'sw',
    title: 'A级纳税人',
    basis:
      '《纳税信用管理办法（试行）》（国家税务总局公告2014年第40号）；《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》',
    prefix: '乐税公告',
    domain: '税务',
    years: 1,
    preferred: ['JL-008', 'JL-009'],
    reason: (c) => `${c.year - 1}年度纳税信用评价结果为A级`,
  },
  {
    key: 'contract_credit',
    listType: 'honor',
    dept: MARKET,
    title: '守合同重信用企业',
    basis: '《四川省“守合同重信用”企业公示管理办法》',
    prefix: '乐市监发',
    domain: '工商',
    years: 2,
    preferred: ['JL-004', 'JL-006'],
    reason: (c) =>
      `合同管理制度健全、履约状况良好，经企业申报、审核公示，被认定为${c.year - 2}—${c.year - 1}年度“守合同重信用”企业`,
  },
  {
    key: 'integrity_model',
    listType: 'honor',
    dept: 'fgw',
    title: '乐山市诚信示范企业',
    basis: PLAN_2017,
    prefix: '乐发改财金',
    domain: null,
    years: 2,
    preferred: ['JL-001', 'JL-006', 'JL-011', 'JL-005'],
    reason: (c) => `诚信经营、连续三年无不良信用记录，经推荐、评审和社会公示，被评为${c.year}年度乐山市诚信示范企业`,
  },
  {
    key: 'honest_shop',
    listType: 'honor',
    dept: MARKET,
    title: '诚信经营示范店',
    basis: `${PLAN_2017}；《乐山市诚信经营示范店创建活动实施方案》`,
    prefix: '乐市监发',
    domain: '工商',
    years: 2,
    preferred: ['JL-004', 'JL-002'],
    reason: (c) => `明码标价、无消费投诉，被评为${c.year}年度“诚信经营示范店”`,
  },
  {
    key: 'customs_aeo',
    listType: 'honor',
    dept: 'hg',
    title: '海关高级认证企业',
    basis: '《中华人民共和国海关注册登记和备案企业信用管理办法》',
    prefix: '乐关认证',
    domain: '海关',
    years: 3,
    preferred: ['JL-010'],
    reason: () => '经海关认证，符合高级认证企业标准，被认定为高级认证企业（AEO）',
  },
  {
    key: 'labour_a',
    listType: 'honor',
    dept: 'rsj',
    title: '劳动保障守法诚信A级单位',
    basis: '《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）',
    prefix: '乐人社发',
    domain: null,
    years: 2,
    preferred: ['JL-004', 'JL-006'],
    reason: (c) => `${c.year - 1}年度劳动保障守法诚信等级评价为A级`,
  },
  {
    key: 'safety_good',
    listType: 'honor',
    dept: 'yjgl',
    title: '安全生产诚信企业',
    basis: '《安全生产领域守信行为联合激励合作备忘录》',
    prefix: '乐应急发',
    domain: '安全生产',
    years: 3,
    preferred: ['JL-015'],
    reason: (c) => `安全生产标准化达标、连续三年未发生生产安全事故，被评为${c.year}年度安全生产诚信企业`,
  },
  {
    key: 'env_positive',
    listType: 'honor',
    dept: 'sthj',
    title: '生态环境监督执法正面清单企业',
    basis: '《关于加快建立生态环境监督执法正面清单的指导意见》',
    prefix: '乐环发',
    domain: '生态环境',
    years: 2,
    preferred: ['JL-013'],
    reason: () => '污染治理设施运行稳定、排放达标、无环境违法记录，纳入生态环境监督执法正面清单',
  },
  {
    key: 'food_a',
    listType: 'honor',
    dept: MARKET,
    title: '食品安全示范店',
    basis: '《餐饮服务食品安全量化分级管理指导意见》',
    prefix: '乐市监食',
    domain: '食品药品',
    years: 2,
    preferred: ['JL-014'],
    reason: () => '餐饮服务食品安全量化分级评定为A级（优秀），被评为食品安全示范店',
  },
  {
    key: 'transport_aaa',
    listType: 'honor',
    dept: 'jtys',
    title: '道路运输企业质量信誉AAA级',
    basis: '《道路运输企业质量信誉考核办法》',
    prefix: '乐交运',
    domain: '交通运输',
    years: 1,
    preferred: ['JL-012'],
    reason: (c) => `${c.year - 1}年度质量信誉考核等级为AAA级`,
  },
  {
    key: 'construction_good',
    listType: 'honor',
    dept: 'zjj',
    title: '建筑市场诚信企业',
    basis: '《建筑市场信用管理暂行办法》',
    prefix: '乐建发',
    domain: '工程质量',
    years: 2,
    preferred: ['JL-007'],
    reason: (c) => `${c.year - 1}年度建筑市场信用综合评价为优良`,
  },
  {
    key: 'civic_model',
    listType: 'honor',
    dept: 'fgw',
    title: '诚信建设示范单位',
    basis: PLAN_2017,
    prefix: '乐发改财金',
    domain: null,
    years: 2,
    preferred: ['JL-006', 'JL-001'],
    reason: (c) => `被评为${c.year}年度乐山市诚信建设示范单位`,
  },
];

const DISHONESTY_BY_DEPT: Readonly<Record<string, Omit<ListSpec, 'key' | 'listType' | 'dept'>>> = {
  [MARKET]: {
    title: '市场监督管理严重违法失信名单',
    basis: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）第二条',
    prefix: '乐市监严失',
    domain: null,
    years: 3,
    preferred: ['CJ-005', 'CJ-007', 'CJ-029'],
    reason: fromPenalty('情节严重，列入市场监督管理严重违法失信名单'),
  },
  sthj: {
    title: '生态环境领域严重失信主体名单',
    basis: '《关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录》（发改财金〔2016〕1580号）',
    prefix: '乐环信',
    domain: '生态环境',
    years: 3,
    preferred: ['CJ-003', 'CJ-013'],
    reason: fromPenalty('列入生态环境领域严重失信主体名单'),
  },
  yjgl: {
    title: '安全生产严重失信主体名单',
    basis: '《安全生产严重失信主体名单管理办法》（应急管理部令第11号）第六条',
    prefix: '乐应急失信',
    domain: '安全生产',
    years: 3,
    preferred: ['CJ-021'],
    reason: fromPenalty('列入安全生产严重失信主体名单'),
  },
  sw: {
    title: '重大税收违法失信主体',
    basis: '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）第六条',
    prefix: '乐税失信',
    domain: '逃税骗税',
    years: 3,
    preferred: ['CJ-010', 'CJ-014', 'CJ-030'],
    reason: fromPenalty('确定为重大税收违法失信主体'),
  },
  jtys: {
    title: '交通运输领域严重失信主体名单',
    basis: '《交通运输行业信用管理规定（试行）》',
    prefix: '乐交失信',
    domain: '交通运输',
    years: 3,
    preferred: ['CJ-025'],
    reason: fromPenalty('列入交通运输领域严重失信主体名单'),
  },
  zjj: {
    title: '建筑市场主体严重失信名单',
    basis: '《建筑市场信用管理暂行办法》第十四条',
    prefix: '乐建失信',
    domain: '工程质量',
    years: 3,
    preferred: ['CJ-002', 'CJ-031'],
    reason: fromPenalty('列入建筑市场主体严重失信名单'),
  },
  rsj: {
    title: '拖欠农民工工资失信联合惩戒对象名单',
    basis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条',
    prefix: '乐人社失信',
    domain: null,
    years: 3,
    preferred: ['CJ-028'],
    reason: fromPenalty('列入拖欠农民工工资失信联合惩戒对象名单'),
  },
  wjw: {
    title: '医疗卫生领域严重失信名单',
    basis: '《医疗机构管理条例》；《关于对严重危害正常医疗秩序的失信行为责任人实施联合惩戒合作备忘录》',
    prefix: '乐卫失信',
    domain: '医疗卫生',
    years: 3,
    preferred: ['CJ-024', 'CJ-023'],
    reason: fromPenalty('列入医疗卫生领域严重失信名单'),
  },
  ybj: {
    title: '医疗保障领域严重失信主体名单',
    basis: '《医疗保障基金使用监督管理条例》；《国家医疗保障局关于建立医药价格和招采信用评价制度的指导意见》',
    prefix: '乐医保失信',
    domain: '医疗卫生',
    years: 3,
    preferred: ['CJ-023'],
    reason: fromPenalty('列入医疗保障领域严重失信主体名单'),
  },
  gaj: {
    title: '消防安全领域严重失信名单',
    basis: '《中华人民共和国消防法》；《关于对消防安全领域严重失信主体开展联合惩戒的合作备忘录》',
    prefix: '乐公失信',
    domain: '消防安全',
    years: 3,
    preferred: ['CJ-022'],
    reason: fromPenalty('列入消防安全领域严重失信名单'),
  },
  hg: {
    title: '海关失信企业',
    basis: '《中华人民共和国海关注册登记和备案企业信用管理办法》第十二条',
    prefix: '乐关失信',
    domain: '海关',
    years: 2,
    preferred: ['CJ-015'],
    reason: fromPenalty('认定为海关失信企业'),
  },
  fgw: {
    title: '公共资源交易领域严重失信主体名单',
    basis: '《中华人民共和国招标投标法》；《公共资源交易领域严重失信主体名单管理办法》',
    prefix: '乐发改失信',
    domain: '欺诈',
    years: 3,
    preferred: ['CJ-002', 'CJ-026'],
    reason: fromPenalty('列入公共资源交易领域严重失信主体名单'),
  },
};

const GENERIC_DISHONESTY: Omit<ListSpec, 'key' | 'listType' | 'dept' | 'prefix'> = {
  title: '严重失信主体名单',
  basis: '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）',
  domain: null,
  years: 3,
  preferred: ['CJ-001', 'CJ-006'],
  reason: fromPenalty('列入严重失信主体名单'),
};

const COURT_REASONS = [
  '有履行能力而拒不履行生效法律文书确定的义务',
  '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  '违反财产报告制度',
  '违反限制消费令',
  '无正当理由拒不履行执行和解协议',
];

const COURT_CODES: Readonly<Record<string, string>> = {
  '511102': '1102',
  '511111': '1111',
  '511112': '1112',
  '511113': '1113',
  '511123': '1123',
  '511124': '1124',
  '511126': '1126',
  '511129': '1129',
  '511132': '1132',
  '511133': '1133',
  '511181': '1181',
};

/** 1–3 catalog items of the list's kind: the preferred ones first, then items of the same domain or of none. */
function measuresFor(
  ctx: GenContext,
  rng: Random,
  listType: ListType,
  domain: string | null,
  preferred: readonly string[],
): CatalogRef[] {
  const items = ctx.catalog[listType === 'honor' ? 'incentive' : 'punishment'];
  if (items.length === 0) return [];
  const want = rng.int(1, 3);
  const chosen: CatalogRef[] = [];
  for (const code of preferred) {
    const item = items.find((i) => i.code === code);
    if (item !== undefined && chosen.length < want && (chosen.length === 0 || rng.chance(0.7))) chosen.push(item);
  }
  const fitting = items.filter((i) => !chosen.includes(i) && (i.domain === null || i.domain === domain));
  for (const item of rng.sample(
    fitting.length > 0 ? fitting : items.filter((i) => !chosen.includes(i)),
    want - chosen.length,
  ))
    chosen.push(item);
  return chosen;
}

function entryStatus(
  rng: Random,
  today: IsoDate,
  listedOn: IsoDate,
  validUntil: IsoDate,
  listType: ListType,
): {
  status: ListEntryStatus;
  removedOn: IsoDate | null;
  removalReason: string | null;
  suspendedSince: IsoDate | null;
} {
  const ended = compareDates(validUntil, today) < 0;
  const r = rng.next();
  const removedBy = (): IsoDate => rng.date(listedOn, minDateOf(validUntil, today));
  if (listType === 'honor') {
    if (r < 0.04)
      return {
        status: 'removed',
        removedOn: removedBy(),
        removalReason: rng.pick(['因新增失信行为记录被移出', '主体已注销', '经复核不再符合认定条件']),
        suspendedSince: null,
      };
    return { status: ended ? 'expired' : 'active', removedOn: null, removalReason: null, suspendedSince: null };
  }
  if (r < 0.06)
    return {
      status: 'removed',
      removedOn: removedBy(),
      removalReason: rng.pick([
        '已履行全部义务，依法移出',
        '经复核不符合列入条件，予以移出',
        '已缴清税款、滞纳金和罚款',
      ]),
      suspendedSince: null,
    };
  if (r < 0.1)
    return {
      status: 'repaired',
      removedOn: removedBy(),
      removalReason: '信用修复申请经审核通过，移出名单',
      suspendedSince: null,
    };
  if (r < 0.12 && !ended)
    return {
      status: 'suspended',
      removedOn: null,
      removalReason: null,
      suspendedSince: maxDateOf(listedOn, addDays(today, -rng.int(1, 20))),
    };
  return { status: ended ? 'expired' : 'active', removedOn: null, removalReason: null, suspendedSince: null };
}

function decisionNumber(ctx: GenContext, rng: Random, prefix: string, d: DeptInfo, year: number): string {
  return `${prefix}〔${year}〕${nextNumber(ctx, `LE|${prefix}|${d.code}|${year}`, rng)}号`;
}

function honorSpecFor(s: GenSubject, rng: Random): ListSpec | null {
  const key = s.industry.key;
  const options: [string, number][] = [];
  if (s.form === 'enterprise' || s.form === 'branch') {
    options.push(['tax_a', 6], ['contract_credit', 3], ['integrity_model', 2], ['labour_a', 1]);
    if (['import_export', 'silicon', 'chemical', 'tea'].includes(key)) options.push(['customs_aeo', 3]);
    if (['chemical', 'mining', 'building_materials', 'manufacturing', 'silicon'].includes(key))
      options.push(['safety_good', 2], ['env_positive', 2]);
    if (['catering', 'grocery', 'hotel'].includes(key)) options.push(['food_a', 2]);
    if (['road_transport', 'logistics'].includes(key)) options.push(['transport_aaa', 3]);
    if (key === 'construction') options.push(['construction_good', 3]);
  } else if (s.form === 'individual') {
    options.push(['honest_shop', 5], ['integrity_model', 0.5]);
    if (['catering', 'grocery', 'hotel'].includes(key)) options.push(['food_a', 4]);
  } else if (s.form === 'cooperative') {
    options.push(['integrity_model', 3], ['tax_a', 1]);
  } else if (s.form !== 'person') {
    options.push(['civic_model', 3]);
  }
  if (options.length === 0) return null;
  const chosen = rng.weighted(options);
  return HONOR_SPECS.find((h) => h.key === chosen) ?? null;
}

/** The list entries of one subject, drawn after its records (from the same random stream). */
export function makeListEntries(ctx: GenContext, s: GenSubject, penalties: readonly GenPenalty[]): GenListEntry[] {
  const rng = s.rng;
  const today = ctx.today;
  const entries: GenListEntry[] = [];
  const serious = penalties.filter((p) => p.severity === 'serious');

  // ---------------------------------------------------------------- honor
  if (serious.length === 0 && rng.chance(0.034)) {
    const spec = honorSpecFor(s, rng);
    if (spec !== null) {
      const d = resolveDept(ctx, spec.dept, s.divisionCode, rng);
      const notBefore = maxDateOf(
        FIRST_DECISION_DATE,
        s.establishedOn === null ? FIRST_DECISION_DATE : addYears(s.establishedOn, 1),
      );
      let listedOn = compareDates(notBefore, today) < 0 ? rng.date(notBefore, today) : today;
      if (spec.key === 'tax_a')
        listedOn = minDateOf(today, `${listedOn.slice(0, 4)}-04-${String(rng.int(10, 28)).padStart(2, '0')}`);
      const year = yearOf(listedOn);
      const validUntil = addDays(addYears(listedOn, spec.years), -1);
      const st = entryStatus(rng, today, listedOn, validUntil, 'honor');
      entries.push({
        id: 0,
        listType: 'honor',
        subject: s,
        dept: d,
        decisionNumber: decisionNumber(ctx, rng, spec.prefix, d, year),
        basis: spec.basis,
        reason: spec.reason({ rng, s, year, penalty: null }),
        domain: spec.domain,
        listedOn,
        validUntil,
        ...st,
        penalty: null,
        measures: measuresFor(ctx, rng, 'honor', spec.domain, spec.preferred),
      });
    }
  }

  // ---------------------------------------------------------------- dishonesty
  const basisPenalty = serious.length > 0 && rng.chance(0.25) ? (serious[serious.length - 1] ?? null) : null;
  if (basisPenalty !== null) {
    const p = basisPenalty;
    const isMarket = p.dept.code === 'scjg' || [...ctx.countyMarket.values()].some((m) => m.code === p.dept.code);
    const family = isMarket ? MARKET : p.dept.code;
    const known = DISHONESTY_BY_DEPT[family];
    const spec = known ?? {
      ...GENERIC_DISHONESTY,
      prefix: `${p.dept.docPrefix.replace(/(处罚|罚字|行罚决字|罚决字|罚|缉违字|执)$/, '')}失信`,
    };
    const listedOn = minDateOf(today, addDays(p.decisionDate, rng.int(10, 60)));
    const year = yearOf(listedOn);
    const validUntil = addDays(addYears(listedOn, spec.years), -1);
    let st = entryStatus(rng, today, listedOn, validUntil, 'dishonesty');
    // The entry follows the penalty it rests on.
    if (p.status === 'repaired' && p.repairedOn !== null)
      st = {
        status: 'repaired',
        removedOn: maxDateOf(listedOn, p.repairedOn),
        removalReason: '行政处罚信息已完成信用修复，移出名单',
        suspendedSince: null,
      };
    else if (p.status === 'withdrawn' && p.withdrawnOn !== null)
      st = {
        status: 'removed',
        removedOn: maxDateOf(listedOn, p.withdrawnOn),
        removalReason: '原行政处罚决定被撤销，移出名单',
        suspendedSince: null,
      };
    else if (p.status === 'suspended' && p.suspendedSince !== null && compareDates(validUntil, today) >= 0)
      st = {
        status: 'suspended',
        removedOn: null,
        removalReason: null,
        suspendedSince: maxDateOf(listedOn, p.suspendedSince),
      };
    const domain = spec.domain ?? p.domain;
    entries.push({
      id: 0,
      listType: 'dishonesty',
      subject: s,
      dept: p.dept,
      decisionNumber: decisionNumber(ctx, rng, spec.prefix, p.dept, year),
      basis: spec.basis,
      reason: spec.reason({ rng, s, year, penalty: p }),
      domain,
      listedOn,
      validUntil,
      ...st,
      penalty: p,
      measures: measuresFor(ctx, rng, 'dishonesty', domain, spec.preferred),
    });
  } else if (rng.chance(0.008)) {
    // 失信被执行人, decided by the court on a judgment debt: no administrative penalty behind it.
    const court = dept(ctx, 'fy');
    const listedOn = rng.date(maxDateOf(FIRST_DECISION_DATE, s.establishedOn ?? FIRST_DECISION_DATE), today);
    const year = yearOf(listedOn);
    const evasion = rng.chance(0.15);
    const validUntil = addDays(addYears(listedOn, evasion ? 3 : 2), -1);
    const item = rng.int(0, COURT_REASONS.length - 1);
    const caseNumber = `（${year}）川${COURT_CODES[s.divisionCode] ?? '11'}执${nextNumber(ctx, `COURT|${s.divisionCode}|${year}`, rng, 1500)}号`;
    entries.push({
      id: 0,
      listType: 'dishonesty',
      subject: s,
      dept: court,
      decisionNumber: caseNumber,
      basis: `${COURT_RULES}第一条第（${CN_ITEMS[item] ?? '一'}）项`,
      reason: `${COURT_REASONS[item] ?? COURT_REASONS[0]}，生效法律文书确定的给付义务${rng.int(2, 500) * 1000}元未履行`,
      domain: evasion ? '逃废债务' : '法院',
      listedOn,
      validUntil,
      ...entryStatus(rng, today, listedOn, validUntil, 'dishonesty'),
      penalty: null,
      measures: measuresFor(
        ctx,
        rng,
        'dishonesty',
        evasion ? '逃废债务' : '法院',
        evasion ? ['CJ-011', 'CJ-027', 'CJ-008'] : ['CJ-008', 'CJ-009', 'CJ-007'],
      ),
    });
  }
  return entries.filter((e) => e.measures.length > 0);
}
