import { Type } from 'typebox';
import { IdString, TextString, UrlString, WordString } from '../../http/strings.js';
import { filterList, Nullable, Timestamp } from '../../http/wire.js';
import { WEBHOOK_DELIVERY_STATES, WEBHOOK_EVENT_TYPES, WEBHOOK_STATES } from '../../lib/vocabulary.js';

const EventType = Type.Enum(WEBHOOK_EVENT_TYPES);
const EventTypes = Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length * 4 });
const AppIds = filterList(IdString({ minLength: 1 }));

export const Webhook = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  /** The apps whose events it receives; `[]` = every app. */
  appIds: Type.Array(Type.String()),
  state: Type.Enum(WEBHOOK_STATES),
  /** Why Roster disabled it, when it did. */
  disabledReason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const WebhookResponse = Type.Object({ webhook: Webhook });
/** The create and rotate answers: the only time a signing secret is shown. */
export const WebhookWithSecret = Type.Object({ webhook: Webhook, secret: Type.String() });

export const CreateWebhookBody = Type.Object({
  url: UrlString({ minLength: 1 }),
  description: Type.Optional(TextString()),
  eventTypes: EventTypes,
  appIds: Type.Optional(AppIds),
});

export const UpdateWebhookBody = Type.Object({
  url: Type.Optional(UrlString({ minLength: 1 })),
  description: Type.Optional(TextString()),
  eventTypes: Type.Optional(EventTypes),
  appIds: Type.Optional(AppIds),
});

export const Attempt = Type.Object({
  attemptedAt: Type.String(),
  /** The receiver's HTTP status; null when it did not answer. */
  status: Nullable(Type.Integer()),
  latencyMs: Type.Integer(),
  /** The first bytes of the answer. */
  responseExcerpt: Type.String(),
  error: Nullable(Type.String()),
});

export const Delivery = Type.Object({
  id: Type.String(),
  webhookId: Type.String(),
  /** The order in which the webhook receives its deliveries. */
  seq: Type.Integer(),
  /** The `webhook-id` header: the same for each attempt and redelivery of one message. */
  messageId: Type.String(),
  eventType: Type.String(),
  state: Type.Enum(WEBHOOK_DELIVERY_STATES),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastStatus: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  redeliveryOf: Nullable(Type.String()),
  createdAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
});

export const DeliveryDetail = Type.Object({
  delivery: Delivery,
  /** The exact body sent. */
  payload: Type.Unknown(),
  attempts: Type.Array(Attempt),
});

export const RedeliverBody = Type.Object({
  /** Every delivery made at or after this time is sent again, in order. */
  since: Timestamp,
});

export const Params = Type.Object({ id: IdString({ minLength: 1 }) });
export const DeliveryParams = Type.Object({
  id: IdString({ minLength: 1 }),
  deliveryId: IdString({ minLength: 1 }),
});
export const DeliveryPage = Type.Object({
  page_size: Type.Optional(Type.Integer({ minimum: 0 })),
  page_token: Type.Optional(WordString()),
});
