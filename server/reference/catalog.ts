// 联合奖惩目录清单 of Leshan (SPEC §5): the only incentive and punishment measures a unit
// may apply [plan, 乐府办发〔2017〕27号 二(一)1]. Modelled on the State Council guideline
// (国发〔2016〕33号) and the national joint incentive/punishment memoranda. Pure data, no I/O.
//
// Codes are stable: `JL-nnn` (守信联合激励, incentive) and `CJ-nnn` (失信联合惩戒, punishment).
// Never renumber an item; retire it instead, since list entries refer to items by code.

import type { CatalogSeed } from './catalog-types';

// Legal bases cited by several items, written once so that they stay identical.
const GUIDELINE_2016 =
  '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）';
const LESHAN_PLAN_2017 =
  '《乐山市建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设实施方案》（乐府办发〔2017〕27号）';
const MEMO_JUDGMENT_DEFAULTERS = '《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）';
const MEMO_MAJOR_TAX_CASES =
  '《关于对重大税收违法案件当事人实施联合惩戒措施的合作备忘录（2016版）》（发改财金〔2016〕2798号）';
const MEMO_TAX_A_GRADE = '《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》（发改财金〔2016〕1467号）';
const MEMO_FOOD_DRUG = '《关于对食品药品生产经营严重失信者开展联合惩戒的合作备忘录》（发改财金〔2016〕1962号）';
const MEMO_ENVIRONMENT =
  '《关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录》（发改财金〔2016〕1580号）';
const MEMO_WORK_SAFETY =
  '《关于对安全生产领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录》（发改财金〔2016〕1001号）';
const MEMO_DISHONEST_ENTERPRISES = '《失信企业协同监管和联合惩戒合作备忘录》（发改财金〔2015〕2045号）';
const COMMITMENT_SYSTEM_2020 =
  '《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）';
const DISHONESTY_CONSTRAINTS_2020 =
  '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）';
const COURT_CONSUMPTION_RULES = '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》';
const COURT_DEFAULTER_LIST_RULES = '《最高人民法院关于公布失信被执行人名单信息的若干规定》';
const CUSTOMS_CREDIT_MEASURES = '《中华人民共和国海关注册登记和备案企业信用管理办法》';

const OFFICE = '乐山市发展和改革委员会（市社会信用体系建设联席会议办公室）';

const basis = (...parts: string[]): string => parts.join('；');

export const CATALOG: readonly CatalogSeed[] = [
  // ─── 守信联合激励 ───────────────────────────────────────────────────────────
  {
    code: 'JL-001',
    kind: 'incentive',
    decidingUnit: OFFICE,
    measure: '行政审批“绿色通道”',
    reason: '被列入守信红名单的诚信典型，或连续三年无不良信用记录的行政相对人，申请办理行政许可等政务服务事项的。',
    legalBasis: basis(GUIDELINE_2016, LESHAN_PLAN_2017),
    implementingUnits:
      '乐山市市场监督管理局、乐山市住房和城乡建设局、乐山市自然资源和规划局、乐山市生态环境局、乐山市交通运输局、各县（市、区）政务服务中心',
    content:
      '在政务服务大厅设立诚信主体专窗或专门通道，对其申请事项优先受理、优先审查、优先办结。在法定时限内压缩办理时间，提供预约办理和帮办代办服务。',
    evidence: '守信红名单认定文件；“信用乐山”信用信息查询结果',
    domain: null,
  },
  {
    code: 'JL-002',
    kind: 'incentive',
    decidingUnit: OFFICE,
    measure: '容缺受理',
    reason: '守信红名单主体申请行政许可，主要申请材料齐全、符合法定形式，仅次要材料暂缺或存在非实质性瑕疵的。',
    legalBasis: basis(GUIDELINE_2016, LESHAN_PLAN_2017),
    implementingUnits:
      '乐山市市场监督管理局、乐山市住房和城乡建设局、乐山市交通运输局、乐山市卫生健康委员会、乐山市文化广播电视和旅游局、各县（市、区）政务服务中心',
    content:
      '对次要材料暂缺的申请先行受理并进入审查程序，由申请人书面承诺在约定期限内补齐。材料补齐后即时出具审批结果；未按承诺补齐的，依法处理并记入信用记录。',
    evidence: '守信红名单认定文件；容缺受理承诺书',
    domain: null,
  },
  {
    code: 'JL-003',
    kind: 'incentive',
    decidingUnit: OFFICE,
    measure: '优先适用告知承诺制',
    reason:
      '信用状况良好、无较严重不良信用记录且未曾作出虚假承诺的申请人，申请办理实行告知承诺制的证明事项或涉企经营许可事项的。',
    legalBasis: basis(COMMITMENT_SYSTEM_2020, GUIDELINE_2016),
    implementingUnits:
      '乐山市市场监督管理局、乐山市住房和城乡建设局、乐山市卫生健康委员会、乐山市人力资源和社会保障局、乐山市公安局、各县（市、区）政务服务中心',
    content:
      '行政机关一次性告知审批条件和所需材料，申请人书面承诺已经符合条件的，当场或当日作出审批决定，不再索要有关证明。审批后依法开展核查，发现承诺不实的，依法撤销决定并记入信用记录。',
    evidence: '信用承诺书；“信用乐山”信用信息查询结果',
    domain: null,
  },
  {
    code: 'JL-004',
    kind: 'incentive',
    decidingUnit: '乐山市市场监督管理局',
    measure: '减少日常检查频次',
    reason:
      '企业信用风险分类为低风险，且近三年未被列入经营异常名录或严重违法失信名单、未受到较大数额罚款以上行政处罚的。',
    legalBasis: basis(
      GUIDELINE_2016,
      '《国务院办公厅关于推广随机抽查规范事中事后监管的通知》（国办发〔2015〕58号）',
      '《企业信息公示暂行条例》',
    ),
    implementingUnits:
      '乐山市市场监督管理局、各县（市、区）市场监督管理局、乐山市生态环境局、乐山市住房和城乡建设局、乐山市交通运输局',
    content:
      '在“双随机、一公开”监管中适当降低抽查比例和频次。除投诉举报、上级交办和大数据监测发现问题外，原则上不主动开展现场检查，做到“无事不扰”。',
    evidence: '企业信用风险分类结果；国家企业信用信息公示系统查询记录',
    domain: '工商',
  },
  {
    code: 'JL-005',
    kind: 'incentive',
    decidingUnit: '乐山市财政局',
    measure: '财政资金和项目支持优先',
    reason: '守信红名单主体申请财政性资金补助、专项资金支持，或申报政府投资项目、政府购买服务项目的。',
    legalBasis: basis(GUIDELINE_2016, LESHAN_PLAN_2017),
    implementingUnits:
      '乐山市财政局、乐山市发展和改革委员会、乐山市经济和信息化局、乐山市科学技术局、乐山市商务局、乐山市农业农村局',
    content:
      '同等条件下优先安排财政资金补助、贴息和专项资金，优先推荐申报国家和省级项目。在政府购买服务中优先选择信用状况良好的承接主体。',
    evidence: '守信红名单认定文件；信用报告或信用信息查询结果',
    domain: null,
  },
  {
    code: 'JL-006',
    kind: 'incentive',
    decidingUnit: OFFICE,
    measure: '评先评优优先',
    reason: '守信红名单主体或其法定代表人、主要负责人参加各类评先评优、表彰奖励和诚信典型选树活动的。',
    legalBasis: basis(GUIDELINE_2016, LESHAN_PLAN_2017),
    implementingUnits:
      '中共乐山市委宣传部、乐山市精神文明建设委员会办公室、乐山市人力资源和社会保障局、乐山市总工会、共青团乐山市委、乐山市妇女联合会、乐山市工商业联合会',
    content:
      '在各类评先评优、表彰奖励中，同等条件下优先推荐、优先评选。通过“信用乐山”网站和主要媒体宣传推介其诚信事迹。',
    evidence: '守信红名单认定文件；评选推荐材料',
    domain: null,
  },
  {
    code: 'JL-007',
    kind: 'incentive',
    decidingUnit: '乐山市住房和城乡建设局',
    measure: '公共资源交易信用加分',
    reason:
      '建筑业企业在建筑市场信用评价中被评为优良等次，或承建工程获得省级以上优质工程奖项，且评价期内无不良信用记录的。',
    legalBasis: basis(GUIDELINE_2016, '《建筑市场信用管理暂行办法》'),
    implementingUnits:
      '乐山市住房和城乡建设局、乐山市公共资源交易服务中心、乐山市交通运输局、乐山市水务局、各县（市、区）住房和城乡建设局',
    content:
      '在法律法规和国家政策允许的范围内，在本市工程建设项目招标投标中对其给予信用加分或信用评价优先。具体分值和适用范围以招标文件载明为准。',
    evidence: '建筑市场信用评价结果；优质工程获奖证书',
    domain: '工程质量',
  },
  {
    code: 'JL-008',
    kind: 'incentive',
    decidingUnit: '国家税务总局乐山市税务局',
    measure: '融资授信便利（“银税互动”）',
    reason: '被评为纳税信用A级的纳税人向金融机构申请贷款、授信等融资服务的。',
    legalBasis: basis(MEMO_TAX_A_GRADE, GUIDELINE_2016),
    implementingUnits:
      '中国人民银行乐山市分行、国家金融监督管理总局乐山监管分局、国家税务总局乐山市税务局、在乐银行业金融机构',
    content:
      '引导金融机构将纳税信用A级作为授信的重要参考，在贷款审批中给予简化流程、提高额度、优惠利率等便利。经纳税人授权共享纳税信用信息，推广“银税互动”信用贷款产品。',
    evidence: '纳税信用A级评价结果；纳税人信息查询授权书',
    domain: '税务',
  },
  {
    code: 'JL-009',
    kind: 'incentive',
    decidingUnit: '国家税务总局乐山市税务局',
    measure: '办税便利和发票按需领用',
    reason: '被评为纳税信用A级的纳税人办理发票领用及其他涉税事项的。',
    legalBasis: basis(MEMO_TAX_A_GRADE, '《中华人民共和国税收征收管理法》'),
    implementingUnits: '国家税务总局乐山市税务局、各县（市、区）税务局、乐山市各办税服务厅',
    content:
      '发票按需领用，提供绿色通道或安排专门人员帮助办理涉税事项。连续多年被评为A级的，在纳税服务中给予更多便利。',
    evidence: '纳税信用A级评价结果',
    domain: '税务',
  },
  {
    code: 'JL-010',
    kind: 'incentive',
    decidingUnit: '乐山海关',
    measure: '海关通关便利',
    reason: '经海关认证为高级认证企业（AEO），且认证有效期内未发生失信行为的。',
    legalBasis: basis(CUSTOMS_CREDIT_MEASURES, GUIDELINE_2016),
    implementingUnits: '乐山海关、乐山市商务局、国家税务总局乐山市税务局、中国人民银行乐山市分行',
    content:
      '适用较低的进出口货物平均查验率，优先办理进出口货物通关手续及相关业务，可按规定申请免除担保。商务、税务、外汇等部门在各自职责范围内提供相应便利。',
    evidence: '海关高级认证企业认定结果',
    domain: '海关',
  },
  {
    code: 'JL-011',
    kind: 'incentive',
    decidingUnit: OFFICE,
    measure: '招商引资优先推介',
    reason: '守信红名单主体参与本市重大项目合作、招商引资活动，或申请兑现招商引资和产业扶持政策的。',
    legalBasis: basis(GUIDELINE_2016, LESHAN_PLAN_2017),
    implementingUnits: '乐山市商务局、乐山市经济和信息化局、乐山市发展和改革委员会、各县（市、区）人民政府',
    content:
      '在重大项目推介、招商引资洽谈和产业政策兑现中，同等条件下优先推荐、优先对接。在各类经贸活动中向合作方宣传推介。',
    evidence: '守信红名单认定文件',
    domain: null,
  },
  {
    code: 'JL-012',
    kind: 'incentive',
    decidingUnit: '乐山市交通运输局',
    measure: '运输经营和运力投放优先',
    reason: '道路运输企业在质量信誉考核中被评为AAA级，且考核周期内未发生负有责任的较大及以上道路运输安全事故的。',
    legalBasis: basis('《中华人民共和国道路运输条例》', GUIDELINE_2016),
    implementingUnits: '乐山市交通运输局、各县（市、区）交通运输局、乐山市公共资源交易服务中心',
    content: '在客运班线经营权招投标和新增运力投放中，同等条件下优先考虑。适当减少日常监督检查频次。',
    evidence: '道路运输企业质量信誉考核结果',
    domain: '交通运输',
  },
  {
    code: 'JL-013',
    kind: 'incentive',
    decidingUnit: '乐山市生态环境局',
    measure: '纳入执法正面清单，减少现场检查',
    reason: '企业环境信用评价结果为环保诚信等次，且近三年未受到生态环境部门行政处罚的。',
    legalBasis: basis('《企业环境信用评价办法（试行）》', GUIDELINE_2016),
    implementingUnits: '乐山市生态环境局及其县（市、区）分局、乐山市发展和改革委员会、中国人民银行乐山市分行',
    content:
      '优先纳入生态环境监督执法正面清单，以非现场检查为主，减少现场检查频次。对其环评审批等事项提供预审和帮办服务，在绿色信贷中向金融机构优先推荐。',
    evidence: '企业环境信用评价结果；生态环境监督执法正面清单',
    domain: '生态环境',
  },
  {
    code: 'JL-014',
    kind: 'incentive',
    decidingUnit: '乐山市市场监督管理局',
    measure: '降低监督检查和抽检频次',
    reason: '食品生产经营者食品安全信用档案记录良好，风险分级评定为低风险，且连续两年无违法违规记录的。',
    legalBasis: basis('《中华人民共和国食品安全法》第一百一十三条', GUIDELINE_2016),
    implementingUnits: '乐山市市场监督管理局、各县（市、区）市场监督管理局、乐山市商务局',
    content:
      '适当降低日常监督检查和监督抽检频次。优先推荐参加食品安全示范创建和“放心消费”创建，并在“信用乐山”网站宣传推介。',
    evidence: '食品安全信用档案；风险分级评定结果',
    domain: '食品药品',
  },
  {
    code: 'JL-015',
    kind: 'incentive',
    decidingUnit: '乐山市应急管理局',
    measure: '优化安全生产执法检查安排',
    reason: '生产经营单位安全生产标准化达到一级或二级，且近三年未发生生产安全责任事故的。',
    legalBasis: basis('《中华人民共和国安全生产法》', GUIDELINE_2016),
    implementingUnits:
      '乐山市应急管理局、各县（市、区）应急管理局、乐山市住房和城乡建设局、乐山市交通运输局、乐山市经济和信息化局',
    content:
      '在年度监督检查计划中适当降低检查频次，除举报投诉和事故调查外不主动开展现场检查。在安全生产评优评先和专项资金安排中同等条件下优先考虑。',
    evidence: '安全生产标准化达标证书；生产安全事故记录查询结果',
    domain: '安全生产',
  },

  // ─── 失信联合惩戒 ───────────────────────────────────────────────────────────
  {
    code: 'CJ-001',
    kind: 'punishment',
    decidingUnit: '乐山市财政局',
    measure: '限制参加政府采购',
    reason:
      '供应商被列入失信被执行人、重大税收违法失信主体、严重违法失信名单等严重失信主体名单，或参加政府采购活动前三年内在经营活动中有重大违法记录的。',
    legalBasis: basis(
      '《中华人民共和国政府采购法》第二十二条',
      '《中华人民共和国政府采购法实施条例》第十九条',
      GUIDELINE_2016,
    ),
    implementingUnits: '乐山市财政局、各县（市、区）财政局、乐山市公共资源交易服务中心',
    content:
      '采购人、采购代理机构在资格审查中通过“信用中国”和“信用乐山”网站查询供应商信用记录，对列入严重失信主体名单的供应商拒绝其参加政府采购活动。',
    evidence: '严重失信主体名单；信用信息查询记录',
    domain: null,
  },
  {
    code: 'CJ-002',
    kind: 'punishment',
    decidingUnit: '乐山市住房和城乡建设局',
    measure: '限制参与工程招投标',
    reason:
      '建筑市场主体因对工程质量安全责任事故负有责任、转包或违法分包、弄虚作假骗取中标等行为，被列入建筑市场主体严重失信名单的。',
    legalBasis: basis(
      '《中华人民共和国招标投标法》第五十四条',
      '《中华人民共和国招标投标法实施条例》第六十七条、第六十八条',
      '《建设工程质量管理条例》',
      '《建筑市场信用管理暂行办法》',
      GUIDELINE_2016,
    ),
    implementingUnits:
      '乐山市住房和城乡建设局、乐山市交通运输局、乐山市水务局、乐山市公共资源交易服务中心、各县（市、区）住房和城乡建设局',
    content:
      '在本市依法必须进行招标的工程建设项目中，依法依规限制其参与投标，或在资格审查、评标中予以相应限制。被依法取消投标资格的，在规定期限内不得参加投标。',
    evidence: '建筑市场主体严重失信名单认定文件；行政处罚决定书',
    domain: '工程质量',
  },
  {
    code: 'CJ-003',
    kind: 'punishment',
    decidingUnit: '乐山市生态环境局',
    measure: '限制取得政府供应土地',
    reason:
      '生产经营单位存在未批先建、私设暗管偷排、篡改伪造监测数据等严重失信行为，被列入生态环境领域严重失信主体名单的。',
    legalBasis: basis(MEMO_ENVIRONMENT, GUIDELINE_2016),
    implementingUnits: '乐山市自然资源和规划局、各县（市、区）自然资源主管部门、乐山市公共资源交易服务中心',
    content:
      '在国有建设用地使用权招标、拍卖、挂牌出让和划拨供地中，依法依规限制其竞买或取得政府供应土地。惩戒期内提出的用地申请从严审查。',
    evidence: '生态环境领域严重失信主体名单；行政处罚决定书',
    domain: '生态环境',
  },
  {
    code: 'CJ-004',
    kind: 'punishment',
    decidingUnit: OFFICE,
    measure: '不适用告知承诺制',
    reason: '申请人存在较严重的不良信用记录，或曾作出虚假承诺，且尚未完成信用修复的。',
    legalBasis: basis(
      COMMITMENT_SYSTEM_2020,
      '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）',
    ),
    implementingUnits:
      '乐山市市场监督管理局、乐山市住房和城乡建设局、乐山市交通运输局、乐山市卫生健康委员会、乐山市生态环境局、各县（市、区）政务服务中心',
    content:
      '申请证明事项或涉企经营许可事项时不适用告知承诺制，须按一般程序提交全部材料并接受实质审查。信用修复完成后恢复适用。',
    evidence: '严重失信主体名单或虚假承诺认定文件；信用信息查询结果',
    domain: null,
  },
  {
    code: 'CJ-005',
    kind: 'punishment',
    decidingUnit: '乐山市市场监督管理局',
    measure: '列为重点监管对象，提高检查频次',
    reason: '食品（含食品添加剂）、药品、化妆品、医疗器械生产经营者存在严重违法失信行为，被列入严重违法失信名单的。',
    legalBasis: basis('《中华人民共和国食品安全法》第一百一十三条', MEMO_FOOD_DRUG),
    implementingUnits:
      '乐山市市场监督管理局、各县（市、区）市场监督管理局、乐山市卫生健康委员会、乐山市商务局、乐山海关',
    content:
      '列为重点监管对象，增加日常监督检查和监督抽检频次，至少每半年对其进货查验、出厂检验、企业自查等制度落实情况检查一次。约谈其法定代表人或主要负责人。',
    evidence: '严重违法失信名单列入决定书；行政处罚决定书',
    domain: '食品药品',
  },
  {
    code: 'CJ-006',
    kind: 'punishment',
    decidingUnit: OFFICE,
    measure: '限制评先评优和授予荣誉称号',
    reason:
      '被列入严重失信主体名单的法人和非法人组织及其法定代表人、主要负责人，或被列为失信被执行人的自然人，参加评先评优、申报荣誉称号的。',
    legalBasis: basis(GUIDELINE_2016, DISHONESTY_CONSTRAINTS_2020),
    implementingUnits:
      '中共乐山市委宣传部、乐山市精神文明建设委员会办公室、乐山市人力资源和社会保障局、乐山市总工会、共青团乐山市委、乐山市妇女联合会、乐山市工商业联合会',
    content: '惩戒期限内不得参加各类评先评优、表彰奖励，不得作为劳动模范、文明单位、诚信示范企业等荣誉的推荐对象。',
    evidence: '严重失信主体名单；信用信息查询结果',
    domain: null,
  },
  {
    code: 'CJ-007',
    kind: 'punishment',
    decidingUnit: '乐山市市场监督管理局',
    measure: '限制担任法定代表人、董事、监事、高级管理人员',
    reason:
      '担任因违法被吊销营业执照、责令关闭的企业的法定代表人并负有个人责任，自被吊销营业执照、责令关闭之日起未逾三年的；或个人所负数额较大的债务到期未清偿，被人民法院列为失信被执行人的。',
    legalBasis: basis(
      '《中华人民共和国公司法》第一百七十八条',
      '《中华人民共和国市场主体登记管理条例》',
      '《企业信息公示暂行条例》',
      MEMO_DISHONEST_ENTERPRISES,
    ),
    implementingUnits:
      '乐山市市场监督管理局、各县（市、区）市场监督管理局、乐山市国有资产监督管理委员会、国家金融监督管理总局乐山监管分局',
    content:
      '在企业设立、变更登记和备案中，不予办理其担任法定代表人、董事、监事、高级管理人员的登记或备案。已经担任的，依法责令企业变更。',
    evidence: '吊销营业执照或责令关闭决定书；失信被执行人名单',
    domain: '工商',
  },
  {
    code: 'CJ-008',
    kind: 'punishment',
    decidingUnit: '乐山市中级人民法院',
    measure: '限制高消费',
    reason:
      '被执行人未按执行通知书指定的期间履行生效法律文书确定的给付义务，被人民法院采取限制消费措施或纳入失信被执行人名单的。',
    legalBasis: basis(
      '《中华人民共和国民事诉讼法》',
      COURT_CONSUMPTION_RULES,
      COURT_DEFAULTER_LIST_RULES,
      MEMO_JUDGMENT_DEFAULTERS,
    ),
    implementingUnits:
      '各县（市、区）人民法院、乐山市商务局、乐山市文化广播电视和旅游局、乐山市住房和城乡建设局、乐山市教育局',
    content:
      '被执行人为自然人的，不得在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费，不得购买不动产或新建、扩建、高档装修房屋，不得旅游、度假，子女不得就读高收费私立学校。被执行人为单位的，对其法定代表人、主要负责人、影响债务履行的直接责任人员和实际控制人同样适用。',
    evidence: '限制消费令；失信被执行人名单',
    domain: '法院',
  },
  {
    code: 'CJ-009',
    kind: 'punishment',
    decidingUnit: '乐山市中级人民法院',
    measure: '限制乘坐飞机、高铁',
    reason: '被执行人被人民法院采取限制消费措施或纳入失信被执行人名单，且尚未履行生效法律文书确定的义务的。',
    legalBasis: basis(
      COURT_CONSUMPTION_RULES,
      MEMO_JUDGMENT_DEFAULTERS,
      '中共中央办公厅、国务院办公厅《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》（中办发〔2016〕64号）',
    ),
    implementingUnits: '各县（市、区）人民法院、中国铁路成都局集团有限公司、民航有关单位',
    content:
      '限制其乘坐飞机、列车软卧、轮船二等以上舱位，以及G字头动车组列车全部座位、其他动车组列车一等以上座位。购票系统依据名单信息自动拦截，义务履行完毕后及时解除。',
    evidence: '失信被执行人名单；限制消费令',
    domain: '法院',
  },
  {
    code: 'CJ-010',
    kind: 'punishment',
    decidingUnit: '国家税务总局乐山市税务局',
    measure: '限制申请财政补助和专项资金',
    reason: '纳税人存在逃避缴纳税款、骗取出口退税、虚开发票等行为，被确定为重大税收违法失信主体并向社会公布的。',
    legalBasis: basis(MEMO_MAJOR_TAX_CASES, GUIDELINE_2016),
    implementingUnits:
      '乐山市财政局、乐山市发展和改革委员会、乐山市经济和信息化局、乐山市科学技术局、乐山市商务局、乐山市农业农村局',
    content: '惩戒期限内限制其申请财政性资金补助和政府专项资金支持。已获得支持的，依法依规停止拨付或追回。',
    evidence: '重大税收违法失信主体信息；税务行政处罚决定书',
    domain: '逃税骗税',
  },
  {
    code: 'CJ-011',
    kind: 'punishment',
    decidingUnit: '乐山市中级人民法院',
    measure: '限制发行债券',
    reason: '企业有履行能力而拒不履行生效法律文书确定的义务，被人民法院纳入失信被执行人名单的。',
    legalBasis: basis(MEMO_JUDGMENT_DEFAULTERS, GUIDELINE_2016),
    implementingUnits: '乐山市发展和改革委员会、中国人民银行乐山市分行、乐山市财政局',
    content:
      '在企业债券、公司债券和非金融企业债务融资工具的发行审核或注册中，将失信被执行人信息作为重要参考，依法依规限制其发行。',
    evidence: '失信被执行人名单',
    domain: '逃废债务',
  },
  {
    code: 'CJ-012',
    kind: 'punishment',
    decidingUnit: OFFICE,
    measure: '撤销荣誉称号',
    reason: '已获得荣誉称号的单位或个人被列入严重失信主体名单，或被查实在评选过程中弄虚作假的。',
    legalBasis: basis(GUIDELINE_2016, DISHONESTY_CONSTRAINTS_2020),
    implementingUnits:
      '中共乐山市委宣传部、乐山市精神文明建设委员会办公室、乐山市人力资源和社会保障局、乐山市总工会、授予荣誉称号的有关单位',
    content: '由授予单位按程序撤销其已获得的荣誉称号，收回证书和奖牌，并在原公布范围内予以公告。',
    evidence: '严重失信主体名单；荣誉授予文件；核查结论',
    domain: null,
  },
  {
    code: 'CJ-013',
    kind: 'punishment',
    decidingUnit: '乐山市生态环境局',
    measure: '限制新增项目审批、核准',
    reason:
      '生产经营单位被列入生态环境领域严重失信主体名单，或建设项目未依法报批环境影响评价文件擅自开工建设且拒不改正的。',
    legalBasis: basis('《中华人民共和国环境保护法》', MEMO_ENVIRONMENT, GUIDELINE_2016),
    implementingUnits: '乐山市发展和改革委员会、乐山市经济和信息化局、乐山市生态环境局、乐山市自然资源和规划局',
    content:
      '惩戒期限内，对其新增建设项目的审批、核准、备案从严审查或依法暂缓办理。在项目用地、节能审查中予以审慎考虑。',
    evidence: '严重失信主体名单；行政处罚决定书；责令改正违法行为决定书',
    domain: '生态环境',
  },
  {
    code: 'CJ-014',
    kind: 'punishment',
    decidingUnit: '国家税务总局乐山市税务局',
    measure: '阻止出境',
    reason: '欠缴税款的纳税人或其法定代表人需要出境，未在出境前结清应纳税款、滞纳金，又不提供担保的。',
    legalBasis: basis(
      '《中华人民共和国税收征收管理法》第四十四条',
      '《中华人民共和国出境入境管理法》第十二条',
      MEMO_MAJOR_TAX_CASES,
    ),
    implementingUnits: '国家税务总局乐山市税务局、乐山市公安局、出入境边防检查机关',
    content:
      '税务机关依法通知出境管理机关阻止其出境。纳税人结清税款、滞纳金或提供担保后，税务机关及时通知解除阻止出境。',
    evidence: '欠税公告；阻止出境决定书',
    domain: '税务',
  },
  {
    code: 'CJ-015',
    kind: 'punishment',
    decidingUnit: '乐山海关',
    measure: '海关认证企业降级，实施严密监管',
    reason: '企业存在走私行为或严重违反海关监管规定，被海关认定为失信企业，或被其他部门列入严重失信主体名单的。',
    legalBasis: basis(CUSTOMS_CREDIT_MEASURES, GUIDELINE_2016),
    implementingUnits: '乐山海关、乐山市商务局、国家税务总局乐山市税务局、中国人民银行乐山市分行',
    content:
      '对认证企业依法调整信用等级并停止适用相应便利措施。对失信企业适用较高的进出口货物查验率，加强稽查、核查，不予免除担保。',
    evidence: '海关企业信用等级认定结果；行政处罚决定书',
    domain: '海关',
  },
  {
    code: 'CJ-016',
    kind: 'punishment',
    decidingUnit: OFFICE,
    measure: '限制参与PPP及特许经营项目',
    reason:
      '被列入严重失信主体名单的社会资本方及其控股股东，申请参与政府和社会资本合作、基础设施和公用事业特许经营项目的。',
    legalBasis: basis(GUIDELINE_2016, DISHONESTY_CONSTRAINTS_2020),
    implementingUnits: '乐山市发展和改革委员会、乐山市财政局、乐山市住房和城乡建设局、乐山市交通运输局、乐山市水务局',
    content:
      '在社会资本方遴选中查询其信用记录，依法依规限制其参与。已签约项目中发现失信行为的，按照合同约定和有关规定处理。',
    evidence: '严重失信主体名单；信用信息查询结果',
    domain: null,
  },
  {
    code: 'CJ-017',
    kind: 'punishment',
    decidingUnit: '乐山市防范和处置非法集资工作领导小组办公室',
    measure: '限制设立金融机构和从事金融业务',
    reason: '单位或个人组织、策划、实施非法集资，被依法作出行政处理决定或被追究刑事责任的。',
    legalBasis: basis('《防范和处置非法集资条例》', GUIDELINE_2016),
    implementingUnits: '国家金融监督管理总局乐山监管分局、中国人民银行乐山市分行、乐山市市场监督管理局',
    content:
      '依法依规限制其发起设立或参股银行业、保险业金融机构以及融资担保公司、小额贷款公司等地方金融组织，限制其担任上述机构的董事、监事和高级管理人员。在涉及金融业务的企业名称和经营范围登记中从严把关。',
    evidence: '非法集资行政处理决定书；刑事判决书',
    domain: '非法集资',
  },
  {
    code: 'CJ-018',
    kind: 'punishment',
    decidingUnit: '乐山市科学技术局',
    measure: '暂停审批科技项目',
    reason: '科技计划项目承担单位或个人在项目申报、实施中弄虚作假，骗取、挪用科研经费，被记入科研严重失信行为记录的。',
    legalBasis: basis(
      '《中华人民共和国科学技术进步法》',
      '《国家科技计划（专项、基金等）严重失信行为记录暂行规定》',
      GUIDELINE_2016,
    ),
    implementingUnits: '乐山市科学技术局、乐山市财政局、乐山市经济和信息化局、乐山市发展和改革委员会',
    content:
      '惩戒期限内暂停受理和审批其申报的各级各类科技项目，取消其参与科技奖励评审的资格。已立项的项目视情况终止，并依法追回财政资金。',
    evidence: '严重失信行为记录认定文件；项目检查或审计报告',
    domain: '欺诈',
  },
  {
    code: 'CJ-019',
    kind: 'punishment',
    decidingUnit: '乐山市市场监督管理局',
    measure: '限制从事药品生产经营',
    reason:
      '药品经营企业生产、销售假药，或生产、销售劣药且情节严重，被依法吊销许可证件的，及其法定代表人、主要负责人、直接负责的主管人员和其他责任人员。',
    legalBasis: basis('《中华人民共和国药品管理法》第一百一十八条', MEMO_FOOD_DRUG),
    implementingUnits: '乐山市市场监督管理局、各县（市、区）市场监督管理局、乐山市医疗保障局、乐山市卫生健康委员会',
    content:
      '依法不予受理其药品经营许可申请，对相关责任人员依法禁止从事药品生产经营活动。医疗保障部门依法依规处理其医保定点协议。',
    evidence: '行政处罚决定书；吊销许可证件决定书',
    domain: '食品药品',
  },
  {
    code: 'CJ-020',
    kind: 'punishment',
    decidingUnit: '乐山市市场监督管理局',
    measure: '限制取得食品生产经营许可',
    reason:
      '食品生产经营者被吊销许可证的，其法定代表人、直接负责的主管人员和其他直接责任人员自处罚决定作出之日起五年内；或因食品安全犯罪被判处有期徒刑以上刑罚的。',
    legalBasis: basis('《中华人民共和国食品安全法》第一百三十五条', MEMO_FOOD_DRUG),
    implementingUnits: '乐山市市场监督管理局、各县（市、区）市场监督管理局',
    content:
      '五年内不予受理上述人员的食品生产经营许可申请，其不得从事食品生产经营管理工作，不得担任食品生产经营企业食品安全管理人员。因食品安全犯罪被判处有期徒刑以上刑罚的，终身不得从事上述工作。',
    evidence: '吊销许可证件决定书；刑事判决书',
    domain: '食品药品',
  },
  {
    code: 'CJ-021',
    kind: 'punishment',
    decidingUnit: '乐山市应急管理局',
    measure: '加大执法检查频次，暂停安全生产标准化评审',
    reason:
      '生产经营单位发生较大及以上生产安全责任事故，或被责令停产停业整顿仍继续生产经营、瞒报谎报事故，被列入安全生产严重失信主体名单的。',
    legalBasis: basis('《中华人民共和国安全生产法》', '《安全生产严重失信主体名单管理办法》', MEMO_WORK_SAFETY),
    implementingUnits:
      '乐山市应急管理局、各县（市、区）应急管理局、乐山市住房和城乡建设局、乐山市交通运输局、乐山市经济和信息化局',
    content:
      '列为重点监管监察对象，加大执法检查频次，建立常态化暗查暗访机制，约谈其主要负责人。暂停对其安全生产标准化评审，已取得标准化证书的依法撤销。',
    evidence: '安全生产严重失信主体名单；事故调查报告；行政处罚决定书',
    domain: '安全生产',
  },
  {
    code: 'CJ-022',
    kind: 'punishment',
    decidingUnit: '乐山市消防救援支队',
    measure: '列为消防安全重点监管对象',
    reason:
      '单位因消防安全违法行为被责令停产停业、停止使用，或拒不整改重大火灾隐患，或对较大及以上火灾事故负有责任的。',
    legalBasis: basis('《中华人民共和国消防法》', GUIDELINE_2016),
    implementingUnits:
      '乐山市消防救援支队、各县（市、区）消防救援大队、乐山市住房和城乡建设局、乐山市市场监督管理局、乐山市应急管理局',
    content:
      '纳入消防安全重点监管，提高“双随机、一公开”抽查比例和频次，跟踪检查其消防设施维护和火灾隐患整改情况。在消防安全评先评优中实行一票否决。',
    evidence: '责令停产停业或临时查封决定书；火灾事故认定书；行政处罚决定书',
    domain: '消防安全',
  },
  {
    code: 'CJ-023',
    kind: 'punishment',
    decidingUnit: '乐山市医疗保障局',
    measure: '中止或解除医疗保障定点服务协议',
    reason: '定点医药机构以虚构医药服务项目、伪造医疗文书、诱导参保人员住院等方式骗取医疗保障基金的。',
    legalBasis: basis('《医疗保障基金使用监督管理条例》', GUIDELINE_2016),
    implementingUnits:
      '乐山市医疗保障局、各县（市、区）医疗保障局、乐山市卫生健康委员会、乐山市市场监督管理局、乐山市公安局',
    content:
      '依法责令退回骗取的医保基金并处罚款，按协议中止其涉及医保基金使用的医药服务；情节严重的，解除定点服务协议。对相关责任医务人员依规暂停医保支付资格。',
    evidence: '行政处罚决定书；医保基金监督检查结论',
    domain: '医疗卫生',
  },
  {
    code: 'CJ-024',
    kind: 'punishment',
    decidingUnit: '乐山市卫生健康委员会',
    measure: '限制医疗机构评审评价和新增执业项目',
    reason: '医疗机构因非法行医、出具虚假医学证明文件、发生重大医疗质量安全事件等严重违法违规执业行为被依法处罚的。',
    legalBasis: basis('《中华人民共和国基本医疗卫生与健康促进法》', '《医疗机构管理条例》', GUIDELINE_2016),
    implementingUnits: '乐山市卫生健康委员会、各县（市、区）卫生健康局、乐山市医疗保障局',
    content:
      '惩戒期限内暂停其参加医院等级评审、重点专科评选，从严审查其新增诊疗科目、大型医用设备配置等申请。加大日常卫生监督检查频次。',
    evidence: '行政处罚决定书；卫生监督检查记录',
    domain: '医疗卫生',
  },
  {
    code: 'CJ-025',
    kind: 'punishment',
    decidingUnit: '乐山市交通运输局',
    measure: '限制新增道路运输运力和客运班线',
    reason:
      '道路运输经营者对较大及以上道路运输安全事故负有责任，或因严重违法行为被列入交通运输领域严重失信主体名单的。',
    legalBasis: basis('《中华人民共和国道路运输条例》', '《中华人民共和国安全生产法》', GUIDELINE_2016),
    implementingUnits:
      '乐山市交通运输局、各县（市、区）交通运输局、乐山市公安局交通警察支队、乐山市公共资源交易服务中心',
    content:
      '惩戒期限内从严审查或依法不予批准其新增客运班线和新增运力申请，限制其参与客运班线经营权招投标。列为重点监管对象，加大检查频次。',
    evidence: '事故调查报告；严重失信主体名单；行政处罚决定书',
    domain: '交通运输',
  },
  {
    code: 'CJ-026',
    kind: 'punishment',
    decidingUnit: '乐山市市场监督管理局',
    measure: '限制参与公共资源交易和享受政府优惠政策',
    reason: '经营者相互串通、操纵市场价格，或达成并实施垄断协议，被依法处以较大数额罚款且情节严重的。',
    legalBasis: basis('《中华人民共和国价格法》第十四条', '《中华人民共和国反垄断法》', GUIDELINE_2016),
    implementingUnits: '乐山市财政局、乐山市发展和改革委员会、乐山市公共资源交易服务中心、乐山市商务局',
    content:
      '惩戒期限内依法依规限制其参与政府采购和公共资源交易活动，限制其享受政府优惠政策和财政补贴。列为价格监督检查重点对象。',
    evidence: '行政处罚决定书',
    domain: '价格垄断',
  },
  {
    code: 'CJ-027',
    kind: 'punishment',
    decidingUnit: '乐山市中级人民法院',
    measure: '融资授信从严审核',
    reason:
      '被执行人有履行能力而拒不履行生效法律文书确定的义务，或以转移财产、虚假诉讼等方式规避执行、逃废债务，被纳入失信被执行人名单的。',
    legalBasis: basis(
      MEMO_JUDGMENT_DEFAULTERS,
      '中共中央办公厅、国务院办公厅《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》（中办发〔2016〕64号）',
    ),
    implementingUnits: '中国人民银行乐山市分行、国家金融监督管理总局乐山监管分局、在乐银行业金融机构',
    content: '将失信被执行人信息作为融资授信的重要参考，依法依规从严审核其贷款、授信和担保申请，限制其获取新增融资。',
    evidence: '失信被执行人名单',
    domain: '逃废债务',
  },
  {
    code: 'CJ-028',
    kind: 'punishment',
    decidingUnit: '乐山市人力资源和社会保障局',
    measure: '拖欠农民工工资失信联合惩戒',
    reason: '用人单位拖欠农民工工资情节严重或造成严重不良社会影响，被列入拖欠农民工工资失信联合惩戒对象名单的。',
    legalBasis: basis('《保障农民工工资支付条例》第四十八条', GUIDELINE_2016),
    implementingUnits:
      '乐山市住房和城乡建设局、乐山市财政局、乐山市交通运输局、乐山市水务局、中国人民银行乐山市分行、国家税务总局乐山市税务局',
    content:
      '在政府资金支持、政府采购、招投标、融资贷款、市场准入、税收优惠、评优评先、交通出行等方面依法依规予以限制。对其法定代表人或主要负责人、直接负责的主管人员和其他直接责任人员同样适用。',
    evidence: '拖欠农民工工资失信联合惩戒对象名单列入决定书',
    domain: null,
  },
  {
    code: 'CJ-029',
    kind: 'punishment',
    decidingUnit: '乐山市市场监督管理局',
    measure: '行政许可从严审查',
    reason:
      '市场主体提交虚假材料或采取其他欺诈手段隐瞒重要事实取得登记，或以虚假宣传、合同欺诈等方式严重损害消费者权益，被列入市场监督管理严重违法失信名单的。',
    legalBasis: basis(
      '《市场监督管理严重违法失信名单管理办法》',
      '《中华人民共和国市场主体登记管理条例》',
      MEMO_DISHONEST_ENTERPRISES,
    ),
    implementingUnits:
      '乐山市市场监督管理局、各县（市、区）市场监督管理局、乐山市商务局、乐山市文化广播电视和旅游局、乐山市卫生健康委员会',
    content: '对其新申请的行政许可依法从严审查，不适用告知承诺制。在日常监管中列为重点监管对象，提高抽查比例和频次。',
    evidence: '严重违法失信名单列入决定书；撤销登记决定书；行政处罚决定书',
    domain: '欺诈',
  },
  {
    code: 'CJ-030',
    kind: 'punishment',
    decidingUnit: '国家税务总局乐山市税务局',
    measure: '纳税信用直接判为D级，严格发票管理',
    reason: '纳税人被确定为重大税收违法失信主体的。',
    legalBasis: basis('《中华人民共和国税收征收管理法》', MEMO_MAJOR_TAX_CASES, '国家税务总局纳税信用管理有关规定'),
    implementingUnits: '国家税务总局乐山市税务局、各县（市、区）税务局',
    content:
      '纳税信用级别直接判为D级。增值税专用发票领用按辅导期一般纳税人政策办理，普通发票领用实行交（验）旧供新、严格限量供应；加强出口退税审核，提高纳税评估和税务检查频次。',
    evidence: '重大税收违法失信主体信息；纳税信用评价结果',
    domain: '税务',
  },
  {
    code: 'CJ-031',
    kind: 'punishment',
    decidingUnit: '乐山市住房和城乡建设局',
    measure: '限制资质升级和增项',
    reason:
      '建筑施工、勘察、设计、监理等企业对工程质量事故负有责任，或违反工程建设强制性标准造成重大质量隐患，被依法处罚的。',
    legalBasis: basis('《建设工程质量管理条例》', '《建筑市场信用管理暂行办法》'),
    implementingUnits: '乐山市住房和城乡建设局、各县（市、区）住房和城乡建设局、乐山市交通运输局、乐山市水务局',
    content:
      '惩戒期限内依法限制其申请资质升级和增项，对其承建项目加大质量监督抽查频次。情节严重的，依法报请资质许可机关降低资质等级或吊销资质证书。',
    evidence: '工程质量事故调查报告；行政处罚决定书',
    domain: '工程质量',
  },
];

const BY_CODE: ReadonlyMap<string, CatalogSeed> = new Map(CATALOG.map((item) => [item.code, item]));

/** The catalog item with this code (`JL-001`, `cj-003 ` …), or undefined. */
export function catalogByCode(code: string): CatalogSeed | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}
