import { isGroup, MAIN_NAV } from '@/components/frame/nav';
import { SECTIONS } from '@/components/content/sections';
import { LinkList } from '@/components/frame/site-search-form';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { listContent } from '@/server/content/service';
import { CONTENT_SECTIONS } from '@/server/content/schema';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '网站地图',
  description: '信用乐山网站全部栏目和文章的目录。',
  path: '/site-map',
});

const OTHER = [
  { href: '/accessibility', label: '无障碍声明' },
  { href: '/api/v1/docs', label: '数据接口说明' },
];

/** The site map for people; search engines read /sitemap.xml. */
export default async function SiteMapPage() {
  const sections = await Promise.all(CONTENT_SECTIONS.map(async (s) => ({ s, items: await listContent(s) })));
  return (
    <>
      <PageHeader title="网站地图" lead="本网站的全部栏目。搜索引擎可读取 /sitemap.xml。" />
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 md:grid-cols-2">
        <section aria-labelledby="map-columns">
          <h2 id="map-columns" className="text-lg font-semibold">
            栏目
          </h2>
          <ul className="mt-3 space-y-2">
            {MAIN_NAV.map((item) =>
              isGroup(item) ? (
                <li key={item.label}>
                  {item.label}
                  <LinkList links={item.links} />
                </li>
              ) : (
                <li key={item.href}>
                  <PageLink href={item.href} className="text-brand-700 underline">
                    {item.label}
                  </PageLink>
                </li>
              ),
            )}
            {OTHER.map((l) => (
              <li key={l.href}>
                <PageLink href={l.href} className="text-brand-700 underline">
                  {l.label}
                </PageLink>
              </li>
            ))}
          </ul>
        </section>
        <div className="space-y-8">
          {sections.map(({ s, items }) => (
            <section key={s} aria-labelledby={`map-${s}`}>
              <h2 id={`map-${s}`} className="text-lg font-semibold">
                <PageLink href={SECTIONS[s].path} className="text-brand-700 underline">
                  {SECTIONS[s].label}
                </PageLink>
              </h2>
              <LinkList links={items.map((c) => ({ href: `${SECTIONS[s].path}/${c.slug}`, label: c.title }))} />
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
