// Pages import formatting from here; the rules live in server/rules/format.ts.
export {
  formatAmount,
  formatCount,
  formatDate,
  formatDateTime,
  formatDatesIn,
  formatDayOf,
  formatMonth,
} from '@/server/rules/format';
