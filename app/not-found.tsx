import { NotFoundContent } from '@/components/not-found-content';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

export const metadata = { title: '页面不存在' };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="w-full flex-1 focus:outline-none">
        <NotFoundContent />
      </main>
      <SiteFooter />
    </>
  );
}
