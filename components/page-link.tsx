import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The portal's link. It does not prefetch: public pages render per request for now, and
 * prefetching every link of every view would multiply the server's work. When the public
 * pages are cached, this is the one place to turn prefetching back on.
 */
export function PageLink(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
