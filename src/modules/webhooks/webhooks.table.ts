import type { JsonText, Timestamp } from '../../db/columns.js';
import type { WebhookDeliveryState, WebhookState } from '../../lib/vocabulary.js';

/** A webhook subscription (issue 12): where to send which events, signed with its secret. */
export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  description: string;
  /** JSON array of WebhookEventType. */
  event_types: JsonText;
  /** JSON array of app IDs; `[]` = every app. */
  app_ids: JsonText;
  secret: string;
  state: WebhookState;
  disabled_reason: string | null;
  failing_since: Timestamp | null;
  next_seq: number;
  lease_owner: string | null;
  lease_expires_at: Timestamp | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** One message for one subscription, sent in `seq` order until a 2xx answers it. */
export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  seq: number;
  message_id: string;
  event_type: string;
  payload: JsonText;
  state: WebhookDeliveryState;
  attempts: number;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** One try at sending a delivery, as the receiver answered it. */
export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: Timestamp;
  status: number | null;
  latency_ms: number;
  response_excerpt: string;
  error: string | null;
}

/** The dispatcher's position in the change stream. */
export interface WebhookDispatchCursorTable {
  id: string;
  cursor: string;
  updated_at: Timestamp;
}

/** The tables the webhooks module owns; src/db/schema.ts combines every module's into `Database`. */
export interface WebhooksTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  webhook_dispatch_cursor: WebhookDispatchCursorTable;
}
