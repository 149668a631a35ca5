import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/root';
import { clientIpFrom } from '@/server/rate-limit/service';
import { createContext } from '@/server/trpc';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext({ clientIp: clientIpFrom(req.headers) }),
  });
}

export { handler as GET, handler as POST };
