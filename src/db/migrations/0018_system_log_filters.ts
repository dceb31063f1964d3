import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * ListEvents filters by actor, target and operation on the server (CONTRACT.md §7.11): an index per
 * filter that ends in the change-stream position lets a filtered page be read in position order,
 * either way, from the page token's position, reading only matching rows however rare they are.
 */
const INDEXES = [
  { name: 'system_log_events_actor_position', column: 'actor_user_id' },
  { name: 'system_log_events_target_position', column: 'target_id' },
  { name: 'system_log_events_target_type_position', column: 'target_type' },
  { name: 'system_log_events_activity_position', column: 'activity' },
];

export async function up(db: AnyDb): Promise<void> {
  for (const index of INDEXES) {
    await db.schema
      .createIndex(index.name)
      .on('system_log_events')
      .columns([index.column, 'tx_id', 'seq'])
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
}
