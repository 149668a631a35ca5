import { DesktopNav, PhoneNav } from '@/components/frame/main-nav';
import { TextSizeToggle } from '@/components/frame/text-size-toggle';
import { PageLink } from '@/components/page-link';
import { readTextSize } from '@/server/preferences/read';

export async function SiteHeader() {
  const textSize = await readTextSize();
  return (
    <header className="bg-brand-700 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800"
      >
        跳到主要内容
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-3 px-4 py-4 sm:py-5">
        <PageLink href="/" className="flex items-center gap-3 no-underline">
          <span
            aria-hidden="true"
            className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full border-2 border-white/80 text-lg font-bold"
          >
            信
          </span>
          <span>
            <span className="block text-2xl font-bold tracking-widest">信用乐山</span>
            <span className="block text-xs text-brand-100">乐山市公共信用信息服务平台</span>
          </span>
        </PageLink>
        <div className="flex items-center gap-4">
          <p className="hidden text-sm text-brand-100 md:block">诚实守信，一路畅通；一处失信，处处受限</p>
          <TextSizeToggle current={textSize} />
        </div>
      </div>
      <nav aria-label="主导航" className="hidden bg-brand-800 lg:block">
        <DesktopNav />
      </nav>
      <nav aria-label="主导航" className="bg-brand-800 lg:hidden">
        <PhoneNav />
      </nav>
    </header>
  );
}
