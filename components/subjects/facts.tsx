// The presentation rules live in server/subjects/present.ts (the PDF report shares them).
export { factRows, validityText } from '@/server/subjects/present';

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
