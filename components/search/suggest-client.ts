import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@/server/root';

// The typed tRPC client behind the search box's suggestions. It is loaded with the first
// keystroke (a dynamic import), so a page's first load carries none of it.

const client = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/api/trpc', transformer: superjson })],
});

export type Suggestion = Awaited<ReturnType<typeof client.search.suggest.query>>[number];

export function fetchSuggestions(q: string, signal: AbortSignal): Promise<Suggestion[]> {
  return client.search.suggest.query({ q }, { signal });
}
