// One server process of `npm start` or `npm run serve`: the HTTP server on PORT, stopped
// gracefully on SIGTERM or SIGINT. In a worker of several (server/http/workers.ts) it also
// leaves when the primary is gone.
import { config } from '../../server/config';
import { startHttpServer } from '../../server/http/serve';
import { exitWithPrimary, isServerWorker } from '../../server/http/workers';

export async function runServer({ graceMs, onReady }: { graceMs: number; onReady: () => void }): Promise<void> {
  const server = await startHttpServer({
    port: config().PORT,
    dir: process.cwd(),
    trustedProxies: config().TRUSTED_PROXIES,
    databaseUrl: config().DATABASE_URL,
  });
  if (isServerWorker()) exitWithPrimary();
  else onReady();
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), graceMs).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
