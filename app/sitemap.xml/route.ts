import { publicOriginOf } from '@/server/http/origin';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

// The sitemap index: one <sitemap> per chunk that app/sitemaps/sitemap.ts serves at /sitemaps/sitemap/<id>.xml.
export const dynamic = 'force-dynamic';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function GET(request: Request) {
  const base = publicOriginOf(request.headers);
  const ids = await createCaller(await createContext()).sitemap.chunks();
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...ids.map(
      (id) => `<sitemap><loc>${escapeXml(new URL(`/sitemaps/sitemap/${id}.xml`, base).toString())}</loc></sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
