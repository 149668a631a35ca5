/** SPEC §6: the warning under a deadline in a year whose holidays are not known yet. */
export function DeadlineNote({ note }: { note: string | null | undefined }) {
  if (!note) return null;
  return (
    <span className="mt-1 block text-sm text-amber-900" data-testid="deadline-note">
      {note}
    </span>
  );
}
