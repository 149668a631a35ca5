import { getDb } from '@/server/db/client';
import { handleApiRequest } from '@/server/api/router';

// Every /api/v1 request goes through one wrapper (server/api/router.ts).
export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

async function handle(request: Request): Promise<Response> {
  return handleApiRequest(request, { db: await getDb() });
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as HEAD };
