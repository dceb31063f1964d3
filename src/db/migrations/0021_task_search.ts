import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Task search stays flat as tasks grow (measured by `npm run bench`, bench/RESULTS.md).
 *
 * - Someone who reads no task sees those they acted on: the search checks a task's audits for the
 *   caller, and `actedOn` asks the same; without this index PostgreSQL read every audit row of
 *   every task to build that set.
 * - PostgreSQL estimates `lower(description) like '%…%'` (the `query` filter) at a fixed 0.5 % of
 *   the rows without statistics on the expression, so it sorted every match instead of walking the
 *   newest tasks until a page was full. Statistics on the expression (PostgreSQL 14 and later) give
 *   it the real share; they cost nothing on writes. SQLite walks the ID index either way.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('task_audits_actor')
    .on('task_audits')
    .columns(['actor_user_id', 'task_id'])
    .execute();
  if (isPostgres(db) && (await serverVersion(db)) >= 140_000) {
    await sql`create statistics tasks_description_lower on (lower(description)) from tasks`.execute(db);
    await sql`analyze tasks`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await sql`drop statistics if exists tasks_description_lower`.execute(db);
  await db.schema.dropIndex('task_audits_actor').execute();
}

async function serverVersion(db: AnyDb): Promise<number> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Number(rows[0]?.v ?? 0);
}
