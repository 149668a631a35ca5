import { PageLink } from '@/components/page-link';

/** What a 404 says, inside whichever layout the missing page belongs to. */
export function NotFoundContent() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-bold">页面不存在（404）</h1>
      <p className="mt-4 text-slate-700">您访问的页面不存在或已被移除。可以尝试：</p>
      <ul className="mt-3 list-disc space-y-1 pl-6 text-slate-700">
        <li>
          返回
          <PageLink href="/" className="text-brand-700 underline">
            信用乐山首页
          </PageLink>
        </li>
        <li>
          使用
          <PageLink href="/search" className="text-brand-700 underline">
            信用信息查询
          </PageLink>
          按名称、统一社会信用代码或文书号查找
        </li>
      </ul>
    </div>
  );
}
