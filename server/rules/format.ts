// How numbers and dates read on the portal (pure; pages and server presenters share it).

/** 12345 → "12,345" */
export function formatCount(n: number): string {
  return n.toLocaleString('zh-CN');
}

/** '2024-03-05' → '2024年3月5日' */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Every calendar date inside a sentence written earlier, such as a history note
 * ('已受理，应于 2024-03-05 前作出决定。') → '已受理，应于 2024年3月5日 前作出决定。'.
 * Digits that run on (a tracking number, a longer code) are left alone.
 */
export function formatDatesIn(text: string): string {
  return text.replace(/(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g, (iso) => formatDate(iso));
}

/** '2024-03' → '2024年3月' */
export function formatMonth(isoMonth: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(isoMonth);
  if (!m) return isoMonth;
  return `${m[1]}年${Number(m[2])}月`;
}

const SHANGHAI_PARTS = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant → '2024年3月5日 14:30' in Asia/Shanghai, whatever the server's time zone;
 * with seconds ('2024年3月5日 14:30:07') where the order of events matters, as in the audit trail.
 */
export function formatDateTime(instant: string | Date, { seconds = false }: { seconds?: boolean } = {}): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  const parts = SHANGHAI_PARTS.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`;
  return `${part('year')}年${Number(part('month'))}月${Number(part('day'))}日 ${time}`;
}

/** An instant → the calendar day it falls on in Asia/Shanghai, '2024年3月5日'. */
export function formatDayOf(instant: string | Date): string {
  return formatDateTime(instant).split(' ')[0] ?? String(instant);
}

/** A decimal amount ("12500.5") with thousands separators ("12,500.5"), no float on the way. */
export function formatAmount(decimal: string): string {
  const [whole = '0', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
