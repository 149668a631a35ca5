// 行政处罚 records (CF_*): violation types by department, with facts, legal bases, categories and
// fines that match, and the publication period from the dated rule table (rules/periods).

import { addDays, compareDates, type IsoDate } from '../rules/dates';
import type { CreditDomain, PenaltyCategory, Severity } from '../rules/codes';
import { publicationPeriod } from '../rules/periods';
import { defaultSeverity } from '../rules/severity';
import {
  MARKET,
  chineseDate,
  decisionDateFor,
  documentNumber,
  maxDateOf,
  minDateOf,
  nextNumber,
  reportedAt,
  resolveDept,
  roundAmount,
  wanFromYuan,
  yearOf,
  yuanText,
} from './common';
import type { DeptInfo, GenContext, GenLicence, GenPenalty, GenSubject } from './model';
import type { Random } from './random';

interface PenCtx {
  rng: Random;
  s: GenSubject;
  dept: DeptInfo;
  /** The day of the inspection or of the act, before the decision. */
  when: string;
  /** Where: the subject's address. */
  place: string;
}

type Mix = readonly (readonly [readonly PenaltyCategory[], number])[];

interface ViolationSpec {
  key: string;
  dept: string;
  type: string;
  domain: CreditDomain | null;
  basis: string;
  facts: (c: PenCtx) => string;
  mixes: Mix;
  /** Fine range in yuan. */
  fine?: readonly [number, number];
  /** Range of confiscated illegal income in yuan. */
  confiscate?: readonly [number, number];
  /** What is seized or revoked with 暂扣/吊销许可证件. */
  licence?: string;
  /** What is confiscated with 没收非法财物. */
  goods?: string;
  /** When the department states the severity itself (CF_SXYZCD). */
  explicit?: (fineYuan: number) => Severity | null;
  /** Text of 其他, 责令… measures. */
  other?: string;
}

const PRODUCTS_BY_INDUSTRY: Readonly<Record<string, readonly string[]>> = {
  retail: ['儿童服装', '电动自行车头盔', '羽绒服', '插座', '电热毯', '学生文具'],
  wholesale: ['电线电缆', '插座', '化肥', '钢筋', '塑料管材'],
  tea: ['绿茶', '花茶', '茶叶礼盒'],
  building_materials: ['瓷质砖', '水泥', '蒸压加气混凝土砌块', '建筑防水卷材'],
  manufacturing: ['电线电缆', '钢结构件', '纸制品', '竹制餐具', '低压开关柜'],
  agri_supplies: ['复合肥料', '有机肥料', '农用薄膜'],
};
const FOODS = [
  '方便面',
  '火腿肠',
  '饼干',
  '酸奶',
  '果汁饮料',
  '糕点',
  '火锅底料',
  '速冻汤圆',
  '纯牛奶',
  '卤制品',
  '豆腐干',
  '月饼',
];
const pickN = (c: PenCtx, lo: number, hi: number) => c.rng.int(lo, hi);
const inspect = (c: PenCtx, who = '执法人员') =>
  `${c.when}，${c.dept.shortName}${who}对当事人位于${c.place}的经营场所进行检查，`;

const F = {
  fine: ['罚款'] as const,
  warn: ['警告'] as const,
  warnFine: ['警告', '罚款'] as const,
  confFine: ['没收违法所得', '罚款'] as const,
  allConf: ['没收违法所得', '没收非法财物', '罚款'] as const,
};

export const VIOLATION_SPECS: readonly ViolationSpec[] = [
  // ------------------------------------------------------------- market regulation
  {
    key: 'food_expired',
    dept: MARKET,
    type: '经营超过保质期的食品',
    domain: '食品药品',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    facts: (c) =>
      `${inspect(c)}发现其货架上摆放待售的${c.rng.pick(FOODS)}等${pickN(c, 2, 30)}件食品已超过保质期，货值金额${pickN(c, 30, 3000)}元。当事人的行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。`,
    mixes: [
      [F.confFine, 6],
      [F.fine, 3],
      [['没收违法所得', '罚款', '吊销许可证件'], 0.15],
    ],
    fine: [5000, 100000],
    confiscate: [20, 3000],
    licence: '食品经营许可证',
  },
  {
    key: 'food_inspection_record',
    dept: MARKET,
    type: '未按规定履行进货查验记录义务',
    domain: '食品药品',
    basis: '《中华人民共和国食品安全法》第一百二十六条第一款第（三）项',
    facts: (c) =>
      `${inspect(c)}当事人不能提供所购进${c.rng.pick(FOODS)}等食品的供货者许可证、产品合格证明文件，未建立食品进货查验记录。`,
    mixes: [
      [F.warn, 4],
      [F.warnFine, 3],
      [F.fine, 2],
    ],
    fine: [5000, 20000],
  },
  {
    key: 'food_health_cert',
    dept: MARKET,
    type: '安排未取得健康证明的人员从事接触直接入口食品的工作',
    domain: '食品药品',
    basis: '《中华人民共和国食品安全法》第一百二十六条第一款第（六）项',
    facts: (c) => `${inspect(c)}发现当事人${pickN(c, 1, 4)}名从业人员未取得有效健康证明即从事接触直接入口食品的工作。`,
    mixes: [
      [F.warn, 5],
      [F.warnFine, 3],
      [F.fine, 1],
    ],
    fine: [5000, 20000],
  },
  {
    key: 'food_additive',
    dept: MARKET,
    type: '超范围、超限量使用食品添加剂',
    domain: '食品药品',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（三）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}在食品安全监督抽检中发现，当事人生产销售的${c.rng.pick(['凉面', '卤牛肉', '馒头', '油条', '甜皮鸭', '腌菜'])}检出${c.rng.pick(['苯甲酸', '胭脂红', '铝的残留量', '亚硝酸盐', '糖精钠'])}超过食品安全国家标准限量，经检验判定为不合格。`,
    mixes: [
      [F.confFine, 8],
      [['没收违法所得', '罚款', '吊销许可证件'], 0.6],
      [['没收违法所得', '罚款', '责令停产停业'], 0.4],
    ],
    fine: [50000, 300000],
    confiscate: [100, 20000],
    licence: '食品经营许可证',
  },
  {
    key: 'food_unsafe',
    dept: MARKET,
    type: '生产经营不符合食品安全标准的食品',
    domain: '食品药品',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第（一）项',
    facts: (c) =>
      `${c.when}，经抽样检验，当事人${c.s.form === 'individual' ? '经营' : '生产'}的${c.rng.pick(['茶叶', '大米', '韭菜', '猪肉', '豆芽', '白酒'])}检出${c.rng.pick(['农药残留', '克伦特罗', '6-苄基腺嘌呤', '甲醇', '镉'])}不符合食品安全标准。当事人在收到检验报告后未及时采取召回措施。`,
    mixes: [
      [F.confFine, 6],
      [['没收违法所得', '没收非法财物', '罚款'], 3],
      [['没收违法所得', '罚款', '吊销许可证件'], 1],
      [['没收违法所得', '罚款', '责令停产停业'], 0.6],
    ],
    fine: [50000, 500000],
    confiscate: [100, 50000],
    licence: '食品生产许可证',
    goods: '不合格食品',
  },
  {
    key: 'drug_substandard',
    dept: MARKET,
    type: '销售劣药',
    domain: '食品药品',
    basis: '《中华人民共和国药品管理法》第一百一十七条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}药品抽检发现，当事人销售的${c.rng.pick(['板蓝根颗粒', '阿莫西林胶囊', '复方甘草片', '银翘解毒丸', '当归（饮片）'])}经检验${c.rng.pick(['含量测定', '性状', '水分'])}项不符合规定，为劣药。`,
    mixes: [
      [F.allConf, 7],
      [['没收违法所得', '罚款', '吊销许可证件'], 0.5],
    ],
    fine: [100000, 500000],
    confiscate: [50, 20000],
    licence: '药品经营许可证',
    goods: '涉案药品',
  },
  {
    key: 'drug_gsp',
    dept: MARKET,
    type: '未遵守药品经营质量管理规范',
    domain: '食品药品',
    basis: '《中华人民共和国药品管理法》第一百二十六条',
    facts: (c) => `${inspect(c)}发现当事人执业药师不在岗时销售处方药，且未按规定对冷藏药品进行温湿度监测记录。`,
    mixes: [
      [F.warn, 4],
      [F.warnFine, 3],
      [F.fine, 2],
    ],
    fine: [100000, 500000],
  },
  {
    key: 'product_quality',
    dept: MARKET,
    type: '销售不合格产品',
    domain: '工商',
    basis: '《中华人民共和国产品质量法》第四十九条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}产品质量监督抽查发现，当事人${c.s.form === 'individual' || c.s.industry.key === 'retail' || c.s.industry.key === 'wholesale' ? '销售' : '生产'}的${c.rng.pick(PRODUCTS_BY_INDUSTRY[c.s.industry.key] ?? PRODUCTS_BY_INDUSTRY.retail ?? [])}经检验不合格，货值金额${pickN(c, 500, 60000)}元。`,
    mixes: [
      [F.confFine, 6],
      [['没收违法所得', '没收非法财物', '罚款'], 3],
    ],
    fine: [2000, 200000],
    confiscate: [50, 20000],
    goods: '不合格产品',
  },
  {
    key: 'false_advert',
    dept: MARKET,
    type: '发布虚假广告',
    domain: '欺诈',
    basis: '《中华人民共和国广告法》第五十五条第一款',
    facts: (c) =>
      `${c.when}，当事人通过${c.rng.pick(['微信公众号', '门店宣传单', '短视频平台', '户外广告牌'])}发布广告，宣称其${c.rng.pick(['产品具有治疗功效', '房源“零首付、稳赚不赔”', '课程“保过、不过退费”', '贷款“无抵押、秒到账”'])}，经查无事实依据，构成虚假广告。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '暂扣许可证件'], 0.3],
    ],
    fine: [20000, 500000],
    licence: '营业执照',
  },
  {
    key: 'false_promo',
    dept: MARKET,
    type: '对商品作虚假或者引人误解的商业宣传',
    domain: '欺诈',
    basis: '《中华人民共和国反不正当竞争法》第二十条第一款',
    facts: (c) =>
      `${c.when}，当事人在其经营场所和网店页面将普通${c.rng.pick(['茶叶', '竹笋', '腊肉', '护肤品', '保健枕'])}宣传为“${c.rng.pick(['峨眉山高山有机', '非遗古法', '国家认证', '特效'])}”产品，不能提供相应证明，构成虚假宣传。`,
    mixes: [[F.fine, 9]],
    fine: [20000, 200000],
  },
  {
    key: 'trademark',
    dept: MARKET,
    type: '销售侵犯注册商标专用权的商品',
    domain: '欺诈',
    basis: '《中华人民共和国商标法》第六十条第二款',
    facts: (c) =>
      `${inspect(c)}发现其销售的${pickN(c, 3, 200)}件${c.rng.pick(['运动鞋', '白酒', '手提包', '手机配件', '茶叶'])}使用了与他人注册商标相同的标识，经商标权利人鉴定为侵权商品。`,
    mixes: [
      [['没收非法财物', '罚款'], 8],
      [['没收违法所得', '没收非法财物', '罚款'], 2],
    ],
    fine: [2000, 100000],
    confiscate: [100, 10000],
    goods: '侵权商品',
  },
  {
    key: 'price_tag',
    dept: MARKET,
    type: '不按规定明码标价',
    domain: '价格垄断',
    basis: '《中华人民共和国价格法》第四十二条；《明码标价和禁止价格欺诈规定》第二十一条',
    facts: (c) =>
      `${inspect(c)}发现其销售的${pickN(c, 5, 60)}种商品（服务）未标明价格${c.rng.chance(0.5) ? '，部分价签内容与实际收费不一致' : ''}。`,
    mixes: [
      [F.warn, 6],
      [F.fine, 3],
      [F.warnFine, 1],
    ],
    fine: [500, 5000],
  },
  {
    key: 'price_fraud',
    dept: MARKET,
    type: '利用虚假的或者使人误解的价格手段诱骗消费者交易',
    domain: '价格垄断',
    basis: '《中华人民共和国价格法》第四十条第一款；《价格违法行为行政处罚规定》第七条',
    facts: (c) =>
      `${c.when}，当事人在${c.rng.pick(['景区入口', '经营场所', '网络平台'])}标示“${c.rng.pick(['原价398元，现价98元', '限时五折', '全场最低价'])}”，经查其标示的原价在本次降价前七日内无交易记录，构成价格欺诈。`,
    mixes: [
      [F.confFine, 6],
      [F.fine, 3],
    ],
    fine: [5000, 100000],
    confiscate: [200, 30000],
  },
  {
    key: 'registration_change',
    dept: MARKET,
    type: '未依法办理变更登记',
    domain: '工商',
    basis: '《中华人民共和国市场主体登记管理条例》第四十六条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}在“双随机、一公开”抽查中发现，当事人${c.rng.pick(['住所', '经营场所', '法定代表人', '经营范围'])}已发生变化，逾期未办理变更登记。`,
    mixes: [
      [F.fine, 9],
      [['罚款', '吊销许可证件'], 0.2],
    ],
    fine: [10000, 100000],
    licence: '营业执照',
  },
  {
    key: 'special_equipment_unchecked',
    dept: MARKET,
    type: '使用未经定期检验的特种设备',
    domain: '安全生产',
    basis: '《中华人民共和国特种设备安全法》第八十四条第（一）项',
    facts: (c) =>
      `${inspect(c)}发现当事人使用的${pickN(c, 1, 6)}台${c.rng.pick(['电梯', '叉车', '压力容器', '起重机', '游乐设施'])}超过定期检验有效期仍在使用。`,
    mixes: [
      [F.fine, 9],
      [['罚款', '责令停产停业'], 0.3],
    ],
    fine: [30000, 300000],
  },
  {
    key: 'measuring',
    dept: MARKET,
    type: '使用不合格的计量器具',
    domain: '欺诈',
    basis: '《中华人民共和国计量法实施细则》第四十三条',
    facts: (c) => `${inspect(c)}发现当事人使用的电子计价秤未经检定，经检测示值误差超出最大允许误差，存在短斤少两行为。`,
    mixes: [
      [['没收非法财物', '罚款'], 7],
      [F.warn, 2],
    ],
    fine: [200, 2000],
    goods: '不合格计量器具',
  },
  {
    key: 'catering_fumes',
    dept: 'sthj',
    type: '餐饮服务业未安装油烟净化设施或者未正常使用',
    domain: '生态环境',
    basis: '《中华人民共和国大气污染防治法》第一百一十八条第一款',
    facts: (c) =>
      `${c.when}，根据群众投诉，${c.dept.shortName}执法人员对当事人位于${c.place}的餐饮经营场所进行检查，发现其油烟净化设施未正常运行，油烟直接排放，影响周边居民。`,
    mixes: [
      [F.fine, 9],
      [F.warn, 1],
    ],
    fine: [5000, 50000],
  },
  // ------------------------------------------------------------- ecology and environment
  {
    key: 'air_exceed',
    dept: 'sthj',
    type: '超过大气污染物排放标准排放大气污染物',
    domain: '生态环境',
    basis: '《中华人民共和国大气污染防治法》第九十九条第（二）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}对当事人废气排放口进行监督性监测，${c.rng.pick(['颗粒物', '二氧化硫', '氮氧化物', '氟化物', '挥发性有机物'])}排放浓度为${pickN(c, 40, 900)}毫克/立方米，超过排放标准限值${pickN(c, 1, 5)}.${pickN(c, 0, 9)}倍。`,
    mixes: [
      [F.fine, 9],
      [['罚款', '责令停产停业'], 0.4],
    ],
    fine: [100000, 1000000],
  },
  {
    key: 'no_permit_discharge',
    dept: 'sthj',
    type: '未取得排污许可证排放污染物',
    domain: '生态环境',
    basis: '《排污许可管理条例》第三十三条第（一）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员现场检查发现，当事人在未取得排污许可证的情况下，${c.rng.pick(['生产设施正常运行并排放废气', '生产废水经简易沉淀后外排', '窑炉正常生产排放废气'])}。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '责令停产停业'], 0.8],
    ],
    fine: [200000, 1000000],
  },
  {
    key: 'water_exceed',
    dept: 'sthj',
    type: '超过水污染物排放标准排放水污染物',
    domain: '生态环境',
    basis: '《中华人民共和国水污染防治法》第八十三条第（二）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}对当事人废水总排口采样监测，${c.rng.pick(['化学需氧量', '氨氮', '总磷', '悬浮物'])}浓度超过${c.rng.pick(['《污水综合排放标准》', '《畜禽养殖业污染物排放标准》', '《烧碱、聚氯乙烯工业污染物排放标准》'])}限值，废水排入${c.rng.pick(['岷江', '茫溪河', '马边河', '青衣江', '附近沟渠'])}。`,
    mixes: [
      [F.fine, 9],
      [['罚款', '责令停产停业'], 0.4],
    ],
    fine: [100000, 1000000],
  },
  {
    key: 'hazardous_waste',
    dept: 'sthj',
    type: '未按照规定贮存、转移危险废物',
    domain: '生态环境',
    basis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人将${c.rng.pick(['废机油', '废活性炭', '废油漆桶', '含油抹布', '废催化剂'])}约${pickN(c, 1, 30)}吨露天堆放，未设置危险废物识别标志，未建立危险废物管理台账。`,
    mixes: [[F.fine, 9]],
    fine: [100000, 1000000],
  },
  {
    key: 'dust',
    dept: 'sthj',
    type: '未采取有效防尘降尘措施',
    domain: '生态环境',
    basis: '《中华人民共和国大气污染防治法》第一百一十五条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人${c.s.industry.key === 'construction' ? '施工工地' : '厂区'}裸露土方、砂石料未覆盖，运输车辆未冲洗即驶出，扬尘污染明显。`,
    mixes: [[F.fine, 9]],
    fine: [10000, 100000],
  },
  {
    key: 'noise',
    dept: 'sthj',
    type: '未经批准在夜间进行产生噪声的建筑施工作业',
    domain: '生态环境',
    basis: '《中华人民共和国噪声污染防治法》第七十七条第一款',
    facts: (c) =>
      `${c.when}夜间，根据群众举报，${c.dept.shortName}执法人员在当事人${c.rng.pick(['住宅项目', '道路改造项目', '商业综合体项目'])}施工现场发现正在进行${c.rng.pick(['混凝土浇筑', '机械破碎', '钢筋切割'])}作业，未取得夜间施工证明。`,
    mixes: [
      [F.fine, 9],
      [F.warn, 1],
    ],
    fine: [10000, 100000],
  },
  {
    key: 'online_monitoring',
    dept: 'sthj',
    type: '未保证自动监测设备正常运行',
    domain: '生态环境',
    basis: '《中华人民共和国大气污染防治法》第一百条第（三）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}发现当事人废气自动监测数据连续${pickN(c, 3, 30)}日异常，现场检查发现自动监测设备采样管路${c.rng.pick(['堵塞', '脱落', '被人为拔出'])}，未正常运行。`,
    mixes: [
      [F.fine, 9],
      [['罚款', '责令停产停业'], 0.3],
    ],
    fine: [20000, 200000],
  },
  // ------------------------------------------------------------- emergency management
  {
    key: 'safety_training',
    dept: 'yjgl',
    type: '未按照规定对从业人员进行安全生产教育和培训',
    domain: '安全生产',
    basis: '《中华人民共和国安全生产法》第九十七条第（三）项',
    facts: (c) =>
      `${inspect(c)}抽查${pickN(c, 3, 12)}名从业人员的安全生产教育培训档案，其中${pickN(c, 1, 3)}人未经安全生产教育和培训即上岗作业。`,
    mixes: [
      [F.fine, 8],
      [F.warn, 1],
    ],
    fine: [10000, 100000],
  },
  {
    key: 'hidden_danger',
    dept: 'yjgl',
    type: '未采取措施消除事故隐患',
    domain: '安全生产',
    basis: '《中华人民共和国安全生产法》第一百零二条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现当事人${c.rng.pick(['可燃气体报警装置失效', '涉爆粉尘除尘系统未设置锁气卸灰装置', '有限空间作业未设置警示标志', '危险化学品储罐区防火堤破损'])}，责令限期整改后复查仍未消除事故隐患。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '责令停产停业'], 0.7],
    ],
    fine: [20000, 100000],
  },
  {
    key: 'special_worker',
    dept: 'yjgl',
    type: '特种作业人员未取得相应资格上岗作业',
    domain: '安全生产',
    basis: '《中华人民共和国安全生产法》第九十七条第（七）项',
    facts: (c) =>
      `${inspect(c)}发现当事人${pickN(c, 1, 3)}名从事${c.rng.pick(['电焊作业', '电工作业', '高处作业', '叉车驾驶'])}的人员未取得特种作业操作证。`,
    mixes: [[F.fine, 9]],
    fine: [10000, 100000],
  },
  {
    key: 'hazchem_no_licence',
    dept: 'yjgl',
    type: '未取得危险化学品经营许可证经营危险化学品',
    domain: '安全生产',
    basis: '《危险化学品安全管理条例》第七十七条第三款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人在未取得危险化学品经营许可证的情况下，经营${c.rng.pick(['甲醇', '盐酸', '液氨', '油漆稀释剂', '乙醇'])}约${pickN(c, 1, 20)}吨。`,
    mixes: [[F.allConf, 9]],
    fine: [100000, 200000],
    confiscate: [1000, 50000],
    goods: '违法经营的危险化学品',
  },
  {
    key: 'fireworks',
    dept: 'yjgl',
    type: '未经许可经营烟花爆竹制品',
    domain: '安全生产',
    basis: '《烟花爆竹安全管理条例》第三十六条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员在春节前专项检查中发现，当事人在未取得烟花爆竹经营（零售）许可证的情况下，在其位于${c.place}的店内摆放销售烟花爆竹${pickN(c, 5, 80)}箱。`,
    mixes: [[['没收非法财物', '罚款'], 9]],
    fine: [20000, 100000],
    goods: '非法经营的烟花爆竹',
  },
  {
    key: 'fireworks_person',
    dept: 'yjgl',
    type: '非法储存烟花爆竹',
    domain: '安全生产',
    basis: '《烟花爆竹安全管理条例》第三十六条第二款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人在其位于${c.place}的住所内非法储存烟花爆竹${pickN(c, 2, 30)}箱。`,
    mixes: [[['没收非法财物', '罚款'], 9]],
    fine: [1000, 5000],
    goods: '非法储存的烟花爆竹',
  },
  {
    key: 'accident',
    dept: 'yjgl',
    type: '对生产安全事故发生负有责任',
    domain: '安全生产',
    basis: '《中华人民共和国安全生产法》第一百一十四条第一款第（一）项',
    facts: (c) =>
      `${c.when}，当事人${c.rng.pick(['厂区', '施工现场', '矿区', '生产车间'])}发生一起${c.rng.pick(['高处坠落', '物体打击', '机械伤害', '中毒窒息', '坍塌'])}事故，造成${pickN(c, 1, 2)}人死亡。经事故调查组调查认定，当事人安全生产主体责任落实不到位，对事故发生负有责任。`,
    mixes: [[F.fine, 9]],
    fine: [300000, 1000000],
    explicit: () => 'serious',
  },
  {
    key: 'mine_overdepth',
    dept: 'yjgl',
    type: '非煤矿山超层越界开采',
    domain: '安全生产',
    basis: '《安全生产许可证条例》第十九条；《非煤矿矿山企业安全生产许可证实施办法》第四十二条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员对当事人矿区进行检查，发现其在安全生产许可证载明的开采范围以外组织开采。`,
    mixes: [
      [['没收违法所得', '罚款', '责令停产停业'], 7],
      [['罚款', '暂扣许可证件'], 3],
    ],
    fine: [100000, 500000],
    confiscate: [10000, 200000],
    licence: '安全生产许可证',
  },
  // ------------------------------------------------------------- taxation
  {
    key: 'late_filing',
    dept: 'sw',
    type: '未按照规定期限办理纳税申报和报送纳税资料',
    domain: '税务',
    basis: '《中华人民共和国税收征收管理法》第六十二条',
    facts: (c) =>
      `当事人${c.when.slice(0, c.when.indexOf('月') + 1)}所属期的${c.rng.pick(['增值税', '个人所得税（经营所得）', '企业所得税', '城市维护建设税', '印花税'])}未按照规定期限办理纳税申报，经${c.dept.shortName}责令限期改正后逾期办理。`,
    mixes: [[F.fine, 9]],
    fine: [50, 2000],
  },
  {
    key: 'tax_evasion',
    dept: 'sw',
    type: '偷税',
    domain: '逃税骗税',
    basis: '《中华人民共和国税收征收管理法》第六十三条第一款',
    facts: (c) =>
      `经${c.dept.shortName}稽查局检查，当事人在${c.when.slice(0, 5)}至${Number(c.when.slice(0, 4)) + 1}年期间，通过${c.rng.pick(['账外经营、隐匿收入', '虚列成本费用', '进行虚假纳税申报', '利用个人账户收取货款'])}等方式，少缴${c.rng.pick(['增值税', '企业所得税', '增值税及附加税费'])}${pickN(c, 5, 400)}万元。`,
    mixes: [[F.fine, 10]],
    fine: [50000, 2000000],
    explicit: (fine) => (fine >= 500000 ? 'serious' : null),
  },
  {
    key: 'invoice_false',
    dept: 'sw',
    type: '虚开发票',
    domain: '逃税骗税',
    basis: '《中华人民共和国发票管理办法》第三十五条',
    facts: (c) =>
      `经${c.dept.shortName}稽查局检查，当事人在没有真实业务的情况下，为他人开具增值税${c.rng.pick(['普通发票', '专用发票'])}${pickN(c, 5, 120)}份，价税合计${pickN(c, 20, 2000)}万元。`,
    mixes: [
      [F.confFine, 8],
      [F.fine, 2],
    ],
    fine: [50000, 500000],
    confiscate: [1000, 200000],
    explicit: (fine) => (fine >= 300000 ? 'serious' : null),
  },
  {
    key: 'invoice_irregular',
    dept: 'sw',
    type: '未按照规定开具发票',
    domain: '税务',
    basis: '《中华人民共和国发票管理办法》第三十三条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人${c.rng.pick(['发生经营业务未按规定开具发票', '丢失空白发票未按规定报告', '未按规定保管发票存根联'])}。`,
    mixes: [[F.fine, 9]],
    fine: [100, 10000],
  },
  {
    key: 'withholding',
    dept: 'sw',
    type: '扣缴义务人应扣未扣税款',
    domain: '税务',
    basis: '《中华人民共和国税收征收管理法》第六十九条',
    facts: (c) =>
      `经${c.dept.shortName}检查，当事人${c.when.slice(0, 5)}度向员工发放奖金、津贴未代扣代缴个人所得税${pickN(c, 1, 60)}万元。`,
    mixes: [[F.fine, 10]],
    fine: [5000, 300000],
  },
  // ------------------------------------------------------------- transport
  {
    key: 'illegal_passenger',
    dept: 'jtys',
    type: '未取得道路运输经营许可擅自从事道路旅客运输经营',
    domain: '交通运输',
    basis: '《中华人民共和国道路运输条例》第六十三条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员在${c.rng.pick(['乐山高铁站', '乐山汽车客运中心站', '峨眉山高铁站', '犍为县汽车站'])}附近检查发现，当事人驾驶小型普通客车川L${c.rng.chars('0123456789ABCDEFGHJK', 5)}搭载${pickN(c, 2, 6)}名乘客，按人收费，未取得道路运输经营许可。`,
    mixes: [
      [F.confFine, 3],
      [F.fine, 7],
    ],
    fine: [10000, 30000],
    confiscate: [50, 500],
  },
  {
    key: 'overload',
    dept: 'jtys',
    type: '车辆违法超限运输',
    domain: '交通运输',
    basis: '《公路安全保护条例》第六十四条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}在${c.rng.pick(['G213线', 'S103线', 'G245线', 'S305线'])}超限检测站检测发现，当事人所属重型货车川L${c.rng.chars('0123456789ABCDEFGHJK', 5)}车货总质量${pickN(c, 52, 90)}吨，超过限定标准${pickN(c, 3, 40)}吨。`,
    mixes: [[F.fine, 10]],
    fine: [300, 30000],
  },
  {
    key: 'no_vehicle_certificate',
    dept: 'jtys',
    type: '使用无道路运输证的车辆参加营运',
    domain: '交通运输',
    basis: '《中华人民共和国道路运输条例》第六十八条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员路检发现，当事人所属货车川L${c.rng.chars('0123456789ABCDEFGHJK', 5)}未随车携带有效道路运输证从事货物运输经营，经核查该车道路运输证已过期。`,
    mixes: [
      [F.fine, 9],
      [F.warn, 1],
    ],
    fine: [3000, 10000],
  },
  {
    key: 'dangerous_goods_transport',
    dept: 'jtys',
    type: '违反规定运输危险货物',
    domain: '交通运输',
    basis: '《危险货物道路运输安全管理办法》第六十二条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人所属危险货物运输车辆未按规定悬挂标志，押运人员未随车押运。`,
    mixes: [[F.fine, 9]],
    fine: [5000, 20000],
  },
  {
    key: 'repair_record',
    dept: 'jtys',
    type: '机动车维修经营者未按规定建立维修档案',
    domain: '交通运输',
    basis: '《机动车维修管理规定》第五十二条',
    facts: (c) => `${inspect(c)}发现当事人未按规定建立机动车维修档案，未使用维修电子健康档案系统上传维修记录。`,
    mixes: [
      [F.warn, 5],
      [F.fine, 4],
    ],
    fine: [1000, 5000],
  },
  {
    key: 'taxi_violation',
    dept: 'jtys',
    type: '巡游出租汽车驾驶员途中甩客或者故意绕道行驶',
    domain: '交通运输',
    basis: '《巡游出租汽车经营服务管理规定》第四十六条',
    facts: (c) =>
      `${c.when}，乘客投诉当事人驾驶出租汽车川L${c.rng.chars('0123456789', 1)}T${c.rng.digits(4)}在${c.rng.pick(['乐山站', '嘉州长卷', '乐山大佛景区'])}载客时不按计价器收费、议价，经调查属实。`,
    mixes: [
      [F.fine, 8],
      [F.warn, 2],
    ],
    fine: [200, 500],
  },
  // ------------------------------------------------------------- housing and construction
  {
    key: 'no_construction_permit',
    dept: 'zjj',
    type: '未取得施工许可证擅自施工',
    domain: '工程质量',
    basis: '《中华人民共和国建筑法》第六十四条；《建筑工程施工许可管理办法》第十二条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人承建（建设）的${c.rng.pick(['厂房', '住宅楼', '商业用房', '仓库'])}项目在未取得建筑工程施工许可证的情况下已开工建设，已完成${c.rng.pick(['基础工程', '主体结构三层', '土方开挖'])}。`,
    mixes: [[F.fine, 10]],
    fine: [10000, 500000],
  },
  {
    key: 'quality_violation',
    dept: 'zjj',
    type: '施工单位在施工中偷工减料',
    domain: '工程质量',
    basis: '《建设工程质量管理条例》第六十四条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}监督抽查发现，当事人承建的${c.rng.pick(['安置房', '学校教学楼', '市政道路', '住宅小区'])}项目${c.rng.pick(['钢筋保护层厚度不符合设计要求', '混凝土强度未达到设计强度等级', '使用不合格钢筋'])}，存在偷工减料行为。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '降低资质等级'], 0.8],
      [['罚款', '责令停产停业'], 0.5],
    ],
    fine: [50000, 400000],
  },
  {
    key: 'illegal_subcontract',
    dept: 'zjj',
    type: '违法分包、转包工程',
    domain: '工程质量',
    basis: '《中华人民共和国建筑法》第六十七条第一款；《建设工程质量管理条例》第六十二条',
    facts: (c) =>
      `${c.when}，经${c.dept.shortName}调查，当事人将其承包的${c.rng.pick(['道路改造', '房屋建筑', '河道治理', '管网安装'])}工程${c.rng.pick(['主体结构施工分包给不具备资质的个人', '整体转包给其他单位'])}。`,
    mixes: [
      [F.confFine, 8],
      [['没收违法所得', '罚款', '降低资质等级'], 1],
    ],
    fine: [50000, 500000],
    confiscate: [10000, 300000],
  },
  {
    key: 'site_safety',
    dept: 'zjj',
    type: '施工现场安全防护措施不到位',
    domain: '安全生产',
    basis: '《建设工程安全生产管理条例》第六十五条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}安全监督检查发现，当事人施工现场${c.rng.pick(['脚手架未按规定设置连墙件', '临边洞口未设置防护栏杆', '塔吊未按规定进行检测', '深基坑未按方案进行支护'])}。`,
    mixes: [
      [F.fine, 9],
      [['罚款', '降低资质等级'], 0.2],
    ],
    fine: [20000, 300000],
  },
  {
    key: 'presale_violation',
    dept: 'zjj',
    type: '未取得商品房预售许可证预售商品房',
    domain: '欺诈',
    basis: '《城市房地产开发经营管理条例》第三十六条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人在未取得商品房预售许可证的情况下，以“认筹”“意向金”名义向${pickN(c, 10, 200)}名购房人收取预付款。`,
    mixes: [[F.confFine, 9]],
    fine: [50000, 500000],
    confiscate: [10000, 500000],
  },
  {
    key: 'gas_violation',
    dept: 'zjj',
    type: '燃气经营者未履行安全检查义务',
    domain: '安全生产',
    basis: '《城镇燃气管理条例》第四十七条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人未按规定对燃气用户设施进行定期安全检查，未建立用户安全档案。`,
    mixes: [[F.fine, 9]],
    fine: [10000, 100000],
  },
  // ------------------------------------------------------------- human resources
  {
    key: 'wage_arrears',
    dept: 'rsj',
    type: '拖欠农民工工资',
    domain: null,
    basis: '《保障农民工工资支付条例》第五十五条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}接到投诉，经查当事人拖欠${pickN(c, 5, 120)}名农民工工资共计${pickN(c, 5, 400)}万元，经责令限期支付后逾期仍未支付。`,
    mixes: [[F.fine, 9]],
    fine: [50000, 100000],
  },
  {
    key: 'social_insurance',
    dept: 'rsj',
    type: '未按时足额缴纳社会保险费',
    domain: null,
    basis: '《中华人民共和国社会保险法》第八十六条',
    facts: (c) =>
      `经${c.dept.shortName}调查，当事人自${c.when.slice(0, c.when.indexOf('月') + 1)}起未为${pickN(c, 3, 80)}名职工足额缴纳社会保险费，经责令限期缴纳后逾期仍未缴纳。`,
    mixes: [[F.fine, 9]],
    fine: [5000, 100000],
  },
  {
    key: 'child_labour',
    dept: 'rsj',
    type: '使用童工',
    domain: null,
    basis: '《禁止使用童工规定》第六条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}劳动保障监察检查发现，当事人使用${pickN(c, 1, 2)}名未满十六周岁的未成年人从事生产劳动。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '吊销许可证件'], 1],
    ],
    fine: [5000, 50000],
    licence: '营业执照',
  },
  {
    key: 'unlicensed_dispatch',
    dept: 'rsj',
    type: '未经许可擅自经营劳务派遣业务',
    domain: null,
    basis: '《中华人民共和国劳动合同法》第九十二条第一款',
    facts: (c) =>
      `经${c.dept.shortName}调查，当事人在未取得劳务派遣经营许可证的情况下，向${pickN(c, 2, 10)}家用工单位派遣劳动者${pickN(c, 10, 300)}人。`,
    mixes: [[F.confFine, 9]],
    fine: [10000, 200000],
    confiscate: [5000, 100000],
  },
  // ------------------------------------------------------------- natural resources
  {
    key: 'illegal_land',
    dept: 'zrzy',
    type: '未经批准非法占用土地',
    domain: null,
    basis: '《中华人民共和国土地管理法》第七十七条第一款；《中华人民共和国土地管理法实施条例》第五十七条',
    facts: (c) =>
      `${c.when}，经卫片执法核查，当事人未经批准占用${c.s.address.slice(0, 10)}集体土地${pickN(c, 300, 20000)}平方米（其中耕地${pickN(c, 0, 3000)}平方米）修建${c.rng.pick(['厂房', '堆场', '钢棚', '道路'])}。`,
    mixes: [
      [['罚款', '其他'], 8],
      [['没收非法财物', '罚款'], 2],
    ],
    fine: [10000, 500000],
    goods: '在非法占用的土地上新建的建筑物和其他设施',
    other: '责令退还非法占用的土地，限期拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状',
  },
  {
    key: 'illegal_mining',
    dept: 'zrzy',
    type: '未取得采矿许可证擅自采矿',
    domain: '生态环境',
    basis: '《中华人民共和国矿产资源法》第三十九条；《中华人民共和国矿产资源法实施细则》第四十二条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员巡查发现，当事人在未取得采矿许可证的情况下，在${c.s.address.slice(0, 10)}擅自开采${c.rng.pick(['建筑石料', '砂岩', '页岩'])}约${pickN(c, 500, 30000)}立方米。`,
    mixes: [[F.allConf, 9]],
    fine: [20000, 500000],
    confiscate: [5000, 300000],
    goods: '非法开采的矿产品',
  },
  {
    key: 'planning_violation',
    dept: 'zrzy',
    type: '未按照建设工程规划许可证的规定进行建设',
    domain: null,
    basis: '《中华人民共和国城乡规划法》第六十四条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}规划核实发现，当事人${c.rng.pick(['擅自增加建筑面积', '擅自改变建筑外立面', '超出规划许可增建一层'])}，超出规划许可面积${pickN(c, 50, 3000)}平方米。`,
    mixes: [[F.fine, 9]],
    fine: [20000, 300000],
  },
  {
    key: 'rural_house',
    dept: 'zrzy',
    type: '农村村民未经批准非法占用土地建住宅',
    domain: null,
    basis: '《中华人民共和国土地管理法》第七十八条',
    facts: (c) => `${c.when}，经查，当事人未经批准在${c.place}占用土地${pickN(c, 80, 400)}平方米建设住宅。`,
    mixes: [[['其他'], 10]],
    other: '责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋',
  },
  // ------------------------------------------------------------- health
  {
    key: 'public_place_no_permit',
    dept: 'wjw',
    type: '公共场所未依法取得卫生许可证擅自营业',
    domain: '医疗卫生',
    basis: '《公共场所卫生管理条例实施细则》第三十五条第一款',
    facts: (c) =>
      `${inspect(c, '卫生监督员')}发现当事人在未取得公共场所卫生许可证的情况下从事${c.s.industry.key === 'hotel' ? '住宿' : '美容美发'}经营活动。`,
    mixes: [
      [F.warnFine, 8],
      [F.warn, 2],
    ],
    fine: [500, 5000],
  },
  {
    key: 'health_cert_public',
    dept: 'wjw',
    type: '公共场所从业人员未取得有效健康合格证明',
    domain: '医疗卫生',
    basis: '《公共场所卫生管理条例实施细则》第三十八条',
    facts: (c) =>
      `${inspect(c, '卫生监督员')}发现当事人${pickN(c, 1, 5)}名从业人员未取得有效健康合格证明即从事直接为顾客服务的工作。`,
    mixes: [
      [F.warn, 6],
      [F.fine, 3],
    ],
    fine: [500, 5000],
  },
  {
    key: 'unqualified_staff',
    dept: 'wjw',
    type: '医疗机构使用非卫生技术人员从事医疗卫生技术工作',
    domain: '医疗卫生',
    basis: '《医疗机构管理条例》第四十七条',
    facts: (c) =>
      `${inspect(c, '卫生监督员')}发现当事人安排未取得执业资格的人员从事${c.rng.pick(['静脉输液', '口腔治疗', '医学影像诊断', '针灸推拿'])}等诊疗活动。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '吊销许可证件'], 0.5],
    ],
    fine: [10000, 100000],
    licence: '医疗机构执业许可证',
  },
  {
    key: 'unlicensed_practice',
    dept: 'wjw',
    type: '非医师行医',
    domain: '医疗卫生',
    basis: '《中华人民共和国医师法》第五十九条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}卫生监督员根据举报，在${c.place}查获当事人未取得医师资格擅自开展${c.rng.pick(['输液治疗', '拔牙', '针灸', '医疗美容注射'])}等诊疗活动。`,
    mixes: [[F.allConf, 9]],
    fine: [20000, 100000],
    confiscate: [200, 20000],
    goods: '药品、医疗器械',
  },
  {
    key: 'medical_waste',
    dept: 'wjw',
    type: '未按规定处置医疗废物',
    domain: '医疗卫生',
    basis: '《医疗废物管理条例》第四十六条',
    facts: (c) => `${inspect(c, '卫生监督员')}发现当事人将医疗废物与生活垃圾混放，未按规定进行分类收集和交接登记。`,
    mixes: [
      [F.warnFine, 7],
      [F.warn, 3],
    ],
    fine: [5000, 30000],
  },
  {
    key: 'water_supply',
    dept: 'wjw',
    type: '供水单位供应的饮用水不符合国家卫生标准',
    domain: '医疗卫生',
    basis: '《中华人民共和国传染病防治法》第七十三条第（一）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}对当事人出厂水和末梢水进行抽检，${c.rng.pick(['浑浊度', '菌落总数', '游离氯'])}指标不符合《生活饮用水卫生标准》。`,
    mixes: [[F.fine, 9]],
    fine: [5000, 50000],
  },
  {
    key: 'occupational',
    dept: 'wjw',
    type: '未按照规定组织劳动者进行职业健康检查',
    domain: '医疗卫生',
    basis: '《中华人民共和国职业病防治法》第七十一条第（四）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人未组织${pickN(c, 5, 60)}名接触${c.rng.pick(['粉尘', '噪声', '苯', '高温'])}的劳动者进行上岗前和在岗期间职业健康检查。`,
    mixes: [
      [F.warnFine, 8],
      [F.warn, 2],
    ],
    fine: [50000, 100000],
  },
  // ------------------------------------------------------------- culture and tourism
  {
    key: 'tour_contract',
    dept: 'wglj',
    type: '旅行社未与旅游者签订旅游合同',
    domain: '欺诈',
    basis: '《中华人民共和国旅游法》第一百条第（一）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}接到游客投诉，经查当事人组织${pickN(c, 10, 40)}名游客赴${c.rng.pick(['峨眉山', '乐山大佛', '九寨沟', '稻城亚丁'])}旅游，未与游客签订书面旅游合同。`,
    mixes: [
      [F.fine, 9],
      [['罚款', '责令停产停业'], 0.3],
    ],
    fine: [30000, 300000],
  },
  {
    key: 'forced_shopping',
    dept: 'wglj',
    type: '指定具体购物场所、安排另行付费旅游项目',
    domain: '欺诈',
    basis: '《中华人民共和国旅游法》第九十八条',
    facts: (c) =>
      `${c.when}，经${c.dept.shortName}调查，当事人在接待的${c.rng.pick(['峨眉山二日游', '乐山大佛一日游'])}团队行程中，安排游客进入${c.rng.pick(['玉器店', '茶叶店', '药材店'])}购物，并收取商家回扣。`,
    mixes: [
      [F.confFine, 9],
      [['没收违法所得', '罚款', '吊销许可证件'], 0.3],
    ],
    fine: [30000, 300000],
    confiscate: [500, 30000],
    licence: '旅行社业务经营许可证',
  },
  {
    key: 'unlicensed_guide',
    dept: 'wglj',
    type: '未取得导游证从事导游活动',
    domain: '欺诈',
    basis: '《中华人民共和国旅游法》第一百零二条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员在${c.rng.pick(['乐山大佛景区', '峨眉山景区报国寺', '峨眉山金顶'])}检查发现，当事人未取得导游证为游客提供讲解服务并收取费用。`,
    mixes: [[F.confFine, 9]],
    fine: [1000, 10000],
    confiscate: [50, 2000],
  },
  {
    key: 'internet_cafe_minor',
    dept: 'wglj',
    type: '互联网上网服务营业场所接纳未成年人进入',
    domain: null,
    basis: '《互联网上网服务营业场所管理条例》第三十一条第（二）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员夜间检查发现，当事人经营的上网服务场所内有${pickN(c, 1, 4)}名未成年人上网。`,
    mixes: [
      [F.warnFine, 8],
      [['罚款', '吊销许可证件'], 0.4],
    ],
    fine: [2000, 15000],
    licence: '网络文化经营许可证',
  },
  {
    key: 'entertainment_hours',
    dept: 'wglj',
    type: '娱乐场所超时营业',
    domain: null,
    basis: '《娱乐场所管理条例》第四十八条',
    facts: (c) => `${c.when}凌晨，${c.dept.shortName}执法人员检查发现，当事人经营的娱乐场所超过规定时间仍在营业。`,
    mixes: [
      [F.warnFine, 6],
      [F.warn, 3],
    ],
    fine: [5000, 10000],
  },
  {
    key: 'performance_unlicensed',
    dept: 'wglj',
    type: '未经批准举办营业性演出',
    domain: null,
    basis: '《营业性演出管理条例》第四十三条',
    facts: (c) =>
      `${c.when}，当事人在${c.place}举办营业性演出，未经文化和旅游主管部门批准，售出门票${pickN(c, 100, 3000)}张。`,
    mixes: [[F.confFine, 9]],
    fine: [50000, 200000],
    confiscate: [2000, 100000],
  },
  // ------------------------------------------------------------- public security and fire
  {
    key: 'hotel_registration',
    dept: 'gaj',
    type: '旅馆业不按规定登记住宿旅客信息',
    domain: null,
    basis: '《中华人民共和国治安管理处罚法》第五十六条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}民警在检查中发现，当事人经营的旅馆未按规定登记${pickN(c, 1, 5)}名住宿旅客的姓名、身份证件种类和号码。`,
    mixes: [
      [F.fine, 9],
      [F.warn, 1],
    ],
    fine: [200, 500],
  },
  {
    key: 'fire_obstruct',
    dept: 'gaj',
    type: '占用、堵塞、封闭疏散通道、安全出口',
    domain: '消防安全',
    basis: '《中华人民共和国消防法》第六十条第一款第（三）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}民警在消防安全检查中发现，当事人经营场所${c.rng.pick(['安全出口被货物堵塞', '疏散通道堆放杂物', '安全出口上锁'])}，影响人员安全疏散。`,
    mixes: [
      [F.fine, 7],
      [F.warn, 3],
    ],
    fine: [5000, 50000],
  },
  {
    key: 'fire_facilities',
    dept: 'gaj',
    type: '消防设施、器材未保持完好有效',
    domain: '消防安全',
    basis: '《中华人民共和国消防法》第六十条第一款第（一）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}在消防安全检查中发现，当事人${c.rng.pick(['室内消火栓无水', '火灾自动报警系统故障', '灭火器过期失效', '应急照明灯损坏'])}，消防设施、器材未保持完好有效。`,
    mixes: [
      [F.fine, 8],
      [F.warn, 2],
      [['罚款', '责令停产停业'], 0.3],
    ],
    fine: [5000, 50000],
  },
  {
    key: 'explosives',
    dept: 'gaj',
    type: '违反规定储存民用爆炸物品',
    domain: '安全生产',
    basis: '《民用爆炸物品安全管理条例》第五十条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}民警检查发现，当事人将工业炸药与雷管在同一库房混存，且未如实登记出入库情况。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '吊销许可证件'], 0.5],
    ],
    fine: [50000, 200000],
    licence: '民用爆炸物品购买许可证',
  },
  {
    key: 'security_service',
    dept: 'gaj',
    type: '未经许可从事保安服务',
    domain: null,
    basis: '《保安服务管理条例》第四十一条',
    facts: (c) =>
      `经${c.dept.shortName}调查，当事人在未取得保安服务许可证的情况下，为${pickN(c, 2, 10)}个住宅小区提供门卫、巡逻服务。`,
    mixes: [[F.confFine, 9]],
    fine: [100000, 300000],
    confiscate: [5000, 100000],
  },
  // ------------------------------------------------------------- agriculture
  {
    key: 'pesticide_banned',
    dept: 'nync',
    type: '经营禁用的农药',
    domain: '食品药品',
    basis: '《农药管理条例》第五十五条第一款第（二）项',
    facts: (c) =>
      `${inspect(c, '农业综合行政执法人员')}发现当事人店内摆放待售的${c.rng.pick(['甲拌磷', '克百威', '氧乐果', '百草枯'])}等禁限用农药${pickN(c, 2, 60)}瓶（袋）。`,
    mixes: [
      [F.allConf, 8],
      [['没收违法所得', '罚款', '吊销许可证件'], 0.5],
    ],
    fine: [5000, 50000],
    confiscate: [50, 5000],
    goods: '违法经营的农药',
    licence: '农药经营许可证',
  },
  {
    key: 'pesticide_records',
    dept: 'nync',
    type: '农药经营者未按规定建立采购、销售台账',
    domain: null,
    basis: '《农药管理条例》第五十八条第一款第（一）项',
    facts: (c) =>
      `${inspect(c, '农业综合行政执法人员')}发现当事人未建立农药采购、销售台账，不能提供所售农药的来源和去向记录。`,
    mixes: [[F.fine, 9]],
    fine: [2000, 20000],
  },
  {
    key: 'vet_drug',
    dept: 'nync',
    type: '经营假、劣兽药',
    domain: '食品药品',
    basis: '《兽药管理条例》第五十六条第一款',
    facts: (c) =>
      `${c.when}，经抽样检验，当事人经营的${c.rng.pick(['替米考星预混剂', '氟苯尼考粉', '阿莫西林可溶性粉', '伊维菌素注射液'])}含量不符合规定，为劣兽药。`,
    mixes: [[F.allConf, 9]],
    fine: [5000, 100000],
    confiscate: [100, 10000],
    goods: '违法经营的兽药',
  },
  {
    key: 'pig_slaughter',
    dept: 'nync',
    type: '未经定点从事生猪屠宰活动',
    domain: '食品药品',
    basis: '《生猪屠宰管理条例》第三十一条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员根据举报，在${c.place}查获当事人未经定点私自屠宰生猪${pickN(c, 1, 20)}头。`,
    mixes: [[F.allConf, 9]],
    fine: [10000, 100000],
    confiscate: [200, 20000],
    goods: '生猪产品及屠宰工具',
  },
  {
    key: 'animal_quarantine',
    dept: 'nync',
    type: '经营未经检疫的动物产品',
    domain: '食品药品',
    basis: '《中华人民共和国动物防疫法》第一百条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人销售的${pickN(c, 50, 2000)}公斤${c.rng.pick(['猪肉', '牛肉', '鸡肉'])}无动物检疫证明。`,
    mixes: [[F.confFine, 9]],
    fine: [2000, 50000],
    confiscate: [100, 10000],
  },
  {
    key: 'electrofishing',
    dept: 'nync',
    type: '使用电鱼方法进行捕捞',
    domain: '生态环境',
    basis: '《中华人民共和国渔业法》第三十八条第一款；《中华人民共和国长江保护法》第八十六条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}渔政执法人员在${c.rng.pick(['岷江', '大渡河', '青衣江', '马边河', '沐溪河'])}${c.s.address.slice(0, 9)}段巡查时，发现当事人在禁捕水域使用电捕工具捕鱼，现场查获渔获物${pickN(c, 1, 15)}公斤。`,
    mixes: [[F.allConf, 9]],
    fine: [500, 5000],
    confiscate: [20, 500],
    goods: '渔获物和电捕工具',
  },
  {
    key: 'fake_seed',
    dept: 'nync',
    type: '销售假种子',
    domain: null,
    basis: '《中华人民共和国种子法》第七十四条',
    facts: (c) =>
      `${c.when}，经种子质量检验，当事人销售的${c.rng.pick(['杂交水稻', '玉米', '油菜'])}种子品种真实性不符，为假种子。`,
    mixes: [[F.allConf, 9]],
    fine: [20000, 200000],
    confiscate: [100, 10000],
    goods: '假种子',
  },
  // ------------------------------------------------------------- commerce, education
  {
    key: 'prepaid_card',
    dept: 'swu',
    type: '单用途商业预付卡发卡企业未按规定备案',
    domain: '欺诈',
    basis: '《单用途商业预付卡管理办法（试行）》第三十六条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人发行单用途商业预付卡（会员储值卡）${pickN(c, 50, 2000)}张，未按规定办理备案，未与购卡人签订购卡协议。`,
    mixes: [
      [F.fine, 6],
      [F.warn, 4],
    ],
    fine: [10000, 30000],
  },
  {
    key: 'scrap_vehicle_violation',
    dept: 'swu',
    type: '报废机动车回收企业违规拆解',
    domain: null,
    basis: '《报废机动车回收管理办法》第二十一条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人将回收的报废机动车“五大总成”出售给不具备再制造条件的个人。`,
    mixes: [[F.allConf, 9]],
    fine: [10000, 50000],
    confiscate: [1000, 30000],
    goods: '报废机动车“五大总成”',
  },
  {
    key: 'private_school_violation',
    dept: 'jyj',
    type: '民办学校擅自超规模招生',
    domain: null,
    basis: '《中华人民共和国民办教育促进法》第六十二条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人${c.rng.pick(['超出核定办学规模招收学生', '擅自增设办学项目', '发布虚假招生简章'])}。`,
    mixes: [
      [F.warn, 5],
      [['警告', '没收违法所得'], 4],
      [['吊销许可证件'], 0.5],
    ],
    confiscate: [1000, 100000],
    licence: '民办学校办学许可证',
  },
  {
    key: 'unlicensed_training',
    dept: 'jyj',
    type: '未经批准擅自举办校外培训',
    domain: null,
    basis: '《中华人民共和国民办教育促进法》第六十四条',
    facts: (c) => `${c.when}，${c.dept.shortName}执法人员在${c.place}发现当事人未经批准面向中小学生开展学科类培训。`,
    mixes: [
      [F.confFine, 8],
      [F.warn, 2],
    ],
    fine: [5000, 50000],
    confiscate: [500, 30000],
  },
  // ------------------------------------------------------------- water
  {
    key: 'unlicensed_water_intake',
    dept: 'slj',
    type: '未经批准擅自取水',
    domain: '生态环境',
    basis: '《中华人民共和国水法》第六十九条第（一）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员检查发现，当事人未取得取水许可证，擅自从${c.rng.pick(['岷江', '大渡河', '茫溪河', '地下水井'])}取水用于${c.rng.pick(['生产', '灌溉', '洗砂'])}。`,
    mixes: [[F.fine, 9]],
    fine: [20000, 100000],
  },
  {
    key: 'illegal_sand',
    dept: 'slj',
    type: '未经许可在河道管理范围内采砂',
    domain: '生态环境',
    basis: '《中华人民共和国长江保护法》第九十一条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员巡查发现，当事人在${c.rng.pick(['岷江', '大渡河', '青衣江', '马边河'])}河道管理范围内未经许可使用${c.rng.pick(['挖掘机', '采砂船'])}采挖砂石约${pickN(c, 50, 5000)}立方米。`,
    mixes: [[F.allConf, 9]],
    fine: [100000, 1000000],
    confiscate: [1000, 100000],
    goods: '非法采砂工具和砂石',
  },
  {
    key: 'soil_conservation_violation',
    dept: 'slj',
    type: '未编制水土保持方案擅自开工建设',
    domain: '生态环境',
    basis: '《中华人民共和国水土保持法》第五十三条第（一）项',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人${c.rng.pick(['采石场', '建设项目'])}未编制水土保持方案即开工建设，扰动地表面积约${pickN(c, 1, 50)}公顷。`,
    mixes: [[F.fine, 9]],
    fine: [50000, 500000],
  },
  {
    key: 'river_obstruction',
    dept: 'slj',
    type: '在河道管理范围内建设妨碍行洪的建筑物',
    domain: '生态环境',
    basis: '《中华人民共和国水法》第六十五条第一款',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}执法人员巡查发现，当事人在${c.rng.pick(['竹公溪', '茫溪河', '临江河'])}河道管理范围内修建${c.rng.pick(['围墙', '钢棚', '堆料场'])}，妨碍行洪。`,
    mixes: [[['罚款', '其他'], 9]],
    fine: [10000, 100000],
    other: '责令停止违法行为，限期拆除违法建筑物，恢复原状',
  },
  // ------------------------------------------------------------- medical insurance
  {
    key: 'insurance_fraud',
    dept: 'ybj',
    type: '定点医药机构骗取医疗保障基金',
    domain: '医疗卫生',
    basis: '《医疗保障基金使用监督管理条例》第四十条第一款',
    facts: (c) =>
      `经${c.dept.shortName}检查，当事人通过${c.rng.pick(['伪造住院病历', '虚构医药服务项目', '串换药品', '诱导参保人员挂床住院'])}等方式骗取医疗保障基金${pickN(c, 1, 80)}万元。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '限制开展生产经营活动'], 1],
    ],
    fine: [20000, 1000000],
    explicit: (fine) => (fine >= 200000 ? 'serious' : null),
  },
  {
    key: 'insurance_overcharge',
    dept: 'ybj',
    type: '违规使用医疗保障基金',
    domain: '医疗卫生',
    basis: '《医疗保障基金使用监督管理条例》第三十八条',
    facts: (c) =>
      `经${c.dept.shortName}检查，当事人存在${c.rng.pick(['超标准收费', '重复收费', '分解住院', '将不属于医保基金支付范围的项目纳入结算'])}等行为，造成医疗保障基金损失${pickN(c, 1, 30)}万元。`,
    mixes: [[F.fine, 9]],
    fine: [5000, 200000],
  },
  {
    key: 'insured_fraud',
    dept: 'ybj',
    type: '个人骗取医疗保障基金',
    domain: '医疗卫生',
    basis: '《医疗保障基金使用监督管理条例》第四十一条',
    facts: (c) =>
      `经${c.dept.shortName}调查，当事人将本人医疗保障凭证交由他人冒名使用，骗取医疗保障基金${pickN(c, 1000, 20000)}元。`,
    mixes: [[F.fine, 9]],
    fine: [2000, 40000],
  },
  {
    key: 'insurance_records',
    dept: 'ybj',
    type: '定点医药机构未按照规定保管财务账目、处方、病历',
    domain: '医疗卫生',
    basis: '《医疗保障基金使用监督管理条例》第三十九条',
    facts: (c) =>
      `${c.when}，${c.dept.shortName}检查发现，当事人未按照规定保管处方、病历等资料，未按规定向医疗保障信息系统上传进销存数据。`,
    mixes: [[F.fine, 9]],
    fine: [10000, 50000],
  },
  // ------------------------------------------------------------- customs, central bank, reform
  {
    key: 'false_declaration',
    dept: 'hg',
    type: '进出口货物申报不实',
    domain: '海关',
    basis: '《中华人民共和国海关行政处罚实施条例》第十五条第（一）项',
    facts: (c) =>
      `${c.when}，当事人以一般贸易方式向乐山海关申报出口${c.rng.pick(['多晶硅', '光伏组件', '茶叶', '化工原料', '竹浆'])}一批，经查验实际货物的${c.rng.pick(['数量', '规格型号', '品名'])}与申报不符，影响海关统计准确性。`,
    mixes: [
      [F.fine, 7],
      [F.warn, 3],
    ],
    fine: [1000, 10000],
  },
  {
    key: 'declaration_tax',
    dept: 'hg',
    type: '申报不实影响国家税款征收',
    domain: '海关',
    basis: '《中华人民共和国海关行政处罚实施条例》第十五条第（四）项',
    facts: (c) =>
      `${c.when}，当事人向海关申报进口${c.rng.pick(['生产设备', '石英坩埚', '化工原料'])}一批，低报价格，经海关核定漏缴税款${pickN(c, 1, 80)}万元。`,
    mixes: [[F.fine, 10]],
    fine: [10000, 300000],
  },
  {
    key: 'smuggling',
    dept: 'hg',
    type: '逃避海关监管的走私行为',
    domain: '海关',
    basis: '《中华人民共和国海关法》第八十六条；《中华人民共和国海关行政处罚实施条例》第九条',
    facts: (c) =>
      `${c.when}，当事人通过伪报贸易方式进口${c.rng.pick(['冻品', '二手设备', '化工原料'])}一批，偷逃税款${pickN(c, 1, 40)}万元。`,
    mixes: [[['没收非法财物', '罚款'], 9]],
    fine: [5000, 200000],
    goods: '走私货物',
  },
  {
    key: 'account_mgmt',
    dept: 'rmyh',
    type: '违反银行结算账户管理规定',
    domain: null,
    basis: '《人民币银行结算账户管理办法》第六十五条',
    facts: (c) =>
      `${c.when}，中国人民银行乐山市分行检查发现，当事人为${pickN(c, 2, 20)}户存款人开立银行结算账户时未履行审核义务。`,
    mixes: [
      [F.warnFine, 7],
      [F.warn, 3],
    ],
    fine: [5000, 30000],
  },
  {
    key: 'aml',
    dept: 'rmyh',
    type: '未按规定履行客户身份识别义务',
    domain: null,
    basis: '《中华人民共和国反洗钱法》第三十二条第一款第（一）项',
    facts: (c) =>
      `${c.when}，经中国人民银行乐山市分行反洗钱执法检查，当事人${c.rng.pick(['未按规定识别客户身份', '未按规定保存客户身份资料和交易记录', '未按规定报送大额交易报告'])}。`,
    mixes: [[F.fine, 9]],
    fine: [20000, 500000],
  },
  {
    key: 'cash_refusal',
    dept: 'rmyh',
    type: '拒收人民币现金',
    domain: null,
    basis: '《中华人民共和国中国人民银行法》第十六条；《中国人民银行公告》〔2020〕第18号',
    facts: (c) =>
      `${c.when}，消费者投诉当事人在${c.place}拒收人民币现金，仅接受移动支付，经中国人民银行乐山市分行调查属实。`,
    mixes: [
      [F.warn, 3],
      [F.fine, 7],
    ],
    fine: [500, 50000],
  },
  {
    key: 'bid_collusion',
    dept: 'fgw',
    type: '投标人相互串通投标',
    domain: '欺诈',
    basis: '《中华人民共和国招标投标法》第五十三条',
    facts: (c) =>
      `经${c.dept.shortName}调查，当事人在${c.rng.pick(['道路改造工程', '学校维修工程', '农田水利工程', '政府采购项目'])}招标中与其他投标人${c.rng.pick(['投标文件由同一人编制', '投标保证金从同一账户转出', '约定中标后支付“好处费”'])}，构成串通投标。`,
    mixes: [
      [F.fine, 8],
      [['罚款', '限制开展生产经营活动'], 1.5],
    ],
    fine: [20000, 300000],
    other: '取消其一年内参加依法必须进行招标的项目的投标资格',
  },
];

const SPEC_BY_KEY = new Map(VIOLATION_SPECS.map((s) => [s.key, s]));

export function violationSpec(key: string): ViolationSpec {
  const spec = SPEC_BY_KEY.get(key);
  if (spec === undefined) throw new RangeError(`unknown violation type ${key}`);
  return spec;
}

const WITHDRAWAL_REASONS = [
  '行政复议决定撤销原行政处罚决定',
  '人民法院判决撤销原行政处罚决定',
  '经核查，报送的处罚信息与决定文书不一致，予以撤回后重新报送',
  '原行政处罚决定被依法撤销',
];

/** Text of the measures of a decision: 1.警告；2.罚款人民币5000元。 */
function contentText(
  c: PenCtx,
  spec: ViolationSpec,
  categories: readonly PenaltyCategory[],
  fine: number | null,
  conf: number | null,
): string {
  const parts = categories.map((category) => {
    switch (category) {
      case '罚款':
        return `罚款人民币${yuanText(fine ?? 0)}`;
      case '没收违法所得':
        return `没收违法所得人民币${yuanText(conf ?? 0)}`;
      case '没收非法财物':
        return `没收${spec.goods ?? '涉案物品'}`;
      case '暂扣许可证件':
        return `暂扣《${spec.licence ?? '营业执照'}》${c.rng.int(1, 6)}个月`;
      case '吊销许可证件':
        return `吊销《${spec.licence ?? '营业执照'}》`;
      case '责令停产停业':
        return `责令停产停业${c.rng.pick(['整顿', `${c.rng.int(1, 6)}个月`, `${c.rng.int(10, 60)}日`])}`;
      case '限制开展生产经营活动':
        return spec.other ?? `限制开展生产经营活动${c.rng.int(3, 12)}个月`;
      case '限制从业':
        return `法定代表人${c.rng.int(1, 5)}年内不得从事相关生产经营管理活动`;
      case '降低资质等级':
        return '降低资质等级（由二级降为三级）';
      case '行政拘留':
        return `行政拘留${c.rng.int(3, 15)}日`;
      case '其他':
        return spec.other ?? '责令改正';
      default:
        return category;
    }
  });
  const listed = parts.length === 1 ? `${parts[0]}。` : `${parts.map((p, i) => `${i + 1}.${p}`).join('；')}。`;
  return `依据${spec.basis.split('；')[0]}的规定，决定对当事人作出如下行政处罚：${listed}`;
}

/** 简易程序: a warning or a fine up to 200 yuan (persons) or 3,000 yuan (organisations). */
function isSummaryEligible(s: GenSubject, categories: readonly PenaltyCategory[], fine: number | null): boolean {
  if (!categories.every((c) => c === '警告' || c === '罚款')) return false;
  if (fine === null) return true;
  return fine <= (s.kind === 'legal_person' ? 3000 : 200);
}

/** The licence a revocation or suspension names: one of the subject's own, from the same unit, when there is one. */
function affectedLicence(
  spec: ViolationSpec,
  categories: readonly PenaltyCategory[],
  dept: DeptInfo,
  licences: readonly GenLicence[],
  rng: Random,
): string | null {
  if (!categories.includes('吊销许可证件') && !categories.includes('暂扣许可证件')) return null;
  const own = licences.find((l) => l.dept.code === dept.code && l.certificateName !== null && l.licenceNumber !== null);
  if (own !== undefined) return `${own.certificateName}（编号：${own.licenceNumber}）`;
  return `${spec.licence ?? '营业执照'}（编号：${rng.digits(4)}${rng.digits(6)}）`;
}

/** One penalty decision for a subject, with its publication period and portal state. */
export function makePenalty(ctx: GenContext, s: GenSubject, key: string, licences: readonly GenLicence[]): GenPenalty {
  const rng = s.rng;
  const spec = violationSpec(key);
  const dept = resolveDept(ctx, spec.dept, s.divisionCode, rng);
  const decisionDate = decisionDateFor(rng, s.establishedOn, ctx.today);
  const actDate = maxDateOf(addDays(decisionDate, -rng.int(10, 120)), s.establishedOn ?? '2018-01-01');
  const c: PenCtx = { rng, s, dept, when: chineseDate(actDate), place: s.address };
  let categories = [...rng.weighted(spec.mixes)] as PenaltyCategory[];
  let fine: number | null = null;
  if (categories.includes('罚款')) {
    const [lo, hi] = spec.fine ?? [1000, 10000];
    // Organisations draw over the whole range; persons and shops mostly from the lower part.
    const cap = s.kind === 'legal_person' ? hi : Math.max(lo, Math.min(hi, lo * 10));
    fine = roundAmount(rng, lo, cap);
  }
  let conf: number | null = null;
  if (categories.includes('没收违法所得')) {
    const [lo, hi] = spec.confiscate ?? [100, 10000];
    conf = Math.round(rng.logUniform(lo, hi));
  }
  const summaryProcedure = isSummaryEligible(s, categories, fine) && rng.chance(0.7);
  if (categories.length === 0) categories = ['其他'];

  const stated = spec.explicit?.(fine ?? 0) ?? null;
  const explicitRoll = rng.next();
  const defaultSev = defaultSeverity(categories, { summaryProcedure });
  let severity: Severity = stated ?? defaultSev;
  let severityExplicit = stated !== null;
  // A few departments state the severity even when it equals the default, or judge a serious case themselves.
  if (!severityExplicit && explicitRoll < 0.01) severityExplicit = true;
  else if (!severityExplicit && explicitRoll < 0.015 && defaultSev === 'general' && fine !== null && fine >= 100000) {
    severity = 'serious';
    severityExplicit = true;
  }

  const domain = spec.domain;
  let requestedPublicUntil: IsoDate | null = null;
  if (severity !== 'minor' && rng.chance(0.12)) {
    const months = severity === 'serious' ? rng.int(10, 40) : rng.int(2, 13);
    requestedPublicUntil = addDays(decisionDate, months * 30 + rng.int(0, 20));
  }
  const publish = severity === 'minor' ? rng.chance(0.08) : undefined;
  const period = publicationPeriod({
    decisionDate,
    severity,
    categories,
    domain,
    requestedPublicUntil,
    ...(publish === undefined ? {} : { publish }),
  });

  const today = ctx.today;
  let status: GenPenalty['status'] = period.published ? 'published' : 'unpublished';
  let publicUntil = period.publicUntil;
  let earliestRepairOn = period.earliestRepair;
  let suspendedSince: IsoDate | null = null;
  let suspendedDays = 0;
  let repairedOn: IsoDate | null = null;
  let withdrawnOn: IsoDate | null = null;
  let withdrawalReason: string | null = null;
  const roll = rng.next();
  const current = compareDates(period.publicFrom, today) <= 0 && compareDates(today, publicUntil) < 0;
  if (status === 'published') {
    if (roll < 0.006) {
      status = 'withdrawn';
      withdrawnOn = minDateOf(today, addDays(decisionDate, rng.int(15, 200)));
      withdrawalReason = rng.pick(WITHDRAWAL_REASONS);
    } else if (roll < 0.016 && current) {
      status = 'suspended';
      suspendedSince = maxDateOf(period.publicFrom, addDays(today, -rng.int(1, 25)));
    } else if (roll < 0.03) {
      // An objection that was rejected: publication resumed and ends later by the suspended time.
      suspendedDays = rng.int(8, 40);
      publicUntil = addDays(publicUntil, suspendedDays);
      earliestRepairOn = addDays(earliestRepairOn, suspendedDays);
    } else if (
      period.repairableEarly &&
      compareDates(earliestRepairOn, today) <= 0 &&
      compareDates(earliestRepairOn, publicUntil) < 0 &&
      rng.chance(severity === 'serious' ? 0.12 : 0.08)
    ) {
      status = 'repaired';
      repairedOn = rng.date(earliestRepairOn, minDateOf(addDays(publicUntil, -1), today));
    }
  }

  const year = yearOf(decisionDate);
  const n = nextNumber(ctx, `CF|${dept.code}|${year}`, rng);
  return {
    id: 0,
    subject: s,
    dept,
    documentNumber: documentNumber(dept.docPrefix, year, n, rng),
    violationType: spec.type,
    violationFacts: spec.facts(c),
    legalBasis: spec.basis,
    categories,
    content: contentText(c, spec, categories, fine, conf),
    fineAmount: fine === null ? null : wanFromYuan(fine),
    confiscatedAmount: conf === null ? null : wanFromYuan(conf),
    licenceAffected: affectedLicence(spec, categories, dept, licences, rng),
    decisionDate,
    penaltyValidUntil: period.publicUntil,
    requestedPublicUntil,
    severity,
    severityExplicit,
    summaryProcedure,
    domain,
    status,
    publicFrom: period.publicFrom,
    earliestRepairOn,
    publicUntil,
    periodRuleId: period.ruleId,
    repairableEarly: period.repairableEarly,
    suspendedSince,
    suspendedDays,
    repairedOn,
    withdrawnOn,
    withdrawalReason,
    remarks: summaryProcedure ? '简易程序' : null,
    reportedAt: reportedAt(rng, decisionDate, ctx.today),
  };
}
