// The field (domain) of a penalty, which decides "never repaired early" (SPEC §3, §4): taken
// from the legal basis (CF_YJ) first, then from the deciding department. A rule table, so that
// a new law or a new department is one row, never a branch in code.

import type { CreditDomain } from './codes';
import { toHalfWidth } from './normalize';

/** Laws whose name in the legal basis decides the domain; the first match wins. */
export const DOMAIN_BY_LAW: readonly { pattern: RegExp; domain: CreditDomain }[] = [
  { pattern: /食品安全法|药品管理法|疫苗管理法|医疗器械监督管理条例|化妆品监督管理条例/, domain: '食品药品' },
  {
    pattern: /环境保护法|(大气|水|土壤|固体废物|噪声|环境噪声|放射性)污染防治法|环境影响评价法|排污许可管理条例/,
    domain: '生态环境',
  },
  { pattern: /建筑法|建设工程质量管理条例|建设工程安全生产管理条例/, domain: '工程质量' },
  { pattern: /安全生产法|危险化学品安全管理条例|矿山安全法/, domain: '安全生产' },
  { pattern: /消防法/, domain: '消防安全' },
  { pattern: /医师法|执业医师法|医疗机构管理条例|传染病防治法|基本医疗卫生与健康促进法/, domain: '医疗卫生' },
  { pattern: /税收征收管理法|发票管理办法/, domain: '税务' },
  { pattern: /价格法|反垄断法/, domain: '价格垄断' },
  { pattern: /防范和处置非法集资条例/, domain: '非法集资' },
  { pattern: /海关法/, domain: '海关' },
  { pattern: /道路运输条例|道路交通安全法/, domain: '交通运输' },
];

/** Departments whose every penalty lies in one domain, by a word of their name. */
export const DOMAIN_BY_DEPARTMENT: readonly { pattern: RegExp; domain: CreditDomain }[] = [
  { pattern: /生态环境/, domain: '生态环境' },
  { pattern: /应急管理/, domain: '安全生产' },
  { pattern: /消防救援/, domain: '消防安全' },
  { pattern: /住房和城乡建设/, domain: '工程质量' },
  { pattern: /卫生健康/, domain: '医疗卫生' },
  { pattern: /税务局/, domain: '税务' },
  { pattern: /海关/, domain: '海关' },
  { pattern: /交通运输/, domain: '交通运输' },
];

/** The domain of a penalty, or null when neither the legal basis nor the department tells it. */
export function creditDomainOf(input: { departmentName: string; legalBasis: string }): CreditDomain | null {
  const basis = toHalfWidth(input.legalBasis);
  for (const r of DOMAIN_BY_LAW) if (r.pattern.test(basis)) return r.domain;
  for (const r of DOMAIN_BY_DEPARTMENT) if (r.pattern.test(input.departmentName)) return r.domain;
  return null;
}
