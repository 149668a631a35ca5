// 信用主体: who lives in the generated city. Kinds in Leshan's proportions, spread over the 11
// county-level divisions by population, with names of every form departments send.

import { protectIdNumber } from '../identities/protect';
import { COUNTY_DIVISIONS } from '../reference/divisions';
import { addDays, compareDates, type IsoDate } from '../rules/dates';
import { makeResidentId } from '../rules/idcard';
import { displayName, normalizeName } from '../rules/normalize';
import { USCC_PLACEHOLDER, makeUscc } from '../rules/uscc';
import type { SubjectKind } from '../rules/codes';
import { INDUSTRIES, industry, type Industry } from './industries';
import { orgCode, registrationNumber, type OrgCodeFamily } from './identifiers';
import type { GenContext, GenSubject, IdentityRef, OrgForm } from './model';
import { CN_ORDINALS, personName, shopWord, tradeName } from './names';
import { makeAddress, placeOf, VILLAGE_NAMES } from './places';
import { Random, WeightedTable, hashSeed } from './random';

const DIVISION_TABLE = new WeightedTable(COUNTY_DIVISIONS.map((d) => [d.code, d.population] as const));

const FORM_TABLE = new WeightedTable<OrgForm>([
  ['individual', 55],
  ['enterprise', 25.5],
  ['branch', 2.5],
  ['cooperative', 5],
  ['institution', 2],
  ['social_group', 1.2],
  ['private_nonprofit', 1.8],
  ['person', 7],
]);

const KIND_OF: Record<OrgForm, SubjectKind> = {
  enterprise: 'legal_person',
  branch: 'legal_person',
  cooperative: 'legal_person',
  institution: 'legal_person',
  social_group: 'legal_person',
  private_nonprofit: 'legal_person',
  individual: 'individual_business',
  person: 'natural_person',
};

function industryTable(which: 'enterprise' | 'individual', division: string): WeightedTable<Industry> {
  return new WeightedTable(
    INDUSTRIES.filter((i) => i[which] > 0 && (which === 'enterprise' || i.shops.length > 0)).map(
      (i) => [i, i[which] * (i.boost?.[division] ?? 1)] as const,
    ),
  );
}

const TABLES = new Map<string, WeightedTable<Industry>>();
function industryFor(rng: Random, which: 'enterprise' | 'individual', division: string): Industry {
  const key = `${which}|${division}`;
  let table = TABLES.get(key);
  if (table === undefined) {
    table = industryTable(which, division);
    TABLES.set(key, table);
  }
  return table.draw(rng);
}

/** 乐山市沙湾区 for a district, 犍为县 / 峨眉山市 for a county or county-level city. */
function orgPrefix(division: string): string {
  const place = placeOf(division);
  return place.namePrefix.endsWith('区') ? `乐山市${place.namePrefix}` : place.namePrefix;
}

/** The short place word in a branch name: 乐山分公司, 犍为分公司, 峨眉山分公司. */
function branchPlace(division: string, rng: Random): string {
  if (rng.chance(0.6) || division === '511102') return '乐山';
  return placeOf(division).namePrefix.replace(/彝族自治县$|县$|市$|区$/, '');
}

/** Departments send both bracket widths; the stored name is normalised by displayName. */
function paren(rng: Random, word: string): string {
  return rng.chance(0.5) ? `（${word}）` : `(${word})`;
}

interface NameResult {
  raw: string;
  form: OrgForm;
  industry: Industry;
  /** The town named in the name, so that the address lies in it. */
  town?: string;
}

function enterpriseName(rng: Random, division: string, ind: Industry, form: OrgForm): NameResult {
  const T = tradeName(rng);
  const trade = rng.pick(ind.trades);
  const emei = division === '511181';
  const qianwei = division === '511123';
  const forms: [string, number][] = [
    ['city', 30],
    ['province', 12],
    ['leshan_llc', 6],
    ['county', 20],
    ['plain_llc', 3],
    ['brand_leshan', 4],
    ['zhaoshang', 1],
    ['joint_stock', 2],
    ['emei_tour', emei && ind.key === 'tourism' ? 40 : 0],
    ['jinding', emei && ['tourism', 'hotel', 'tea'].includes(ind.key) ? 8 : 0],
    ['qianwei_agri', qianwei && ['agriculture', 'tea', 'livestock'].includes(ind.key) ? 45 : 0],
  ];
  if (form === 'branch') {
    const parent = rng.pick([
      `四川${T}${trade}有限公司`,
      `${T}${trade}股份有限公司`,
      `成都${T}${trade}有限公司`,
      `重庆${T}${trade}有限公司`,
      `四川${T}${trade}有限责任公司`,
    ]);
    const raw = rng.chance(0.3)
      ? `${parent}${paren(rng, '乐山')}分公司`
      : `${parent}${branchPlace(division, rng)}分公司`;
    return { raw, form, industry: ind };
  }
  const chosen = rng.weighted(forms.filter(([, w]) => w > 0));
  let raw: string;
  switch (chosen) {
    case 'province':
      raw = `四川${T}${trade}有限公司`;
      break;
    case 'leshan_llc':
      raw = `乐山${T}${trade}有限责任公司`;
      break;
    case 'county':
      raw = `${orgPrefix(division)}${T}${trade}有限公司`;
      break;
    case 'plain_llc':
      raw = `${T}${trade}有限责任公司`;
      break;
    case 'brand_leshan':
      raw = `${T}${paren(rng, '乐山')}${trade}有限公司`;
      break;
    case 'zhaoshang':
      raw = rng.chance(0.5) ? `乐山招商${T}${trade}有限公司` : `招商${T}${paren(rng, '乐山')}${trade}有限公司`;
      break;
    case 'joint_stock':
      raw = `乐山${T}${trade}股份有限公司`;
      break;
    case 'emei_tour':
      raw = `峨眉山市${T}旅游开发有限公司`;
      break;
    case 'jinding':
      raw = `峨眉山金顶${rng.chance(0.4) ? '' : T}${rng.pick(['大酒店', '旅游服务', '索道运营', '文化传播', '茶业', '旅游客运', '康养度假'])}有限公司`;
      break;
    case 'qianwei_agri':
      raw = `犍为县${T}农业发展有限公司`;
      break;
    default:
      raw = `乐山市${T}${trade}有限公司`;
  }
  return { raw, form, industry: ind };
}

const SPECIALTY_WORDS: Readonly<Record<string, readonly string[]>> = {
  跷脚牛肉店: ['苏稽', '古市', '九龙'],
  麻辣烫店: ['牛华', '五通'],
  豆花饭店: ['西坝', '罗城'],
  甜皮鸭店: ['嘉州', '紫燕'],
  钵钵鸡店: ['嘉州', '上河街'],
};

function individualName(rng: Random, division: string, ind: Industry, owner: string, surname: string): NameResult {
  const place = placeOf(division);
  const shop = rng.pick(ind.shops);
  const special = SPECIALTY_WORDS[shop];
  const word = special !== undefined && rng.chance(0.3) ? rng.pick(special) : shopWord(rng, surname);
  const prefix = place.namePrefix.endsWith('区') && rng.chance(0.35) ? `乐山市${place.namePrefix}` : place.namePrefix;
  const r = rng.next();
  if (r < 0.25) {
    const town = rng.pick(place.towns);
    return { raw: `${prefix}${town}${word}${shop}`, form: 'individual', industry: ind, town };
  }
  let raw: string;
  if (r < 0.65) raw = `${prefix}${word}${shop}`;
  else if (r < 0.9) raw = `${word}${shop}`;
  else raw = `${prefix}${owner}${shop}`;
  return { raw, form: 'individual', industry: ind };
}

const COOP_PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  agriculture: [
    '柑橘',
    '蔬菜',
    '水果',
    '中药材',
    '魔芋',
    '花椒',
    '茉莉花',
    '生姜',
    '核桃',
    '猕猴桃',
    '食用菌',
    '粮油',
    '枇杷',
    '血橙',
    '竹笋',
    '葡萄',
  ],
  livestock: ['生猪', '土鸡', '肉牛', '山羊', '水产', '肉兔', '蜜蜂', '乌骨鸡'],
  tea: ['茶叶', '茶叶', '有机茶'],
};

function cooperativeName(rng: Random, division: string): NameResult {
  const ind = industry(
    rng.weighted([
      ['agriculture', 60 * (division === '511124' || division === '511123' ? 1.3 : 1)],
      ['livestock', 25],
      ['tea', ['511181', '511126', '511129', '511133'].includes(division) ? 40 : 10],
    ] as const),
  );
  const product = rng.pick(COOP_PRODUCTS[ind.key] ?? ['蔬菜']);
  const p = orgPrefix(division);
  const T = tradeName(rng);
  const place = placeOf(division);
  const grow = ind.key === 'livestock' ? '养殖' : '种植';
  const r = rng.next();
  let raw: string;
  if (r < 0.3) raw = `${p}${T}${product}专业合作社`;
  else if (r < 0.5) raw = `${p}${T}${product}${grow}专业合作社`;
  else if (r < 0.67) raw = `${p}${T}种养殖农民专业合作社`;
  else if (r < 0.84)
    raw = `${p}${rng.pick(place.towns).replace(/镇|乡|街道/, '')}${rng.pick(VILLAGE_NAMES)}村${product}农民专业合作社`;
  else if (r < 0.9) raw = `${p}${T}农机专业合作社`;
  else raw = `${p}${T}${product}${grow}农民专业合作社`;
  return { raw, form: 'cooperative', industry: ind };
}

function institutionName(rng: Random, division: string): NameResult {
  const p = orgPrefix(division);
  const town = rng.pick(placeOf(division).towns.filter((t) => !t.endsWith('街道')));
  const r = rng.next();
  if (r < 0.3)
    return {
      raw: `${p}${town}${rng.chance(0.5) ? '中心' : ''}卫生院`,
      form: 'institution',
      industry: industry('healthcare'),
      town,
    };
  if (r < 0.36)
    return {
      raw: `${p}${rng.pick(['人民医院', '中医医院', '妇幼保健院', '疾病预防控制中心', '第二人民医院'])}`,
      form: 'institution',
      industry: industry('healthcare'),
    };
  if (r < 0.7)
    return {
      raw: `${p}${town}${rng.pick(['中心小学校', '小学校', '初级中学', '中学校', '中心幼儿园'])}`,
      form: 'institution',
      industry: industry('education'),
      town,
    };
  if (r < 0.75)
    return { raw: `乐山市第${rng.pick(CN_ORDINALS)}中学`, form: 'institution', industry: industry('education') };
  if (r < 0.78) return { raw: `${p}职业高级中学`, form: 'institution', industry: industry('education') };
  return {
    raw: `${p}${rng.pick([`${town}农业综合服务中心`, `${town}文化站`, `${tradeName(rng)}水库管理所`, '社会福利院', '图书馆', `${town}水利管理站`, '城市管理综合服务中心'])}`,
    form: 'institution',
    industry: industry('public_service'),
  };
}

const HOME_PROVINCES = [
  '浙江',
  '福建',
  '温州',
  '重庆',
  '湖南',
  '江西',
  '广东',
  '河南',
  '莆田',
  '泉州',
  '宜宾',
  '眉山',
  '自贡',
  '内江',
  '雅安',
  '江苏',
  '安徽',
];
const TRADE_WORDS = [
  '餐饮',
  '旅游',
  '茶叶',
  '建筑业',
  '物流',
  '汽车维修',
  '美容美发',
  '陶瓷',
  '光伏',
  '电子商务',
  '个体劳动者',
  '民营企业',
  '房地产业',
  '软件',
  '中医药',
  '竹产业',
  '农产品流通',
  '家具',
  '酒店',
];

function socialGroupName(rng: Random, division: string): NameResult {
  const p = orgPrefix(division);
  const T = tradeName(rng);
  const r = rng.next();
  let raw: string;
  if (r < 0.12) raw = `乐山市${rng.pick(HOME_PROVINCES)}商会`;
  else if (r < 0.27) raw = `乐山市${T}商会`;
  else if (r < 0.47) raw = `乐山市${rng.pick(TRADE_WORDS)}${rng.pick(['协会', '行业协会', '商会'])}`;
  else if (r < 0.67) raw = `${p}${rng.pick(TRADE_WORDS)}协会`;
  else if (r < 0.75) raw = `乐山市${rng.pick(['郭沫若', '苏东坡', '峨眉武术', '嘉州画派', '大佛文化', T])}研究会`;
  else if (r < 0.9) raw = `${p}${T}商会`;
  else raw = `乐山市${T}${rng.pick(['慈善会', '志愿者协会', '书画协会', '摄影家协会'])}`;
  return { raw, form: 'social_group', industry: industry('association') };
}

function privateNonprofitName(rng: Random, division: string): NameResult {
  const p = orgPrefix(division);
  const T = tradeName(rng);
  const r = rng.next();
  if (r < 0.15) return { raw: `乐山市${T}学校`, form: 'private_nonprofit', industry: industry('education') };
  if (r < 0.25) return { raw: `乐山市${T}职业培训学校`, form: 'private_nonprofit', industry: industry('education') };
  if (r < 0.4) return { raw: `${p}${T}幼儿园`, form: 'private_nonprofit', industry: industry('education') };
  if (r < 0.48) return { raw: `${p}${T}艺术培训学校`, form: 'private_nonprofit', industry: industry('education') };
  if (r < 0.62)
    return {
      raw: `${p}${T}${rng.pick(['养老院', '养老服务中心', '颐养院'])}`,
      form: 'private_nonprofit',
      industry: industry('social_services'),
    };
  if (r < 0.72)
    return { raw: `乐山市${T}社会工作服务中心`, form: 'private_nonprofit', industry: industry('social_services') };
  if (r < 0.9)
    return {
      raw: `乐山${T}${rng.pick(['医院', '中医医院', '口腔医院', '康复医院'])}`,
      form: 'private_nonprofit',
      industry: industry('healthcare'),
    };
  return { raw: `乐山市${T}体育俱乐部`, form: 'private_nonprofit', industry: industry('culture') };
}

function birthYear(rng: Random, from: number, to: number): number {
  // Two draws averaged: most legal representatives are middle-aged.
  return Math.round((rng.int(from, to) + rng.int(from, to)) / 2);
}

function establishedOn(rng: Random, form: OrgForm, today: IsoDate): IsoDate | null {
  if (form === 'person') return null;
  const todayYear = Number(today.slice(0, 4));
  const from = form === 'institution' ? 1952 : form === 'individual' ? 2003 : form === 'cooperative' ? 2008 : 1993;
  // Later years are more likely: the number of market entities grows every year.
  const span = todayYear - from;
  const year = from + Math.floor(span * Math.sqrt(rng.next()));
  const date = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const latest = addDays(today, -30);
  return compareDates(date, latest) > 0 ? latest : date;
}

const CAPITALS = [
  [10, 10],
  [20, 6],
  [30, 6],
  [50, 12],
  [100, 14],
  [200, 10],
  [300, 7],
  [500, 10],
  [800, 3],
  [1000, 8],
  [2000, 4],
  [3000, 3],
  [5000, 3],
  [10000, 2],
  [20000, 1],
  [50000, 0.5],
] as const;

function registeredCapital(rng: Random, form: OrgForm): string | null {
  switch (form) {
    case 'enterprise':
      return String(rng.weighted(CAPITALS));
    case 'individual':
      return String(rng.pick([1, 2, 3, 5, 5, 10, 10, 20, 30, 50]));
    case 'cooperative':
      return String(rng.pick([10, 20, 50, 100, 200, 300, 500]));
    case 'institution':
      return String(rng.pick([10, 50, 100, 300, 500, 1000, 3000]));
    case 'social_group':
      return String(rng.pick([3, 5, 10, 20]));
    case 'private_nonprofit':
      return String(rng.pick([3, 10, 30, 50, 100, 300]));
    default:
      return null;
  }
}

function registrationStatus(rng: Random, form: OrgForm): string {
  if (form === 'person') return '存续';
  const r = rng.next();
  if (r < (form === 'individual' ? 0.06 : 0.035)) return '注销';
  if (r < (form === 'individual' ? 0.075 : 0.045)) return '吊销';
  if (r < (form === 'individual' ? 0.075 : 0.05)) return '迁出';
  return '存续';
}

/** A resident ID number never used before in this city, protected at once; the full number stays in memory only. */
function protectedId(ctx: GenContext, rng: Random, division: string, birth: number): IdentityRef {
  for (;;) {
    const birthDate = `${birth}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const homeDivision = rng.chance(0.85) ? division : rng.pick(COUNTY_DIVISIONS).code;
    const id = makeResidentId({ division: homeDivision, birthDate, sequence: rng.int(0, 999) });
    if (ctx.usedIdNumbers.has(id)) continue;
    ctx.usedIdNumbers.add(id);
    return { value: protectIdNumber(ctx.keys, id), id: 0 };
  }
}

function usccFor(form: OrgForm, division: string, code: string): string {
  switch (form) {
    case 'enterprise':
    case 'branch':
      return makeUscc({ registrationDept: '9', orgType: '1', division, orgCode: code });
    case 'individual':
      return makeUscc({ registrationDept: '9', orgType: '2', division, orgCode: code });
    case 'cooperative':
      return makeUscc({ registrationDept: '9', orgType: '3', division, orgCode: code });
    case 'institution':
      return makeUscc({ registrationDept: '1', orgType: '2', division, orgCode: code });
    case 'social_group':
      return makeUscc({ registrationDept: '5', orgType: '1', division, orgCode: code });
    case 'private_nonprofit':
      return makeUscc({ registrationDept: '5', orgType: '2', division, orgCode: code });
    case 'person':
      throw new Error('natural persons have no USCC');
  }
}

/** Subject number `index` of the city. Depends only on the seed, the index and what came before (unique names and IDs). */
export function makeSubject(ctx: GenContext, index: number): GenSubject {
  const rng = Random.for(ctx.seed, 'subject', index);
  const salt = hashSeed(ctx.seed, 'codes');
  const divisionCode = DIVISION_TABLE.draw(rng);
  let form = FORM_TABLE.draw(rng);
  const kind = KIND_OF[form];

  const repBirth = birthYear(rng, 1950, 2001);
  const rep = personName(rng, { birthYear: repBirth, divisionCode });

  let named: NameResult;
  let nameNorm = '';
  for (let attempt = 0; ; attempt++) {
    switch (form) {
      case 'enterprise':
      case 'branch':
        named = enterpriseName(rng, divisionCode, industryFor(rng, 'enterprise', divisionCode), form);
        break;
      case 'individual':
        named = individualName(rng, divisionCode, industryFor(rng, 'individual', divisionCode), rep.name, rep.surname);
        break;
      case 'cooperative':
        named = cooperativeName(rng, divisionCode);
        break;
      case 'institution':
        named = institutionName(rng, divisionCode);
        break;
      case 'social_group':
        named = socialGroupName(rng, divisionCode);
        break;
      case 'private_nonprofit':
        named = privateNonprofitName(rng, divisionCode);
        break;
      case 'person':
        named = { raw: rep.name, form, industry: industry('person') };
        break;
    }
    nameNorm = normalizeName(named.raw);
    // Organisations have unique names in their registration area; shops and persons may share one.
    if (form === 'individual' || form === 'person' || !ctx.usedNames.has(nameNorm) || attempt >= 12) break;
  }
  ctx.usedNames.add(nameNorm);
  form = named.form;

  let uscc: string | null = null;
  let regNumber: string | null = null;
  let org: string | null = null;
  let taxNumber: string | null = null;
  if (form !== 'person') {
    let family: OrgCodeFamily;
    if (form === 'social_group' || form === 'private_nonprofit') family = 'social';
    else if (form === 'institution') family = rng.chance(0.8) ? 'institution_old' : 'new';
    else if (form === 'individual') family = rng.chance(0.3) ? 'individual_old' : 'new';
    else if (form === 'cooperative') family = 'new';
    else family = rng.chance(0.35) ? 'enterprise_old' : 'new';
    const code = orgCode(index, family, salt);
    uscc = usccFor(form, divisionCode, code);
    if (form === 'individual') {
      const placeholder = rng.chance(0.1);
      if (placeholder || rng.chance(0.5)) regNumber = registrationNumber(index, divisionCode, '6', salt);
      if (placeholder) uscc = USCC_PLACEHOLDER;
    } else if (form === 'enterprise' || form === 'branch') {
      regNumber = registrationNumber(index, divisionCode, rng.pick(['0', '0', '1', '2']), salt);
      org = `${code.slice(0, 8)}-${code.slice(8)}`;
      if (family === 'enterprise_old' && rng.chance(0.5)) taxNumber = `${divisionCode}${code}`;
    } else if (form === 'cooperative') {
      if (rng.chance(0.3)) regNumber = registrationNumber(index, divisionCode, '0', salt);
    } else {
      org = `${code.slice(0, 8)}-${code.slice(8)}`;
    }
  }

  let legalRepId: IdentityRef | null = null;
  let personId: IdentityRef | null = null;
  if (form === 'person') personId = protectedId(ctx, rng, divisionCode, repBirth);
  else if (form !== 'institution' && form !== 'social_group' && rng.chance(0.4))
    legalRepId = protectedId(ctx, rng, divisionCode, repBirth);

  const ind = named.industry;
  return {
    index,
    id: 0,
    kind,
    form,
    industry: ind,
    name: displayName(named.raw),
    nameNorm,
    uscc,
    registrationNumber: regNumber,
    orgCode: org,
    taxNumber,
    institutionCert: form === 'institution' ? `事证第${divisionCode}${rng.digits(6)}号` : null,
    socialOrgCert:
      form === 'social_group'
        ? `乐民社证字第${rng.digits(4)}号`
        : form === 'private_nonprofit'
          ? `乐民非证字第${rng.digits(4)}号`
          : null,
    legalRepresentative: form === 'person' ? null : rep.name,
    legalRepId,
    personId,
    divisionCode,
    industryLabel: ind.label === '' ? null : ind.label,
    address: makeAddress(rng, divisionCode, named.town),
    establishedOn: establishedOn(rng, form, ctx.today),
    registeredCapital: registeredCapital(rng, form),
    businessScope: ind.scope === '' ? null : ind.scope,
    registrationStatus: registrationStatus(rng, form),
    rng,
  };
}
