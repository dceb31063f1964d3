import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * A SCIM user's `manager` as the identity provider sent it (a SCIM id or an externalId), kept even
 * when it names nobody yet: identity providers send users in any order, so the manager may arrive
 * later, and the link is made then. `''` is no reference. The index finds the users waiting for a
 * manager when one arrives. Rows written before keep `''` and show the stored manager link.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('scim_users')
    .addColumn('manager_ref', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('scim_users_manager_ref')
    .on('scim_users')
    .columns(['connection_id', 'manager_ref'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('scim_users_manager_ref').execute();
  await db.schema.alterTable('scim_users').dropColumn('manager_ref').execute();
}
