import cluster, { type Worker } from 'node:cluster';

// Several server processes on one port (node:cluster): a Node process renders pages on one
// core, so a portal on a PostgreSQL server runs one per core. They share nothing in memory
// that must agree: rate limits live in the database, each process's page cache is cleared by
// the change notices every instance listens to (cluster-channel.ts), as for instances behind
// nginx. The embedded database (PGlite) admits one process, so without DATABASE_URL there is one.

/** How many server processes: WEB_CONCURRENCY if set, else one per core on PostgreSQL (at most 8), else one. */
export function workerCount({
  configured,
  postgres,
  cores,
}: {
  configured: number | undefined;
  postgres: boolean;
  cores: number;
}): number {
  if (!postgres) return 1;
  return configured ?? Math.max(1, Math.min(cores, 8));
}

/**
 * V8 flags of a server process. A page is rendered from many short-lived objects: with V8's
 * default young generation (16 MB semi-spaces) a search miss spent 13% of its Node CPU in
 * garbage collection and promoted render garbage to the old generation; with 64 MB, one process
 * serves fresh searches with about a quarter less CPU each (README, "Performance"), for at
 * most 2 × 48 MB more memory per process. `npm start` and `npm run serve` pass them; forked
 * workers get them whatever started the primary. A value the operator set wins.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'] as const;

/** `execArgv` with each server flag the operator did not set already (in it or NODE_OPTIONS). */
export function withServerFlags(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((a) => a.split('=')[0]!.replace(/_/g, '-'));
  return [...execArgv, ...SERVER_NODE_FLAGS.filter((f) => !given.includes(f.split('=')[0]!))];
}

/** A process forked by `serveInWorkers` (it runs the same script again). */
export const isServerWorker = () => cluster.isWorker;

/** Restarts allowed in RESTART_WINDOW_MS before the primary gives up (a worker that cannot start). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const STOP_GRACE_MS = 10_000;

/**
 * In the primary: forks `count` workers, each of which runs the calling script again and
 * reaches `isServerWorker()`. Resolves once all of them listen. A worker that dies is
 * replaced (at most five times a minute); SIGTERM or SIGINT stops them all, gracefully.
 */
export function forkServerWorkers(count: number, log: (line: string) => void = console.log): Promise<void> {
  let stopping = false;
  const restarts: number[] = [];
  cluster.setupPrimary({ execArgv: withServerFlags(process.execArgv, process.env.NODE_OPTIONS) });
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    // A worker that ends cleanly was told to stop (a signal to the process group, as Ctrl-C sends).
    if (stopping || (code === 0 && !signal)) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      console.error(`服务进程反复退出（1 分钟内 ${restarts.length} 次），停止服务。`);
      process.exit(1);
    }
    log(`服务进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重新启动一个。`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((resolve) => {
    let listening = 0;
    const onListening = () => {
      listening += 1;
      if (listening === count) {
        cluster.off('listening', onListening);
        resolve();
      }
    };
    cluster.on('listening', onListening);
    for (let i = 0; i < count; i++) fork();
  });
}

/** In a worker: leave when the primary is gone (killed without its signal handlers). */
export function exitWithPrimary(): void {
  process.on('disconnect', () => process.exit(0));
}
