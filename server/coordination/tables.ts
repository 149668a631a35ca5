import type { ColumnType, Generated } from 'kysely';

// Row types of migration 2026_12_04_1400_coordination (joint-action tasks, feedback, credit
// checks, webhook outbox). Kept beside the feature; server/db/types.ts extends Database with them.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = string;
type Json = ColumnType<unknown, string, string>;

export type TaskStatus = 'open' | 'paused' | 'answered' | 'ended';
export type FeedbackOutcome = 'applied' | 'not_applicable';
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface CreditCheckTable {
  id: Generated<number>;
  subjectId: number;
  checkedOn: DateString;
  status: string;
  catalogItemIds: Generated<number[]>;
  apiKeyId: number | null;
  departmentId: number | null;
  createdAt: Timestamp;
}

export interface CoordinationTaskTable {
  id: Generated<number>;
  listEntryId: number;
  departmentId: number;
  unitName: string;
  catalogItemIds: number[];
  origin: 'auto' | 'manual';
  status: Generated<TaskStatus>;
  receivedOn: DateString;
  dueOn: DateString;
  pausedSince: DateString | null;
  endedOn: DateString | null;
  endReason: string | null;
  answeredAt: Date | null;
  /** The day the task was announced overdue (migration 2026_12_05_1300); cleared when a resume moves its deadline. */
  overdueAnnouncedOn: Generated<DateString | null>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CoordinationFeedbackTable {
  id: Generated<number>;
  taskId: number | null;
  creditCheckId: number | null;
  departmentId: number;
  catalogItemId: number;
  outcome: FeedbackOutcome;
  decision: string | null;
  appliedOn: DateString;
  documentNumber: string;
  reason: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  actorType: 'staff' | 'api';
  actorLabel: string;
  createdAt: Timestamp;
}

export interface CoordinationInboxViewTable {
  staffUserId: number;
  seenAt: Date;
}

export interface WebhookSubscriptionTable {
  id: Generated<number>;
  departmentId: number;
  apiKeyId: number | null;
  url: string;
  secret: string;
  events: string[];
  active: Generated<boolean>;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface WebhookEventTable {
  id: Generated<number>;
  eventId: string;
  type: string;
  subjectKey: string;
  departmentId: number | null;
  payload: Json;
  occurredAt: Timestamp;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  subscriptionId: number;
  eventRowId: number;
  subjectKey: string;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  nextAttemptAt: Timestamp;
  retryUntil: Timestamp;
  leasedUntil: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Timestamp;
}

export interface CoordinationTables {
  creditChecks: CreditCheckTable;
  coordinationTasks: CoordinationTaskTable;
  coordinationFeedback: CoordinationFeedbackTable;
  coordinationInboxViews: CoordinationInboxViewTable;
  webhookSubscriptions: WebhookSubscriptionTable;
  webhookEvents: WebhookEventTable;
  webhookDeliveries: WebhookDeliveryTable;
}
