'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '@/server/root';

// The typed tRPC client of the browser (one per page load), for the few widgets that ask the
// server as the person types. Pages render on the server and never need it.

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });

const client = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/api/trpc', transformer: superjson })],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });

export function TrpcProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
