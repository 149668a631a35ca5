import { PageLink } from '@/components/page-link';

/** A GET search form to /search, for pages that should help a lost reader (404, errors). */
export function SiteSearchForm({ id = 'site-search' }: { id?: string }) {
  return (
    <form role="search" action="/search" method="get" className="mt-6 flex max-w-xl flex-wrap gap-2">
      <label htmlFor={id} className="sr-only">
        查询关键词
      </label>
      <input
        id={id}
        type="search"
        name="q"
        placeholder="企业名称、统一社会信用代码或文书号"
        className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
      />
      <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
        查询
      </button>
    </form>
  );
}

/** Where a lost reader usually wants to go. */
const HELPFUL_LINKS = [
  { href: '/', label: '信用乐山首页' },
  { href: '/search', label: '信用信息查询' },
  { href: '/disclosures/penalties', label: '行政处罚公示' },
  { href: '/guides', label: '办事指南（异议、信用修复）' },
  { href: '/track', label: '办理进度查询' },
] as const;

/** A bulleted list of links, underlined (they stand in running text). */
export function LinkList({ links }: { links: readonly { href: string; label: string }[] }) {
  return (
    <ul className="mt-2 list-disc space-y-1 pl-6">
      {links.map((l) => (
        <li key={l.href}>
          <PageLink href={l.href} className="text-brand-700 underline">
            {l.label}
          </PageLink>
        </li>
      ))}
    </ul>
  );
}

/** The search box and the usual destinations, under the message of a 404 or error page. */
export function WayOnward({ searchId }: { searchId?: string }) {
  return (
    <>
      <h2 className="mt-8 text-lg font-semibold">查一查</h2>
      <SiteSearchForm id={searchId} />
      <h2 className="mt-8 text-lg font-semibold">常用栏目</h2>
      <LinkList links={HELPFUL_LINKS} />
    </>
  );
}
