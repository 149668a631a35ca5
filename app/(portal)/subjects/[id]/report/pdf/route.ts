import { issuedReportPdf } from '@/server/reports/service';
import { publicOriginOf } from '@/server/http/origin';
import { createContext } from '@/server/trpc';
import { z } from '@/server/validation';

export const dynamic = 'force-dynamic';

const query = z.object({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  code: z.string().trim().min(1).max(64),
});

/** 下载PDF版: the signed PDF of an issued report, rendered from its stored content. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = query.safeParse({ id: (await params).id, code: new URL(request.url).searchParams.get('code') ?? '' });
  if (!parsed.success) return notFound();
  const { db } = await createContext();
  const found = await issuedReportPdf(db, parsed.data.id, parsed.data.code, publicOriginOf(request.headers));
  if (!found) return notFound();
  const name = `信用报告-${found.reportNumber}.pdf`;
  return new Response(new Uint8Array(found.pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${found.reportNumber}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      // A report is for the person who asked for it: never shared by a cache, never indexed.
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    },
  });
}

function notFound() {
  return new Response('没有找到该信用报告，请检查报告链接或验证码。', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}
