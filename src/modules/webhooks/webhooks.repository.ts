import type { Selectable } from 'kysely';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { WebhookEventType } from '../../lib/vocabulary.js';
import type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from './webhooks.table.js';

export type WebhookRow = Selectable<WebhookSubscriptionsTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookAttemptsTable>;

/** The apps a subscription is limited to (`[]` = every app), decoded from its JSON column. */
export const appIdsOf = (row: Pick<WebhookRow, 'app_ids'>): string[] => JSON.parse(row.app_ids) as string[];

/** The event types a subscription asked for, decoded from its JSON column. */
export const eventTypesOf = (row: Pick<WebhookRow, 'event_types'>): WebhookEventType[] =>
  JSON.parse(row.event_types) as WebhookEventType[];

/** A delivery's body, decoded (it is stored as the exact text that was signed and sent). */
export const payloadOf = (row: Pick<DeliveryRow, 'payload'>): unknown => JSON.parse(row.payload);

/** A system-log row's OCSF event, decoded from its JSON column (read through the change stream). */
export const systemLogEventOf = (
  text: string,
): { unmapped?: Record<string, unknown> } & Record<string, unknown> => JSON.parse(text);

/** The one row of webhook_dispatch_cursor. */
const CURSOR_ID = 'changes';

export async function insertWebhook(db: Executor, row: WebhookRow): Promise<void> {
  await db.insertInto('webhook_subscriptions').values(row).execute();
}

export function findWebhook(db: Executor, id: string): Promise<WebhookRow | undefined> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function listWebhooks(
  db: Executor,
  afterId: string | undefined,
  limit: number,
): Promise<WebhookRow[]> {
  let query = db.selectFrom('webhook_subscriptions').selectAll().where('deleted_at', 'is', null);
  if (afterId !== undefined) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}

/** Every live subscription that may receive events (paused and disabled ones still collect them). */
export function listLiveWebhooks(db: Executor): Promise<WebhookRow[]> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('deleted_at', 'is', null).execute();
}

export async function updateWebhook(
  db: Executor,
  id: string,
  changes: Partial<Omit<WebhookRow, 'id'>>,
): Promise<void> {
  await db.updateTable('webhook_subscriptions').set(changes).where('id', '=', id).execute();
}

/** Reserves `count` seqs of the subscription and returns the first (inside the caller's transaction). */
export async function reserveSeqs(db: Executor, subscriptionId: string, count: number): Promise<number> {
  const row = await db
    .updateTable('webhook_subscriptions')
    .set((eb) => ({ next_seq: eb('next_seq', '+', count) }))
    .where('id', '=', subscriptionId)
    .returning('next_seq')
    .executeTakeFirstOrThrow();
  return row.next_seq - count;
}

export async function insertDeliveries(
  db: Executor,
  rows: readonly DeliveryRow[],
  maxParameters: number,
): Promise<void> {
  const perRow = 14;
  const step = Math.max(1, Math.floor(maxParameters / perRow));
  for (let i = 0; i < rows.length; i += step) {
    await db
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + step))
      .execute();
  }
}

export function findDelivery(
  db: Executor,
  subscriptionId: string,
  id: string,
): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A page of a subscription's deliveries, newest first (by seq). */
export function listDeliveries(
  db: Executor,
  subscriptionId: string,
  beforeSeq: number | undefined,
  limit: number,
): Promise<DeliveryRow[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).execute();
}

/** The original deliveries made since `since`, oldest first: what "redeliver since" repeats. */
export function deliveriesSince(db: Executor, subscriptionId: string, since: string): Promise<DeliveryRow[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('created_at', '>=', since)
    .where('redelivery_of', 'is', null)
    .where('event_type', '!=', 'webhook.ping')
    .orderBy('seq')
    .execute();
}

export async function cancelPendingDeliveries(db: Executor, subscriptionId: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ state: 'CANCELLED' })
    .where('subscription_id', '=', subscriptionId)
    .where('state', '=', 'PENDING')
    .execute();
}

export function listAttempts(db: Executor, deliveryId: string): Promise<AttemptRow[]> {
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempted_at')
    .orderBy('id')
    .execute();
}

export async function insertAttempt(db: Executor, row: AttemptRow): Promise<void> {
  await db.insertInto('webhook_attempts').values(row).execute();
}

/**
 * Active subscriptions whose oldest pending delivery is due and that no live lease holds (deliveries
 * are sent in order, so the oldest one decides), but for `skip`: one in ID order.
 */
function claimable(db: Executor, now: string, skip: readonly string[]) {
  let query = db
    .selectFrom('webhook_subscriptions as s')
    .select('s.id')
    .where('s.state', '=', 'ACTIVE')
    .where('s.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('s.lease_expires_at', 'is', null), eb('s.lease_expires_at', '<', now)]))
    .where((eb) =>
      eb(
        eb
          .selectFrom('webhook_deliveries as d')
          .select('d.next_attempt_at')
          .whereRef('d.subscription_id', '=', 's.id')
          .where('d.state', '=', 'PENDING')
          .orderBy('d.seq')
          .limit(1),
        '<=',
        now,
      ),
    );
  if (skip.length > 0) query = query.where('s.id', 'not in', [...skip]);
  return query.orderBy('s.id').limit(1);
}

/**
 * Whether a subscription could be claimed now, read without a transaction: senders look before they
 * claim, so an idle sender takes no write lock (on SQLite one would wait for the lock the bulk
 * runner's thread takes batch after batch, holding up this thread's requests meanwhile).
 */
export async function hasClaimableSubscription(
  db: Executor,
  now: string,
  skip: readonly string[],
): Promise<boolean> {
  return (await claimable(db, now, skip).executeTakeFirst()) !== undefined;
}

/**
 * Claims an active subscription whose oldest pending delivery is due and that no live lease holds.
 * Runs inside a transaction; on PostgreSQL the row lock skips subscriptions another sender is
 * claiming at the same moment.
 */
export async function claimSubscription(
  db: Executor,
  dialect: DialectFeatures,
  owner: string,
  now: string,
  leaseUntil: string,
  skip: readonly string[],
): Promise<WebhookRow | undefined> {
  const candidate = await dialect.lockSkippingLocked(claimable(db, now, skip)).executeTakeFirst();
  if (!candidate) return undefined;
  return db
    .updateTable('webhook_subscriptions')
    .set({ lease_owner: owner, lease_expires_at: leaseUntil })
    .where('id', '=', candidate.id)
    .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
    .returningAll()
    .executeTakeFirst();
}

/** Extends the lease; false when it was lost (expired and taken, or the subscription changed state). */
export async function renewLease(
  db: Executor,
  subscriptionId: string,
  owner: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_subscriptions')
    .set({ lease_expires_at: leaseUntil })
    .where('id', '=', subscriptionId)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'ACTIVE')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function releaseLease(db: Executor, subscriptionId: string, owner: string): Promise<void> {
  await db
    .updateTable('webhook_subscriptions')
    .set({ lease_owner: null, lease_expires_at: null })
    .where('id', '=', subscriptionId)
    .where('lease_owner', '=', owner)
    .execute();
}

/** The subscription's oldest pending delivery, the only one that may be sent next. */
export function headDelivery(db: Executor, subscriptionId: string): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('state', '=', 'PENDING')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

export async function updateDelivery(
  db: Executor,
  id: string,
  changes: Partial<Omit<DeliveryRow, 'id'>>,
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(changes).where('id', '=', id).execute();
}

/**
 * Makes the subscription's pending deliveries due at `now`: a resumed webhook sends what is queued at
 * once, not after the back-off its last failure chose (up to six hours).
 */
export async function makePendingDue(db: Executor, subscriptionId: string, now: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: now })
    .where('subscription_id', '=', subscriptionId)
    .where('state', '=', 'PENDING')
    .where('next_attempt_at', '>', now)
    .execute();
}

/** The dispatcher's position, with the row locked for the enclosing transaction where locks exist. */
export async function readDispatchCursor(
  db: Executor,
  dialect: DialectFeatures,
): Promise<string | undefined> {
  await dialect.serialize(db, 'roster:webhook-dispatch');
  const row = await db
    .selectFrom('webhook_dispatch_cursor')
    .select('cursor')
    .where('id', '=', CURSOR_ID)
    .executeTakeFirst();
  return row?.cursor;
}

export async function writeDispatchCursor(db: Executor, cursor: string, now: string): Promise<void> {
  await db
    .insertInto('webhook_dispatch_cursor')
    .values({ id: CURSOR_ID, cursor, updated_at: now })
    .onConflict((oc) => oc.column('id').doUpdateSet({ cursor, updated_at: now }))
    .execute();
}
