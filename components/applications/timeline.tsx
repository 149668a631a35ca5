import { formatDatesIn, formatDateTime } from '@/components/format';
// An application's history as a list of dated steps; the applicant's /track and the staff
// detail page show the same thing (staff also see internal steps).

export interface TimelineEvent {
  at: string;
  actorLabel: string;
  toStatusLabel: string | null;
  note: string | null;
}

export function Timeline({ events, testId }: { events: readonly TimelineEvent[]; testId: string }) {
  return (
    <ol className="mt-2 border-l-2 border-brand-600 pl-4" data-testid={testId}>
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className="mb-3">
          <p className="text-sm text-slate-600">
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> · {e.actorLabel}
          </p>
          <p>
            {e.toStatusLabel ? <strong>{e.toStatusLabel}：</strong> : null}
            {e.note ? formatDatesIn(e.note) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
