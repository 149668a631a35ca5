import { NotFoundContent } from '@/components/frame/not-found-content';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';

// An address that matches no route: the portal frame is drawn here, as no portal layout applies.
export const metadata = { title: '页面不存在', robots: { index: false } };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <NotFoundContent />
      </main>
      <SiteFooter />
    </>
  );
}
