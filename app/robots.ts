import type { MetadataRoute } from 'next';
import { headers } from 'next/headers';
import { publicOriginOf } from '@/server/http/origin';

// Public pages are open to crawlers; the back office, the API, search result pages and the
// personal pages (applications, tracking, verification) are not.
export const dynamic = 'force-dynamic';

const DISALLOWED = ['/admin', '/api/', '/search?', '/verify', '/track', '/apply', '/preferences/'];

export default async function robots(): Promise<MetadataRoute.Robots> {
  const base = publicOriginOf(await headers());
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: DISALLOWED }],
    sitemap: new URL('/sitemap.xml', base).toString(),
  };
}
