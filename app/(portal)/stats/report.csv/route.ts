import { getDb } from '@/server/db/client';
import { todayInShanghai } from '@/server/rules/dates';
import { monitoringReport, monthPeriod, reportCsv } from '@/server/stats/service';
import { MONTH } from '@/server/stats/router';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const month = MONTH.safeParse(new URL(request.url).searchParams.get('month') ?? '');
  if (!month.success) {
    return new Response('参数 month：月份应写作 YYYY-MM，例如 2026-10', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const report = await monitoringReport(await getDb(), monthPeriod(month.data), todayInShanghai());
  return new Response(reportCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="leshan-monitoring-${month.data}.csv"`,
    },
  });
}
