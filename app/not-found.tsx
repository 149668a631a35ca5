import { NotFoundContent } from '@/components/frame/not-found-content';

// What Next itself renders for an address that matches no route. Visitors never get it as a
// page: server/http/serve.ts answers every HTML 404 with app/(portal)/missing (the same body in
// the portal's frame). It stays without the frame because Next puts this tree into the React
// payload of every page: with the header and footer it cost about 2 ms per page rendered.
export const metadata = { title: '页面不存在', robots: { index: false } };

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
      <NotFoundContent />
    </main>
  );
}
