import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Task timers: a wait step's end and an approval's escalation. `due_at` is when the task's current
 * step next needs the system (null when nothing is timed), read by the task-timer loop through its
 * index. `step_base` is where in `step_instances` the current run of the policy begins (a restart or
 * a change of policy starts the steps again). `request_data` is the grant request's data, as JSON.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('due_at', 'text').execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('step_base', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('tasks').addColumn('request_data', 'text').execute();
  await db.schema.createIndex('tasks_due').on('tasks').columns(['due_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('tasks_due').execute();
  await db.schema.alterTable('tasks').dropColumn('request_data').execute();
  await db.schema.alterTable('tasks').dropColumn('step_base').execute();
  await db.schema.alterTable('tasks').dropColumn('due_at').execute();
}
