import { renderExposureRss } from '@/server/exposure/feed';
import { publicOriginOf } from '@/server/http/origin';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

// RSS 2.0 of the 曝光台 for media: the latest public cases, absolute links from the public origin.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const ctx = await createContext();
  const cases = await createCaller(ctx).exposure.feed();
  return new Response(renderExposureRss(cases, publicOriginOf(request.headers), ctx.today), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
}
