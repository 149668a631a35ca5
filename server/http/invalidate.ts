// The bridge between code that changes public data (bundled by Next) and the page cache of
// the HTTP server (not bundled): module instances differ, so the hook lives on globalThis.
import { publicDataWritten } from '../db/read-routing';

const HOOK = Symbol.for('xinyong-leshan.publicDataChanged');
const VERSION = Symbol.for('xinyong-leshan.publicDataVersion');

type Listener = () => void;
type WithHook = typeof globalThis & { [HOOK]?: Listener[]; [VERSION]?: number };

/**
 * A number that changes whenever public data changes, here or (through the cluster channel) in
 * another instance: caches of derived answers key on it, so a change makes them miss at once.
 */
export function publicDataVersion(): number {
  return (globalThis as WithHook)[VERSION] ?? 0;
}

/** Public data changed: here (publicDataChanged) or in another instance (the cluster channel, server/http/serve.ts). */
export function bumpPublicDataVersion(): void {
  const g = globalThis as WithHook;
  g[VERSION] = (g[VERSION] ?? 0) + 1;
}

/** Called by the HTTP server: `listener` runs whenever public data changes in this process. */
export function onPublicDataChange(listener: Listener): () => void {
  const g = globalThis as WithHook;
  const listeners = (g[HOOK] ??= []);
  listeners.push(listener);
  return () => listeners.splice(listeners.indexOf(listener), 1);
}

/**
 * Call AFTER a transaction that changed what the public sees has committed (a decision, a
 * record change, an import): cached public pages are dropped at once in this process; other
 * instances are told through PostgreSQL (server/http/cluster-channel.ts) and drop theirs too.
 */
export function publicDataChanged(): void {
  // Reads after this change must not come from a replica that has not replayed it yet.
  publicDataWritten();
  bumpPublicDataVersion();
  for (const listener of (globalThis as WithHook)[HOOK] ?? []) listener();
}

/**
 * Runs `work` (a committed transaction that changed public data) and then drops cached public
 * pages in this process, so that the change shows on the next request, not after the TTL.
 */
export async function changingPublicData<T>(work: () => Promise<T>): Promise<T> {
  const result = await work();
  publicDataChanged();
  return result;
}
