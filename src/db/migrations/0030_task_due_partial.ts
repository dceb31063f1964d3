import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * The timer index holds only the tasks that have a timer. Its one reader (`findDueTaskIds`: `due_at`
 * at or before now) never matches a null `due_at`, and both databases see that the comparison implies
 * `due_at IS NOT NULL`, so it reads the partial index as it read the whole one. A campaign's certify
 * tasks have no timer unless their policy escalates, so a 100,000-grant start no longer writes
 * 100,000 null entries into it.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('tasks_due').execute();
  await db.schema
    .createIndex('tasks_due')
    .on('tasks')
    .columns(['due_at'])
    .where(sql.ref('due_at'), 'is not', null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('tasks_due').execute();
  await db.schema.createIndex('tasks_due').on('tasks').columns(['due_at']).execute();
}
