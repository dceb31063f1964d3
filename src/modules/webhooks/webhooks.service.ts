import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import { keysetPage, type Page, type PageRequest } from '../../http/pagination.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { SystemLogOperation, WebhookEventType } from '../../lib/vocabulary.js';
import type { SystemLog } from '../audit/index.js';
import { currentChangeCursor } from '../changes/index.js';
import { deliveryRow, newMessageId, type WebhookMessage, type WebhookPayload } from './webhook-payload.js';
import { newWebhookSecret } from './webhook-signing.js';
import { type TargetPolicy, targetProblem } from './webhook-target.js';
import {
  type AttemptRow,
  appIdsOf,
  cancelPendingDeliveries,
  type DeliveryRow,
  deliveriesSince,
  eventTypesOf,
  findDelivery,
  findWebhook,
  insertDeliveries,
  insertWebhook,
  listAttempts,
  listDeliveries,
  listLiveWebhooks,
  listWebhooks,
  makePendingDue,
  payloadOf,
  reserveSeqs,
  updateWebhook,
  type WebhookRow,
  writeDispatchCursor,
} from './webhooks.repository.js';

/**
 * Who is asking: a holder of the webhooks permission sees every subscription; an App Admin only
 * those limited to apps they own (CONTRACT.md §7.10), and may only create such.
 */
export type WebhookScope = { readonly kind: 'all' } | { readonly kind: 'owned'; readonly userId: string };

export interface WebhookInput {
  readonly url: string;
  readonly description?: string | undefined;
  readonly eventTypes: readonly WebhookEventType[];
  readonly appIds?: readonly string[] | undefined;
}

export interface WebhooksServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly policy: TargetPolicy;
  /** True when the user owns the app (App Admin scope). */
  readonly ownsApp: (userId: string, appId: string) => Promise<boolean>;
  /** Called after deliveries were queued in-process, so the sender looks at once. */
  readonly onQueued?: () => void;
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;

const webhookNotFound = (id: string) =>
  new AppError('NOT_FOUND', `webhook ${JSON.stringify(id)} not found`, 'WEBHOOK_NOT_FOUND', { id });

const deliveryNotFound = (id: string) =>
  new AppError(
    'NOT_FOUND',
    `webhook delivery ${JSON.stringify(id)} not found`,
    'WEBHOOK_DELIVERY_NOT_FOUND',
    {
      id,
    },
  );

export { appIdsOf, eventTypesOf };

/** Queues messages for one subscription in the caller's transaction, in the order given. */
export async function queueMessages(
  trx: Executor,
  dialect: DialectFeatures,
  subscriptionId: string,
  messages: readonly WebhookMessage[],
  now: Date,
  redeliveryOf: readonly (string | null)[] = [],
): Promise<DeliveryRow[]> {
  if (messages.length === 0) return [];
  const first = await reserveSeqs(trx, subscriptionId, messages.length);
  const rows = messages.map((message, i) =>
    deliveryRow(subscriptionId, first + i, message, now, redeliveryOf[i] ?? null),
  );
  await insertDeliveries(trx, rows, dialect.maxParameters);
  return rows;
}

export function createWebhooksService(deps: WebhooksServiceDeps) {
  const { db, dialect, clock, systemLog } = deps;

  /** Whether the scope may see `row`: every app it is limited to must be one the user owns. */
  async function visible(scope: WebhookScope, row: WebhookRow): Promise<boolean> {
    if (scope.kind === 'all') return true;
    const apps = appIdsOf(row);
    if (apps.length === 0) return false;
    for (const appId of apps) if (!(await deps.ownsApp(scope.userId, appId))) return false;
    return true;
  }

  async function get(scope: WebhookScope, id: string): Promise<WebhookRow> {
    const row = await findWebhook(db, id);
    if (!row || !(await visible(scope, row))) throw webhookNotFound(id);
    return row;
  }

  async function checkInput(scope: WebhookScope, input: Partial<WebhookInput>): Promise<void> {
    if (input.url !== undefined) {
      const problem = targetProblem(input.url, deps.policy);
      if (problem) throw invalidArgument(problem, 'WEBHOOK_URL_REFUSED', { url: input.url });
    }
    if (input.eventTypes !== undefined && input.eventTypes.length === 0) {
      throw invalidArgument('eventTypes must name at least one event type');
    }
    if (scope.kind === 'owned' && input.appIds !== undefined) {
      if (input.appIds.length === 0) {
        throw new AppError(
          'PERMISSION_DENIED',
          'an App Admin’s webhook must be limited to apps they own (set appIds)',
          'PERMISSION_DENIED',
          { permission: 'webhooks:write' },
        );
      }
      for (const appId of input.appIds) {
        if (!(await deps.ownsApp(scope.userId, appId))) {
          throw new AppError(
            'PERMISSION_DENIED',
            `the caller does not own app ${JSON.stringify(appId)}`,
            'PERMISSION_DENIED',
            { permission: 'webhooks:write', appId },
          );
        }
      }
    }
  }

  async function logChange(
    trx: Executor,
    actor: Actor,
    operation: SystemLogOperation,
    id: string,
    now: Date,
    details?: Record<string, unknown>,
  ) {
    await systemLog.record(trx, [
      {
        operation,
        activity: operation.endsWith('created')
          ? 'create'
          : operation.endsWith('deleted')
            ? 'delete'
            : 'update',
        targetType: 'webhook',
        targetId: id,
        actor,
        occurredAt: now,
        ...(details ? { details } : {}),
      },
    ]);
  }

  async function setState(
    actor: Actor,
    scope: WebhookScope,
    id: string,
    state: 'ACTIVE' | 'PAUSED',
  ): Promise<WebhookRow> {
    await get(scope, id);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await updateWebhook(trx, id, {
        state,
        disabled_reason: null,
        // A resumed subscription gets a fresh three days before it can be disabled again.
        failing_since: null,
        updated_at: now.toISOString(),
      });
      if (state === 'ACTIVE') await makePendingDue(trx, id, now.toISOString());
      await logChange(trx, actor, state === 'ACTIVE' ? 'webhook.resumed' : 'webhook.paused', id, now);
    });
    if (state === 'ACTIVE') deps.onQueued?.();
    return get(scope, id);
  }

  return {
    get,

    /** Creates the subscription; its signing secret is returned this once and never again. */
    async create(
      actor: Actor,
      scope: WebhookScope,
      input: WebhookInput,
    ): Promise<{ webhook: WebhookRow; secret: string }> {
      await checkInput(scope, { ...input, appIds: input.appIds ?? [] });
      const now = clock.now();
      const at = now.toISOString();
      const secret = newWebhookSecret();
      const row: WebhookRow = {
        id: newId(now.getTime()),
        url: input.url,
        description: input.description ?? '',
        event_types: JSON.stringify([...new Set(input.eventTypes)]),
        app_ids: JSON.stringify([...new Set(input.appIds ?? [])]),
        secret,
        state: 'ACTIVE',
        disabled_reason: null,
        failing_since: null,
        next_seq: 1,
        lease_owner: null,
        lease_expires_at: null,
        created_by_user_id: actor.userId || null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      };
      await db.transaction().execute(async (trx) => {
        // The first subscription starts the dispatcher at the stream's end (nothing before a
        // subscription is ever sent to it); while nobody listens, the dispatcher writes nothing.
        if ((await listLiveWebhooks(trx)).length === 0) {
          await writeDispatchCursor(trx, await currentChangeCursor(trx, dialect), at);
        }
        await insertWebhook(trx, row);
        await logChange(trx, actor, 'webhook.created', row.id, now, {
          url: row.url,
          eventTypes: eventTypesOf(row),
          appIds: appIdsOf(row),
        });
      });
      return { webhook: row, secret };
    },

    /** A keyset page by ID; an App Admin's page is filtered after reading, so it may be short. */
    async list(scope: WebhookScope, request: PageRequest): Promise<Page<WebhookRow>> {
      const page = await keysetPage(request, (afterId, limit) => listWebhooks(db, afterId, limit));
      const shown: WebhookRow[] = [];
      for (const row of page.items) if (await visible(scope, row)) shown.push(row);
      return { items: shown, nextPageToken: page.nextPageToken };
    },

    async update(
      actor: Actor,
      scope: WebhookScope,
      id: string,
      input: Partial<WebhookInput>,
    ): Promise<WebhookRow> {
      await get(scope, id);
      await checkInput(scope, input);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await updateWebhook(trx, id, {
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.eventTypes !== undefined
            ? { event_types: JSON.stringify([...new Set(input.eventTypes)]) }
            : {}),
          ...(input.appIds !== undefined ? { app_ids: JSON.stringify([...new Set(input.appIds)]) } : {}),
          updated_at: now.toISOString(),
        });
        await logChange(trx, actor, 'webhook.updated', id, now, { fields: Object.keys(input) });
      });
      return get(scope, id);
    },

    /**
     * Replaces the signing secret; the new one is returned this once. Every request sent from now on,
     * retries of earlier deliveries included, is signed with it: the old secret stops at once.
     */
    async rotateSecret(
      actor: Actor,
      scope: WebhookScope,
      id: string,
    ): Promise<{ webhook: WebhookRow; secret: string }> {
      await get(scope, id);
      const now = clock.now();
      const secret = newWebhookSecret();
      await db.transaction().execute(async (trx) => {
        await updateWebhook(trx, id, { secret, updated_at: now.toISOString() });
        await logChange(trx, actor, 'webhook.secret_rotated', id, now);
      });
      return { webhook: await get(scope, id), secret };
    },

    /** Deletes the subscription; what it had not yet been sent is cancelled. */
    async delete(actor: Actor, scope: WebhookScope, id: string): Promise<void> {
      await get(scope, id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const at = now.toISOString();
        await updateWebhook(trx, id, {
          deleted_at: at,
          updated_at: at,
          lease_owner: null,
          lease_expires_at: null,
        });
        await cancelPendingDeliveries(trx, id);
        await logChange(trx, actor, 'webhook.deleted', id, now);
      });
    },

    pause: (actor: Actor, scope: WebhookScope, id: string) => setState(actor, scope, id, 'PAUSED'),
    /** Resumes a paused subscription, or one Roster disabled; its pending deliveries go out in order. */
    resume: (actor: Actor, scope: WebhookScope, id: string) => setState(actor, scope, id, 'ACTIVE'),

    /** Queues a `webhook.ping` behind what is already queued, so it also proves the order holds. */
    async ping(scope: WebhookScope, id: string): Promise<DeliveryRow> {
      await get(scope, id);
      const now = clock.now();
      const rows = await db.transaction().execute((trx) =>
        queueMessages(
          trx,
          dialect,
          id,
          [
            {
              messageId: newMessageId(now.getTime()),
              payload: { type: 'webhook.ping', timestamp: now.toISOString(), data: { webhookId: id } },
            },
          ],
          now,
        ),
      );
      deps.onQueued?.();
      return rows[0] as DeliveryRow;
    },

    /**
     * Sends again one delivery, or every delivery made since a time, as new deliveries at the end of
     * the queue with their original message IDs (receivers that keep IDs see repeats as repeats).
     */
    async redeliver(
      actor: Actor,
      scope: WebhookScope,
      id: string,
      what: { deliveryId: string } | { since: string },
    ): Promise<DeliveryRow[]> {
      await get(scope, id);
      const now = clock.now();
      const rows = await db.transaction().execute(async (trx) => {
        let originals: DeliveryRow[];
        if ('deliveryId' in what) {
          const one = await findDelivery(trx, id, what.deliveryId);
          if (!one) throw deliveryNotFound(what.deliveryId);
          originals = [one];
        } else {
          originals = await deliveriesSince(trx, id, what.since);
        }
        const queued = await queueMessages(
          trx,
          dialect,
          id,
          originals.map((o) => ({ messageId: o.message_id, payload: payloadOf(o) as WebhookPayload })),
          now,
          originals.map((o) => o.redelivery_of ?? o.id),
        );
        await logChange(trx, actor, 'webhook.redelivery_requested', id, now, {
          deliveries: queued.length,
          ...('since' in what ? { since: what.since } : { deliveryId: what.deliveryId }),
        });
        return queued;
      });
      deps.onQueued?.();
      return rows;
    },

    async listDeliveries(scope: WebhookScope, id: string, beforeSeq: number | undefined, limit: number) {
      await get(scope, id);
      return listDeliveries(db, id, beforeSeq, limit);
    },

    async getDelivery(
      scope: WebhookScope,
      id: string,
      deliveryId: string,
    ): Promise<{ delivery: DeliveryRow; attempts: AttemptRow[] }> {
      await get(scope, id);
      const delivery = await findDelivery(db, id, deliveryId);
      if (!delivery) throw deliveryNotFound(deliveryId);
      return { delivery, attempts: await listAttempts(db, deliveryId) };
    },
  };
}
