'use client';

import { ErrorContent } from '@/components/frame/error-content';

// An error in a layout: the portal frame itself may be what failed, so this page stands alone.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
      <ErrorContent digest={error.digest} reset={reset} />
    </main>
  );
}
