import { formatDate } from '@/components/format';
import type { SubjectProfile } from '@/server/subjects/service';

type Facts = SubjectProfile['subject'];

/** The subject's registration facts as label/value rows; rows without a value are left out. */
export function factRows(s: Facts): { label: string; value: string }[] {
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
    .map(([label, value]) => ({ label, value }));
}

/** A definition list of label/value pairs, two columns on wide screens. */
export function FactList({
  rows,
  compact = false,
}: {
  rows: { label: string; value: React.ReactNode }[];
  compact?: boolean;
}) {
  return (
    <dl className={`grid gap-x-6 ${compact ? 'gap-y-1 text-sm' : 'gap-y-2'} sm:grid-cols-2`}>
      {rows.map((r) => (
        <div key={r.label} className="flex min-w-0 gap-2">
          <dt className="shrink-0 text-slate-600">{r.label}：</dt>
          <dd className="min-w-0 break-words text-slate-900">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The period of a licence: 2099-12-31 is 长期 and arrives here as null. */
export function validityText(from: string, until: string | null): string {
  return `${formatDate(from)} 至 ${until ? formatDate(until) : '长期'}`;
}
