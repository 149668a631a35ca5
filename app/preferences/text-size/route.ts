import type { NextRequest } from 'next/server';
import { config } from '@/server/config';
import { parseTextSize, returnTarget, textSizeCookie } from '@/server/preferences/text-size';

// GET /preferences/text-size?size=large&return=/policies — sets the large-text cookie and
// sends the reader back, so the switch works without JavaScript.
export function GET(request: NextRequest) {
  const size = parseTextSize(request.nextUrl.searchParams.get('size'));
  const location = returnTarget(request.nextUrl.searchParams.get('return'), request.headers.get('referer'));
  // Secure whenever the site is served over HTTPS (SITE_URL), whatever the hop to us used.
  const secure =
    (config().SITE_URL?.startsWith('https://') ?? false) ||
    request.nextUrl.protocol === 'https:' ||
    request.headers.get('x-forwarded-proto') === 'https';
  return new Response(null, {
    status: 303,
    headers: {
      Location: location,
      'Set-Cookie': textSizeCookie(size, secure),
      'Cache-Control': 'no-store',
    },
  });
}
