import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * The SCIM connection whose identity provider owns an entitlement (a SCIM group): its members and
 * fields change only through that connection. Null for every other entitlement, and once the
 * connection is deleted. Groups of live connections pushed before this migration are marked.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('app_entitlements').addColumn('scim_connection_id', 'text').execute();
  await sql`update app_entitlements set scim_connection_id = (
      select g.connection_id from scim_groups g join scim_connections c on c.id = g.connection_id
      where g.entitlement_id = app_entitlements.id and c.deleted_at is null)
    where id in (select entitlement_id from scim_groups)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('app_entitlements').dropColumn('scim_connection_id').execute();
}
