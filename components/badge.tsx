const TONES = {
  /** 失信惩戒, 已撤销 … */
  danger: 'bg-seal-600/10 text-seal-700 ring-seal-600/30',
  /** 异议处理中, 已过期 … */
  warning: 'bg-amber-100 text-amber-900 ring-amber-600/30',
  /** 守信激励, 已修复 … */
  honor: 'bg-emerald-50 text-honor-700 ring-honor-700/30',
  neutral: 'bg-slate-100 text-slate-700 ring-slate-400/40',
  info: 'bg-brand-50 text-brand-800 ring-brand-600/30',
} as const;

export type BadgeTone = keyof typeof TONES;

/** A status label. Colour only repeats what the words say (never the only signal). */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

/** The tone of the portal's standard status words, so a badge looks the same everywhere. */
export function toneOfStatus(label: string): BadgeTone {
  if (/失信|撤销|惩戒|黑名单/.test(label)) return 'danger';
  if (/异议|过期|中止|处理中/.test(label)) return 'warning';
  if (/守信|修复|红名单|激励/.test(label)) return 'honor';
  return 'neutral';
}
