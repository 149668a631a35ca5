import type { MetadataRoute } from 'next';
import { config } from '@/server/config';

// Public pages are open to crawlers; the back office, the API, search result pages and the
// personal pages (applications, tracking, verification) are not.
export const dynamic = 'force-dynamic';

const DISALLOWED = ['/admin', '/api/', '/search?', '/verify', '/track', '/apply', '/preferences/'];

export default function robots(): MetadataRoute.Robots {
  const base = config().SITE_URL;
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: DISALLOWED }],
    sitemap: new URL('/sitemap.xml', base).toString(),
  };
}
