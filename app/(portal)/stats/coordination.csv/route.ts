import { coordinationMonthCsv } from '@/server/coordination/service';
import { monthCsvResponse } from '@/server/stats/month-csv';

export const dynamic = 'force-dynamic';

/** GET /stats/coordination.csv?month=YYYY-MM: 联合奖惩协同 of one month (issue 14). */
export function GET(request: Request) {
  return monthCsvResponse(
    request,
    (month) => ({ ascii: `leshan-coordination-${month}.csv`, chinese: `联合奖惩协同-${month}.csv` }),
    coordinationMonthCsv,
  );
}
