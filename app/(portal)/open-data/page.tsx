import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { pageMetadata } from '@/components/metadata';
import { formatCount } from '@/components/format';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

export const metadata = pageMetadata({
  title: '开放数据',
  description: '信用乐山公示中的行政处罚、行政许可和红黑名单，以国家标准字段代码提供 CSV 和 JSON 下载，附数据字典。',
  path: '/open-data',
});

export default async function OpenDataPage() {
  const datasets = await createCaller(await createContext()).openData.overview();
  return (
    <>
      <PageHeader
        title="开放数据"
        lead="公示中的信用信息可以自由下载、再利用。文件按国家标准字段代码组织，每次下载都是当日最新的数据。"
      />
      <div className="mx-auto max-w-6xl space-y-10 px-4 py-8">
        <section aria-labelledby="files-heading">
          <h2 id="files-heading" className="text-xl font-semibold text-slate-900">
            数据文件
          </h2>
          <ul className="mt-4 grid gap-4 md:grid-cols-3">
            {datasets.map((d) => (
              <li key={d.name} className="rounded border border-slate-200 bg-white p-4">
                <h3 className="text-lg font-semibold text-slate-900">{d.title}</h3>
                <p className="mt-1 text-sm text-slate-700">{d.description}</p>
                <p className="mt-2 text-sm text-slate-700">当前 {formatCount(d.count)} 条</p>
                <p className="mt-3 flex gap-4">
                  <a className="font-medium text-brand-700 underline" href={`/open-data/${d.name}.csv`}>
                    下载 CSV<span className="sr-only">（{d.title}）</span>
                  </a>
                  <a className="font-medium text-brand-700 underline" href={`/open-data/${d.name}.json`}>
                    下载 JSON<span className="sr-only">（{d.title}）</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="rules-heading" className="space-y-2 text-slate-800">
          <h2 id="rules-heading" className="text-xl font-semibold text-slate-900">
            使用说明
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            <li>CSV 为 UTF-8 编码（带 BOM，可直接用 Excel 打开），第一行为字段代码；JSON 含字段说明和记录数组。</li>
            <li>日期格式为 YYYY-MM-DD；金额单位为万元。</li>
            <li>只包含当日公示中的信息：公示期满、已撤销、已信用修复或不予公示的记录不在文件中。</li>
            <li>自然人只显示姓氏，证件号码只显示前4位和后4位。</li>
            <li>
              文件在每次下载时按当日数据生成；数据未变时返回相同的
              ETag，可用条件请求避免重复下载。需要增量同步的系统请使用{' '}
              <PageLink href="/api/v1/docs" className="text-brand-700 underline">
                数据接口
              </PageLink>
              的 changed_since 参数。
            </li>
          </ul>
        </section>

        <section aria-labelledby="dictionary-heading">
          <h2 id="dictionary-heading" className="text-xl font-semibold text-slate-900">
            数据字典
          </h2>
          {datasets.map((d) => (
            <div
              key={d.name}
              className="mt-6 overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label={`${d.title}数据字典`}
            >
              <table className="w-full min-w-[32rem] border-collapse text-sm">
                <caption className="mb-2 text-left text-base font-semibold text-slate-900">
                  {d.title}（{d.name}.csv / {d.name}.json）
                </caption>
                <thead>
                  <tr className="bg-slate-100 text-left">
                    <th scope="col" className="border border-slate-200 px-2 py-1">
                      字段代码
                    </th>
                    <th scope="col" className="border border-slate-200 px-2 py-1">
                      名称
                    </th>
                    <th scope="col" className="border border-slate-200 px-2 py-1">
                      说明
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.fields.map((f) => (
                    <tr key={f.code}>
                      <td className="border border-slate-200 px-2 py-1 font-mono">{f.code}</td>
                      <td className="border border-slate-200 px-2 py-1">{f.label}</td>
                      <td className="border border-slate-200 px-2 py-1 text-slate-700">{f.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      </div>
    </>
  );
}
