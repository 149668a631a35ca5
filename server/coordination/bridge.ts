import type { Db } from '../db/client';
import type { RecordEvent as WrittenEvent } from '../records/writer';
import { onRecordEvents, type RecordEventKind } from './service';

// The record writer (server/records/writer.ts) tells coordination what happened to a record, in
// the writing transaction: a published list entry starts its joint action, a suspension pauses
// its tasks, a removal, expiry or repair ends them, and subscribers get the webhook event.

const KIND_OF: Record<WrittenEvent['kind'], Partial<Record<WrittenEvent['event'], RecordEventKind>>> = {
  list_entry: {
    published: 'list_entry.published',
    suspended: 'list_entry.suspended',
    resumed: 'list_entry.resumed',
    withdrawn: 'list_entry.removed',
    removed: 'list_entry.removed',
    expired: 'list_entry.removed',
    repaired: 'list_entry.repaired',
  },
  penalty: { published: 'penalty.published', withdrawn: 'penalty.withdrawn', repaired: 'penalty.repaired' },
  licensing: {},
};

/** What coordination makes of the writer's events (none for corrections, updates and licences). */
export function coordinationEventOf(event: WrittenEvent): RecordEventKind | null {
  return KIND_OF[event.kind][event.event] ?? null;
}

export async function coordinateRecordEvents(trx: Db, events: readonly WrittenEvent[]): Promise<void> {
  await onRecordEvents(
    trx,
    events.flatMap((event) => {
      const kind = coordinationEventOf(event);
      return kind ? [{ kind, id: event.id, today: event.on }] : [];
    }),
  );
}
