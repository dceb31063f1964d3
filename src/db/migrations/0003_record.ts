import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Indexes for the record's questions (issue 5): each keyset page below is read in the order of one
 * of these indexes, so page 10,000 costs what page 1 costs (CONTRACT.md §7.8).
 */
const INDEXES: Array<{ name: string; table: string; columns: string[]; liveOnly?: boolean }> = [
  // Grant feed (POST /api/v1/grants/feed): events in (occurred_at, id) order, per filter.
  { name: 'grant_events_app_time', table: 'grant_events', columns: ['app_id', 'occurred_at', 'id'] },
  {
    name: 'grant_events_entitlement_time_id',
    table: 'grant_events',
    columns: ['app_entitlement_id', 'occurred_at', 'id'],
  },
  {
    name: 'grant_events_app_user_time',
    table: 'grant_events',
    columns: ['app_user_id', 'occurred_at', 'id'],
  },
  // Past grants and grant search: live and revoked grants in ID order, per app or entitlement.
  { name: 'grants_app', table: 'grants', columns: ['app_id', 'id'] },
  { name: 'grants_entitlement_all', table: 'grants', columns: ['app_entitlement_id', 'id'] },
  // ListForAppUser: an account's live grants in entitlement order.
  {
    name: 'grants_live_by_app_user',
    table: 'grants',
    columns: ['app_user_id', 'app_entitlement_id'],
    liveOnly: true,
  },
  // An identity user's accounts across apps (grant search `userId`, feed `userRefs`).
  { name: 'app_users_identity_user', table: 'app_users', columns: ['identity_user_id', 'id'] },
  { name: 'app_resources_app', table: 'app_resources', columns: ['app_id', 'id'] },
  { name: 'app_entitlements_type', table: 'app_entitlements', columns: ['app_resource_type_id', 'id'] },
];

export async function up(db: AnyDb): Promise<void> {
  for (const index of INDEXES) {
    let builder = db.schema.createIndex(index.name).on(index.table).columns(index.columns);
    if (index.liveOnly) builder = builder.where(sql.ref('deleted_at'), 'is', null);
    await builder.execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
}
