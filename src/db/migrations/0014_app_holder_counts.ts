import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * An app's `userCount` is "the number of users with grants to this app" (issue 18 A2), not the app
 * users ever created: `app_holder_counts` counts, per app, the app users holding at least one
 * unrevoked grant, moved with every grant added or removed (as `entitlement_member_counts` is), so
 * reads count nothing. It starts from the grants stored now.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('app_holder_counts')
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('holder_count', 'integer', (c) => c.notNull())
    .execute();
  await sql`
    insert into app_holder_counts (app_id, holder_count)
    select app_id, count(distinct app_user_id) from grants
    where deleted_at is null
    group by app_id`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('app_holder_counts').execute();
}
