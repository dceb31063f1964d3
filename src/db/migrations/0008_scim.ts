import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * SCIM 2.0 inbound (RFC 7643, RFC 7644): connections an identity provider pushes through, the users
 * and groups each connection manages, and the user fields directories fill that the ConductorOne
 * User carries (CONTRACT.md §4: department, managerIds, employeeIds).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('manager_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('employee_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('scim_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    // The manually managed app whose entitlements are this connection's groups.
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    // SHA-256 of the bearer token; null once revoked. The token itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('token_issued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('scim_users')
    .addColumn('connection_id', 'text', (c) => c.notNull().references('scim_connections.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    // userName is case-insensitive (RFC 7643 §4.1.1, caseExact false): unique by its lower case.
    .addColumn('user_name_key', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    // The SCIM attributes Roster has no column for (name parts, typed emails...), as JSON.
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scim_users_pk', ['connection_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('scim_users_user_name')
    .on('scim_users')
    .columns(['connection_id', 'user_name_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('scim_users_external_id')
    .on('scim_users')
    .columns(['connection_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('scim_groups')
    .addColumn('entitlement_id', 'text', (c) => c.primaryKey().references('app_entitlements.id'))
    .addColumn('connection_id', 'text', (c) => c.notNull().references('scim_connections.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('display_name_key', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('scim_groups_display_name')
    .on('scim_groups')
    .columns(['connection_id', 'display_name_key'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('scim_groups').execute();
  await db.schema.dropTable('scim_users').execute();
  await db.schema.dropTable('scim_connections').execute();
  await db.schema.alterTable('users').dropColumn('employee_ids').execute();
  await db.schema.alterTable('users').dropColumn('manager_ids').execute();
  await db.schema.alterTable('users').dropColumn('department').execute();
}
