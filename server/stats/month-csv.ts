import { attachmentDisposition } from '../csv/writer';
import { getDb, type Db } from '../db/client';
import { todayInShanghai } from '../rules/dates';
import { MONTH } from './router';
import { monthPeriod } from './service';

type Period = ReturnType<typeof monthPeriod>;

/**
 * GET …/xxx.csv?month=YYYY-MM: a month's monitoring CSV (/stats/report.csv, /stats/coordination.csv).
 * A wrong month is a Chinese 400 in place of the file.
 */
export async function monthCsvResponse(
  request: Request,
  name: (month: string) => { ascii: string; chinese: string },
  make: (db: Db, period: Period, today: string) => Promise<string>,
): Promise<Response> {
  const month = MONTH.safeParse(new URL(request.url).searchParams.get('month') ?? '');
  if (!month.success) {
    return new Response('参数 month：月份应写作 YYYY-MM，例如 2026-10', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const csv = await make(await getDb(), monthPeriod(month.data), todayInShanghai());
  const file = name(month.data);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachmentDisposition(file.ascii, file.chinese),
    },
  });
}
