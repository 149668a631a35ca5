import { getDb } from '@/server/db/client';
import { todayInShanghai } from '@/server/rules/dates';
import { openDataResponse } from '@/server/open-data/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const response = await openDataResponse(await getDb(), todayInShanghai(), file, request.headers.get('if-none-match'));
  return (
    response ??
    new Response('没有这个数据文件，可用文件见 /open-data', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  );
}
