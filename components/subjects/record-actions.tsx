import { PageLink } from '@/components/page-link';
import type { RecordAction } from '@/server/subjects/present';

/**
 * The objection and repair buttons of a record. An unavailable one is not a link and always says
 * why and, when it can, from when (SPEC §9: a grey button with no reason given).
 */
export function RecordActions({ actions, recordLabel }: { actions: RecordAction[]; recordLabel: string }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-2 border-t border-slate-100 pt-3 print:hidden">
      {actions.map((a) => (
        <li key={a.kind} className="flex flex-wrap items-center gap-2">
          {a.available ? (
            <PageLink
              href={a.href}
              className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              {a.label}
              <span className="sr-only">：{recordLabel}</span>
            </PageLink>
          ) : (
            <>
              <span
                aria-disabled="true"
                className="cursor-not-allowed rounded-md border border-slate-300 bg-slate-100 px-3 py-1.5 text-sm text-slate-600"
              >
                {a.label}
                <span className="sr-only">（暂不可用）</span>
              </span>
              <span className="text-sm text-amber-900" data-testid={`${a.kind}-note`}>
                {a.note}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
