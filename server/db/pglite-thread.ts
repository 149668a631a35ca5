import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// The embedded database (PGlite) is PostgreSQL compiled to WebAssembly: it computes on the
// thread that calls it. On the server's own thread every statement stopped the rendering of
// pages, and a search miss spent about a third of that thread in PostgreSQL (CPU profile,
// demo data). Here it runs in a worker thread of its own (pglite-thread.worker.mjs), so that
// the two use both cores; statements and rows cross by message (structured clone).

/** What the PGlite dialect needs of the embedded database: PGlite itself, or PGliteThread. */
export interface EmbeddedPostgres {
  readonly waitReady: Promise<void>;
  readonly closed: boolean;
  query<R>(
    sql: string,
    params: unknown[],
    options: { rowMode: 'object' },
  ): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
}

/** The worker's file: a worker thread starts from a file, outside the server's bundle. */
const WORKER_FILE = path.join(process.cwd(), 'server', 'db', 'pglite-thread.worker.mjs');

type Reply =
  { id: number; ok: true; rows?: unknown[]; affectedRows?: number } | { id: number; ok: false; error: ErrorFields };
type ErrorFields = { message: string; name?: string } & Record<string, unknown>;

/** A PostgreSQL error from the thread, with its fields (code, detail, constraint …) as PGlite gives them. */
function errorFrom(fields: ErrorFields): Error {
  return Object.assign(new Error(fields.message), fields);
}

export class PGliteThread implements EmbeddedPostgres {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (err: Error) => void }>();
  private nextId = 1;
  private gone: Error | null = null;
  private closing = false;

  /** A file-backed database in `dataDir` (created when absent). */
  constructor(dataDir: string) {
    if (!existsSync(WORKER_FILE)) {
      throw new Error(`PGlite: ${WORKER_FILE} is missing (the server must run from the project folder)`);
    }
    // Plain JavaScript: none of this process's flags (a loader, --eval) concern the thread.
    this.worker = new Worker(WORKER_FILE, { workerData: { dataDir }, execArgv: [] });
    let failStart: (err: Error) => void = () => undefined;
    this.waitReady = new Promise<void>((resolve, reject) => {
      failStart = reject;
      const first = (m: { ready?: boolean; error?: ErrorFields }) => {
        if (m.ready === undefined) return;
        this.worker.off('message', first);
        if (m.ready) resolve();
        else reject(errorFrom(m.error ?? { message: 'PGlite could not start' }));
        this.idle();
      };
      this.worker.on('message', first);
    });
    this.worker.on('message', (m: Reply) => {
      if (typeof m.id !== 'number') return;
      const waiter = this.pending.get(m.id);
      if (!waiter) return;
      this.pending.delete(m.id);
      waiter.resolve(m);
      this.idle();
    });
    const fail = (err: Error) => {
      this.gone ??= err;
      failStart(err); // no effect once started
      for (const waiter of this.pending.values()) waiter.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', (err) => fail(err));
    this.worker.on('exit', (code) => fail(new Error(`PGlite: the database thread stopped (exit code ${code})`)));
  }

  get closed(): boolean {
    return this.gone !== null || this.closing;
  }

  async query<R>(sql: string, params: unknown[]): Promise<{ rows: R[]; affectedRows?: number }> {
    const reply = await this.send({ op: 'query', sql, params });
    if (!reply.ok) throw errorFrom(reply.error);
    return {
      rows: (reply.rows ?? []) as R[],
      ...(reply.affectedRows === undefined ? {} : { affectedRows: reply.affectedRows }),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    try {
      if (
        await this.waitReady.then(
          () => true,
          () => false,
        )
      ) {
        const reply = await this.send({ op: 'close' }, true);
        if (!reply.ok) throw errorFrom(reply.error);
      }
    } finally {
      await this.worker.terminate();
    }
  }

  private send(
    message: { op: 'query'; sql: string; params: unknown[] } | { op: 'close' },
    closing = false,
  ): Promise<Reply> {
    if (this.gone) return Promise.reject(this.gone);
    if (this.closing && !closing) return Promise.reject(new Error('PGlite: the database is closed'));
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The thread keeps the process alive only while a statement is under way, as PGlite
      // on the main thread does: an idle database never holds a finished script open.
      this.worker.ref();
      this.worker.postMessage({ id, ...message });
    });
  }

  private idle(): void {
    if (this.pending.size === 0) this.worker.unref();
  }
}
