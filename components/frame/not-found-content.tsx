import { WayOnward } from '@/components/frame/site-search-form';

/** The body of the 404 page, inside the portal frame or the global one. */
export function NotFoundContent() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-bold">页面不存在（404）</h1>
      <p className="mt-4 text-slate-700">
        您访问的页面不存在，或者相关信息已经停止公示。信用信息到了公示截止日期、被撤销或已完成信用修复后，就不再在本网站公开显示。
      </p>
      <WayOnward />
    </div>
  );
}
