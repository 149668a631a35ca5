// 行政许可 records (XK_*): the licence types each department grants, with the document names,
// certificate names, numbers and contents real decisions carry.

import { compareDates, type IsoDate } from '../rules/dates';
import { normalizeName } from '../rules/normalize';
import { ownUscc } from '../rules/uscc';
import type { LicensingCategory } from '../rules/codes';
import {
  LONG_TERM,
  MARKET,
  chineseDate,
  decisionDateFor,
  documentNumber,
  nextNumber,
  reportedAt,
  resolveDept,
  validUntil,
  yearOf,
  type Validity,
} from './common';
import type { DeptInfo, GenContext, GenLicence, GenSubject } from './model';
import type { Random } from './random';

interface LicCtx {
  rng: Random;
  s: GenSubject;
  dept: DeptInfo;
  date: IsoDate;
  year: number;
}

interface LicenceSpec {
  key: string;
  /** A department code, or MARKET for the city or county market regulation bureau. */
  dept: string;
  document: string | ((c: LicCtx) => string);
  category: LicensingCategory;
  certificate: string | null;
  number: (c: LicCtx) => string | null;
  content: (c: LicCtx) => string;
  validity: Validity | ((c: LicCtx) => Validity);
}

const d = (c: LicCtx, n: number) => c.rng.digits(n);
/** The subject's USCC, or its registration number when it has only the placeholder. */
const codeOf = (s: GenSubject) => ownUscc(s.uscc) ?? s.registrationNumber ?? '';
const shortDiv = (c: LicCtx) => c.s.divisionCode;

const PROJECTS: Readonly<Record<string, readonly string[]>> = {
  chemical: [
    '年产10万吨离子膜烧碱技改项目',
    '盐硝联产节能改造项目',
    '精细化工中间体生产线建设项目',
    '氯碱装置扩能改造项目',
    '废水深度处理及回用工程',
  ],
  silicon: [
    '年产5万吨高纯晶硅项目',
    '多晶硅生产线扩建项目',
    '单晶硅棒及切片项目',
    '工业硅冶炼节能改造项目',
    '光伏组件生产基地建设项目',
  ],
  building_materials: [
    '建筑陶瓷生产线技改项目',
    '年产600万平方米瓷砖生产线项目',
    '商品混凝土搅拌站建设项目',
    '新型墙体材料生产线项目',
  ],
  manufacturing: ['竹浆纸一体化技改项目', '机械加工车间扩建项目', '食品加工厂房建设项目', '钢结构加工基地建设项目'],
  utility: [
    '小水电站增效扩容改造项目',
    '城乡供水一体化工程',
    '天然气输配管网建设项目',
    '污水处理厂提标改造工程',
    '加油站改扩建项目',
  ],
  real_estate: ['花园住宅小区建设项目', '商业综合体建设项目', '安置房建设项目', '滨江住宅项目（一期）'],
  tourism: ['景区游客中心建设项目', '生态旅游度假区建设项目', '古镇旅游基础设施提升项目', '康养旅游综合体项目'],
  mining: ['建筑石料用灰岩矿开采项目', '砂石骨料加工项目', '磷矿开采技改项目'],
  livestock: ['生猪标准化养殖场建设项目', '肉牛养殖基地建设项目'],
  agriculture: ['高标准农田建设项目', '茉莉花种植基地建设项目', '柑橘标准化种植基地项目'],
  construction: ['道路改造工程', '市政配套管网工程', '学校教学楼建设工程'],
};

function projectName(c: LicCtx): string {
  const list = PROJECTS[c.s.industry.key] ?? PROJECTS.construction ?? [];
  return `${c.s.name.replace(/有限责任公司|股份有限公司|有限公司|（.*?）|分公司/g, '')}${c.rng.pick(list)}`;
}

const FOOD_SALE_ITEMS = [
  '预包装食品（含冷藏冷冻食品）销售',
  '散装食品（不含冷藏冷冻食品）销售',
  '保健食品销售',
  '特殊医学用途配方食品销售',
  '婴幼儿配方乳粉销售',
];
const CATERING_ITEMS = [
  '热食类食品制售',
  '冷食类食品制售',
  '生食类食品制售',
  '自制饮品制售',
  '糕点类食品（含裱花蛋糕）制售',
];
const FOOD_PRODUCTION = [
  '茶叶及相关制品（绿茶、花茶）',
  '调味品（半固态调味料：火锅底料）',
  '肉制品（酱卤肉制品：甜皮鸭）',
  '糕点（烘烤类糕点）',
  '饮料（包装饮用水）',
  '粮食加工品（大米）',
  '豆制品（非发酵性豆制品：豆腐）',
  '方便食品（冲调类）',
];
const DRIVER_KINDS = ['道路旅客运输驾驶员', '道路货物运输驾驶员', '出租汽车驾驶员', '危险货物运输驾驶员'];
const SPECIAL_OPS = [
  '低压电工作业',
  '焊接与热切割作业（熔化焊接与热切割）',
  '高处安装、维护、拆除作业',
  '制冷与空调设备运行操作作业',
  '危险化学品安全作业（氯碱电解工艺作业）',
];
const TEACHER_KINDS = [
  '小学教师资格（语文）',
  '初级中学教师资格（数学）',
  '高级中学教师资格（英语）',
  '幼儿园教师资格',
  '中等职业学校教师资格（计算机应用）',
];
const PHYSICIAN_KINDS = [
  '临床类别（内科专业）',
  '临床类别（外科专业）',
  '中医类别（中医专业）',
  '口腔类别（口腔专业）',
  '公共卫生类别',
];

export const LICENCE_SPECS: readonly LicenceSpec[] = [
  // ------------------------------------------------------------- market regulation
  {
    key: 'food_business',
    dept: MARKET,
    document: '食品经营许可决定书',
    category: '普通',
    certificate: '食品经营许可证',
    number: (c) =>
      `JY${['catering', 'hotel', 'education', 'social_services'].includes(c.s.industry.key) ? '2' : '1'}${shortDiv(c)}${d(c, 7)}`,
    content: (c) =>
      ['catering', 'hotel', 'education', 'social_services'].includes(c.s.industry.key)
        ? `主体业态：${c.s.industry.key === 'education' ? '单位食堂（学校食堂）' : '餐饮服务经营者'}；经营项目：${c.rng.sample(CATERING_ITEMS, c.rng.int(1, 3)).join('，')}`
        : `主体业态：食品销售经营者；经营项目：${c.rng.sample(FOOD_SALE_ITEMS, c.rng.int(1, 3)).join('，')}`,
    validity: { years: 5 },
  },
  {
    key: 'food_production',
    dept: MARKET,
    document: '食品生产许可决定书',
    category: '普通',
    certificate: '食品生产许可证',
    number: (c) => `SC${c.rng.int(101, 131)}${shortDiv(c)}${d(c, 5)}`,
    content: (c) =>
      `食品类别：${c.s.industry.key === 'tea' ? '茶叶及相关制品（绿茶、花茶、边销茶）' : c.rng.pick(FOOD_PRODUCTION)}；生产地址：${c.s.address}`,
    validity: { years: 5 },
  },
  {
    key: 'drug_retail',
    dept: MARKET,
    document: '药品经营许可决定书',
    category: '普通',
    certificate: '药品经营许可证',
    number: (c) => `川CB${c.rng.chars('ABCD', 1)}${d(c, 7)}`,
    content: () => '经营方式：零售；经营范围：中药饮片、中成药、化学药制剂、抗生素制剂、生化药品、生物制品（除疫苗）',
    validity: { years: 5 },
  },
  {
    key: 'special_equipment',
    dept: MARKET,
    document: '特种设备使用登记决定',
    category: '登记',
    certificate: '特种设备使用登记证',
    number: (c) => `${c.rng.pick(['梯', '容', '锅', '起', '厂车', '索'])}11川L${d(c, 5)}（${String(c.year).slice(2)}）`,
    content: (c) =>
      c.s.industry.key === 'tourism'
        ? `设备类别：${c.rng.pick(['客运索道', '大型游乐设施'])}；设备品种：${c.rng.pick(['单线循环脱挂抱索器车厢式索道', '观览车类', '滑行车类'])}；使用地点：${c.s.address}`
        : `设备类别：${c.rng.pick(['电梯', '压力容器', '锅炉', '起重机械', '场（厂）内专用机动车辆'])}；设备数量：${c.rng.int(1, 12)}台；使用地点：${c.s.address}`,
    validity: 'long',
  },
  {
    key: 'establishment',
    dept: MARKET,
    document: '准予设立登记通知书',
    category: '登记',
    certificate: '营业执照',
    number: (c) => codeOf(c.s),
    content: (c) => `准予${c.s.name}设立登记，经营范围：${c.s.businessScope ?? ''}`,
    validity: 'long',
  },
  {
    key: 'industrial_product',
    dept: MARKET,
    document: '工业产品生产许可决定书',
    category: '普通',
    certificate: '全国工业产品生产许可证',
    number: (c) => `（川）XK${c.rng.pick(['08', '13', '16', '23'])}-${d(c, 3)}-${d(c, 5)}`,
    content: (c) =>
      `产品名称：${c.rng.pick(['建筑防水卷材', '水泥', '危险化学品（氢氧化钠）', '预应力混凝土铁路桥简支梁', '电线电缆', '化肥'])}；生产地址：${c.s.address}`,
    validity: { years: 5 },
  },
  // ------------------------------------------------------------- ecology and environment
  {
    key: 'discharge_permit',
    dept: 'sthj',
    document: '排污许可决定书',
    category: '普通',
    certificate: '排污许可证',
    number: (c) => `${codeOf(c.s)}${d(c, 3)}${c.rng.pick(['P', 'P', 'V', 'Q'])}`,
    content: (c) =>
      `行业类别：${c.s.industry.label}；主要污染物类别：${c.rng.pick(['废气、废水', '废气', '废水'])}；主要污染物种类：${c.rng.sample(['颗粒物', '二氧化硫', '氮氧化物', '化学需氧量', '氨氮', '挥发性有机物', '氟化物', '氯化氢'], c.rng.int(2, 4)).join('、')}；执行标准见许可证副本`,
    validity: { years: 5 },
  },
  {
    key: 'eia_approval',
    dept: 'sthj',
    document: (c) => `关于${projectName(c)}环境影响报告表的批复`,
    category: '普通',
    certificate: null,
    number: () => null,
    content: () =>
      '同意项目按照环境影响报告表所列建设项目的性质、规模、地点和拟采取的环境保护措施进行建设。项目建设应严格执行环境保护设施与主体工程同时设计、同时施工、同时投产使用的“三同时”制度。',
    validity: { years: 5 },
  },
  {
    key: 'hazwaste_licence',
    dept: 'sthj',
    document: '危险废物经营许可决定书',
    category: '普通',
    certificate: '危险废物经营许可证',
    number: (c) => `川环危第${shortDiv(c)}${d(c, 3)}号`,
    content: (c) =>
      `核准经营方式：收集、贮存${c.rng.chance(0.5) ? '、利用' : ''}；核准经营危险废物类别：HW08废矿物油与含矿物油废物、HW49其他废物；核准经营规模：${c.rng.int(2, 30) * 500}吨/年`,
    validity: { years: 5 },
  },
  // ------------------------------------------------------------- emergency management
  {
    key: 'hazchem_business',
    dept: 'yjgl',
    document: '危险化学品经营许可决定书',
    category: '普通',
    certificate: '危险化学品经营许可证',
    number: (c) => `川乐危化经字〔${c.year}〕${d(c, 6)}`,
    content: () => '许可范围：易燃液体、腐蚀性物质、氧化性物质（不带储存设施经营）',
    validity: { years: 3 },
  },
  {
    key: 'safety_production',
    dept: 'yjgl',
    document: '安全生产许可决定书',
    category: '普通',
    certificate: '安全生产许可证',
    number: (c) => `（川）FM安许证字〔${c.year}〕L${d(c, 4)}`,
    content: (c) => `许可范围：${c.s.industry.key === 'mining' ? '建筑石料用灰岩露天开采' : '危险化学品生产'}`,
    validity: { years: 3 },
  },
  {
    key: 'fireworks_retail',
    dept: 'yjgl',
    document: '烟花爆竹经营（零售）许可决定书',
    category: '普通',
    certificate: '烟花爆竹经营（零售）许可证',
    number: (c) => `川乐烟零〔${c.year}〕${d(c, 4)}`,
    content: (c) => `许可范围：C级、D级烟花爆竹零售；储存限量：${c.rng.int(2, 5) * 100}千克；经营地点：${c.s.address}`,
    validity: (c) => ({ months: c.rng.int(3, 12) }),
  },
  // ------------------------------------------------------------- transport
  {
    key: 'road_transport_operation',
    dept: 'jtys',
    document: '道路运输经营许可决定书',
    category: '普通',
    certificate: '道路运输经营许可证',
    number: (c) => `川交运管许可乐字${shortDiv(c)}${d(c, 6)}号`,
    content: (c) =>
      `经营范围：${c.rng.pick(['道路普通货物运输', '道路普通货物运输、货物专用运输（集装箱）', '县内班车客运、包车客运', '道路危险货物运输（2类1项、3类）'])}`,
    validity: { years: 6 },
  },
  {
    key: 'vehicle_permit',
    dept: 'jtys',
    document: '道路运输证配发决定',
    category: '普通',
    certificate: '道路运输证',
    number: (c) => `川交运管乐字${shortDiv(c)}${d(c, 6)}号`,
    content: (c) =>
      `车辆号牌：川L${c.rng.chars('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 5)}；车辆类型：${c.rng.pick(['重型仓栅式货车', '重型自卸货车', '中型普通货车', '大型普通客车', '重型半挂牵引车'])}`,
    validity: { years: 3 },
  },
  {
    key: 'taxi_operation',
    dept: 'jtys',
    document: '出租汽车经营许可决定书',
    category: '特许',
    certificate: '网络预约出租汽车运输证',
    number: (c) => `川交运管出租乐字${d(c, 6)}号`,
    content: (c) =>
      `经营区域：${c.s.divisionCode === '511181' ? '峨眉山市' : '乐山市中心城区'}；车辆号牌：川L${c.rng.chars('0123456789', 1)}D${d(c, 4)}`,
    validity: { years: 8 },
  },
  {
    key: 'overweight_transport',
    dept: 'jtys',
    document: '超限运输车辆行驶公路许可决定书',
    category: '普通',
    certificate: '超限运输车辆通行证',
    number: (c) => `川L超${c.year}${d(c, 5)}`,
    content: (c) =>
      `通行路线：${c.rng.pick(['G93成渝环线高速乐山段', 'G213线乐山段', 'S103线', 'G245线峨眉山段'])}；货物：${c.rng.pick(['风电叶片', '变压器', '预制箱梁', '大型挖掘机', '钢结构构件'])}；车货总质量${c.rng.int(55, 120)}吨`,
    validity: { months: 1 },
  },
  {
    key: 'road_construction',
    dept: 'jtys',
    document: '涉路施工许可决定书',
    category: '普通',
    certificate: null,
    number: () => null,
    content: (c) =>
      `许可在${c.rng.pick(['G213线', 'S305线', 'G245线', 'S103线'])}K${c.rng.int(10, 180)}+${d(c, 3)}处进行${c.rng.pick(['管线穿越', '平面交叉道口设置', '非公路标志设置', '跨越公路架设管线'])}施工`,
    validity: { months: 6 },
  },
  // ------------------------------------------------------------- housing and construction
  {
    key: 'construction_permit',
    dept: 'zjj',
    document: '建筑工程施工许可决定书',
    category: '普通',
    certificate: '建筑工程施工许可证',
    number: (c) => `${shortDiv(c)}${c.date.replaceAll('-', '')}${d(c, 2)}`,
    content: (c) =>
      `工程名称：${projectName(c)}；建设规模：${c.rng.int(3, 120) * 1000}平方米；合同工期：${c.rng.int(180, 900)}天`,
    validity: { years: 3 },
  },
  {
    key: 'qualification',
    dept: 'zjj',
    document: '建筑业企业资质许可决定书',
    category: '核准',
    certificate: '建筑业企业资质证书',
    number: (c) => `D${c.rng.pick(['3', '2'])}51${d(c, 7)}`,
    content: (c) =>
      `资质类别及等级：${c.rng.sample(['建筑工程施工总承包三级', '市政公用工程施工总承包三级', '建筑装修装饰工程专业承包二级', '施工劳务不分等级', '环保工程专业承包三级', '公路工程施工总承包三级'], c.rng.int(1, 2)).join('；')}`,
    validity: { years: 5 },
  },
  {
    key: 'presale',
    dept: 'zjj',
    document: '商品房预售许可决定书',
    category: '普通',
    certificate: '商品房预售许可证',
    number: (c) => `乐房预售证第${c.year}${d(c, 4)}号`,
    content: (c) =>
      `项目名称：${projectName(c)}；预售范围：${c.rng.int(1, 12)}号楼；预售面积：${c.rng.int(5, 60) * 1000}平方米`,
    validity: { years: 3 },
  },
  {
    key: 'gas_business',
    dept: 'zjj',
    document: '燃气经营许可决定书',
    category: '特许',
    certificate: '燃气经营许可证',
    number: (c) => `川${c.year}${shortDiv(c).slice(2)}${d(c, 4)}G`,
    content: (c) =>
      `经营类别：${c.rng.pick(['管道燃气', '瓶装液化石油气', '汽车加气站'])}；经营区域：${c.s.address.slice(0, 8)}`,
    validity: { years: 3 },
  },
  // ------------------------------------------------------------- human resources
  {
    key: 'labour_dispatch',
    dept: 'rsj',
    document: '劳务派遣经营许可决定书',
    category: '普通',
    certificate: '劳务派遣经营许可证',
    number: (c) => `乐人社劳派许字〔${c.year}〕第${d(c, 3)}号`,
    content: () => '许可经营事项：劳务派遣',
    validity: { years: 3 },
  },
  {
    key: 'hr_service',
    dept: 'rsj',
    document: '人力资源服务许可决定书',
    category: '普通',
    certificate: '人力资源服务许可证',
    number: (c) => `（川）人服证字〔${c.year}〕第${shortDiv(c)}${d(c, 4)}号`,
    content: () => '服务范围：为劳动者介绍用人单位；为用人单位推荐劳动者；组织开展现场招聘会；开展网络招聘',
    validity: { years: 5 },
  },
  {
    key: 'training_school',
    dept: 'rsj',
    document: '民办职业培训学校设立许可决定书',
    category: '普通',
    certificate: '民办学校办学许可证',
    number: (c) => `人社民${shortDiv(c)}${d(c, 7)}号`,
    content: () => '培训项目：中式烹调师、育婴员、电工、焊工（初级、中级）',
    validity: { years: 5 },
  },
  // ------------------------------------------------------------- natural resources
  {
    key: 'land_use_planning',
    dept: 'zrzy',
    document: '建设用地规划许可决定书',
    category: '普通',
    certificate: '建设用地规划许可证',
    number: (c) => `地字第${shortDiv(c)}${c.year}${d(c, 5)}号`,
    content: (c) =>
      `用地项目名称：${projectName(c)}；用地面积：${c.rng.int(3, 200) * 100}平方米；土地用途：${c.rng.pick(['城镇住宅用地', '商业服务业用地', '工业用地'])}`,
    validity: 'long',
  },
  {
    key: 'engineering_planning',
    dept: 'zrzy',
    document: '建设工程规划许可决定书',
    category: '普通',
    certificate: '建设工程规划许可证',
    number: (c) => `建字第${shortDiv(c)}${c.year}${d(c, 5)}号`,
    content: (c) => `建设项目名称：${projectName(c)}；建设规模：${c.rng.int(5, 150) * 1000}平方米`,
    validity: { years: 2 },
  },
  {
    key: 'mining_licence',
    dept: 'zrzy',
    document: '采矿权登记决定书',
    category: '特许',
    certificate: '采矿许可证',
    number: (c) => `C5111${d(c, 6)}${c.year}`,
    content: (c) =>
      `开采矿种：${c.rng.pick(['建筑石料用灰岩', '磷矿', '砖瓦用页岩', '建筑用砂岩'])}；开采方式：${c.rng.pick(['露天开采', '地下开采'])}；生产规模：${c.rng.int(5, 100)}万吨/年`,
    validity: { years: 5 },
  },
  {
    key: 'rural_building',
    dept: 'zrzy',
    document: '乡村建设规划许可决定书',
    category: '普通',
    certificate: '乡村建设规划许可证',
    number: (c) => `乡字第${shortDiv(c)}${c.year}${d(c, 4)}号`,
    content: (c) =>
      `建设项目：农村村民住宅；建设位置：${c.s.address}；建筑面积：${c.rng.int(90, 240)}平方米，${c.rng.int(1, 3)}层`,
    validity: { years: 2 },
  },
  // ------------------------------------------------------------- health
  {
    key: 'public_place_health',
    dept: 'wjw',
    document: '公共场所卫生许可决定书',
    category: '普通',
    certificate: '卫生许可证',
    number: (c) => `乐卫公证字〔${c.year}〕第${d(c, 6)}号`,
    content: (c) =>
      `许可项目：${c.s.industry.key === 'hotel' ? '住宿' : c.s.industry.key === 'beauty' ? c.rng.pick(['美容店', '理发店', '沐浴场所（足浴）']) : c.rng.pick(['歌舞厅', '游泳场所', '候车室', '展览馆'])}；经营面积：${c.rng.int(30, 3000)}平方米`,
    validity: { years: 4 },
  },
  {
    key: 'medical_institution',
    dept: 'wjw',
    document: '医疗机构执业许可决定书',
    category: '普通',
    certificate: '医疗机构执业许可证',
    number: (c) => `PDY${d(c, 8)}${shortDiv(c)}${c.rng.pick(['A', 'D', 'J'])}${d(c, 4)}`,
    content: (c) =>
      `诊疗科目：${c.rng.sample(['内科', '外科', '妇产科', '儿科', '口腔科', '中医科', '医学检验科', '医学影像科', '预防保健科', '全科医疗科'], c.rng.int(1, 5)).join('；')}`,
    validity: { years: 5 },
  },
  {
    key: 'radiation_diagnosis',
    dept: 'wjw',
    document: '放射诊疗许可决定书',
    category: '普通',
    certificate: '放射诊疗许可证',
    number: (c) => `川卫放证字〔${c.year}〕第${d(c, 4)}号`,
    content: () => '许可项目：X射线影像诊断；口腔X射线诊断',
    validity: { years: 4 },
  },
  {
    key: 'water_supply_health',
    dept: 'wjw',
    document: '供水单位卫生许可决定书',
    category: '普通',
    certificate: '卫生许可证',
    number: (c) => `川乐卫水证字〔${c.year}〕第${d(c, 4)}号`,
    content: (c) => `供水方式：集中式供水；日供水能力：${c.rng.int(2, 100) * 1000}立方米`,
    validity: { years: 4 },
  },
  {
    key: 'physician',
    dept: 'wjw',
    document: '医师执业注册决定',
    category: '认可',
    certificate: '医师执业证书',
    number: (c) => `1105111${d(c, 8)}`,
    content: (c) => `执业类别及范围：${c.rng.pick(PHYSICIAN_KINDS)}；执业地点：乐山市`,
    validity: 'long',
  },
  // ------------------------------------------------------------- culture and tourism
  {
    key: 'travel_agency',
    dept: 'wglj',
    document: '旅行社业务经营许可决定书',
    category: '普通',
    certificate: '旅行社业务经营许可证',
    number: (c) => `L-SC-${c.rng.pick(['CJ', 'GJ'])}${d(c, 5)}`,
    content: () => '经营范围：国内旅游业务、入境旅游业务',
    validity: 'long',
  },
  {
    key: 'entertainment',
    dept: 'wglj',
    document: '娱乐经营许可决定书',
    category: '普通',
    certificate: '娱乐经营许可证',
    number: (c) => `${shortDiv(c)}${d(c, 6)}`,
    content: (c) => `经营范围：${c.rng.pick(['歌舞娱乐场所', '游艺娱乐场所'])}；包厢数量：${c.rng.int(6, 40)}间`,
    validity: { years: 2 },
  },
  {
    key: 'internet_culture',
    dept: 'wglj',
    document: '网络文化经营许可决定书',
    category: '普通',
    certificate: '网络文化经营许可证',
    number: (c) => `川网文〔${c.year}〕${d(c, 4)}-${d(c, 3)}号`,
    content: (c) =>
      c.s.industry.key === 'entertainment'
        ? `经营范围：互联网上网服务；计算机台数：${c.rng.int(40, 300)}台`
        : '经营范围：利用信息网络经营音乐娱乐产品、演出剧（节）目、动漫产品',
    validity: { years: 3 },
  },
  {
    key: 'performance',
    dept: 'wglj',
    document: '营业性演出许可决定书',
    category: '普通',
    certificate: '营业性演出许可证',
    number: (c) => `${shortDiv(c)}1${c.year}${d(c, 4)}`,
    content: () => '经营范围：演出经纪；演出居间、代理、行纪；演出组织、制作、营销',
    validity: { years: 2 },
  },
  {
    key: 'publication_retail',
    dept: 'wglj',
    document: '出版物零售经营许可决定书',
    category: '普通',
    certificate: '出版物经营许可证',
    number: (c) => `新出发乐零字第${d(c, 4)}号`,
    content: () => '经营范围：图书、报纸、期刊、音像制品零售',
    validity: { years: 6 },
  },
  {
    key: 'guide',
    dept: 'wglj',
    document: '导游证核发决定',
    category: '认可',
    certificate: '导游证',
    number: (c) => `D-5111-${d(c, 6)}`,
    content: (c) => `导游语种：${c.rng.pick(['普通话', '普通话', '英语', '日语'])}；执业区域：全国`,
    validity: { years: 3 },
  },
  {
    key: 'large_event',
    dept: 'gaj',
    document: '大型群众性活动安全许可决定书',
    category: '普通',
    certificate: null,
    number: () => null,
    content: (c) =>
      `活动名称：${c.rng.pick(['峨眉山国际旅游节开幕式', '乐山大佛马拉松', '嘉州音乐节', '乐山美食文化节', '沐川竹海文化旅游节', '夹江年画节'])}；预计人数：${c.rng.int(3, 30) * 1000}人`,
    validity: { days: 3 },
  },
  // ------------------------------------------------------------- public security
  {
    key: 'hotel_special_trade',
    dept: 'gaj',
    document: '旅馆业特种行业许可决定书',
    category: '普通',
    certificate: '特种行业许可证',
    number: (c) => `乐公特旅字〔${c.year}〕第${d(c, 4)}号`,
    content: (c) => `许可项目：旅馆业；客房数：${c.rng.int(6, 260)}间；床位数：${c.rng.int(10, 480)}张`,
    validity: 'long',
  },
  {
    key: 'seal_engraving',
    dept: 'gaj',
    document: '公章刻制业特种行业许可决定书',
    category: '普通',
    certificate: '特种行业许可证',
    number: (c) => `乐公特章字〔${c.year}〕第${d(c, 3)}号`,
    content: () => '许可项目：公章刻制业',
    validity: 'long',
  },
  {
    key: 'explosives_purchase',
    dept: 'gaj',
    document: '民用爆炸物品购买许可决定书',
    category: '普通',
    certificate: '民用爆炸物品购买许可证',
    number: (c) => `乐公爆购〔${c.year}〕${d(c, 4)}`,
    content: (c) => `品种及数量：乳化炸药${c.rng.int(1, 30)}吨，工业电子雷管${c.rng.int(1, 20) * 500}发`,
    validity: { months: 1 },
  },
  {
    key: 'security_service_licence',
    dept: 'gaj',
    document: '保安服务许可决定书',
    category: '普通',
    certificate: '保安服务许可证',
    number: (c) => `川公保服${c.year}${d(c, 3)}号`,
    content: () => '服务范围：门卫、巡逻、守护、随身护卫、安全检查、区域秩序维护',
    validity: 'long',
  },
  // ------------------------------------------------------------- agriculture
  {
    key: 'pesticide_business',
    dept: 'nync',
    document: '农药经营许可决定书',
    category: '普通',
    certificate: '农药经营许可证',
    number: (c) => `农药经许（川）${shortDiv(c)}${c.year}${d(c, 4)}`,
    content: () => '经营范围：农药（限制使用农药除外）',
    validity: { years: 5 },
  },
  {
    key: 'vet_drug_business',
    dept: 'nync',
    document: '兽药经营许可决定书',
    category: '普通',
    certificate: '兽药经营许可证',
    number: (c) => `（${c.year}）兽药经营证字22${d(c, 6)}号`,
    content: () => '经营范围：化学药品、中药制剂、抗生素、外用杀虫剂、消毒剂（不含生物制品）',
    validity: { years: 5 },
  },
  {
    key: 'animal_epidemic',
    dept: 'nync',
    document: '动物防疫条件合格证核发决定',
    category: '普通',
    certificate: '动物防疫条件合格证',
    number: (c) => `（川乐）动防合字第${d(c, 9)}号`,
    content: (c) =>
      `场所类型：${c.rng.pick(['动物饲养场（生猪）', '动物饲养场（肉牛）', '动物饲养场（蛋鸡）', '动物屠宰加工场所'])}；设计规模：${c.rng.int(5, 100) * 100}头（只）/年`,
    validity: 'long',
  },
  {
    key: 'seed_business',
    dept: 'nync',
    document: '农作物种子生产经营许可决定书',
    category: '普通',
    certificate: '农作物种子生产经营许可证',
    number: (c) => `C（川乐）农种许字（${c.year}）第${d(c, 4)}号`,
    content: () => '生产经营范围：不再分装的包装种子（水稻、玉米、油菜、蔬菜）',
    validity: { years: 5 },
  },
  {
    key: 'pig_slaughter_licence',
    dept: 'nync',
    document: '生猪定点屠宰厂（场）设立许可决定书',
    category: '核准',
    certificate: '生猪定点屠宰证书',
    number: (c) => `A51${shortDiv(c).slice(2)}${d(c, 4)}`,
    content: (c) => `屠宰类别：生猪；设计屠宰能力：${c.rng.int(5, 60)}万头/年`,
    validity: 'long',
  },
  {
    key: 'farm_machine',
    dept: 'nync',
    document: '拖拉机和联合收割机驾驶证核发决定',
    category: '认可',
    certificate: '拖拉机和联合收割机驾驶证',
    number: (c) => `川L${d(c, 8)}`,
    content: (c) => `准驾机型：${c.rng.pick(['G1（轮式拖拉机）', 'R（轮式联合收割机）', 'G1R'])}`,
    validity: { years: 6 },
  },
  // ------------------------------------------------------------- commerce, education, water, customs, reform
  {
    key: 'foreign_trade',
    dept: 'swu',
    document: '对外贸易经营者备案登记',
    category: '登记',
    certificate: '对外贸易经营者备案登记表',
    number: (c) => `0${d(c, 7)}`,
    content: () => '经营者类型：有限责任公司；备案事项：对外贸易经营者备案登记',
    validity: 'long',
  },
  {
    key: 'oil_retail',
    dept: 'swu',
    document: '成品油零售经营批准决定书',
    category: '核准',
    certificate: '成品油零售经营批准证书',
    number: (c) => `油零售证书第51${d(c, 7)}号`,
    content: () => '经营范围：汽油、柴油零售',
    validity: { years: 5 },
  },
  {
    key: 'scrap_vehicle',
    dept: 'swu',
    document: '报废机动车回收拆解企业资质认定决定书',
    category: '核准',
    certificate: '报废机动车回收拆解企业资质认定书',
    number: (c) => `川商报废认字〔${c.year}〕${d(c, 3)}号`,
    content: (c) => `拆解能力：${c.rng.int(3, 20) * 1000}辆/年`,
    validity: 'long',
  },
  {
    key: 'private_school',
    dept: 'jyj',
    document: '民办学校办学许可决定书',
    category: '普通',
    certificate: '民办学校办学许可证',
    number: (c) => `教民${shortDiv(c)}${d(c, 7)}号`,
    content: (c) =>
      `办学类型：${c.rng.pick(['幼儿园', '小学', '初级中学', '文化教育类培训', '艺术类培训'])}；办学地址：${c.s.address}`,
    validity: { years: 5 },
  },
  {
    key: 'teacher_cert',
    dept: 'jyj',
    document: '教师资格认定决定',
    category: '认可',
    certificate: '教师资格证书',
    number: (c) => `${c.year}511${d(c, 8)}`,
    content: (c) => `资格种类及学科：${c.rng.pick(TEACHER_KINDS)}`,
    validity: 'long',
  },
  {
    key: 'water_intake',
    dept: 'slj',
    document: '取水许可决定书',
    category: '普通',
    certificate: '取水许可证',
    number: (c) => `取水（川乐）字〔${c.year}〕第${d(c, 3)}号`,
    content: (c) =>
      `取水地点：${c.rng.pick(['岷江', '大渡河', '青衣江', '马边河', '沐溪河', '茫溪河', '地下水'])}；取水方式：${c.rng.pick(['泵站提水', '自流引水', '机井取水'])}；年取水量：${c.rng.int(1, 500) * 1000}立方米；取水用途：${c.rng.pick(['工业用水', '生活用水', '农业灌溉', '水力发电'])}`,
    validity: { years: 5 },
  },
  {
    key: 'sand_mining',
    dept: 'slj',
    document: '河道采砂许可决定书',
    category: '普通',
    certificate: '河道采砂许可证',
    number: (c) => `乐水采砂许〔${c.year}〕${d(c, 2)}号`,
    content: (c) =>
      `采砂河段：${c.rng.pick(['大渡河沙湾段', '岷江犍为段', '青衣江夹江段', '马边河沐川段'])}；许可采砂量：${c.rng.int(2, 30)}万立方米`,
    validity: { years: 1 },
  },
  {
    key: 'soil_conservation',
    dept: 'slj',
    document: '生产建设项目水土保持方案审批决定书',
    category: '普通',
    certificate: null,
    number: () => null,
    content: (c) => `同意${projectName(c)}水土保持方案报告书，水土流失防治责任范围${c.rng.int(2, 80)}公顷`,
    validity: { years: 3 },
  },
  {
    key: 'river_construction',
    dept: 'slj',
    document: '河道管理范围内建设项目工程建设方案审批决定书',
    category: '普通',
    certificate: null,
    number: () => null,
    content: (c) =>
      `同意在${c.rng.pick(['岷江', '大渡河', '青衣江', '竹公溪'])}河道管理范围内实施${c.rng.pick(['跨河桥梁', '取水口', '堤防加固', '临时施工便道'])}工程`,
    validity: { years: 2 },
  },
  {
    key: 'customs_registration',
    dept: 'hg',
    document: '报关单位备案',
    category: '登记',
    certificate: '海关进出口货物收发货人备案回执',
    number: (c) => `5111${c.rng.pick(['96', '36', '26'])}${d(c, 4)}`,
    content: () => '企业类别：进出口货物收发货人；备案海关：乐山海关',
    validity: 'long',
  },
  {
    key: 'project_approval',
    dept: 'fgw',
    document: (c) => `关于${projectName(c)}核准的批复`,
    category: '核准',
    certificate: null,
    number: () => null,
    content: (c) => `同意建设该项目，项目总投资${c.rng.int(5, 500) * 100}万元，资金由企业自筹解决`,
    validity: { years: 2 },
  },
  {
    key: 'energy_review',
    dept: 'fgw',
    document: (c) => `关于${projectName(c)}节能报告的审查意见`,
    category: '其他',
    certificate: null,
    number: () => null,
    content: (c) => `原则同意该项目节能报告。项目年综合能源消费量${c.rng.int(1, 200) * 100}吨标准煤（当量值）`,
    validity: { years: 2 },
  },
  // ------------------------------------------------------------- natural persons' qualifications
  {
    key: 'driver_qualification',
    dept: 'jtys',
    document: '道路运输从业人员从业资格认定',
    category: '认可',
    certificate: '中华人民共和国道路运输从业人员从业资格证',
    number: (c) => `5111${d(c, 11)}`,
    content: (c) => `从业资格类别：${c.rng.pick(DRIVER_KINDS)}`,
    validity: { years: 6 },
  },
  {
    key: 'special_operation',
    dept: 'yjgl',
    document: '特种作业操作证核发决定',
    category: '认可',
    certificate: '中华人民共和国特种作业操作证',
    number: (c) => `T5111${d(c, 10)}`,
    content: (c) => `作业类别：${c.rng.pick(SPECIAL_OPS)}`,
    validity: { years: 6 },
  },
];

const SPEC_BY_KEY = new Map(LICENCE_SPECS.map((s) => [s.key, s]));

export function licenceSpec(key: string): LicenceSpec {
  const spec = SPEC_BY_KEY.get(key);
  if (spec === undefined) throw new RangeError(`unknown licence type ${key}`);
  return spec;
}

const WITHDRAWAL_REASONS = ['数据来源单位报送信息有误，予以撤回', '许可决定已被依法撤销', '重复报送，予以撤回'];

/** One licensing decision for a subject. */
export function makeLicence(ctx: GenContext, s: GenSubject, key: string, hasEstablishment: boolean): GenLicence {
  const rng = s.rng;
  const spec = licenceSpec(key);
  const dept = resolveDept(ctx, spec.dept, s.divisionCode, rng);
  const isRegistration = spec.key === 'establishment';
  let decisionDate: IsoDate;
  let documentName = typeof spec.document === 'string' ? spec.document : '';
  if (
    isRegistration &&
    !hasEstablishment &&
    s.establishedOn !== null &&
    compareDates(s.establishedOn, '2019-01-01') >= 0
  ) {
    decisionDate = s.establishedOn;
  } else {
    decisionDate = decisionDateFor(rng, s.establishedOn, ctx.today);
    if (isRegistration) documentName = '准予变更登记通知书';
  }
  const year = yearOf(decisionDate);
  const c: LicCtx = { rng, s, dept, date: decisionDate, year };
  if (typeof spec.document !== 'string') documentName = spec.document(c);
  const n = nextNumber(ctx, `XK|${dept.code}|${year}`, rng);
  const docNumber = documentNumber(dept.licencePrefix, year, n, rng);
  const validity = typeof spec.validity === 'function' ? spec.validity(c) : spec.validity;
  const validFrom = decisionDate;
  const until = validUntil(validFrom, validity);
  const cancelled = until !== LONG_TERM && rng.chance(0.02);
  const withdrawn = rng.chance(0.003);
  return {
    subject: s,
    dept,
    decisionDocumentName: documentName,
    documentNumber: docNumber,
    licenceCategory: spec.category,
    certificateName: spec.certificate,
    licenceNumber: spec.number(c),
    content:
      isRegistration && documentName === '准予变更登记通知书'
        ? `准予${s.name}变更登记，变更事项：${rng.pick(['住所', '经营范围', '法定代表人（负责人）', '注册资本', '经营期限'])}`
        : spec.content(c),
    decisionDate,
    validFrom,
    validUntil: until,
    currentState: cancelled || compareDates(until, ctx.today) < 0 ? '无效' : '有效',
    remarks: cancelled ? `许可证已于${chineseDate(rng.date(decisionDate, minDate(until, ctx.today)))}依申请注销` : null,
    status: withdrawn ? 'withdrawn' : 'published',
    withdrawnOn: withdrawn ? minDate(ctx.today, decisionDateFor(rng, decisionDate, ctx.today)) : null,
    withdrawalReason: withdrawn ? rng.pick(WITHDRAWAL_REASONS) : null,
    reportedAt: reportedAt(rng, decisionDate, ctx.today),
  };
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** The normalised document number (full/half width and bracket forms unified) used for uniqueness. */
export function documentNumberNorm(documentNumber: string): string {
  return normalizeName(documentNumber);
}
