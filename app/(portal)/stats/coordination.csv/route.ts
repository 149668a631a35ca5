import { coordinationMonthCsv } from '@/server/coordination/service';
import { attachmentDisposition } from '@/server/csv/writer';
import { getDb } from '@/server/db/client';
import { todayInShanghai } from '@/server/rules/dates';
import { monthPeriod } from '@/server/stats/service';
import { MONTH } from '@/server/stats/router';

export const dynamic = 'force-dynamic';

/** GET /stats/coordination.csv?month=YYYY-MM: 联合奖惩协同 of one month (issue 14). */
export async function GET(request: Request) {
  const month = MONTH.safeParse(new URL(request.url).searchParams.get('month') ?? '');
  if (!month.success) {
    return new Response('参数 month：月份应写作 YYYY-MM，例如 2026-10', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const csv = await coordinationMonthCsv(await getDb(), monthPeriod(month.data), todayInShanghai());
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachmentDisposition(
        `leshan-coordination-${month.data}.csv`,
        `联合奖惩协同-${month.data}.csv`,
      ),
    },
  });
}
