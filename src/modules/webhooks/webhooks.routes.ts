import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor, pageSize } from '../../http/pagination.js';
import { actorOf, principalOf } from '../../http/principal.js';
import { Empty, ListOf, PageQuery } from '../../http/wire.js';
import { type AttemptRow, type DeliveryRow, payloadOf, type WebhookRow } from './webhooks.repository.js';
import {
  CreateWebhookBody,
  Delivery,
  DeliveryDetail,
  DeliveryPage,
  DeliveryParams,
  Params,
  RedeliverBody,
  UpdateWebhookBody,
  Webhook,
  WebhookResponse,
  WebhookWithSecret,
} from './webhooks.schemas.js';
import { appIdsOf, eventTypesOf, type WebhookScope, type WebhooksService } from './webhooks.service.js';

const webhookView = (row: WebhookRow) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  eventTypes: eventTypesOf(row),
  appIds: appIdsOf(row),
  state: row.state,
  disabledReason: row.disabled_reason,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const deliveryView = (row: DeliveryRow) => ({
  id: row.id,
  webhookId: row.subscription_id,
  seq: row.seq,
  messageId: row.message_id,
  eventType: row.event_type,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastStatus: row.last_status,
  lastError: row.last_error,
  redeliveryOf: row.redelivery_of,
  createdAt: row.created_at,
  deliveredAt: row.delivered_at,
});

const attemptView = (row: AttemptRow) => ({
  attemptedAt: row.attempted_at,
  status: row.status,
  latencyMs: row.latency_ms,
  responseExcerpt: row.response_excerpt,
  error: row.error,
});

const READ = { permission: 'webhooks:read', narrowedPermission: 'webhooks:own' } as const;
const WRITE = { permission: 'webhooks:write', narrowedPermission: 'webhooks:own' } as const;

/** Every webhook for holders of the route's permission; an App Admin's own (limited to their apps) otherwise. */
function scopeOf(request: FastifyRequest): WebhookScope {
  const principal = principalOf(request);
  const permission = request.routeOptions.config.permission;
  return permission && principal.permissions.has(permission)
    ? { kind: 'all' }
    : { kind: 'owned', userId: principal.userId };
}

/**
 * `/roster/v1/webhooks` (issue 12): subscriptions to Roster's changes, sent signed after the
 * Standard Webhooks specification. Super Admins manage all; App Admins those limited to their apps.
 */
export const webhooksRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhooksService }> = async (
  app,
  { webhooks },
) => {
  app.post(
    '/roster/v1/webhooks',
    { config: WRITE, schema: { body: CreateWebhookBody, response: { 200: WebhookWithSecret } } },
    async (request) => {
      const { webhook, secret } = await webhooks.create(actorOf(request), scopeOf(request), request.body);
      return { webhook: webhookView(webhook), secret };
    },
  );

  app.get(
    '/roster/v1/webhooks',
    { config: READ, schema: { querystring: PageQuery, response: { 200: ListOf(Webhook) } } },
    async (request) => {
      const page = await webhooks.list(scopeOf(request), {
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      return { list: page.items.map(webhookView), nextPageToken: page.nextPageToken };
    },
  );

  app.get(
    '/roster/v1/webhooks/:id',
    { config: READ, schema: { params: Params, response: { 200: WebhookResponse } } },
    async (request) => ({ webhook: webhookView(await webhooks.get(scopeOf(request), request.params.id)) }),
  );

  app.post(
    '/roster/v1/webhooks/:id',
    {
      config: WRITE,
      schema: { params: Params, body: UpdateWebhookBody, response: { 200: WebhookResponse } },
    },
    async (request) => ({
      webhook: webhookView(
        await webhooks.update(actorOf(request), scopeOf(request), request.params.id, request.body),
      ),
    }),
  );

  app.delete(
    '/roster/v1/webhooks/:id',
    { config: WRITE, schema: { params: Params, response: { 200: Empty } } },
    async (request) => {
      await webhooks.delete(actorOf(request), scopeOf(request), request.params.id);
      return {};
    },
  );

  app.post(
    '/roster/v1/webhooks/:id/secret',
    { config: WRITE, schema: { params: Params, response: { 200: WebhookWithSecret } } },
    async (request) => {
      const { webhook, secret } = await webhooks.rotateSecret(
        actorOf(request),
        scopeOf(request),
        request.params.id,
      );
      return { webhook: webhookView(webhook), secret };
    },
  );

  app.post(
    '/roster/v1/webhooks/:id/pause',
    { config: WRITE, schema: { params: Params, response: { 200: WebhookResponse } } },
    async (request) => ({
      webhook: webhookView(await webhooks.pause(actorOf(request), scopeOf(request), request.params.id)),
    }),
  );

  app.post(
    '/roster/v1/webhooks/:id/resume',
    { config: WRITE, schema: { params: Params, response: { 200: WebhookResponse } } },
    async (request) => ({
      webhook: webhookView(await webhooks.resume(actorOf(request), scopeOf(request), request.params.id)),
    }),
  );

  app.post(
    '/roster/v1/webhooks/:id/ping',
    { config: WRITE, schema: { params: Params, response: { 200: Type.Object({ delivery: Delivery }) } } },
    async (request) => ({
      delivery: deliveryView(await webhooks.ping(scopeOf(request), request.params.id)),
    }),
  );

  app.get(
    '/roster/v1/webhooks/:id/deliveries',
    {
      config: READ,
      schema: { params: Params, querystring: DeliveryPage, response: { 200: ListOf(Delivery) } },
    },
    async (request) => {
      const size = pageSize(request.query.page_size);
      const before = decodeCursor(request.query.page_token, 1)?.[0];
      const rows = await webhooks.listDeliveries(
        scopeOf(request),
        request.params.id,
        before === undefined ? undefined : Number(before),
        size + 1,
      );
      const page = rows.slice(0, size);
      const last = page[page.length - 1];
      return {
        list: page.map(deliveryView),
        nextPageToken: rows.length > size && last ? encodeCursor([String(last.seq)]) : '',
      };
    },
  );

  app.get(
    '/roster/v1/webhooks/:id/deliveries/:deliveryId',
    { config: READ, schema: { params: DeliveryParams, response: { 200: DeliveryDetail } } },
    async (request) => {
      const { delivery, attempts } = await webhooks.getDelivery(
        scopeOf(request),
        request.params.id,
        request.params.deliveryId,
      );
      return {
        delivery: deliveryView(delivery),
        payload: payloadOf(delivery),
        attempts: attempts.map(attemptView),
      };
    },
  );

  app.post(
    '/roster/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config: WRITE,
      schema: { params: DeliveryParams, response: { 200: Type.Object({ delivery: Delivery }) } },
    },
    async (request) => {
      const [copy] = await webhooks.redeliver(actorOf(request), scopeOf(request), request.params.id, {
        deliveryId: request.params.deliveryId,
      });
      return { delivery: deliveryView(copy as DeliveryRow) };
    },
  );

  app.post(
    '/roster/v1/webhooks/:id/redeliver',
    {
      config: WRITE,
      schema: {
        params: Params,
        body: RedeliverBody,
        response: { 200: Type.Object({ queued: Type.Integer() }) },
      },
    },
    async (request) => {
      const copies = await webhooks.redeliver(actorOf(request), scopeOf(request), request.params.id, {
        since: new Date(request.body.since).toISOString(),
      });
      return { queued: copies.length };
    },
  );
};
