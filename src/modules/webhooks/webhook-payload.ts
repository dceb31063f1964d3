import { newId } from '../../lib/ids.js';
import type { WebhookEventType } from '../../lib/vocabulary.js';
import type { DeliveryRow } from './webhooks.repository.js';

/**
 * The body of every webhook, after the Standard Webhooks recommendation: `type` (the event type),
 * `timestamp` (RFC 3339, when the change happened) and `data`. The `webhook-id` header carries the
 * message ID; it stays the same across retries and redeliveries, so receivers can drop repeats.
 */
export interface WebhookPayload {
  readonly type: WebhookEventType | 'webhook.ping';
  readonly timestamp: string;
  readonly data: Record<string, unknown>;
}

/** A message to queue for one subscription. */
export interface WebhookMessage {
  readonly messageId: string;
  readonly payload: WebhookPayload;
}

export const newMessageId = (nowMs: number) => `msg_${newId(nowMs)}`;

/** The delivery row that carries `message` as the subscription's delivery number `seq`. */
export function deliveryRow(
  subscriptionId: string,
  seq: number,
  message: WebhookMessage,
  now: Date,
  redeliveryOf: string | null = null,
): DeliveryRow {
  const at = now.toISOString();
  return {
    id: newId(now.getTime()),
    subscription_id: subscriptionId,
    seq,
    message_id: message.messageId,
    event_type: message.payload.type,
    payload: JSON.stringify(message.payload),
    state: 'PENDING',
    attempts: 0,
    next_attempt_at: at,
    last_status: null,
    last_error: null,
    redelivery_of: redeliveryOf,
    created_at: at,
    delivered_at: null,
  };
}
