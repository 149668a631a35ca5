// @ts-check
// The embedded database's own thread (see pglite-thread.ts): PGlite runs here, so that its
// WebAssembly PostgreSQL computes while the server's thread renders pages. Plain JavaScript:
// a worker thread starts from a file, outside the server's bundle and its TypeScript loader.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { parentPort, workerData } from 'node:worker_threads';

if (!parentPort) throw new Error('pglite-thread.worker.mjs runs as a worker thread');
const port = parentPort;

// The same type normalisation as the PostgreSQL pool (client.ts): int8 → number,
// numeric and date → their text.
const OID = { int8: 20, numeric: 1700, date: 1082 };
/** @param {string} v */
const asNumber = (v) => Number(v);
/** @param {string} v */
const asIs = (v) => v;

/** A PostgreSQL error as plain fields (code, detail, constraint …): a structured clone of an Error drops them. */
function plainError(/** @type {unknown} */ err) {
  if (!(err instanceof Error)) return { message: String(err) };
  /** @type {Record<string, unknown>} */
  const fields = { name: err.name, message: err.message };
  for (const [key, value] of Object.entries(err)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return fields;
}

try {
  const pg = await PGlite.create({
    ...(workerData.dataDir ? { dataDir: workerData.dataDir } : {}),
    extensions: { pg_trgm },
    parsers: { [OID.int8]: asNumber, [OID.numeric]: asIs, [OID.date]: asIs },
  });
  port.on(
    'message',
    async (/** @type {{ id: number; op: 'query' | 'close'; sql?: string; params?: unknown[] }} */ m) => {
      try {
        if (m.op === 'close') {
          if (!pg.closed) await pg.close();
          port.postMessage({ id: m.id, ok: true });
          return;
        }
        const result = await pg.query(/** @type {string} */ (m.sql), m.params, { rowMode: 'object' });
        port.postMessage({ id: m.id, ok: true, rows: result.rows, affectedRows: result.affectedRows });
      } catch (err) {
        port.postMessage({ id: m.id, ok: false, error: plainError(err) });
      }
    },
  );
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: plainError(err) });
}
