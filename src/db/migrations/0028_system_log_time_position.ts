import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * ListEvents with a time range (CONTRACT.md §7.11): the time index (occurred_at, id) gave the
 * planner the range's rows but not their positions, so a page read every row of the range from the
 * table and sorted them. (occurred_at, tx_id, seq) holds the positions: a time-range page reads the
 * range from the index alone, sorts those small entries, and reads only its own rows from the table.
 * It replaces the old index (nothing reads by (occurred_at, id)), so each event still writes as many
 * index entries.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('system_log_events_time_position')
    .on('system_log_events')
    .columns(['occurred_at', 'tx_id', 'seq'])
    .execute();
  await db.schema.dropIndex('system_log_events_time').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('system_log_events_time')
    .on('system_log_events')
    .columns(['occurred_at', 'id'])
    .execute();
  await db.schema.dropIndex('system_log_events_time_position').execute();
}
