import { Badge } from '@/components/badge';
import { SuggestInput } from '@/components/search/suggest-input';
import { PageLink } from '@/components/page-link';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import { formatCount, formatDate } from '@/components/format';
import { listContent, type ContentSummary } from '@/server/content/service';

// Rendered per request from the database; caching comes with the public pages.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const caller = createCaller(await createContext());
  const [home, news, policies] = await Promise.all([
    caller.portal.home(),
    listContent('news'),
    listContent('policies'),
  ]);
  const stats = [
    { label: '信用主体', value: home.counts.subjects, href: '/search' },
    { label: '行政许可', value: home.counts.licensing, href: '/disclosures/licensing' },
    { label: '行政处罚', value: home.counts.penalties, href: '/disclosures/penalties' },
    { label: '守信红名单', value: home.counts.honor, href: '/lists/honor' },
    { label: '失信惩戒名单', value: home.counts.dishonesty, href: '/lists/dishonesty' },
    { label: '曝光案例', value: home.counts.exposure, href: '/exposure' },
  ];

  return (
    <>
      <section aria-labelledby="search-heading" className="bg-gradient-to-b from-brand-700 to-brand-600 text-white">
        <div className="mx-auto max-w-6xl px-4 pb-12 pt-10">
          <h1 id="search-heading" className="text-center text-3xl font-bold tracking-wide">
            信用信息查询
          </h1>
          <p className="mt-2 text-center text-brand-100">
            查询企业、个体工商户和个人的行政许可、行政处罚、红黑名单等公开信用信息
          </p>
          <form action="/search" method="get" role="search" className="mx-auto mt-6 flex max-w-3xl gap-0">
            <label htmlFor="q" className="sr-only">
              查询关键词
            </label>
            <SuggestInput
              id="q"
              name="q"
              required
              placeholder="企业名称、信用代码或决定文书号"
              className="min-w-0 flex-1 rounded-l-md border-0 bg-white px-4 py-3 text-lg text-slate-900 placeholder:text-slate-500"
            />
            <button
              type="submit"
              className="rounded-r-md bg-seal-600 px-8 py-3 text-lg font-semibold text-white hover:bg-seal-700"
            >
              查询
            </button>
          </form>
          <p className="mx-auto mt-3 max-w-3xl text-sm text-brand-100">
            示例：
            <PageLink className="underline hover:text-white" href="/search?q=%E5%86%9C%E4%B8%9A">
              农业
            </PageLink>
            {' · '}
            <PageLink className="underline hover:text-white" href="/search?q=%E5%B3%A8%E7%9C%89%E5%B1%B1">
              峨眉山
            </PageLink>
            {' · '}
            <PageLink className="underline hover:text-white" href="/search?q=%E9%A3%9F%E5%93%81%E7%BB%8F%E8%90%A5">
              食品经营
            </PageLink>
          </p>
        </div>
      </section>

      <section aria-labelledby="stats-heading" className="mx-auto -mt-6 max-w-6xl px-4">
        <h2 id="stats-heading" className="sr-only">
          公示数据统计
        </h2>
        <ul className="grid grid-cols-2 gap-3 rounded-lg bg-white p-4 shadow-md sm:grid-cols-3 lg:grid-cols-6">
          {stats.map((s) => (
            <li key={s.label}>
              <PageLink href={s.href} className="block rounded-md p-2 text-center hover:bg-brand-50">
                <span className="block text-2xl font-bold text-brand-700" data-testid={`count-${s.label}`}>
                  {formatCount(s.value)}
                </span>
                <span className="block text-sm text-slate-600">{s.label}</span>
              </PageLink>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-right text-xs text-slate-600">统计截至 {formatDate(home.today)}</p>
      </section>

      <div className="mx-auto mt-8 grid max-w-6xl gap-6 px-4 lg:grid-cols-2">
        <DisclosureList
          id="latest-licensing"
          title="最新行政许可"
          moreHref="/disclosures/licensing"
          items={home.latestLicensing.map((r) => ({
            key: r.id,
            href: `/disclosures/licensing/${r.id}`,
            title: `${r.subjectName}`,
            detail: `${r.title} · ${r.documentNumber}`,
            meta: `${r.departmentName} · ${formatDate(r.decisionDate)}`,
            badge: r.expired ? '已过期' : null,
          }))}
        />
        <DisclosureList
          id="latest-penalties"
          title="最新行政处罚"
          moreHref="/disclosures/penalties"
          items={home.latestPenalties.map((r) => ({
            key: r.id,
            href: `/disclosures/penalties/${r.id}`,
            title: r.subjectName,
            detail: `${r.title} · ${r.documentNumber}`,
            meta: `${r.departmentName} · ${formatDate(r.decisionDate)}`,
            badge: r.suspended ? '异议处理中' : null,
          }))}
        />
      </div>

      <div className="mx-auto mt-6 grid max-w-6xl gap-6 px-4 lg:grid-cols-2">
        <ListHighlights
          id="honor-highlights"
          title="守信红名单 · 最新列入"
          moreHref="/lists/honor"
          tone="honor"
          entries={home.honorHighlights.map((e) => ({ ...e, href: `/lists/honor/${e.id}` }))}
        />
        <ListHighlights
          id="dishonesty-highlights"
          title="失信惩戒名单 · 最新列入"
          moreHref="/lists/dishonesty"
          tone="danger"
          entries={home.dishonestyHighlights.map((e) => ({ ...e, href: `/lists/dishonesty/${e.id}` }))}
        />
      </div>

      <div className="mx-auto mt-6 grid max-w-6xl gap-6 px-4 lg:grid-cols-3">
        <section aria-labelledby="exposure-heading" className="rounded-lg bg-white p-5 shadow-sm lg:col-span-2">
          <SectionHeading id="exposure-heading" title="曝光台 · 典型案例" moreHref="/exposure" />
          {home.latestExposure.length === 0 ? (
            <p className="text-slate-600">暂无曝光案例。</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {home.latestExposure.map((e) => (
                <li key={e.id} className="py-3">
                  <PageLink href={`/exposure/${e.id}`} className="font-medium text-brand-700 hover:underline">
                    {e.title}
                  </PageLink>
                  <p className="mt-1 line-clamp-2 text-sm text-slate-700">{e.summary}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    <span className="mr-2 rounded bg-seal-600/10 px-1.5 py-0.5 text-seal-700">{e.domain}</span>
                    {formatDate(e.publishedOn)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="services-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="services-heading" className="mb-3 border-l-4 border-brand-700 pl-3 text-lg font-semibold">
            在线办事
          </h2>
          <ul className="space-y-3">
            <ServiceLink
              href="/apply/objection"
              title="信用信息异议"
              text="认为公示信息有误、遗漏或超期，可在线提出异议。"
            />
            <ServiceLink
              href="/apply/repair"
              title="信用修复申请"
              text="纠正失信行为并满足最短公示期后可申请修复，全程免费。"
            />
            <ServiceLink href="/track" title="办理进度查询" text="凭受理编号和查询码查看办理进度和结果。" />
            <ServiceLink href="/policies" title="政策法规" text="乐府办发〔2017〕27号等守信激励和失信惩戒制度文件。" />
          </ul>
        </section>
      </div>
      <div className="mx-auto mt-6 grid max-w-6xl gap-6 px-4 lg:grid-cols-2">
        <ArticleLinks id="home-news" title="新闻动态" moreHref="/news" section="news" items={news.slice(0, 4)} />
        <ArticleLinks
          id="home-policies"
          title="政策法规"
          moreHref="/policies"
          section="policies"
          items={policies.slice(0, 4)}
        />
      </div>
    </>
  );
}

function SectionHeading({ id, title, moreHref }: { id: string; title: string; moreHref: string }) {
  return (
    <div className="mb-3 flex items-baseline justify-between">
      <h2 id={id} className="border-l-4 border-brand-700 pl-3 text-lg font-semibold">
        {title}
      </h2>
      <PageLink href={moreHref} className="text-sm text-brand-700 hover:underline">
        更多<span className="sr-only">{title}</span> ›
      </PageLink>
    </div>
  );
}

interface ListItem {
  key: number;
  href: string;
  title: string;
  detail: string;
  meta: string;
  badge: string | null;
}

function DisclosureList({
  id,
  title,
  moreHref,
  items,
}: {
  id: string;
  title: string;
  moreHref: string;
  items: ListItem[];
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-5 shadow-sm" data-testid={id}>
      <SectionHeading id={id} title={title} moreHref={moreHref} />
      {items.length === 0 ? (
        <p className="text-slate-600">暂无公示信息。</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {items.map((item) => (
            <li key={item.key} className="py-2.5">
              <PageLink href={item.href} className="font-medium text-brand-700 hover:underline">
                {item.title}
              </PageLink>
              {item.badge ? (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{item.badge}</span>
              ) : null}
              <p className="mt-0.5 truncate text-sm text-slate-700">{item.detail}</p>
              <p className="text-xs text-slate-600">{item.meta}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ListHighlights({
  id,
  title,
  moreHref,
  tone,
  entries,
}: {
  id: string;
  title: string;
  moreHref: string;
  tone: 'honor' | 'danger';
  entries: {
    id: number;
    href: string;
    subjectName: string;
    reason: string;
    listedOn: string;
    departmentName: string;
    suspended: boolean;
  }[];
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-5 shadow-sm" data-testid={id}>
      <SectionHeading id={id} title={title} moreHref={moreHref} />
      {entries.length === 0 ? (
        <p className="text-slate-600">暂无名单信息。</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {entries.map((e) => (
            <li key={e.id} className="flex items-start gap-3 py-2.5">
              <span
                aria-hidden="true"
                className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${tone === 'honor' ? 'bg-honor-700' : 'bg-seal-600'}`}
              />
              <div className="min-w-0">
                <PageLink href={e.href} className="font-medium text-brand-700 hover:underline">
                  {e.subjectName}
                </PageLink>
                {e.suspended ? (
                  <span className="ml-2">
                    <Badge tone="warning">异议处理中</Badge>
                  </span>
                ) : null}
                <p className="mt-0.5 truncate text-sm text-slate-700">{e.reason}</p>
                <p className="text-xs text-slate-600">
                  {e.departmentName} · 列入日期 {formatDate(e.listedOn)}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ArticleLinks({
  id,
  title,
  moreHref,
  section,
  items,
}: {
  id: string;
  title: string;
  moreHref: string;
  section: 'news' | 'policies';
  items: ContentSummary[];
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-5 shadow-sm" data-testid={id}>
      <SectionHeading id={id} title={title} moreHref={moreHref} />
      <ul className="divide-y divide-slate-200">
        {items.map((a) => (
          <li key={a.slug} className="flex items-baseline justify-between gap-3 py-2.5">
            <PageLink href={`/${section}/${a.slug}`} className="min-w-0 truncate text-brand-700 hover:underline">
              {a.title}
            </PageLink>
            <span className="shrink-0 text-xs text-slate-600">{formatDate(a.date)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ServiceLink({ href, title, text }: { href: string; title: string; text: string }) {
  return (
    <li>
      <PageLink
        href={href}
        className="block rounded-md border border-slate-200 p-3 hover:border-brand-600 hover:bg-brand-50"
      >
        <span className="font-medium text-brand-700">{title}</span>
        <span className="mt-1 block text-sm text-slate-700">{text}</span>
      </PageLink>
    </li>
  );
}
