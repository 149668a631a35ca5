import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatCount, formatDate } from '@/components/format';
import { EntryCard } from '@/components/lists/entry-card';
import { FilterSelect } from '@/components/lists/filter-select';
import { LIST_PAGES } from '@/components/lists/list-meta';
import { Notices } from '@/components/lists/notices';
import { parseParams } from '@/components/lists/params';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { Pagination } from '@/components/pagination';
import { hrefWith, type SearchParamsRecord } from '@/components/query-string';
import { listFilterShape, listTypeSchema, type ListQuery } from '@/server/lists/schema';
import { createCaller } from '@/server/root';
import { LIST_TYPES, type ListType } from '@/server/rules/codes';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ listType: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

function listTypeOf(segment: string): ListType {
  const parsed = listTypeSchema.safeParse(segment);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listType = listTypeOf((await params).listType);
  const meta = LIST_PAGES[listType];
  return pageMetadata({ title: meta.title, description: meta.lead, path: `/lists/${listType}` });
}

type Filters = Omit<ListQuery, 'listType'>;

export default async function ListPage({ params, searchParams }: Props) {
  const listType = listTypeOf((await params).listType);
  const sp = await searchParams;
  const { values, notices } = parseParams<Filters>(
    {
      departmentId: { schema: listFilterShape.departmentId, number: true },
      divisionCode: { schema: listFilterShape.divisionCode },
      domain: { schema: listFilterShape.domain },
      keyword: { schema: listFilterShape.keyword },
      measure: { schema: listFilterShape.measure },
      page: { schema: listFilterShape.page, number: true },
    },
    sp,
  );
  const caller = createCaller(await createContext());
  const data = await caller.lists.browse({ listType, ...values });
  const meta = LIST_PAGES[listType];
  const path = `/lists/${listType}`;
  // The URL state the pages and the form keep (only the accepted values).
  const state: SearchParamsRecord = {
    departmentId: values.departmentId?.toString(),
    divisionCode: values.divisionCode,
    domain: values.domain,
    keyword: values.keyword,
    measure: values.measure,
  };
  const filtered = Object.values(state).some((v) => v !== undefined);

  return (
    <>
      <PageHeader title={meta.title} lead={meta.lead} crumbs={[]}>
        <nav aria-label="名单类型" className="mt-4">
          <ul className="flex gap-2">
            {LIST_TYPES.map((t) => (
              <li key={t}>
                <PageLink
                  href={`/lists/${t}`}
                  aria-current={t === listType ? 'page' : undefined}
                  className={`inline-block rounded-md border px-4 py-2 text-sm font-medium ${
                    t === listType
                      ? 'border-brand-700 bg-brand-700 text-white'
                      : 'border-slate-300 bg-white text-brand-700 hover:bg-brand-50'
                  }`}
                >
                  {LIST_PAGES[t].title}
                </PageLink>
              </li>
            ))}
          </ul>
        </nav>
      </PageHeader>

      <div className="mx-auto max-w-6xl px-4 py-6">
        <Notices notices={notices} />
        <form
          method="get"
          action={path}
          aria-label={`筛选${meta.title}`}
          className="grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5"
        >
          <div className="lg:col-span-2">
            <label htmlFor="keyword" className="block text-sm font-medium text-slate-700">
              主体名称或认定文号
            </label>
            <input
              id="keyword"
              name="keyword"
              type="search"
              maxLength={50}
              defaultValue={values.keyword ?? ''}
              className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
          <FilterSelect
            id="departmentId"
            label="认定部门"
            value={values.departmentId?.toString()}
            options={data.options.departments.map((d) => [String(d.id), d.name])}
          />
          <FilterSelect
            id="divisionCode"
            label="所属地区"
            value={values.divisionCode}
            options={data.options.divisions.map((d) => [d.code, d.name])}
          />
          <FilterSelect
            id="domain"
            label="领域"
            value={values.domain}
            options={data.options.domains.map((d) => [d, d])}
          />
          {values.measure ? <input type="hidden" name="measure" value={values.measure} /> : null}
          <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-5">
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800"
            >
              筛选
            </button>
            {filtered ? (
              <PageLink href={path} className="text-sm text-brand-700 underline">
                清除筛选条件
              </PageLink>
            ) : null}
          </div>
        </form>

        {values.measure ? (
          <p className="mt-4 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-brand-900">
            仅显示适用措施“
            {data.measure ? `${data.measure.code} ${data.measure.measure}` : values.measure}
            ”的名单信息。
            <PageLink href={hrefWith(path, state, { measure: undefined, page: undefined })} className="ml-2 underline">
              取消此条件
            </PageLink>
          </p>
        ) : null}
        <section aria-labelledby="results-heading" className="mt-6">
          <h2 id="results-heading" className="text-lg font-semibold">
            {filtered ? '筛选结果' : '名单信息'}
            <span className="ml-2 text-sm font-normal text-slate-600" data-testid="list-total">
              共 {formatCount(data.total)} 条，按列入日期从新到旧排列
            </span>
          </h2>
          {data.entries.length === 0 ? (
            <EmptyState filtered={filtered} path={path} beyond={data.page > data.pageCount} />
          ) : (
            <ol className="mt-3 space-y-4">
              {data.entries.map((e) => (
                <li key={e.id}>
                  <EntryCard entry={e} measuresLabel={meta.measuresLabel} />
                </li>
              ))}
            </ol>
          )}
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            hrefFor={(n) => hrefWith(path, state, { page: n === 1 ? undefined : String(n) })}
          />
          <p className="mt-6 text-sm text-slate-600">
            名单信息截至 {formatDate(data.today)}。到期、移出或已完成信用修复的主体不再显示。适用措施以
            <PageLink href="/catalog" className="text-brand-700 underline">
              联合奖惩目录清单
            </PageLink>
            为准。
          </p>
        </section>
      </div>
    </>
  );
}

function EmptyState({ filtered, path, beyond }: { filtered: boolean; path: string; beyond: boolean }) {
  return (
    <div className="mt-3 rounded-lg bg-white p-6 text-slate-700 shadow-sm">
      {beyond ? (
        <p>
          没有这一页。
          <PageLink href={path} className="text-brand-700 underline">
            回到第一页
          </PageLink>
        </p>
      ) : filtered ? (
        <p>
          没有符合筛选条件的名单信息。可以减少筛选条件，或
          <PageLink href={path} className="text-brand-700 underline">
            查看全部
          </PageLink>
          。
        </p>
      ) : (
        <p>目前没有在有效期内的名单信息。</p>
      )}
    </div>
  );
}
