import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Why a chunk's last batch failed, kept after the chunk is given up, so an operator reading the
  // row learns the cause without the server log.
  await db.schema.alterTable('bulk_action_chunks').addColumn('last_error', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('bulk_action_chunks').dropColumn('last_error').execute();
}
