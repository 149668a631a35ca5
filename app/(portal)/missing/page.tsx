import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { NotFoundContent } from '@/components/frame/not-found-content';
import { INTERNAL_HEADER, NOT_FOUND_PROBE_VALUE } from '@/server/http/not-found-page';

// Every HTML 404 is this page with status 404 (server/http/serve.ts asks for it): the 404 body
// in the portal's frame. Asked for from outside it is a 404 itself.
export const dynamic = 'force-dynamic';
export const metadata = { title: '页面不存在', robots: { index: false } };

export default async function MissingPage() {
  if ((await headers()).get(INTERNAL_HEADER) !== NOT_FOUND_PROBE_VALUE) notFound();
  return <NotFoundContent />;
}
