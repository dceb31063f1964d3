import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * ListEvents by target type and ID (CONTRACT.md §7.11). A target ID names one target, so it
 * determines the target's type; PostgreSQL's planner does not know that and multiplies the two
 * conditions' selectivities. For an entitlement with 20,000 events among 1,000,000 it then expected
 * ~1,000 matches, ANDed the ID and type indexes as bitmaps, read all 20,000 events and sorted them
 * (366 ms) instead of walking (target_id, tx_id, seq) newest first and stopping after a page
 * (0.35 ms). Functional-dependency statistics tell it; ANALYZE (autovacuum's too) fills them. No
 * index is added, so writing an event costs the same. SQLite already walks the ID's index in order.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create statistics system_log_events_target_dependency (dependencies) on target_id, target_type from system_log_events`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop statistics system_log_events_target_dependency`.execute(db);
}
