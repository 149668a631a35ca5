import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';

// The webhook outbox's writing side: an event is written in the SAME transaction as the change
// it reports, with one delivery row per active subscription that chose its type. Nothing is
// sent here; the delivery loop (delivery.ts) sends and retries.

export const WEBHOOK_EVENT_TYPES = [
  'list_entry.published',
  'list_entry.suspended',
  'list_entry.resumed',
  'list_entry.removed',
  'list_entry.repaired',
  'penalty.published',
  'penalty.withdrawn',
  'penalty.repaired',
  'task.created',
  'task.overdue',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'list_entry.published': '名单条目发布',
  'list_entry.suspended': '名单条目暂停（异议处理中）',
  'list_entry.resumed': '名单条目恢复',
  'list_entry.removed': '名单条目移出',
  'list_entry.repaired': '名单条目信用修复',
  'penalty.published': '行政处罚公示',
  'penalty.withdrawn': '行政处罚撤销',
  'penalty.repaired': '行政处罚信用修复',
  'task.created': '协同任务下达（仅本部门）',
  'task.overdue': '协同任务逾期（仅本部门）',
};

/** Task events go to the task's department only; record events to every subscriber. */
export const DEPARTMENT_SCOPED: ReadonlySet<WebhookEventType> = new Set(['task.created', 'task.overdue']);

export interface NewWebhookEvent {
  type: WebhookEventType;
  /** Deliveries for the same subject keep their order, e.g. "subject:42". */
  subjectKey: string;
  /** For department-scoped events: whose subscribers receive it. */
  departmentId?: number | null;
  data: Record<string, unknown>;
  at?: Date;
}

/** The event as receivers see it (body of the POST). */
export function eventBody(e: { eventId: string; type: string; occurredAt: Date | string; payload: unknown }) {
  return {
    id: e.eventId,
    type: e.type,
    occurred_at: new Date(e.occurredAt).toISOString(),
    data: e.payload,
  };
}

/** Writes the event and its deliveries in the caller's transaction; returns the event id. */
export async function enqueueWebhookEvent(trx: Db, event: NewWebhookEvent): Promise<string> {
  const [eventId] = await enqueueWebhookEvents(trx, [event]);
  return eventId!;
}

/** Rows per statement: an import publishes thousands of records in one batch. */
const CHUNK = 1000;

/**
 * Writes events and their deliveries, in order, with a few set-based statements however many
 * there are (an import's batch publishes up to thousands); returns the event ids in order.
 */
export async function enqueueWebhookEvents(trx: Db, events: readonly NewWebhookEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const subscriptions = await trx
    .selectFrom('webhookSubscriptions')
    .select(['id', 'events', 'departmentId'])
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  const ids: string[] = [];
  for (let start = 0; start < events.length; start += CHUNK) {
    const chunk = events.slice(start, start + CHUNK).map((event) => ({ ...event, eventId: randomUUID() }));
    ids.push(...chunk.map((e) => e.eventId));
    const rows = await trx
      .insertInto('webhookEvents')
      .values(
        chunk.map((e) => ({
          eventId: e.eventId,
          type: e.type,
          subjectKey: e.subjectKey,
          departmentId: e.departmentId ?? null,
          payload: JSON.stringify(e.data),
          ...(e.at ? { occurredAt: e.at } : {}),
        })),
      )
      .returning(['id', 'eventId'])
      .execute();
    const rowIdOf = new Map(rows.map((r) => [r.eventId, r.id]));
    const deliveries = chunk.flatMap((e) =>
      subscriptions
        .filter(
          (s) =>
            (s.events as readonly string[]).includes(e.type) &&
            (!DEPARTMENT_SCOPED.has(e.type) || s.departmentId === (e.departmentId ?? -1)),
        )
        .map((s) => ({ subscriptionId: s.id, eventRowId: rowIdOf.get(e.eventId)!, subjectKey: e.subjectKey })),
    );
    for (let d = 0; d < deliveries.length; d += CHUNK)
      await trx
        .insertInto('webhookDeliveries')
        .values(deliveries.slice(d, d + CHUNK))
        .execute();
  }
  return ids;
}
