import { monitoringReport, reportCsv } from '@/server/stats/service';
import { monthCsvResponse } from '@/server/stats/month-csv';

export const dynamic = 'force-dynamic';

/** GET /stats/report.csv?month=YYYY-MM: the month's 公示情况 monitoring report. */
export function GET(request: Request) {
  return monthCsvResponse(
    request,
    (month) => ({ ascii: `leshan-monitoring-${month}.csv`, chinese: `公示情况监测-${month}.csv` }),
    async (db, period, today) => reportCsv(await monitoringReport(db, period, today)),
  );
}
