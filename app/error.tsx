'use client';

import { PageLink } from '@/components/page-link';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-bold">页面暂时无法显示</h1>
      <p className="mt-4 text-slate-700">服务器处理您的请求时出现问题，我们已记录此错误。请稍后重试。</p>
      <div className="mt-6 flex gap-4">
        <button type="button" onClick={() => reset()} className="rounded-md bg-brand-700 px-4 py-2 text-white">
          重试
        </button>
        <PageLink href="/" className="rounded-md border border-brand-700 px-4 py-2 text-brand-700">
          返回首页
        </PageLink>
      </div>
    </main>
  );
}
