'use client';

import { ErrorContent } from '@/components/frame/error-content';

// An error in a portal page: shown inside the portal's <main>, with the header and footer kept.
export default function PortalErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorContent digest={error.digest} reset={reset} />;
}
