import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
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
  const eventId = randomUUID();
  const scoped = DEPARTMENT_SCOPED.has(event.type);
  const row = await trx
    .insertInto('webhookEvents')
    .values({
      eventId,
      type: event.type,
      subjectKey: event.subjectKey,
      departmentId: event.departmentId ?? null,
      payload: JSON.stringify(event.data),
      ...(event.at ? { occurredAt: event.at } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let subs = trx
    .selectFrom('webhookSubscriptions')
    .select('id')
    .where('active', '=', true)
    .where(sql<boolean>`${event.type} = any(events)`);
  if (scoped) subs = subs.where('departmentId', '=', event.departmentId ?? -1);
  const ids = (await subs.orderBy('id').execute()).map((s) => s.id);
  if (ids.length > 0) {
    await trx
      .insertInto('webhookDeliveries')
      .values(ids.map((subscriptionId) => ({ subscriptionId, eventRowId: row.id, subjectKey: event.subjectKey })))
      .execute();
  }
  return eventId;
}
