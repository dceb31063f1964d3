import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Access reviews (issue 20): campaigns that certify grants. A campaign names its CERTIFY policy, its
 * owners, and its scope: entitlements by app, or whole apps (an empty `app_entitlement_id`). Only a
 * DRAFT campaign's scope and policy change; starting and closing come later.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('access_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // ACCESS_REVIEW_STATE_DRAFT, _OPEN or _CLOSED.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    // ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS: the only scope type Roster runs.
    .addColumn('scope_type', 'text', (c) => c.notNull())
    // JSON: the members of AccessReviewScopeV2 that are set, in their wire form ({"appAccess": {}}).
    .addColumn('scope_v2', 'text', (c) => c.notNull())
    .addColumn('completion_date', 'text')
    .addColumn('auto_close_campaign', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auto_close_decision', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  // Who owns which campaign; a non-admin's list pages through the campaigns they own.
  await db.schema
    .createTable('access_review_owners')
    .addColumn('access_review_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_review_owners_pk', ['access_review_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('access_review_owners_user')
    .on('access_review_owners')
    .columns(['user_id', 'access_review_id'])
    .execute();

  // The campaign's scope: one row per entitlement, or per whole app (app_entitlement_id '').
  await db.schema
    .createTable('access_review_entitlements')
    .addColumn('access_review_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_entitlement_id', 'text', (c) => c.notNull())
    // The entitlement's resource type and resource when it was chosen ('' for an app's own).
    .addColumn('app_resource_type_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('app_resource_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_review_entitlements_pk', [
      'access_review_id',
      'app_id',
      'app_entitlement_id',
    ])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('access_review_entitlements').execute();
  await db.schema.dropTable('access_review_owners').execute();
  await db.schema.dropTable('access_reviews').execute();
}
