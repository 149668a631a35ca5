// The serving step of `npm start` and `npm run serve`: after `prepare` (in the first process
// only), the HTTP server on PORT in as many processes as workerCount says
// (server/http/workers.ts), each stopped gracefully on SIGTERM or SIGINT. A forked worker runs
// the calling script again and goes straight to serving.
import os from 'node:os';
import { config } from '../../server/config';
import { startHttpServer } from '../../server/http/serve';
import { exitWithPrimary, forkServerWorkers, isServerWorker, workerCount } from '../../server/http/workers';

export async function runServers({
  prepare,
  graceMs,
  onReady,
}: {
  prepare: () => Promise<void>;
  graceMs: number;
  /** In the first process, once every server process listens. */
  onReady: (processes: number) => void;
}): Promise<void> {
  if (isServerWorker()) return serveHere(graceMs, () => exitWithPrimary());
  await prepare();
  const processes = workerCount({
    configured: config().WEB_CONCURRENCY,
    postgres: Boolean(config().DATABASE_URL),
    cores: os.availableParallelism(),
  });
  if (processes === 1) return serveHere(graceMs, () => onReady(1));
  console.log(`启动 ${processes} 个服务进程（WEB_CONCURRENCY）…`);
  await forkServerWorkers(processes);
  onReady(processes);
}

async function serveHere(graceMs: number, onListening: () => void): Promise<void> {
  const server = await startHttpServer({
    port: config().PORT,
    dir: process.cwd(),
    trustedProxies: config().TRUSTED_PROXIES,
    databaseUrl: config().DATABASE_URL,
  });
  onListening();
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), graceMs).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
