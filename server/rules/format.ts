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

/** A decimal amount ("12500.5") with thousands separators ("12,500.5"), no float on the way. */
export function formatAmount(decimal: string): string {
  const [whole = '0', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
