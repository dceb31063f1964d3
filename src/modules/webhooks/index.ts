/** Webhooks (issue 12): subscriptions, durable signed deliveries, and their dispatch from the change stream. */

export type { WebhookWorker } from './webhook-delivery.worker.js';
export type { ChangeSource, WebhookDispatcher } from './webhook-dispatcher.js';
export { webhooksRoutes } from './webhooks.routes.js';
export type { WebhooksService } from './webhooks.service.js';
