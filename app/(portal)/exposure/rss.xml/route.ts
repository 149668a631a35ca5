import { renderExposureRss } from '@/server/exposure/feed';
import { config } from '@/server/config';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

// RSS 2.0 of the 曝光台 for media: the latest public cases, absolute links from SITE_URL.
export const dynamic = 'force-dynamic';

export async function GET() {
  const ctx = await createContext();
  const cases = await createCaller(ctx).exposure.feed();
  return new Response(renderExposureRss(cases, config().SITE_URL, ctx.today), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
}
