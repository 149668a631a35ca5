import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { formatCount } from '@/components/format';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { Pagination } from '@/components/pagination';
import { firstParam, type SearchParamsRecord } from '@/components/query-string';
import { CodeOutcomeNotice } from '@/components/search/code-outcome';
import { NoHits, SearchGuide } from '@/components/search/empty-states';
import { ForgivenessNotice } from '@/components/search/forgiveness-notice';
import { SearchFacets } from '@/components/search/search-facets';
import { SearchForm } from '@/components/search/search-form';
import { SearchHitItem } from '@/components/search/search-hit';
import {
  displayableQuery,
  hiddenFields,
  isPersonalIdQuery,
  pageHref,
  parseSearchParams,
  PERSONAL_ID_MESSAGE,
  REFUSED_PARAM,
  SEARCH_PATH,
  sortHref,
} from '@/components/search/search-params';
import { SelectedFilters } from '@/components/search/selected-filters';
import { createCaller } from '@/server/root';
import { EXACT_TOTAL_LIMIT, FACETS, type SearchResult } from '@/server/search/types';
import { createContext } from '@/server/trpc';

// Rendered per request from the database; caching comes with the public pages.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParamsRecord> };

const DESCRIPTION =
  '按名称、统一社会信用代码或决定文书号查询乐山市公开的信用主体、行政许可、行政处罚、红黑名单和曝光案例。';

function titleOf(q: string): string {
  const shown = displayableQuery(q);
  return shown ? `“${shown}”的查询结果` : '信用信息查询';
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { request } = parseSearchParams(await searchParams);
  return {
    ...pageMetadata({ title: titleOf(request.q), description: DESCRIPTION, path: '/search' }),
    // Result pages are endless combinations of parameters: only the empty search page is indexed.
    ...(request.q ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const { request, notices } = parseSearchParams(params);
  // An ID number must not stay in the address bar or the history: answer at an address without it.
  if (isPersonalIdQuery(request.q)) redirect(`${SEARCH_PATH}?${REFUSED_PARAM}=personal_id`);
  const refusedId = firstParam(params[REFUSED_PARAM]) === 'personal_id';
  let result: SearchResult | null = null;
  if (request.q) {
    try {
      // Relevance order shows one card per subject (its records collapsed under it); date order stays flat.
      result = await createCaller(await createContext()).search.query({
        ...request,
        ...(request.sort === 'date' ? {} : { group: 'subject' as const }),
      });
    } catch (error) {
      // The parameters are checked above; should the core still refuse one, say so in place.
      if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
      notices.push('查询参数不正确，请修改查询内容后重试。');
    }
  }
  if (result?.code?.type === 'subject') redirect(`/subjects/${result.code.subjectId}`);

  const allNotices = [...notices, ...(result?.notice ? [result.notice] : [])];
  const totalText = result
    ? result.totalIsExact
      ? formatCount(result.total)
      : `${formatCount(EXACT_TOTAL_LIMIT)}+`
    : '';
  const status = !result ? '' : `共找到 ${totalText} 条结果`;

  return (
    <>
      <PageHeader
        title={titleOf(request.q)}
        crumbs={request.q ? [{ label: '信用查询', href: '/search' }] : []}
        lead={request.q ? undefined : '查询企业、个体工商户和个人公开的行政许可、行政处罚、红黑名单和曝光案例。'}
      >
        <SearchForm q={request.q} hidden={hiddenFields(request)} />
        {/* Always present, so that screen readers announce the count as results follow the typing. */}
        <p role="status" aria-live="polite" className="mt-3 min-h-6 text-slate-800" data-testid="search-status">
          {status}
        </p>
      </PageHeader>

      <div className="mx-auto max-w-6xl px-4 py-6">
        {allNotices.length ? (
          <div
            className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
            data-testid="search-notice"
          >
            <ul className="list-inside list-disc space-y-0.5">
              {allNotices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {result?.code ? <CodeOutcomeNotice code={result.code} /> : null}
        {result ? <ForgivenessNotice q={request.q} result={result} /> : null}
        {refusedId ? <CodeOutcomeNotice code={{ type: 'personal_id', message: PERSONAL_ID_MESSAGE }} /> : null}

        {!result ? (
          request.q ? null : (
            <SearchGuide />
          )
        ) : (
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
            <section aria-labelledby="results-heading" className="min-w-0">
              <h2 id="results-heading" className="sr-only">
                查询结果
              </h2>
              {result.total > 0 ? (
                <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
                  <SortLinks request={request} />
                  <PageLink href="#facets" className="text-sm text-brand-700 underline lg:hidden">
                    筛选条件
                  </PageLink>
                </div>
              ) : null}
              <SelectedFilters request={request} facets={result.facets} />
              {result.hits.length ? (
                <ol className="divide-y divide-slate-200" data-testid="search-hits">
                  {result.hits.map((hit) => (
                    <SearchHitItem key={hit.docId} hit={hit} />
                  ))}
                </ol>
              ) : result.total > 0 ? (
                <p className="mt-6 text-slate-800">
                  第 {result.page} 页没有结果（共 {result.pageCount} 页）。
                  <PageLink href={pageHref(request, 1)} className="text-brand-700 underline">
                    回到第 1 页
                  </PageLink>
                </p>
              ) : result.code ? null : (
                <NoHits request={request} result={result} />
              )}
              <Pagination
                page={result.page}
                pageCount={result.pageCount}
                hrefFor={(n) => pageHref(request, n)}
                label="查询结果分页"
              />
              {result.total > 0 && !result.totalIsExact ? (
                <p className="mt-3 text-center text-sm text-slate-600">
                  结果超过 {formatCount(EXACT_TOTAL_LIMIT)} 条，只能翻看前 {formatCount(result.pageCount)}{' '}
                  页；请增加查询词或筛选条件。
                </p>
              ) : null}
            </section>
            {/* With no hits under the filters, the facets still show where the hits are. */}
            {FACETS.some((f) => result.facets[f].some((v) => v.count > 0)) ? (
              <div>
                <SearchFacets request={request} facets={result.facets} facetsAreExact={result.facetsAreExact} />
              </div>
            ) : null}
          </div>
        )}
      </div>
    </>
  );
}

function SortLinks({ request }: { request: Parameters<typeof sortHref>[0] }) {
  const current = request.sort === 'date' ? 'date' : 'relevance';
  const options = [
    { value: 'relevance', label: '按相关度' },
    { value: 'date', label: '按日期（新的在前）' },
  ] as const;
  return (
    <nav aria-label="排序方式" className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-slate-700">排序：</span>
      {options.map((o) =>
        o.value === current ? (
          <span key={o.value} aria-current="true" className="rounded bg-brand-700 px-2.5 py-1 font-semibold text-white">
            {o.label}
          </span>
        ) : (
          <PageLink
            key={o.value}
            href={sortHref(request, o.value)}
            className="rounded px-2.5 py-1 text-brand-700 underline hover:bg-brand-50"
          >
            {o.label}
          </PageLink>
        ),
      )}
    </nav>
  );
}
