import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Starting and deciding access reviews (issue 20).
 *
 * - A started campaign records when, the change-stream position its population was frozen at, how
 *   many grants that population holds, and its start job: the durable work that turns the frozen
 *   population into certify tasks in batches, with the last grant turned into a task (`start_cursor`)
 *   advanced in each batch's transaction.
 * - `access_review_items` is the frozen population: one row per grant live in the scope at the start,
 *   written by one INSERT … SELECT in the start transaction, so later grants and removals do not
 *   change it.
 * - Certify tasks are tasks with `task_type` 'certify' and the campaign's ID (null on other tasks); one per (campaign,
 *   entitlement, app user), which is one per frozen grant, since a live grant is unique per
 *   (entitlement, app user). The reviewer queue and the evidence page a campaign's tasks by state.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('access_reviews')
    .addColumn('population_position', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('access_reviews')
    .addColumn('population_size', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // '' until started; RUNNING while the start job creates tasks; DONE once every item has its task.
  await db.schema
    .alterTable('access_reviews')
    .addColumn('start_job_state', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('access_reviews')
    .addColumn('start_cursor', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('access_reviews')
    .addColumn('tasks_created', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // What a close did with the tasks left open: REVOKE or SKIP ('' while open).
  await db.schema
    .alterTable('access_reviews')
    .addColumn('close_remaining', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('access_reviews_start_jobs')
    .on('access_reviews')
    .columns(['start_job_state', 'id'])
    .execute();

  await db.schema
    .createTable('access_review_items')
    .addColumn('access_review_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_entitlement_id', 'text', (c) => c.notNull())
    .addColumn('app_user_id', 'text', (c) => c.notNull())
    // The person the app user belongs to ('' for an app user linked to nobody).
    .addColumn('identity_user_id', 'text', (c) => c.notNull())
    // When the grant was made (the grant's created_at).
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_review_items_pk', ['access_review_id', 'grant_id'])
    .execute();

  await db.schema
    .alterTable('tasks')
    // Null for every task but a certify task, so the unique key below holds certify tasks only.
    .addColumn('access_review_id', 'text')
    .execute();
  await db.schema
    .createIndex('tasks_access_review')
    .on('tasks')
    .columns(['access_review_id', 'state', 'id'])
    .execute();
  await db.schema
    .createIndex('tasks_access_review_item')
    .unique()
    .on('tasks')
    .columns(['access_review_id', 'app_entitlement_id', 'app_user_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('tasks_access_review_item').execute();
  await db.schema.dropIndex('tasks_access_review').execute();
  await db.schema.alterTable('tasks').dropColumn('access_review_id').execute();
  await db.schema.dropTable('access_review_items').execute();
  await db.schema.dropIndex('access_reviews_start_jobs').execute();
  for (const column of [
    'close_remaining',
    'tasks_created',
    'start_cursor',
    'start_job_state',
    'population_size',
    'population_position',
  ]) {
    await db.schema.alterTable('access_reviews').dropColumn(column).execute();
  }
}
