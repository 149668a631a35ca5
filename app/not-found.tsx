import { HELPFUL_LINKS, SiteSearchForm } from '@/components/frame/site-search-form';
import { PageLink } from '@/components/page-link';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

export const metadata = { title: '页面不存在', robots: { index: false } };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 focus:outline-none">
        <h1 className="text-2xl font-bold">页面不存在（404）</h1>
        <p className="mt-4 text-slate-700">
          您访问的页面不存在，或者相关信息已经停止公示。信用信息到了公示截止日期、被撤销或已完成信用修复后，
          就不再在本网站公开显示。
        </p>
        <h2 className="mt-8 text-lg font-semibold">查一查</h2>
        <SiteSearchForm />
        <h2 className="mt-8 text-lg font-semibold">常用栏目</h2>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {HELPFUL_LINKS.map((l) => (
            <li key={l.href}>
              <PageLink href={l.href} className="text-brand-700 underline">
                {l.label}
              </PageLink>
            </li>
          ))}
        </ul>
      </main>
      <SiteFooter />
    </>
  );
}
