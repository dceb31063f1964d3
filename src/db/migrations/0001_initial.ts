import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Migrations run on SQLite and PostgreSQL alike, so they use only types both share: text and integer.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

// biome-ignore lint/suspicious/noExplicitAny: builder generics are irrelevant here
const audited = <T extends CreateTableBuilder<any, any>>(tableBuilder: T): T =>
  tableBuilder
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text') as T;

const text =
  (name: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: see above
  <T extends CreateTableBuilder<any, any>>(tableBuilder: T): T =>
    tableBuilder.addColumn(name, 'text', (c) => c.notNull().defaultTo('')) as T;

const flag =
  (name: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: see above
  <T extends CreateTableBuilder<any, any>>(tableBuilder: T): T =>
    tableBuilder.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0)) as T;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .$call(text('email'))
    .$call(text('username'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('role_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('profile', 'text', (c) => c.notNull().defaultTo('{}'))
    .$call(audited)
    .execute();
  await db.schema.createIndex('users_email').on('users').column('email').execute();

  await db.schema
    .createTable('apps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .$call(text('description'))
    .$call(text('icon_url'))
    .$call(flag('is_manually_managed'))
    .addColumn('identity_matching', 'text', (c) => c.notNull())
    .addColumn('monthly_cost_usd', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(text('grant_policy_id'))
    .$call(text('revoke_policy_id'))
    .$call(text('certify_policy_id'))
    .$call(flag('strict_access_entitlement_provisioning'))
    .$call(text('instructions'))
    .$call(audited)
    .execute();

  await db.schema
    .createTable('app_resource_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .$call(audited)
    .execute();
  await db.schema
    .createIndex('app_resource_types_app')
    .on('app_resource_types')
    .columns(['app_id', 'id'])
    .execute();

  await db.schema
    .createTable('app_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .addColumn('app_resource_type_id', 'text', (c) => c.notNull().references('app_resource_types.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .$call(text('description'))
    .$call(text('match_baton_id'))
    .$call(audited)
    .execute();
  await db.schema
    .createIndex('app_resources_type')
    .on('app_resources')
    .columns(['app_resource_type_id', 'id'])
    .execute();

  await db.schema
    .createTable('app_entitlements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .$call(text('app_resource_type_id'))
    .$call(text('app_resource_id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .$call(text('description'))
    .$call(text('alias'))
    .$call(text('slug'))
    .$call(flag('is_manually_managed'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .$call(text('grant_policy_id'))
    .$call(text('revoke_policy_id'))
    .$call(text('certify_policy_id'))
    .$call(flag('emergency_grant_enabled'))
    .$call(text('emergency_grant_policy_id'))
    .$call(flag('override_access_requests_defaults'))
    .$call(text('risk_level_value_id'))
    .addColumn('compliance_framework_value_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .$call(text('match_baton_id'))
    .addColumn('duration_grant', 'text')
    .$call(audited)
    .execute();
  await db.schema
    .createIndex('app_entitlements_app')
    .on('app_entitlements')
    .columns(['app_id', 'id'])
    .execute();
  await db.schema
    .createIndex('app_entitlements_resource')
    .on('app_entitlements')
    .columns(['app_resource_id', 'id'])
    .execute();
  // CONTRACT.md §7.14: an alias is unique within its app among live entitlements.
  await db.schema
    .createIndex('app_entitlements_alias')
    .unique()
    .on('app_entitlements')
    .columns(['app_id', 'alias'])
    .where(sql.ref('deleted_at'), 'is', null)
    .where(sql.ref('alias'), '<>', '')
    .execute();

  await db.schema
    .createTable('app_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .$call(text('identity_user_id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .$call(text('email'))
    .$call(text('username'))
    .addColumn('app_user_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .$call(audited)
    .execute();
  await db.schema.createIndex('app_users_app').on('app_users').columns(['app_id', 'id']).execute();
  await db.schema
    .createIndex('app_users_identity')
    .on('app_users')
    .columns(['app_id', 'identity_user_id', 'id'])
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_entitlement_id', 'text', (c) => c.notNull())
    .addColumn('app_user_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('bulk_action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deprovision_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  // One live grant per (entitlement, app user); revoked grants stay as history.
  await db.schema
    .createIndex('grants_live_member')
    .unique()
    .on('grants')
    .columns(['app_entitlement_id', 'app_user_id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  // Keyset pages of an entitlement's members (CONTRACT.md §7.8).
  await db.schema
    .createIndex('grants_live_by_entitlement')
    .on('grants')
    .columns(['app_entitlement_id', 'id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('grants_app_user').on('grants').columns(['app_user_id', 'id']).execute();

  await db.schema
    .createTable('grant_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_entitlement_id', 'text', (c) => c.notNull())
    .addColumn('app_user_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('bulk_action_id', 'text')
    .execute();
  await db.schema
    .createIndex('grant_events_time')
    .on('grant_events')
    .columns(['occurred_at', 'id'])
    .execute();
  await db.schema
    .createIndex('grant_events_entitlement')
    .on('grant_events')
    .columns(['app_entitlement_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('bulk_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_entitlement_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('user_ids', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('succeeded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deprovision_at', 'text')
    .$call(text('actor_user_id'))
    .$call(text('actor_client_id'))
    .$call(text('request_id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('bulk_actions_state').on('bulk_actions').columns(['state', 'id']).execute();
  await db.schema
    .createIndex('bulk_actions_entitlement')
    .on('bulk_actions')
    .columns(['app_entitlement_id', 'state', 'created_at'])
    .execute();

  // The unit of work a runner leases: a contiguous range of a bulk action's user IDs, so several
  // Roster processes can work on one large action at once.
  await db.schema
    .createTable('bulk_action_chunks')
    .addColumn('bulk_action_id', 'text', (c) => c.notNull().references('bulk_actions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('start_index', 'integer', (c) => c.notNull())
    .addColumn('end_index', 'integer', (c) => c.notNull())
    .addColumn('cursor', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addPrimaryKeyConstraint('bulk_action_chunks_pk', ['bulk_action_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('bulk_action_chunks_open')
    .on('bulk_action_chunks')
    .columns(['bulk_action_id', 'seq'])
    .where(sql.ref('done'), '=', 0)
    .execute();

  await db.schema
    .createTable('bulk_action_items')
    .addColumn('bulk_action_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('app_user_id', 'text')
    .$call(flag('app_user_created'))
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('bulk_action_items_pk', ['bulk_action_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('api_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .$call(text('display_name'))
    .addColumn('public_key_x', 'text', (c) => c.notNull())
    .addColumn('allow_source_cidr', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('scoped_roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .$call(audited)
    .execute();

  await db.schema
    .createTable('signing_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('used_assertions')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // Idempotency-Key replays: the stored answer of each key, per API client, for 24 hours.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['client_id', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expiry')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('system_log_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_client_id', 'text')
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('bulk_action_id', 'text')
    .addColumn('event', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('system_log_events_time')
    .on('system_log_events')
    .columns(['occurred_at', 'id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'system_log_events',
    'idempotency_keys',
    'used_assertions',
    'signing_keys',
    'api_clients',
    'bulk_action_items',
    'bulk_action_chunks',
    'bulk_actions',
    'grant_events',
    'grants',
    'app_users',
    'app_entitlements',
    'app_resources',
    'app_resource_types',
    'apps',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
