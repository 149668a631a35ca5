import { formatCount } from '@/components/format';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { Pagination } from '@/components/pagination';
import { firstParam, hrefWith, type SearchParamsRecord } from '@/components/query-string';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';
import {
  listQueryToParams,
  MAX_PAGE,
  PAGE_SIZE,
  parseFilters,
  sortLabel,
  type DisclosureKind,
} from '@/server/disclosures/filters';
import { EXPORT_ROW_LIMIT } from '@/server/disclosures/service';
import { DisclosureFilterPanel, FilterErrorSummary, SortForm } from './filter-form';
import { ResultRow } from './result-row';
import { KIND_TEXT } from './kinds';

/** The two list pages: filters from the URL, the total, one page of records, the CSV link. */
export async function DisclosureListView({
  kind,
  searchParams,
}: {
  kind: DisclosureKind;
  searchParams: SearchParamsRecord;
}) {
  const text = KIND_TEXT[kind];
  const parsed = parseFilters(kind, searchParams);

  const caller = createCaller(await createContext());
  const input = { ...parsed.filters, page: parsed.page, sort: parsed.sort };
  const list = await (kind === 'penalty' ? caller.disclosures.penalties(input) : caller.disclosures.licensing(input));
  const errors = [...parsed.errors, ...list.errors];
  // Links keep only the filters that apply, so a wrong value does not follow the user around.
  const appliedParams = listQueryToParams({ filters: list.applied, sort: list.sort, page: 1 });
  const filtersOnly = listQueryToParams({ filters: list.applied, sort: 'date-desc', page: 1 });
  const hiddenFilters = Object.entries(filtersOnly).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v })),
  );
  const csvHref = hrefWith(`${text.path}/export.csv`, appliedParams);
  const filtered = Object.keys(filtersOnly).length > 0;
  const raw = { from: firstParam(searchParams.from), to: firstParam(searchParams.to), q: firstParam(searchParams.q) };
  const order = sortLabel(kind, list.sort);

  return (
    <>
      <PageHeader title={text.listTitle} lead={text.lead}>
        <nav aria-label="双公示类别" className="mt-4 flex gap-2 text-sm">
          {(['licensing', 'penalty'] as const).map((k) => (
            <PageLink
              key={k}
              href={KIND_TEXT[k].path}
              aria-current={k === kind ? 'page' : undefined}
              className={
                k === kind
                  ? 'rounded bg-brand-700 px-4 py-1.5 font-semibold text-white'
                  : 'rounded border border-brand-600 px-4 py-1.5 text-brand-700 hover:bg-brand-50'
              }
            >
              {KIND_TEXT[k].name}
            </PageLink>
          ))}
        </nav>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-6">
        <FilterErrorSummary errors={errors} />
        <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
          <div>
            <DisclosureFilterPanel kind={kind} raw={raw} errors={errors} facets={list.facets} sort={list.sort} />
          </div>

          <section aria-labelledby="results-heading" className="min-w-0">
            <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-300 pb-3">
              <h2 id="results-heading" className="text-lg font-semibold">
                {filtered ? '筛选结果' : `全部${text.name}信息`}
                <span className="ml-2 text-base font-normal text-slate-700" data-testid="total">
                  共 {formatCount(list.total)} 条
                </span>
              </h2>
              <SortForm kind={kind} sort={list.sort} hidden={hiddenFilters} errors={errors} />
              {list.total > 0 ? (
                <p className="text-sm">
                  <a
                    href={csvHref}
                    download
                    className="inline-block rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
                  >
                    下载 CSV<span className="sr-only">（当前筛选结果）</span>
                  </a>
                  <span className="ml-2 text-slate-600">
                    {list.total > EXPORT_ROW_LIMIT
                      ? `结果较多，文件仅含按${order}排列的前 ${formatCount(EXPORT_ROW_LIMIT)} 条`
                      : `共 ${formatCount(list.total)} 条，按${order}排列`}
                  </span>
                </p>
              ) : null}
            </div>
            {list.items.length === 0 && list.total > 0 ? (
              <p className="mt-4 rounded-lg bg-white p-6 text-slate-700">
                第 {list.page} 页没有记录（共 {list.pageCount} 页），
                <PageLink href={hrefWith(text.path, appliedParams)} className="text-brand-700 underline">
                  回到第 1 页
                </PageLink>
                。
              </p>
            ) : list.items.length === 0 ? (
              <div className="mt-4 rounded-lg bg-white p-6 text-slate-700">
                <p className="font-medium">没有符合条件的{text.name}信息。</p>
                <p className="mt-2 text-sm">
                  可以放宽日期范围或减少筛选条件，或
                  <PageLink href={text.path} className="text-brand-700 underline">
                    查看全部
                  </PageLink>
                  ；已过公示期、已修复或已撤销的信息不再公示。
                </p>
              </div>
            ) : (
              <ol className="mt-2 divide-y divide-slate-200 rounded-lg bg-white shadow-sm" data-testid="results">
                {list.items.map((item) => (
                  <ResultRow key={item.id} kind={kind} item={item} />
                ))}
              </ol>
            )}
            <Pagination
              page={list.page}
              pageCount={list.pageCount}
              hrefFor={(n) => hrefWith(text.path, appliedParams, { page: n > 1 ? String(n) : undefined })}
              label={`${text.name}分页`}
            />
            {list.total > MAX_PAGE * PAGE_SIZE && list.page >= list.pageCount ? (
              <p className="mt-3 text-center text-sm text-slate-600">
                仅可浏览前 {formatCount(MAX_PAGE * PAGE_SIZE)} 条，请增加筛选条件查看更多。
              </p>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}
