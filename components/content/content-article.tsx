import { formatDate } from '@/components/format';
import { PageHeader } from '@/components/page-header';
import { PageLink } from '@/components/page-link';
import { tableOfContents, type ContentArticle } from '@/server/content/service';
import type { ContentSection } from '@/server/content/schema';
import { SECTIONS } from './sections';

/** One article: date, an outline for long documents, the rendered Markdown, its source and the way back. */
export function ContentArticleView({ section, article }: { section: ContentSection; article: ContentArticle }) {
  const { label, path } = SECTIONS[section];
  const toc = tableOfContents(article.headings);
  return (
    <>
      <PageHeader title={article.title} crumbs={[{ label, href: path }]}>
        <p className="mt-2 text-sm text-slate-600">
          发布日期：<time dateTime={article.date}>{formatDate(article.date)}</time>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-4xl px-4 py-8">
        <p className="mb-6 rounded-md border-l-4 border-brand-600 bg-brand-50 p-4 text-slate-800">{article.summary}</p>
        {toc.length > 0 ? (
          <nav aria-labelledby="toc-heading" className="mb-8 rounded-md border border-slate-200 bg-white p-4">
            <h2 id="toc-heading" className="text-base font-semibold">
              目录
            </h2>
            <ol className="mt-2 space-y-1 text-sm">
              {toc.map((h) => (
                <li key={h.id} className={h.depth === 3 ? 'pl-5' : 'font-medium'}>
                  <a href={`#${h.id}`} className="text-brand-700 hover:underline">
                    {h.text}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        {/* Rendered by server/content/markdown.ts, which escapes raw HTML and filters link targets. */}
        <article className="prose" dangerouslySetInnerHTML={{ __html: article.html }} />
        {article.source ? (
          <p className="mt-8 border-t border-slate-200 pt-4 text-sm text-slate-600">来源：{article.source}</p>
        ) : null}
        <p className="mt-8">
          <PageLink href={path} className="inline-block rounded-md border border-brand-700 px-4 py-2 text-brand-700 hover:bg-brand-50">
            ← 返回列表
          </PageLink>
        </p>
      </div>
    </>
  );
}
