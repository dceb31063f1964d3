import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * `GET /roster/v1/bulk_actions` lists newest first, filtered by entitlement or by app: an index per
 * filter that ends in the ID lets a page be read backwards from the page token's ID, whatever the
 * number of older actions. (The state filter already has `bulk_actions_state` on (state, id).)
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('bulk_actions_entitlement_id')
    .on('bulk_actions')
    .columns(['app_entitlement_id', 'id'])
    .execute();
  await db.schema.createIndex('bulk_actions_app_id').on('bulk_actions').columns(['app_id', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('bulk_actions_app_id').execute();
  await db.schema.dropIndex('bulk_actions_entitlement_id').execute();
}
