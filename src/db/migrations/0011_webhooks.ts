import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Webhooks (issue 12): subscriptions, the deliveries made for them from the change stream, each
 * attempt to send one, and the dispatcher's durable position in the change stream. A delivery is a
 * row from the moment its change is read: it survives any process dying, and it is sent in its
 * subscription's `seq` order.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // JSON arrays: the event types it wants, and the apps it is limited to ([] = every app).
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('app_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    // `whsec_` + base64; kept in clear because signing needs it (Standard Webhooks, symmetric).
    .addColumn('secret', 'text', (c) => c.notNull())
    // ACTIVE, PAUSED (by a person) or DISABLED (by Roster, after days of failures).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    // When the current run of failed attempts began; cleared by a success.
    .addColumn('failing_since', 'text')
    // The seq the next delivery gets: deliveries are sent in seq order.
    .addColumn('next_seq', 'integer', (c) => c.notNull().defaultTo(1))
    // Which sender holds the subscription; only the holder sends its deliveries.
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The Standard Webhooks `webhook-id`: the same for every attempt and for a redelivery.
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // The exact JSON body that is signed and sent.
    .addColumn('payload', 'text', (c) => c.notNull())
    // PENDING until sent; DELIVERED on a 2xx; CANCELLED when its subscription is deleted.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    // Set on a copy made by a redelivery request: the delivery it repeats.
    .addColumn('redelivery_of', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_order')
    .on('webhook_deliveries')
    .columns(['subscription_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_pending')
    .on('webhook_deliveries')
    .columns(['state', 'subscription_id', 'seq'])
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id'))
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    // The HTTP status, or null when no answer came (refused address, timeout, connection error).
    .addColumn('status', 'integer')
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    // The first bytes of the answer, for whoever debugs the receiver.
    .addColumn('response_excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_attempts_delivery')
    .on('webhook_attempts')
    .columns(['delivery_id', 'attempted_at'])
    .execute();

  // One row: how far into the change stream deliveries have been made.
  await db.schema
    .createTable('webhook_dispatch_cursor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cursor', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('webhook_dispatch_cursor').execute();
  await db.schema.dropTable('webhook_attempts').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
}
