import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Tasks (issue 19): requests to grant or revoke access, run through a policy's steps. A task keeps
 * the policy's steps as they were when it was opened, and the instances of the steps it has reached;
 * its audit trail is one row per thing that happened. The grant history names the task whose outcome
 * a change is (`ticket_id`, the grant feed's `ticketId`).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The task's number as people say it ("request 42"), unique and increasing.
    .addColumn('numeric_id', 'integer', (c) => c.notNull().unique())
    // grant or revoke
    .addColumn('task_type', 'text', (c) => c.notNull())
    // TASK_STATE_OPEN or TASK_STATE_CLOSED
    .addColumn('state', 'text', (c) => c.notNull())
    // GRANT_OUTCOME_* or REVOKE_OUTCOME_*; UNSPECIFIED while open.
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_time', 'text')
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('app_entitlement_id', 'text', (c) => c.notNull())
    .addColumn('app_user_id', 'text', (c) => c.notNull().defaultTo(''))
    // The person the access is for.
    .addColumn('identity_user_id', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // A protobuf Duration asked for, or null.
    .addColumn('grant_duration', 'text')
    .addColumn('emergency_access', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('policy_generation', 'integer', (c) => c.notNull())
    // JSON: the policy's steps as they were when the task was opened.
    .addColumn('policy_steps', 'text', (c) => c.notNull())
    // JSON: the instances of the steps reached so far, in order; the last is current while open.
    .addColumn('step_instances', 'text', (c) => c.notNull())
    // JSON: who may act on the current step, for searches by assignee.
    .addColumn('step_approver_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // Searches page newest first by ID, filtered by state, subject, opener or entitlement.
  await db.schema.createIndex('tasks_state').on('tasks').columns(['state', 'id']).execute();
  await db.schema.createIndex('tasks_subject').on('tasks').columns(['identity_user_id', 'id']).execute();
  await db.schema.createIndex('tasks_opener').on('tasks').columns(['created_by_user_id', 'id']).execute();
  await db.schema
    .createIndex('tasks_entitlement')
    .on('tasks')
    .columns(['app_entitlement_id', 'id'])
    .execute();

  // Who may act on which task's current step: one row per approver, for the approvals inbox.
  await db.schema
    .createTable('task_assignees')
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_assignees_pk', ['user_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('task_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull())
    // What happened: created, comment, approved, denied, reassigned, step_fallback, state_change,
    // grant_outcome, revoke_outcome.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    // JSON: the particulars of the kind.
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_audits_task').on('task_audits').columns(['task_id', 'id']).execute();

  await db.schema.alterTable('grant_events').addColumn('ticket_id', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('grant_events').dropColumn('ticket_id').execute();
  await db.schema.dropTable('task_audits').execute();
  await db.schema.dropTable('task_assignees').execute();
  await db.schema.dropTable('tasks').execute();
}
