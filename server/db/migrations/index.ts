import type { Migration } from 'kysely';
import * as m0001 from './2026_11_28_0001_domain_schema';
import * as m0002 from './2026_11_28_0002_search_documents';
import * as m0003 from './2026_11_28_0003_search_tsv_expression';
import * as m0203 from './2026_11_28_0203_issued_report_content';
import * as m0210 from './2026_11_28_0210_disclosure_filters';
import * as m0300 from './2026_11_28_0300_change_feed_indexes';
import * as m0400 from './2026_11_28_0400_search_partitions';
import * as m0410 from './2026_11_28_0410_faster_search_tsv';
import * as m0420 from './2026_11_28_0420_query_code_hmac';
import * as m0430 from './2026_11_28_0430_record_uscc_indexes';
import * as m1200 from './2026_12_04_1200_record_decisions';
import * as m1210 from './2026_12_04_1210_workday_calendar';
import * as m1310 from './2026_12_04_1310_stored_files';
import * as m1400 from './2026_12_04_1400_coordination';
import * as m1500 from './2026_12_04_1500_subject_name_key';
import * as m1207_1300 from './2026_12_07_1300_subject_name_near';
import * as m1700 from './2026_12_04_1700_notification_outbox';
import * as m1205_1300 from './2026_12_05_1300_task_overdue';
import * as m1206_0300 from './2026_12_06_0300_audit_filters';
import * as m1206_0310 from './2026_12_06_0310_disclosure_sorts';

/** Every migration, in order. Add new ones at the end; never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0001_domain_schema': m0001,
  '2026_11_28_0002_search_documents': m0002,
  '2026_11_28_0003_search_tsv_expression': m0003,
  '2026_11_28_0203_issued_report_content': m0203,
  '2026_11_28_0210_disclosure_filters': m0210,
  '2026_11_28_0300_change_feed_indexes': m0300,
  '2026_11_28_0400_search_partitions': m0400,
  '2026_11_28_0410_faster_search_tsv': m0410,
  '2026_11_28_0420_query_code_hmac': m0420,
  '2026_11_28_0430_record_uscc_indexes': m0430,
  '2026_12_04_1200_record_decisions': m1200,
  '2026_12_04_1210_workday_calendar': m1210,
  '2026_12_04_1310_stored_files': m1310,
  '2026_12_04_1400_coordination': m1400,
  '2026_12_04_1500_subject_name_key': m1500,
  '2026_12_04_1700_notification_outbox': m1700,
  '2026_12_05_1300_task_overdue': m1205_1300,
  '2026_12_06_0300_audit_filters': m1206_0300,
  '2026_12_06_0310_disclosure_sorts': m1206_0310,
  '2026_12_07_1300_subject_name_near': m1207_1300,
};
