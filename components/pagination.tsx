import { PageLink } from '@/components/page-link';

/**
 * Page links that work without JavaScript: first, previous, a window of pages, next, last.
 * `hrefFor(n)` builds the URL of page n (keep every other filter in it).
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = '分页',
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const from = Math.max(1, Math.min(page - 2, pageCount - 4));
  const to = Math.min(pageCount, from + 4);
  const pages = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const item = 'inline-block min-w-10 rounded border px-3 py-1.5 text-center';
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center justify-center gap-1 text-sm">
      {page > 1 ? (
        <>
          <PageLink className={`${item} border-slate-300 bg-white hover:bg-brand-50`} href={hrefFor(1)}>
            首页
          </PageLink>
          <PageLink
            className={`${item} border-slate-300 bg-white hover:bg-brand-50`}
            href={hrefFor(page - 1)}
            rel="prev"
          >
            上一页
          </PageLink>
        </>
      ) : null}
      {pages.map((n) =>
        n === page ? (
          <span
            key={n}
            aria-current="page"
            className={`${item} border-brand-700 bg-brand-700 font-semibold text-white`}
          >
            <span className="sr-only">第</span>
            {n}
            <span className="sr-only">页（当前）</span>
          </span>
        ) : (
          <PageLink key={n} className={`${item} border-slate-300 bg-white hover:bg-brand-50`} href={hrefFor(n)}>
            <span className="sr-only">第</span>
            {n}
            <span className="sr-only">页</span>
          </PageLink>
        ),
      )}
      {page < pageCount ? (
        <>
          <PageLink
            className={`${item} border-slate-300 bg-white hover:bg-brand-50`}
            href={hrefFor(page + 1)}
            rel="next"
          >
            下一页
          </PageLink>
          <PageLink className={`${item} border-slate-300 bg-white hover:bg-brand-50`} href={hrefFor(pageCount)}>
            末页
          </PageLink>
        </>
      ) : null}
      <span className="ml-2 text-slate-600">
        第 {page} / {pageCount} 页
      </span>
    </nav>
  );
}
