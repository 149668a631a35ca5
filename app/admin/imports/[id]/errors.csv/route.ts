import { TRPCError } from '@trpc/server';
import { staffCaller } from '../../../_lib/session';

export const dynamic = 'force-dynamic';

/** The full error report of one import (the page shows only the first rows). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) return new Response('没有这个导入批次。', { status: 404 });
  const { caller } = await staffCaller();
  try {
    const csv = await caller.imports.errorReport({ id });
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="import-${id}-errors.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') return new Response(err.message, { status: 404 });
    throw err;
  }
}
