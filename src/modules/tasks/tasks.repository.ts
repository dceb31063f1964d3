import { sql } from 'kysely';
import type { InsertRows } from '../../db/insert-rows.js';
import type { Executor } from '../../db/schema.js';
import { containsText } from '../../db/text-match.js';
import type { PolicyStep } from '../policies/index.js';
import type { AuditDetails } from './task-audits.js';
import type { StepInstance } from './task-steps.js';
import type { TaskAuditsTable, TasksTable } from './tasks.table.js';

/** A task as the code sees it: its steps, instances and approvers decoded, its flag a boolean. */
export interface TaskRow
  extends Omit<
    TasksTable,
    'policy_steps' | 'step_instances' | 'step_approver_ids' | 'emergency_access' | 'request_data'
  > {
  policy_steps: PolicyStep[];
  request_data: Record<string, unknown> | null;
  step_instances: StepInstance[];
  step_approver_ids: string[];
  emergency_access: boolean;
}

export interface TaskAuditRow extends Omit<TaskAuditsTable, 'details'> {
  details: AuditDetails;
}

function decodeTask(stored: TasksTable): TaskRow {
  return {
    ...stored,
    policy_steps: JSON.parse(stored.policy_steps) as PolicyStep[],
    step_instances: JSON.parse(stored.step_instances) as StepInstance[],
    step_approver_ids: JSON.parse(stored.step_approver_ids) as string[],
    emergency_access: stored.emergency_access === 1,
    request_data:
      stored.request_data === null ? null : (JSON.parse(stored.request_data) as Record<string, unknown>),
  };
}

function encodeTask(row: Partial<TaskRow>): Partial<TasksTable> {
  const { policy_steps, step_instances, step_approver_ids, emergency_access, request_data, ...rest } = row;
  return {
    ...rest,
    ...(policy_steps === undefined ? {} : { policy_steps: JSON.stringify(policy_steps) }),
    ...(step_instances === undefined ? {} : { step_instances: JSON.stringify(step_instances) }),
    ...(step_approver_ids === undefined ? {} : { step_approver_ids: JSON.stringify(step_approver_ids) }),
    ...(emergency_access === undefined ? {} : { emergency_access: emergency_access ? 1 : 0 }),
    ...(request_data === undefined
      ? {}
      : { request_data: request_data === null ? null : JSON.stringify(request_data) }),
  };
}

const decodeAudit = (stored: TaskAuditsTable): TaskAuditRow => ({
  ...stored,
  details: JSON.parse(stored.details) as AuditDetails,
});

export async function findTaskById(db: Executor, id: string): Promise<TaskRow | undefined> {
  const stored = await db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return stored && decodeTask(stored);
}

export async function findTaskByNumericId(db: Executor, numericId: number): Promise<TaskRow | undefined> {
  const stored = await db
    .selectFrom('tasks')
    .selectAll()
    .where('numeric_id', '=', numericId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return stored && decodeTask(stored);
}

/** The next task number: one more than the highest, read in the writing transaction. */
export async function nextNumericId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.max('numeric_id').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export async function insertTask(db: Executor, row: TaskRow): Promise<void> {
  await db
    .insertInto('tasks')
    .values(encodeTask(row) as TasksTable)
    .execute();
}

export async function updateTask(db: Executor, id: string, changes: Partial<TaskRow>): Promise<void> {
  await db.updateTable('tasks').set(encodeTask(changes)).where('id', '=', id).execute();
}

/** Makes `userIds` the people who may act on the task's current step (the approvals inbox). */
export async function setAssignees(db: Executor, taskId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom('task_assignees').where('task_id', '=', taskId).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('task_assignees')
    .values(userIds.map((userId) => ({ task_id: taskId, user_id: userId })))
    .execute();
}

export async function insertAudits(db: Executor, rows: readonly TaskAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('task_audits')
    .values(rows.map((row) => ({ ...row, details: JSON.stringify(row.details) })))
    .execute();
}

/** A task's audit trail in the order it happened, after `afterId`: one keyset page. */
export async function listAudits(
  db: Executor,
  taskId: string,
  afterId: string | undefined,
  limit: number,
): Promise<TaskAuditRow[]> {
  let query = db
    .selectFrom('task_audits')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id')
    .limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.execute()).map(decodeAudit);
}

export interface TaskFilter {
  readonly ids?: readonly string[];
  readonly excludeIds?: readonly string[];
  readonly states?: readonly string[];
  readonly types?: readonly string[];
  readonly appIds?: readonly string[];
  readonly entitlementIds?: readonly string[];
  /** Certify tasks of these campaigns (`accessReviewIds`). */
  readonly accessReviewIds?: readonly string[];
  readonly subjectIds?: readonly string[];
  readonly openerIds?: readonly string[];
  /** Tasks whose current step one of them may act on. */
  readonly assigneeIds?: readonly string[];
  readonly createdAfter?: string;
  readonly createdBefore?: string;
  readonly query?: string;
  /** Only tasks this person opened, is the subject of, or may act on (a caller who reads no task). */
  readonly visibleTo?: string;
  readonly newestFirst: boolean;
}

/** Tasks matching the filter in ID order (newest first unless asked otherwise): one keyset page. */
export async function searchTasks(
  db: Executor,
  filter: TaskFilter,
  afterId: string | undefined,
  limit: number,
): Promise<TaskRow[]> {
  let query = db
    .selectFrom('tasks')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id', filter.newestFirst ? 'desc' : 'asc')
    .limit(limit);
  if (filter.ids?.length) query = query.where('id', 'in', filter.ids);
  if (filter.excludeIds?.length) query = query.where('id', 'not in', filter.excludeIds);
  if (filter.states?.length) query = query.where('state', 'in', filter.states);
  if (filter.types?.length) query = query.where('task_type', 'in', filter.types);
  if (filter.appIds?.length) query = query.where('app_id', 'in', filter.appIds);
  if (filter.entitlementIds?.length) query = query.where('app_entitlement_id', 'in', filter.entitlementIds);
  if (filter.accessReviewIds?.length) query = query.where('access_review_id', 'in', filter.accessReviewIds);
  if (filter.subjectIds?.length) query = query.where('identity_user_id', 'in', filter.subjectIds);
  if (filter.openerIds?.length) query = query.where('created_by_user_id', 'in', filter.openerIds);
  if (filter.assigneeIds?.length) {
    const assignees = filter.assigneeIds;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('task_assignees').select('task_id').where('user_id', 'in', assignees),
    );
  }
  if (filter.createdAfter) query = query.where('created_at', '>=', filter.createdAfter);
  if (filter.createdBefore) query = query.where('created_at', '<', filter.createdBefore);
  if (filter.query) query = query.where(containsText('description', filter.query));
  if (filter.visibleTo) {
    const who = filter.visibleTo;
    // Correlated EXISTS, each served by a key on (person, task): with a selective filter (the inbox,
    // myWorkUserIds) PostgreSQL checks only the tasks the page reads. The `id in (…)` form made it
    // build the person's whole history first (every audit they wrote, by scanning all audits).
    query = query.where((eb) =>
      eb.or([
        eb('identity_user_id', '=', who),
        eb('created_by_user_id', '=', who),
        eb.exists(
          eb
            .selectFrom('task_assignees')
            .select(sql<number>`1`.as('one'))
            .whereRef('task_assignees.task_id', '=', 'tasks.id')
            .where('task_assignees.user_id', '=', who),
        ),
        // Someone who acted on an earlier step still sees the task.
        eb.exists(
          eb
            .selectFrom('task_audits')
            .select(sql<number>`1`.as('one'))
            .whereRef('task_audits.task_id', '=', 'tasks.id')
            .where('task_audits.actor_user_id', '=', who),
        ),
      ]),
    );
  }
  if (afterId) query = query.where('id', filter.newestFirst ? '<' : '>', afterId);
  return (await query.execute()).map(decodeTask);
}

/** True when `userId` acted on the task (approved, denied, commented). */
export async function actedOn(db: Executor, taskId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('task_audits')
    .select(sql<number>`1`.as('one'))
    .where('task_id', '=', taskId)
    .where('actor_user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Open tasks whose current step's time has come (`due_at` at or before `now`), soonest first. */
export async function findDueTaskIds(db: Executor, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** Stores many new tasks with their assignees and audits, in multi-row statements (certify tasks). */
export async function insertTasksInBulk(
  db: Executor,
  insertRows: InsertRows,
  tasks: readonly TaskRow[],
  audits: readonly TaskAuditRow[],
): Promise<void> {
  if (tasks.length === 0) return;
  await insertRows(
    db,
    'tasks',
    tasks.map((task) => encodeTask(task)),
  );
  await insertRows(
    db,
    'task_assignees',
    tasks.flatMap((task) => task.step_approver_ids.map((userId) => ({ task_id: task.id, user_id: userId }))),
  );
  await insertRows(
    db,
    'task_audits',
    audits.map((row) => ({ ...row, details: JSON.stringify(row.details) })),
  );
}

/** A campaign's certify tasks counted by state and outcome. */
export async function countCertifyTasks(
  db: Executor,
  accessReviewId: string,
): Promise<Array<{ state: string; outcome: string; n: number }>> {
  const rows = await db
    .selectFrom('tasks')
    .select(['state', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('access_review_id', '=', accessReviewId)
    .where('deleted_at', 'is', null)
    .groupBy(['state', 'outcome'])
    .execute();
  return rows.map((row) => ({ ...row, n: Number(row.n) }));
}

/** A page of a campaign's open certify task IDs after `afterId`, in ID order. */
export async function listOpenCertifyTaskIds(
  db: Executor,
  accessReviewId: string,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('access_review_id', '=', accessReviewId)
    .where('state', '=', 'TASK_STATE_OPEN')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
