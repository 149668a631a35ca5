// Wall time per phase of an import, for the import benchmark: off (one null check per call)
// unless a caller asks for it with collectImportPhases.

let active: Map<string, number> | null = null;

/** Starts collecting; the returned map fills with milliseconds per phase until stopped. */
export function collectImportPhases(): Map<string, number> {
  active = new Map();
  return active;
}

export function stopCollectingImportPhases(): void {
  active = null;
}

/** Adds milliseconds to a phase (for time measured by the caller). */
export function addPhaseTime(name: string, ms: number): void {
  if (active) active.set(name, (active.get(name) ?? 0) + ms);
}

/** Runs `work` and adds its wall time to the phase `name`. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!active) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    addPhaseTime(name, performance.now() - started);
  }
}

/** Synchronous variant of timed. */
export function timedSync<T>(name: string, work: () => T): T {
  if (!active) return work();
  const started = performance.now();
  try {
    return work();
  } finally {
    addPhaseTime(name, performance.now() - started);
  }
}
