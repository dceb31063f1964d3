import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * `bulk_actions.user_ids` holds an action's work list: user IDs for an add, but `add:<userId>` and
 * `remove:<appUserId>` operations for a set of members. It is renamed `work` for what it holds; the
 * rename keeps every row's value (ALTER TABLE ... RENAME COLUMN on both databases).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('bulk_actions').renameColumn('user_ids', 'work').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('bulk_actions').renameColumn('work', 'user_ids').execute();
}
