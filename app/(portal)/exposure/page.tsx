import { formatCount, formatDate, formatMonth } from '@/components/format';
import { Notices } from '@/components/lists/notices';
import { parseParams } from '@/components/lists/params';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { Pagination } from '@/components/pagination';
import { firstParam, hrefWith, type SearchParamsRecord } from '@/components/query-string';
import { exposureFeedPath } from '@/server/exposure/feed';
import { exposureFilterShape, type ExposureQuery } from '@/server/exposure/schema';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

const DESCRIPTION =
  '乐山市失信行为典型案例曝光台：按食品药品、生态环境、安全生产等领域查看已发布的典型案例，提供 RSS 订阅。';

export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const domain = exposureFilterShape.domain.safeParse(firstParam((await searchParams).domain));
  const feeds = [{ url: '/exposure/rss.xml', title: '信用乐山 · 曝光台 RSS' }];
  if (domain.success)
    feeds.unshift({ url: exposureFeedPath(domain.data), title: `信用乐山 · 曝光台 ${domain.data} RSS` });
  return {
    ...pageMetadata({ title: '曝光台', description: DESCRIPTION, path: '/exposure' }),
    alternates: { canonical: '/exposure', types: { 'application/rss+xml': feeds } },
  };
}

export default async function ExposurePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const { values, notices } = parseParams<ExposureQuery>(
    {
      domain: { schema: exposureFilterShape.domain },
      month: { schema: exposureFilterShape.month },
      page: { schema: exposureFilterShape.page, number: true },
    },
    sp,
  );
  const caller = createCaller(await createContext());
  const data = await caller.exposure.browse(values);
  const state: SearchParamsRecord = { domain: values.domain, month: values.month };
  const months = data.month && !data.months.includes(data.month) ? [data.month, ...data.months] : data.months;
  const feed = exposureFeedPath(values.domain);
  const scope = `${data.month ? formatMonth(data.month) : ''}${values.domain ? `${values.domain}领域` : ''}`;
  const tabs = [{ label: '全部', domain: undefined as string | undefined, count: data.all }].concat(
    data.domains.map((d) => ({ label: d.domain, domain: d.domain as string | undefined, count: d.count })),
  );

  return (
    <>
      <PageHeader
        title="曝光台"
        lead="公开曝光严重失信行为典型案例，接受社会监督。案例由认定部门提供、经市社会信用体系建设联席会议办公室审核后发布。"
      >
        <p className="mt-3 text-sm">
          <a href={feed} className="inline-flex items-center gap-1 text-brand-700 underline" data-testid="feed-link">
            <span aria-hidden="true" className="rounded bg-orange-800 px-1 text-xs font-bold text-white">
              RSS
            </span>
            {values.domain
              ? `订阅${values.domain}领域的 RSS（媒体可通过阅读器获取该领域最新案例）`
              : '订阅 RSS（媒体可通过阅读器获取最新案例）'}
          </a>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-6">
        <Notices notices={notices} />
        <form
          method="get"
          action="/exposure"
          className="mb-4 flex flex-wrap items-end gap-3"
          data-testid="month-filter"
        >
          {values.domain ? <input type="hidden" name="domain" value={values.domain} /> : null}
          <div>
            <label htmlFor="month" className="block text-sm font-medium text-slate-800">
              发布月份
            </label>
            <select
              id="month"
              name="month"
              defaultValue={data.month ?? ''}
              className="mt-1 rounded border border-slate-500 bg-white px-3 py-2"
            >
              <option value="">全部月份</option>
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(m)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus:outline-3 focus:outline-offset-2 focus:outline-amber-400"
          >
            按月份查看
          </button>
        </form>
        <nav aria-label="按领域查看">
          <ul className="flex flex-wrap gap-2">
            {tabs.map((t) => {
              const current = (values.domain ?? undefined) === t.domain;
              return (
                <li key={t.label}>
                  <PageLink
                    href={hrefWith('/exposure', { month: values.month }, { domain: t.domain })}
                    aria-current={current ? 'page' : undefined}
                    className={`inline-block rounded-full border px-3 py-1.5 text-sm ${
                      current
                        ? 'border-brand-700 bg-brand-700 text-white'
                        : 'border-slate-300 bg-white text-brand-700 hover:bg-brand-50'
                    }`}
                  >
                    {t.label}
                    <span className={current ? 'ml-1 text-brand-100' : 'ml-1 text-slate-600'}>
                      {formatCount(t.count)}
                    </span>
                  </PageLink>
                </li>
              );
            })}
          </ul>
        </nav>

        <section aria-labelledby="cases-heading" className="mt-6">
          <h2 id="cases-heading" className="text-lg font-semibold">
            {scope ? `${scope}典型案例` : '全部典型案例'}
            <span className="ml-2 text-sm font-normal text-slate-600">
              共 {formatCount(data.total)} 个，按发布日期从新到旧排列
            </span>
          </h2>
          {data.cases.length === 0 ? (
            <p className="mt-3 rounded-lg bg-white p-6 text-slate-700 shadow-sm" data-testid="exposure-empty">
              {data.page > data.pageCount && data.total > 0
                ? '没有这一页。'
                : data.month
                  ? `${data.month === data.today.slice(0, 7) ? `本月（${formatMonth(data.month)}）` : formatMonth(data.month)}暂无${values.domain ? `${values.domain}领域的` : ''}曝光案例。`
                  : '这一领域暂无已发布的典型案例。'}
              <PageLink href="/exposure" className="ml-1 text-brand-700 underline">
                查看全部案例
              </PageLink>
            </p>
          ) : (
            <ol className="mt-3 grid gap-4 md:grid-cols-2">
              {data.cases.map((c) => (
                <li key={c.id}>
                  <article
                    aria-labelledby={`case-${c.id}`}
                    className="h-full rounded-lg bg-white p-4 shadow-sm"
                    data-testid="exposure-case"
                  >
                    <h3 id={`case-${c.id}`} className="font-semibold leading-snug">
                      <PageLink href={`/exposure/${c.id}`} className="text-brand-700 hover:underline">
                        {c.title}
                      </PageLink>
                    </h3>
                    <p className="mt-2 line-clamp-3 text-sm text-slate-700">{c.summary}</p>
                    <p className="mt-2 text-xs text-slate-600">
                      <span className="mr-2 rounded bg-seal-600/10 px-1.5 py-0.5 text-seal-700">{c.domain}</span>
                      {c.departmentName ? `${c.departmentName} · ` : null}
                      <time dateTime={c.publishedOn}>{formatDate(c.publishedOn)}</time>
                    </p>
                  </article>
                </li>
              ))}
            </ol>
          )}
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            hrefFor={(n) => hrefWith('/exposure', state, { page: n === 1 ? undefined : String(n) })}
          />
        </section>
      </div>
    </>
  );
}
