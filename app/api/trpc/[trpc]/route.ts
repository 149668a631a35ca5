import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/root';
import { clientIpFrom } from '@/server/rate-limit/service';
import { guardTrpcRequest } from '@/server/rate-limit/trpc';
import { isDatabaseUnavailable } from '@/server/db/read-routing';
import { createContext, databaseUnavailable } from '@/server/trpc';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const ctx = await createContext({ clientIp: clientIpFrom(req.headers) });
  // The per-address allowance and the batch cap (server/rate-limit/trpc.ts). It counts in the
  // database: with the database unreachable every call answers 503 through tRPC, in its format.
  let outage: unknown = null;
  try {
    const refused = await guardTrpcRequest(ctx.db, req);
    if (refused) return refused;
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    outage = err;
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => {
      if (outage) throw databaseUnavailable(outage);
      return ctx;
    },
  });
}

export { handler as GET, handler as POST };
