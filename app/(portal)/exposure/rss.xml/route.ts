import { exposureFeedSchema } from '@/server/exposure/schema';
import { renderExposureRss } from '@/server/exposure/feed';
import { publicOriginOf } from '@/server/http/origin';
import { CREDIT_DOMAINS } from '@/server/rules/codes';
import { createCaller } from '@/server/root';
import { createContext } from '@/server/trpc';

// RSS 2.0 of the 曝光台 for media: the latest public cases, of one domain (?domain=) or of all,
// absolute links from the public origin.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const raw = new URL(request.url).searchParams.get('domain');
  const parsed = exposureFeedSchema.safeParse(raw === null || raw.trim() === '' ? {} : { domain: raw.trim() });
  if (!parsed.success) {
    return new Response(
      `没有“${(raw ?? '').slice(0, 40)}”这个领域的曝光台订阅。可订阅的领域：${CREDIT_DOMAINS.join('、')}；不带 domain 参数即订阅全部案例。`,
      { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } },
    );
  }
  const ctx = await createContext();
  const cases = await createCaller(ctx).exposure.feed(parsed.data);
  return new Response(renderExposureRss(cases, publicOriginOf(request.headers), ctx.today, parsed.data.domain), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
}
