import { formatDate } from '@/components/format';
import type { SubjectProfile } from '@/server/subjects/service';

type Facts = SubjectProfile['subject'];

/** Codes read as one unit: they never wrap inside (a phone puts them on their own line instead). */
const CODE_LABELS = new Set(['统一社会信用代码', '工商注册号']);

/** The subject's registration facts as label/value rows; rows without a value are left out. */
export function factRows(s: Facts): FactRow[] {
  const rows: [string, string | null][] = [
    [s.kind === 'natural_person' ? '姓名' : '名称', s.name],
    ['主体类别', s.kindLabel],
    ['统一社会信用代码', s.uscc],
    ['工商注册号', s.registrationNumber],
    [s.idType ? `证件号码（${s.idType}）` : '证件号码', s.idNumber],
    [s.representative?.label ?? '法定代表人', s.representative?.name ?? null],
    ['登记状态', s.registrationStatus],
    ['成立日期', s.establishedOn ? formatDate(s.establishedOn) : null],
    ['注册资本', s.registeredCapitalWan ? `${s.registeredCapitalWan} 万元` : null],
    ['所属行业', s.industry],
    ['所属地区', s.division],
    ['住所', s.address],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([label, value]) => ({ label, value, nowrap: CODE_LABELS.has(label) || label.startsWith('证件号码') }));
}

export interface FactRow {
  label: string;
  value: React.ReactNode;
  /** A code that must not break across lines (USCC, registration and ID numbers). */
  nowrap?: boolean;
}

/** A definition list of label/value pairs, two columns on wide screens. */
export function FactList({ rows, compact = false }: { rows: FactRow[]; compact?: boolean }) {
  return (
    <dl className={`grid gap-x-6 ${compact ? 'gap-y-1 text-sm' : 'gap-y-2'} sm:grid-cols-2`}>
      {rows.map((r) => (
        <div key={r.label} className={`flex min-w-0 gap-x-2 ${r.nowrap ? 'flex-wrap' : ''}`}>
          <dt className="shrink-0 text-slate-600">{r.label}：</dt>
          <dd
            className={r.nowrap ? 'whitespace-nowrap text-slate-900' : 'min-w-0 break-words text-slate-900'}
            data-nowrap={r.nowrap ? '' : undefined}
          >
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The period of a licence: 2099-12-31 is 长期 and arrives here as null. */
export function validityText(from: string, until: string | null): string {
  return `${formatDate(from)} 至 ${until ? formatDate(until) : '长期'}`;
}
