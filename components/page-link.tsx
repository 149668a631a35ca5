import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The portal's link. It does not prefetch: the page cache (server/http/) shares the HTML of
 * public pages, but the React Server Component payloads that prefetching asks for are
 * rendered per request, so prefetching every link of every view would multiply the server's
 * work. This is the one place to change that.
 */
export function PageLink(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
