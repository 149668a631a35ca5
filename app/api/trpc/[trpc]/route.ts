import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/root';
import { clientIpFrom } from '@/server/rate-limit/service';
import { guardTrpcRequest } from '@/server/rate-limit/trpc';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const ctx = await createContext({ clientIp: clientIpFrom(req.headers) });
  // The per-address allowance and the batch cap (server/rate-limit/trpc.ts).
  const refused = await guardTrpcRequest(ctx.db, req);
  if (refused) return refused;
  return fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => ctx });
}

export { handler as GET, handler as POST };
