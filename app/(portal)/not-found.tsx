import { NotFoundContent } from '@/components/frame/not-found-content';

// notFound() in a portal page (an unknown article or record): inside the portal's frame.
export const metadata = { title: '页面不存在', robots: { index: false } };

export default function PortalNotFound() {
  return <NotFoundContent />;
}
