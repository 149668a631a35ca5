import { PageLink } from '@/components/page-link';
import type { SearchRequest, SearchResult } from '@/server/search/types';
import { clearFiltersHref, hasFilters, searchHref } from './search-params';

const EXAMPLES = [
  { q: '农业', why: '名称中的几个字' },
  { q: '峨眉山', why: '地名或字号' },
  { q: '食品经营', why: '许可或处罚的内容' },
  { q: '乐农罚', why: '决定书文号' },
  { q: '招商 公司', why: '几个词同时出现' },
] as const;

/** The search page before a query: what can be searched, with examples to click. */
export function SearchGuide() {
  return (
    <section aria-labelledby="guide-heading" className="rounded-lg bg-white p-5 shadow-sm" data-testid="search-guide">
      <h2 id="guide-heading" className="text-lg font-semibold">
        可以查询什么
      </h2>
      <ul className="mt-3 list-inside list-disc space-y-1.5 text-slate-800">
        <li>企业、个体工商户、社会组织的名称，可以只输入其中几个字，不区分全角半角和大小写；</li>
        <li>18 位统一社会信用代码：代码正确时直接打开该主体的信用档案，输错一位时会提示可能要找的主体；</li>
        <li>行政许可、行政处罚决定书文号，可输入完整文号，也可只输入开头，例如“乐农罚”；</li>
        <li>红黑名单、曝光台典型案例的标题和内容。</li>
      </ul>
      <h3 className="mt-5 font-semibold">试一试</h3>
      <ul className="mt-2 flex flex-wrap gap-2">
        {EXAMPLES.map((e) => (
          <li key={e.q}>
            <PageLink
              href={searchHref({ q: e.q })}
              className="inline-block rounded-md border border-slate-300 px-3 py-1.5 hover:border-brand-600 hover:bg-brand-50"
            >
              <span className="font-medium text-brand-700">{e.q}</span>
              <span className="ml-2 text-sm text-slate-600">{e.why}</span>
            </PageLink>
          </li>
        ))}
      </ul>
      <p className="mt-5 text-sm text-slate-700">
        为保护个人信息，本站不支持按身份证号码查询，自然人的姓名和证件号码已部分隐去。也可以按类别浏览
        <PageLink href="/disclosures/licensing" className="mx-1 text-brand-700 underline">
          行政许可
        </PageLink>
        、
        <PageLink href="/disclosures/penalties" className="mx-1 text-brand-700 underline">
          行政处罚
        </PageLink>
        和
        <PageLink href="/lists/dishonesty" className="mx-1 text-brand-700 underline">
          红黑名单
        </PageLink>
        。
      </p>
    </section>
  );
}

/** No hits: what to try next, with links that do it. */
export function NoHits({ request, result }: { request: SearchRequest; result: SearchResult }) {
  const filtered = hasFilters(request);
  return (
    <section aria-labelledby="nohits-heading" className="mt-4 rounded-lg bg-white p-5 shadow-sm" data-testid="no-hits">
      <h3 id="nohits-heading" className="text-lg font-semibold">
        没有找到相关结果{filtered ? '（已按筛选条件过滤）' : ''}
      </h3>
      <p className="mt-1 text-slate-700">可以这样试试：</p>
      <ul className="mt-2 list-inside list-disc space-y-1.5 text-slate-800">
        {filtered ? (
          <li>
            <PageLink href={clearFiltersHref(request)} className="text-brand-700 underline" data-testid="clear-filters">
              去掉全部筛选条件
            </PageLink>
            ，在全部信息中查询；
          </li>
        ) : null}
        {result.terms.length > 1 ? (
          <li>
            减少查询词，只查其中一个：
            {result.terms.map((t, i) => (
              <span key={t}>
                {i > 0 ? '、' : null}
                <PageLink
                  href={searchHref({ ...request, q: t, page: undefined })}
                  className="mx-1 text-brand-700 underline"
                >
                  {t}
                </PageLink>
              </span>
            ))}
          </li>
        ) : (
          <li>少输入几个字，例如只输入字号“峨眉山”而不是完整名称；</li>
        )}
        <li>检查是否有错别字；统一社会信用代码为 18 位，请逐位核对；</li>
        <li>自然人的信息按规定部分隐去，请改用企业或个体工商户名称查询。</li>
      </ul>
    </section>
  );
}
