'use client';

import { useState } from 'react';

/**
 * A plain multipart form (it works without JavaScript); with JavaScript, submitting disables
 * the button (one submission) and shows an honest "处理中" bar: the server does not report
 * row progress to the page, so the bar is indeterminate rather than a made-up percentage.
 */
export function PendingForm({
  action,
  children,
  submitLabel,
  pendingLabel,
}: {
  action: string;
  children: React.ReactNode;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <form
      method="post"
      action={action}
      encType="multipart/form-data"
      onSubmit={(e) => {
        if (pending) e.preventDefault();
        else setPending(true);
      }}
    >
      {children}
      <button
        type="submit"
        disabled={pending}
        className="mt-3 rounded bg-brand-700 px-4 py-1.5 font-semibold text-white disabled:opacity-60"
      >
        {submitLabel}
      </button>
      <div role="status" aria-live="polite" className="mt-3">
        {pending ? (
          <>
            <progress className="block w-full max-w-xl" aria-label={pendingLabel} />
            <p className="mt-1 text-sm text-slate-800">{pendingLabel}</p>
          </>
        ) : null}
      </div>
    </form>
  );
}
