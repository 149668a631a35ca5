// Towns, streets and villages of each county-level division of Leshan, for addresses and for
// the place words in names (犍为县罗城镇…便利店). Real place names; house numbers are made up.

import type { Random } from './random';

export interface Place {
  /** How a name or an address starts: 乐山市市中区, 峨眉山市, 犍为县 … */
  addressPrefix: string;
  /** The prefix a name registered in the division carries: 市中区, 峨眉山市, 犍为县 … */
  namePrefix: string;
  /** Streets of the seat of the division. */
  streets: readonly string[];
  /** Towns (镇, 乡, 街道) of the division. */
  towns: readonly string[];
}

export const PLACES: Readonly<Record<string, Place>> = {
  '511102': {
    addressPrefix: '乐山市市中区',
    namePrefix: '市中区',
    streets: [
      '嘉州大道',
      '柏杨中路',
      '柏杨东路',
      '人民南路',
      '人民西路',
      '春华路',
      '致江路',
      '肖坝路',
      '鹤翔路',
      '长青路',
      '凤凰路',
      '滨江路',
      '海棠路',
      '新村街',
      '县街',
      '玉堂街',
      '土桥街',
      '箱子街',
      '白塔街',
      '府街',
      '嘉定北路',
      '嘉定中路',
      '青衣路',
      '龙游路',
      '平江路',
      '金海棠大道',
      '汇通路',
      '岷江大道',
    ],
    towns: [
      '苏稽镇',
      '青平镇',
      '安谷镇',
      '水口镇',
      '棉竹镇',
      '茅桥镇',
      '牟子镇',
      '九峰镇',
      '车子镇',
      '剑峰镇',
      '通江街道',
      '张公桥街道',
      '上河街道',
      '泊水街道',
      '大佛街道',
      '土主镇',
      '平兴镇',
    ],
  },
  '511111': {
    addressPrefix: '乐山市沙湾区',
    namePrefix: '沙湾区',
    streets: ['沫若大道', '铜河路', '嘉农大道', '仙池路', '滨河路', '凤凰路', '新街'],
    towns: ['沙湾镇', '福禄镇', '嘉农镇', '踏水镇', '太平镇', '葫芦镇', '牛石镇', '轸溪乡', '范店乡'],
  },
  '511112': {
    addressPrefix: '乐山市五通桥区',
    namePrefix: '五通桥区',
    streets: ['新华路', '涌江路', '花盐街', '茫溪路', '盐码头街', '通惠路', '桥沟路'],
    towns: ['竹根镇', '牛华镇', '金粟镇', '桥沟镇', '西坝镇', '石麟镇', '冠英镇', '杨柳镇', '蔡金镇', '辉山镇'],
  },
  '511113': {
    addressPrefix: '乐山市金口河区',
    namePrefix: '金口河区',
    streets: ['金河大道', '新街', '滨河路', '大峡谷路'],
    towns: ['永和镇', '金河镇', '和平彝族乡', '共安彝族乡', '吉星镇', '永胜乡'],
  },
  '511123': {
    addressPrefix: '乐山市犍为县',
    namePrefix: '犍为县',
    streets: ['文庙街', '滨江路', '兴发街', '金山路', '新城大道', '东风路', '孝姑大道'],
    towns: [
      '玉津镇',
      '罗城镇',
      '清溪镇',
      '孝姑镇',
      '石溪镇',
      '芭沟镇',
      '龙孔镇',
      '新民镇',
      '定文镇',
      '寿保镇',
      '铁炉镇',
      '舞雩镇',
      '九井镇',
      '敖家镇',
    ],
  },
  '511124': {
    addressPrefix: '乐山市井研县',
    namePrefix: '井研县',
    streets: ['建设路', '研城大道', '东街', '西街', '雷畅路', '盐井路', '高滩路'],
    towns: [
      '研城镇',
      '千佛镇',
      '王村镇',
      '周坡镇',
      '马踏镇',
      '竹园镇',
      '研经镇',
      '东林镇',
      '门坎镇',
      '三江镇',
      '纯复镇',
    ],
  },
  '511126': {
    addressPrefix: '乐山市夹江县',
    namePrefix: '夹江县',
    streets: ['迎春南路', '迎春北路', '东风路', '漹城大道', '千佛岩路', '书院街', '滨江路'],
    towns: [
      '漹城镇',
      '黄土镇',
      '甘江镇',
      '界牌镇',
      '中兴镇',
      '三洞镇',
      '吴场镇',
      '木城镇',
      '华头镇',
      '马村镇',
      '青州乡',
    ],
  },
  '511129': {
    addressPrefix: '乐山市沐川县',
    namePrefix: '沐川县',
    streets: ['新华街', '滨河路', '沐溪大道', '竹海路', '文化路'],
    towns: ['沐溪镇', '永福镇', '大楠镇', '箭板镇', '舟坝镇', '黄丹镇', '利店镇', '富和镇', '底堡乡', '炭库乡'],
  },
  '511132': {
    addressPrefix: '乐山市峨边彝族自治县',
    namePrefix: '峨边彝族自治县',
    streets: ['滨河路', '民族路', '沙坪大道', '彝海路'],
    towns: ['沙坪镇', '大堡镇', '毛坪镇', '五渡镇', '新林镇', '黑竹沟镇', '红花镇', '宜坪乡', '杨村乡'],
  },
  '511133': {
    addressPrefix: '乐山市马边彝族自治县',
    namePrefix: '马边彝族自治县',
    streets: ['民主街', '莲花路', '滨江路', '建设路', '民族街'],
    towns: ['民建镇', '荣丁镇', '下溪镇', '苏坝镇', '劳动镇', '三河口镇', '建设镇', '烟峰镇', '雪口山镇'],
  },
  '511181': {
    addressPrefix: '峨眉山市',
    namePrefix: '峨眉山市',
    streets: [
      '名山南路',
      '名山中路',
      '名山西路',
      '佛光南路',
      '佛光西路',
      '天颐路',
      '峨山路',
      '万年路',
      '报国寺路',
      '秀湖路',
      '东环路',
    ],
    towns: [
      '绥山镇',
      '高桥镇',
      '罗目镇',
      '九里镇',
      '龙池镇',
      '符溪镇',
      '双福镇',
      '桂花桥镇',
      '乐都镇',
      '黄湾镇',
      '胜利街道',
      '峨山街道',
      '川主镇',
    ],
  },
};

export const VILLAGE_NAMES = [
  '新华',
  '红星',
  '石桥',
  '柏林',
  '三合',
  '太平',
  '龙泉',
  '青龙',
  '白鹤',
  '大石',
  '高峰',
  '团结',
  '和平',
  '金桥',
  '双河',
  '永兴',
  '长春',
  '大田',
  '马鞍',
  '桂花',
  '凤凰',
  '五星',
  '新民',
  '关帝',
  '黄桷',
  '观音',
  '茶园',
  '竹林',
  '杨柳',
  '楠木',
];

const UPPER_NUMERALS = ['一', '二', '三'];

export function placeOf(divisionCode: string): Place {
  const place = PLACES[divisionCode];
  if (place === undefined) throw new RangeError(`no place data for division ${divisionCode}`);
  return place;
}

/** A believable address in the division: a street in the seat, or a village or street in a town. */
export function makeAddress(rng: Random, divisionCode: string, town?: string): string {
  const place = placeOf(divisionCode);
  const r = rng.next();
  if (town === undefined && r < 0.55) {
    const street = rng.pick(place.streets);
    const section = street.endsWith('路') && rng.chance(0.25) ? `${rng.pick(UPPER_NUMERALS)}段` : '';
    const number = rng.int(1, 999);
    const suffix = rng.chance(0.2)
      ? `附${rng.int(1, 30)}号`
      : rng.chance(0.15)
        ? `${rng.int(1, 12)}栋${rng.int(1, 3)}单元${rng.int(1, 30)}${rng.pick(['01', '02', '03', '04'])}号`
        : '';
    return `${place.addressPrefix}${street}${section}${number}号${suffix}`;
  }
  const t = town ?? rng.pick(place.towns);
  if (rng.chance(0.5)) return `${place.addressPrefix}${t}${rng.pick(VILLAGE_NAMES)}村${rng.int(1, 12)}组`;
  return `${place.addressPrefix}${t}${rng.pick(['正街', '新街', '老街', '场镇', '中街', '河街'])}${rng.int(1, 300)}号`;
}
