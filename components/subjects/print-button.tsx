'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** A print button once JavaScript runs; before that (or without it) the keyboard hint beside it does the job. */
export function PrintButton() {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
    >
      打印
    </button>
  );
}
