/** The portal's main navigation, as data: a link, or a group of links under one label. */
export interface NavLink {
  href: string;
  label: string;
}
export interface NavGroup {
  label: string;
  links: NavLink[];
}
export type NavItem = NavLink | NavGroup;

export const MAIN_NAV: readonly NavItem[] = [
  { href: '/', label: '首页' },
  { href: '/search', label: '信用查询' },
  {
    label: '双公示',
    links: [
      { href: '/disclosures/licensing', label: '行政许可' },
      { href: '/disclosures/penalties', label: '行政处罚' },
    ],
  },
  {
    label: '红黑名单',
    links: [
      { href: '/lists/honor', label: '守信红名单' },
      { href: '/lists/dishonesty', label: '失信惩戒名单' },
    ],
  },
  { href: '/catalog', label: '联合奖惩目录' },
  { href: '/exposure', label: '曝光台' },
  { href: '/policies', label: '政策法规' },
  { href: '/news', label: '新闻动态' },
  { href: '/guides', label: '办事指南' },
  {
    label: '在线办事',
    links: [
      { href: '/apply/objection', label: '提出异议' },
      { href: '/apply/repair', label: '申请信用修复' },
      { href: '/apply/complaint', label: '投诉' },
      { href: '/track', label: '办理进度查询' },
      { href: '/apply', label: '全部办事事项' },
    ],
  },
];

export function isGroup(item: NavItem): item is NavGroup {
  return 'links' in item;
}

/** 'page' on the link's own page, 'true' inside its section (an article under /policies), else undefined. */
export function currentOf(href: string, pathname: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  if (href !== '/' && pathname.startsWith(`${href}/`)) return 'true';
  return undefined;
}
