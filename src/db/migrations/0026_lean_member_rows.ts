import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Fewer writes per member added (issue 21, bench/RESULTS.md "PostgreSQL adds"):
 *
 * - `grant_events_entitlement` (app_entitlement_id, occurred_at) goes. It was the grant feed's
 *   per-entitlement order before the feed moved to change-stream positions (0010); its one query
 *   left, counting an entitlement's entries (membership counters), is served by the leading column of
 *   `grant_events_entitlement_position` (app_entitlement_id, tx_id, seq), and every entitlement-filtered
 *   feed page is read in that index's order.
 * - `grant_events_bulk_action` (bulk_action_id, app_user_id) goes. A bulk action's outcomes are read
 *   from its grant history for a window of at most a page of app users at a time
 *   (bulk-action-items.repository.ts: `app_user_id in (…)` with `bulk_action_id = …`), which
 *   `grant_events_app_user_position` (app_user_id, tx_id, seq) finds by app user: an app user's
 *   history is a few entries, read to keep this action's. Every member a bulk action added paid for
 *   an entry in it.
 * - PostgreSQL stores a bulk action's work list (`bulk_actions.work`, ~3 MB of JSON for 100,000 IDs)
 *   without trying to compress it (`storage external`): random IDs do not compress, and pglz spent
 *   60–110 ms per 100,000-ID request finding that out before the 200. SQLite never compresses.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('grant_events_entitlement').execute();
  await db.schema.dropIndex('grant_events_bulk_action').execute();
  if (isPostgres(db)) await sql`alter table bulk_actions alter column work set storage external`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await sql`alter table bulk_actions alter column work set storage extended`.execute(db);
  await db.schema
    .createIndex('grant_events_entitlement')
    .on('grant_events')
    .columns(['app_entitlement_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('grant_events_bulk_action')
    .on('grant_events')
    .columns(['bulk_action_id', 'app_user_id'])
    .where(sql.ref('bulk_action_id'), 'is not', null)
    .execute();
}
