import { PageLink } from '@/components/page-link';

const NAV = [
  { href: '/', label: '首页' },
  { href: '/search', label: '信用查询' },
  { href: '/disclosures/penalties', label: '双公示' },
  { href: '/lists/honor', label: '红黑名单' },
  { href: '/catalog', label: '联合奖惩目录' },
  { href: '/exposure', label: '曝光台' },
  { href: '/policies', label: '政策法规' },
  { href: '/guides', label: '办事指南' },
] as const;

export function SiteHeader() {
  return (
    <header className="bg-brand-700 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800"
      >
        跳到主要内容
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-5">
        <PageLink href="/" className="flex items-center gap-3 no-underline">
          <span
            aria-hidden="true"
            className="flex h-11 w-11 items-center justify-center rounded-full border-2 border-white/80 text-lg font-bold"
          >
            信
          </span>
          <span>
            <span className="block text-2xl font-bold tracking-widest">信用乐山</span>
            <span className="block text-xs text-brand-100">乐山市公共信用信息服务平台</span>
          </span>
        </PageLink>
        <p className="text-sm text-brand-100">诚实守信，一路畅通；一处失信，处处受限</p>
      </div>
      <nav aria-label="主导航" className="bg-brand-800">
        <ul className="mx-auto flex max-w-6xl flex-wrap px-2">
          {NAV.map((item) => (
            <li key={item.href}>
              <PageLink href={item.href} className="block px-4 py-3 text-sm text-white hover:bg-brand-900">
                {item.label}
              </PageLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
