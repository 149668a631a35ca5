import { formatCount, formatDate } from '@/components/format';
import { CatalogItem } from '@/components/catalog/catalog-item';
import { FilterSelect } from '@/components/lists/filter-select';
import { Notices } from '@/components/lists/notices';
import { parseParams } from '@/components/lists/params';
import { pageMetadata } from '@/components/metadata';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { hrefWith, type SearchParamsRecord } from '@/components/query-string';
import { catalogFilterShape, type CatalogQuery } from '@/server/catalog/schema';
import { createCaller } from '@/server/root';
import { CATALOG_KIND_LABELS, CATALOG_KINDS } from '@/server/rules/codes';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '联合奖惩目录清单',
  description:
    '乐山市守信联合激励和失信联合惩戒目录清单：每项措施的行政单位、处理措施、实施（奖励）事由、法律依据、实施单位、措施内容和证据材料。任何单位不得在目录清单之外实施奖惩。',
  path: '/catalog',
});

export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const { values, notices } = parseParams<CatalogQuery>(
    { kind: { schema: catalogFilterShape.kind }, unit: { schema: catalogFilterShape.unit } },
    sp,
  );
  const caller = createCaller(await createContext());
  const data = await caller.catalog.browse(values);
  const filtered = values.kind !== undefined || values.unit !== undefined;
  const items = data.groups.flatMap((g) => g.items);

  return (
    <>
      <PageHeader
        title="联合奖惩目录清单"
        lead="依据乐府办发〔2017〕27号，各单位只能依照本目录清单对守信主体实施联合激励、对失信主体实施联合惩戒，不得在清单之外奖励或惩戒。"
      />
      <div className="mx-auto max-w-6xl px-4 py-6">
        <Notices notices={notices} />
        <form
          method="get"
          action="/catalog"
          aria-label="筛选目录清单"
          className="grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-[1fr_2fr_auto] sm:items-end"
        >
          <FilterSelect
            id="kind"
            label="措施类别"
            value={values.kind}
            options={CATALOG_KINDS.map((k) => [k, CATALOG_KIND_LABELS[k]])}
          />
          <FilterSelect
            id="unit"
            label="行政单位或实施单位"
            value={values.unit}
            options={data.units.map((u) => [u, u])}
          />
          <div className="flex items-center gap-4">
            <button
              type="submit"
              className="rounded-md bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800"
            >
              筛选
            </button>
            {filtered ? (
              <PageLink href="/catalog" className="whitespace-nowrap text-sm text-brand-700 underline">
                清除
              </PageLink>
            ) : null}
          </div>
        </form>

        {items.length === 0 ? (
          <p className="mt-6 rounded-lg bg-white p-6 text-slate-700 shadow-sm">
            没有符合条件的措施。
            <PageLink href="/catalog" className="text-brand-700 underline">
              查看全部措施
            </PageLink>
          </p>
        ) : (
          <>
            <div
              className="relative mt-6 overflow-x-auto rounded-lg bg-white shadow-sm"
              tabIndex={0}
              role="region"
              aria-labelledby="overview-caption"
            >
              <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
                <caption id="overview-caption" className="px-4 pt-4 text-left text-base font-semibold text-slate-900">
                  目录总览（{formatCount(items.length)} 项）
                  <span className="block text-sm font-normal text-slate-600">按编号排列，点击措施查看全部栏目</span>
                </caption>
                <thead>
                  <tr className="border-b border-slate-300 text-slate-700">
                    <th scope="col" className="px-4 py-2 font-medium">
                      编号
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      处理措施
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      类别
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      行政单位
                    </th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">
                      适用名单数
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.code} className="border-b border-slate-100 last:border-0">
                      <td className="whitespace-nowrap px-4 py-2 font-mono text-xs text-slate-700">{i.code}</td>
                      <th scope="row" className="px-4 py-2 font-normal">
                        <PageLink href={`#${i.code}`} className="text-brand-700 hover:underline">
                          {i.measure}
                        </PageLink>
                      </th>
                      <td className="whitespace-nowrap px-4 py-2">{i.kindLabel}</td>
                      <td className="px-4 py-2 text-slate-700">{i.decidingUnit}</td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        <PageLink
                          href={`/lists/${i.listType}?measure=${i.code}`}
                          className="text-brand-700 hover:underline"
                        >
                          <span className="sr-only">适用 {i.code} 的名单信息</span>
                          {formatCount(i.entriesInForce)}
                          <span className="sr-only"> 条</span>
                        </PageLink>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            {data.groups.map((g) => (
              <section key={g.kind} aria-labelledby={`group-${g.kind}`} className="mt-8">
                <h2 id={`group-${g.kind}`} className="border-l-4 border-brand-700 pl-3 text-lg font-semibold">
                  {g.label}措施（{g.items.length} 项）
                </h2>
                <ol className="mt-3 space-y-4">
                  {g.items.map((i) => (
                    <li key={i.code}>
                      <CatalogItem item={i} />
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </>
        )}
        <p className="mt-6 text-sm text-slate-600">
          目录清单由市社会信用体系建设联席会议办公室统一发布；“适用名单数”为截至 {formatDate(data.today)}{' '}
          仍在有效期内、适用该措施的名单信息数量。
          {filtered ? (
            <>
              {' '}
              <PageLink href={hrefWith('/catalog', {})} className="text-brand-700 underline">
                查看完整目录
              </PageLink>
            </>
          ) : null}
        </p>
      </div>
    </>
  );
}
