import { NotFoundContent } from '@/components/not-found-content';

// notFound() in a public page renders here, inside the portal layout that already has the
// header, <main> and footer; the root not-found.tsx (with its own) serves unknown URLs.
export const metadata = { title: '页面不存在' };

export default function PortalNotFound() {
  return <NotFoundContent />;
}
