'use client';

import { WayOnward } from '@/components/frame/site-search-form';
import { PageLink } from '@/components/page-link';

/** What an error page says, inside or outside the portal frame. */
export function ErrorContent({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-bold">页面暂时无法显示</h1>
      <p className="mt-4 text-slate-700">
        服务器处理您的请求时出现问题，我们已记录此错误。请稍后重试，或者先查看其他栏目。
      </p>
      {digest ? <p className="mt-2 text-sm text-slate-600">错误编号：{digest}（反映问题时请提供）</p> : null}
      <div className="mt-6 flex flex-wrap gap-4">
        <button
          type="button"
          onClick={() => reset()}
          className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800"
        >
          重试
        </button>
        <PageLink href="/" className="rounded-md border border-brand-700 px-4 py-2 text-brand-700">
          返回首页
        </PageLink>
      </div>
      <WayOnward searchId="error-search" />
    </div>
  );
}
