import { TRPCError } from '@trpc/server';
import { staffCaller } from '../../_lib/session';
import { currentStaff } from '../../_lib/session';

export const dynamic = 'force-dynamic';

/** Staff-only download of an application's attachment, never rendered inline by the browser. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await currentStaff()))
    return new Response('请先登录。', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0)
    return new Response('没有这个附件。', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const { caller } = await staffCaller();
  try {
    const file = await caller.applications.attachment({ id });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        'content-type': file.mediaType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'x-checksum-sha256': file.sha256,
      },
    });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN')) {
      return new Response('没有这个附件，或您无权查看。', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    throw err;
  }
}
