import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import { decodePageToken, encodePageToken, fetchPage, type Page, pageSize } from '../../http/pagination.js';
import type { Principal } from '../../http/principal.js';
import { STRING_LIMITS } from '../../http/strings.js';
import { type Actor, SYSTEM_ACTOR } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, invalidArgument, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { refusalOf } from '../../lib/user-refusal.js';
import { ensureAppUsersFor, findAppUserById, findGrantTargets } from '../app-users/index.js';
import type { SystemLog, SystemLogEntry } from '../audit/index.js';
import { requireManualEntitlement } from '../catalog/index.js';
import {
  expireGrants,
  findUnrevokedGrantId,
  grantIfAbsent,
  type NewGrant,
  parseDurationMs,
  revokeHeldGrantsOfUser,
  revokeMembers,
} from '../grants/index.js';
import {
  DEFAULT_GRANT_POLICY_ID,
  findPolicyById,
  type PolicyRow,
  type PolicyStep,
  stepKindOf,
} from '../policies/index.js';
import { findGrantableUsers, findUserById } from '../users/index.js';
import {
  allowsSelfApproval,
  liveUserIds,
  ownersOf,
  resolveApprovers,
  type TaskSubject,
} from './approvers.js';
import { type CertifyBatch, type CertifyItem, createCertifyTasks } from './certify-tasks.js';
import { dueAtOf, type StepInstance } from './task-steps.js';
import {
  actedOn,
  countCertifyTasks,
  findDueTaskIds,
  findTaskById,
  findTaskByNumericId,
  insertAudits,
  insertTask,
  listAudits,
  listOpenCertifyTaskIds,
  nextNumericId,
  searchTasks,
  setAssignees,
  type TaskAuditRow,
  type TaskFilter,
  type TaskRow,
  updateTask,
} from './tasks.repository.js';

export interface TasksServiceDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
}

export type TasksService = ReturnType<typeof createTasksService>;

export type TaskType = 'grant' | 'revoke' | 'offboarding' | 'certify';
type TaskOperation =
  | 'task.approved'
  | 'task.denied'
  | 'task.commented'
  | 'task.closed'
  | 'task.reassigned'
  | 'task.processed'
  | 'task.step_skipped'
  | 'task.restarted'
  | 'task.escalated_to_emergency'
  | 'task.request_data_updated'
  | 'task.wait_ended'
  | 'task.escalated';

export interface GrantTaskInput {
  readonly appId: string;
  readonly appEntitlementId: string;
  readonly identityUserId?: string | null | undefined;
  readonly appUserId?: string | null | undefined;
  readonly description?: string | null | undefined;
  readonly grantDuration?: string | null | undefined;
  readonly emergencyAccess?: boolean | null | undefined;
  readonly requestData?: unknown;
}

/** What a caller may do to a task now, as the task's `actions` lists them. */
export type TaskActionName =
  | 'TASK_ACTION_TYPE_APPROVE'
  | 'TASK_ACTION_TYPE_DENY'
  | 'TASK_ACTION_TYPE_COMMENT'
  | 'TASK_ACTION_TYPE_REASSIGN'
  | 'TASK_ACTION_TYPE_CLOSE'
  | 'TASK_ACTION_TYPE_RESTART'
  | 'TASK_ACTION_TYPE_PROCESS_NOW'
  | 'TASK_ACTION_TYPE_SKIP_STEP'
  | 'TASK_ACTION_TYPE_ESCALATE_TO_EMERGENCY_ACCESS'
  | 'TASK_ACTION_TYPE_UPDATE_REQUEST_DATA';

const OPEN = 'TASK_STATE_OPEN';
const CLOSED = 'TASK_STATE_CLOSED';
type Outcome = 'GRANTED' | 'REVOKED' | 'DENIED' | 'CANCELLED' | 'ERROR';
const outcomeOf = (type: string, outcome: Outcome) => {
  // A certify task's policy saying yes certifies; a denial decertifies (and revokes the grant).
  if (type === 'certify') {
    return `CERTIFY_OUTCOME_${outcome === 'GRANTED' ? 'CERTIFIED' : outcome === 'DENIED' || outcome === 'REVOKED' ? 'DECERTIFIED' : outcome}`;
  }
  if (type === 'grant') return `GRANT_OUTCOME_${outcome === 'REVOKED' ? 'GRANTED' : outcome}`;
  if (type === 'revoke') return `REVOKE_OUTCOME_${outcome === 'GRANTED' ? 'REVOKED' : outcome}`;
  // An offboarding is done once its revocations are; it is never denied, only cancelled.
  return `OFFBOARDING_OUTCOME_${outcome === 'GRANTED' || outcome === 'REVOKED' ? 'DONE' : outcome === 'DENIED' ? 'CANCELLED' : outcome}`;
};
const unspecifiedOutcome = (type: TaskType) => outcomeOf(type, 'ERROR').replace(/_ERROR$/, '_UNSPECIFIED');

/** The task's step instances, copied so a change can be built without touching the row read. */
const instancesOf = (task: TaskRow): StepInstance[] => structuredClone(task.step_instances);
const currentOf = (task: TaskRow): StepInstance | undefined => {
  const current = instancesOf(task).at(-1);
  return task.state === OPEN && current?.state === 'ACTIVE' ? current : undefined;
};

/** The most request data a task keeps, as JSON text: what a description may hold. */
const MAX_REQUEST_DATA_LENGTH = STRING_LIMITS.text;

/** A JSON object as `requestData` carries it (anything else is no data), refused when too large. */
function requestDataOf(data: unknown, field: string): Record<string, unknown> | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  if (JSON.stringify(data).length > MAX_REQUEST_DATA_LENGTH) {
    throw invalidArgument(
      `${field} must be at most ${MAX_REQUEST_DATA_LENGTH} characters as JSON`,
      'INVALID_ARGUMENT',
      { field },
    );
  }
  return data as Record<string, unknown>;
}

/** What the task runs next: a policy's steps, from the first. */
interface PolicyRun {
  readonly policyId: string;
  readonly generation: number;
  readonly steps: PolicyStep[];
}
const runOf = (policy: PolicyRow): PolicyRun => ({
  policyId: policy.id,
  generation: policy.generation,
  steps: policy.steps,
});

const taskClosed = (id: string) =>
  new AppError('FAILED_PRECONDITION', `task ${id} is closed; nothing about it can change`, 'TASK_CLOSED', {
    id,
  });

/**
 * Tasks (issue 19): a request to grant or revoke access, decided through its policy's steps, and
 * carried out in the transaction of the decision that completes it — a 200 on the last approval means
 * the grant exists (or is revoked), with the task named as the ticket in the grant history.
 */
export function createTasksService(deps: TasksServiceDeps) {
  const { db, dialect, clock } = deps;

  /** Someone who reads every task, or who opened it, is its subject, was asked to decide or acted on it. */
  async function canSee(caller: Principal, task: TaskRow, executor: Executor): Promise<boolean> {
    if (caller.permissions.has('tasks:read')) return true;
    if (task.identity_user_id === caller.userId || task.created_by_user_id === caller.userId) return true;
    // Whoever was asked to decide a step keeps seeing the task, decided or not.
    if (instancesOf(task).some((instance) => instance.approverIds.includes(caller.userId))) return true;
    return actedOn(executor, task.id, caller.userId);
  }

  async function visibleTask(
    caller: Principal,
    idOrNumber: string,
    executor: Executor = db,
  ): Promise<TaskRow> {
    const task =
      (await findTaskById(executor, idOrNumber)) ??
      (/^[1-9][0-9]{0,15}$/.test(idOrNumber)
        ? await findTaskByNumericId(executor, Number(idOrNumber))
        : undefined);
    // A task the caller may not see is as unknown as a missing one.
    if (!task || !(await canSee(caller, task, executor))) throw notFound('task', idOrNumber);
    return task;
  }

  async function actionsFor(caller: Principal, task: TaskRow): Promise<TaskActionName[]> {
    if (task.state !== OPEN) return ['TASK_ACTION_TYPE_COMMENT'];
    const actions: TaskActionName[] = [];
    const current = currentOf(task);
    const admin = caller.permissions.has('tasks:write');
    if (current?.approverIds.includes(caller.userId)) {
      actions.push('TASK_ACTION_TYPE_APPROVE', 'TASK_ACTION_TYPE_DENY');
    }
    actions.push('TASK_ACTION_TYPE_COMMENT');
    if (mayReassign(caller, current)) actions.push('TASK_ACTION_TYPE_REASSIGN');
    if (mayClose(caller, task)) actions.push('TASK_ACTION_TYPE_CLOSE', 'TASK_ACTION_TYPE_RESTART');
    if (admin && current) actions.push('TASK_ACTION_TYPE_SKIP_STEP');
    if (admin && dueAtOf(current) !== null) actions.push('TASK_ACTION_TYPE_PROCESS_NOW');
    if (task.task_type === 'grant' && mayClose(caller, task)) {
      if (!task.emergency_access && (await emergencyPolicyOf(db, task))) {
        actions.push('TASK_ACTION_TYPE_ESCALATE_TO_EMERGENCY_ACCESS');
      }
      actions.push('TASK_ACTION_TYPE_UPDATE_REQUEST_DATA');
    }
    return actions;
  }

  /** The emergency grant policy of the task's entitlement, if it has one. */
  async function emergencyPolicyOf(executor: Executor, task: TaskRow): Promise<string> {
    try {
      const entitlement = await requireManualEntitlement(executor, task.app_id, task.app_entitlement_id);
      return entitlement.emergency_grant_policy_id ?? '';
    } catch (error) {
      if (error instanceof AppError) return '';
      throw error;
    }
  }

  /** A Super Admin reassigns any step; an approver one whose approval allows reassignment. */
  const mayReassign = (caller: Principal, current: StepInstance | undefined) =>
    current !== undefined &&
    (caller.permissions.has('tasks:write') ||
      (current.approverIds.includes(caller.userId) && current.step.approval?.allowReassignment === true));

  /** A certify task is closed by its campaign or a Super Admin, never by the person reviewed. */
  const mayClose = (caller: Principal, task: TaskRow) =>
    caller.permissions.has('tasks:write') ||
    (task.task_type !== 'certify' &&
      (task.created_by_user_id === caller.userId || task.identity_user_id === caller.userId));

  /**
   * Decertifies: revokes the reviewed grant in this transaction, the task named as its ticket, and
   * closes the task DECERTIFIED. A grant already gone since the campaign started is recorded as such.
   */
  async function decertify(
    trx: Executor,
    task: TaskRow,
    actor: Actor,
    now: Date,
    audits: TaskAuditRow[],
    details: Record<string, unknown> = {},
  ): Promise<TaskRow> {
    // Only the grant the campaign froze: one removed since, even if granted again, is already gone.
    const frozen = typeof task.request_data?.grantId === 'string' ? task.request_data.grantId : undefined;
    const current = await findUnrevokedGrantId(trx, task.app_entitlement_id, task.app_user_id);
    const revoked =
      current !== undefined && (frozen === undefined || current === frozen)
        ? await revokeMembers(
            trx,
            deps,
            task.app_entitlement_id,
            [task.app_user_id],
            actor,
            now,
            null,
            task.id,
          )
        : 0;
    if (revoked === 0)
      audits.push(audit(task, 'already_removed', actor, now, { appUserId: task.app_user_id }));
    return close(trx, task, 'DENIED', actor, now, audits, {
      ...details,
      revoked: revoked > 0,
      alreadyRemoved: revoked === 0,
    });
  }

  function audit(
    task: TaskRow,
    kind: string,
    actor: Actor | null,
    now: Date,
    details: Record<string, unknown> = {},
  ): TaskAuditRow {
    return {
      id: newId(now.getTime()),
      task_id: task.id,
      kind,
      actor_user_id: actor?.userId || null,
      details: { state: task.state, ...details },
      created_at: now.toISOString(),
    };
  }

  /**
   * Runs the task's steps from where it stands until one waits for a person or the policy ends, then
   * carries out the outcome. Returns the task as changed and the audit entries of what happened.
   */
  async function advance(
    trx: Executor,
    task: TaskRow,
    actor: Actor,
    now: Date,
    audits: TaskAuditRow[],
  ): Promise<TaskRow> {
    const steps = task.policy_steps;
    const instances = instancesOf(task);
    // Instances before `step_base` belong to an earlier run of the policy (a restart).
    const base = task.step_base;
    const subject: TaskSubject = {
      appId: task.app_id,
      appEntitlementId: task.app_entitlement_id,
      userId: task.identity_user_id,
      // Nobody reviews their own access; whoever started a campaign may still review.
      openerId: task.task_type === 'certify' ? task.identity_user_id : task.created_by_user_id,
    };
    let current = task;
    while (instances.length - base < steps.length) {
      const step = steps[instances.length - base] as PolicyStep;
      const kind = stepKindOf(step);
      const instance: StepInstance = {
        id: newId(now.getTime()),
        kind,
        step,
        state: 'ACTIVE',
        approverIds: [],
        outcome: null,
        actorUserId: '',
        at: null,
      };
      instances.push(instance);
      if (kind === 'accept' || kind === 'reject') {
        instance.state = 'DONE';
        instance.outcome = kind === 'accept' ? 'accepted' : 'rejected';
        instance.at = now.toISOString();
        if (kind === 'reject') {
          return close(trx, { ...current, step_instances: instances }, 'DENIED', null, now, audits, {
            reason: step.reject?.rejectMessage ?? '',
          });
        }
        continue;
      }
      if (kind === 'wait') {
        const waitMs = parseDurationMs(step.wait?.timeoutDuration ?? '') ?? 0;
        instance.waitStartedAt = now.toISOString();
        instance.waitUntil = new Date(now.getTime() + waitMs).toISOString();
        current = { ...current, step_instances: instances, step_approver_ids: [] };
        await setAssignees(trx, task.id, []);
        audits.push(
          audit(current, 'wait_started', null, now, { stepId: instance.id, until: instance.waitUntil }),
        );
        const first = step.wait?.commentOnFirstWait ?? '';
        if (first.trim()) current = withComment(current, first, SYSTEM_ACTOR, now, audits);
        return current;
      }
      if (kind === 'approval' && step.approval) {
        const escalation = step.approval.escalationEnabled ? step.approval.escalation : null;
        if (escalation) {
          // The expiration is in minutes (CONTRACT.md §7.18).
          const minutes = Number(escalation.expiration ?? '0');
          instance.escalatesAt = new Date(now.getTime() + minutes * 60_000).toISOString();
          instance.escalated = false;
        }
        // Approvals of an earlier run of the policy (before a restart) no longer count.
        const earlier = new Set(
          instances
            .slice(base)
            .filter((i) => i.outcome === 'approved')
            .map((i) => i.actorUserId),
        );
        const resolved = await resolveApprovers(trx, step.approval, subject, earlier, now.toISOString());
        instance.approverIds =
          task.task_type === 'certify'
            ? resolved.approverIds.filter((id) => id !== task.identity_user_id)
            : resolved.approverIds;
        if (resolved.fallback) {
          audits.push(
            audit(current, 'step_fallback', null, now, { stepId: instance.id, ...resolved.fallback }),
          );
        }
      } else if (kind === 'provision') {
        // The named provisioners who can still act: live and enabled, as approvers are.
        instance.approverIds = await liveUserIds(trx, step.provision?.provisionPolicy?.manual?.userIds ?? []);
      }
      current = {
        ...current,
        step_instances: instances,
        step_approver_ids: instance.approverIds,
      };
      await setAssignees(trx, task.id, instance.approverIds);
      audits.push(
        audit(current, 'step_started', null, now, {
          stepId: instance.id,
          kind,
          approverIds: instance.approverIds,
        }),
      );
      return current;
    }
    current = { ...current, step_instances: instances };
    return carryOut(trx, current, actor, now, audits);
  }

  /** The policy is done and said yes: grant or revoke, in this transaction, naming the task. */
  async function carryOut(
    trx: Executor,
    task: TaskRow,
    actor: Actor,
    now: Date,
    audits: TaskAuditRow[],
  ): Promise<TaskRow> {
    const origin = { actor, bulkActionId: null, ticketId: task.id };
    // Every step certified: the grant stays as it is.
    if (task.task_type === 'certify') return close(trx, task, 'GRANTED', actor, now, audits);
    if (task.task_type === 'revoke') {
      const revoked = await revokeMembers(
        trx,
        deps,
        task.app_entitlement_id,
        [task.app_user_id],
        actor,
        now,
        null,
        task.id,
      );
      return revoked > 0
        ? close(trx, task, 'REVOKED', actor, now, audits)
        : close(trx, task, 'CANCELLED', actor, now, audits, { reason: 'the grant was already gone' });
    }
    const users = await findGrantableUsers(trx, [task.identity_user_id]);
    const refusal = refusalOf(users[0]);
    if (refusal !== undefined) return close(trx, task, 'ERROR', actor, now, audits, { reason: refusal });
    let entitlement: Awaited<ReturnType<typeof requireManualEntitlement>>;
    try {
      entitlement = await requireManualEntitlement(trx, task.app_id, task.app_entitlement_id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return close(trx, task, 'ERROR', actor, now, audits, { reason: error.message });
    }
    const byId = new Map(users.map((u) => [u.id, u]));
    const { targets, created } = await ensureAppUsersFor(
      trx,
      dialect,
      task.app_id,
      [task.identity_user_id],
      byId,
      now,
    );
    const appUserId = targets.get(task.identity_user_id) as string;
    const createdIds = new Set(created.map((a) => a.id));
    if (!createdIds.has(appUserId)) {
      await expireGrants(trx, deps, now, { entitlementId: task.app_entitlement_id, appUserIds: [appUserId] });
    }
    // The duration starts now, at approval, and never exceeds the entitlement's.
    const asked = task.grant_duration ? parseDurationMs(task.grant_duration) : undefined;
    const cap = entitlement.duration_grant ? parseDurationMs(entitlement.duration_grant) : undefined;
    const duration = asked === undefined ? cap : cap === undefined ? asked : Math.min(asked, cap);
    const grant: NewGrant = {
      id: newId(now.getTime()),
      app_id: task.app_id,
      app_entitlement_id: task.app_entitlement_id,
      app_user_id: appUserId,
      source: 'MANUAL',
      bulk_action_id: null,
      created_at: now.toISOString(),
      deprovision_at: duration === undefined ? null : new Date(now.getTime() + duration).toISOString(),
      deleted_at: null,
    };
    const granted = await grantIfAbsent(trx, dialect, [grant], now, origin, createdIds);
    return close(trx, { ...task, app_user_id: appUserId }, 'GRANTED', actor, now, audits, {
      alreadyHeld: !granted.has(appUserId),
    });
  }

  async function close(
    trx: Executor,
    task: TaskRow,
    outcome: Outcome,
    actor: Actor | null,
    now: Date,
    audits: TaskAuditRow[],
    details: Record<string, unknown> = {},
  ): Promise<TaskRow> {
    const closed: TaskRow = {
      ...task,
      state: CLOSED,
      outcome: outcomeOf(task.task_type, outcome),
      outcome_time: now.toISOString(),
      step_approver_ids: [],
    };
    await setAssignees(trx, task.id, []);
    audits.push(
      audit(closed, `${task.task_type}_outcome`, actor, now, { outcome: closed.outcome, ...details }),
    );
    audits.push(audit(closed, 'state_change', actor, now, { previousState: OPEN }));
    return closed;
  }

  /** What the system log says about a task: enough to find it and, for webhooks, its app. */
  const logDetails = (task: TaskRow) => ({
    taskType: task.task_type,
    appId: task.app_id || undefined,
    appEntitlementId: task.app_entitlement_id || undefined,
    userId: task.identity_user_id,
    state: task.state,
    outcome: task.outcome,
  });

  /**
   * The system-log entries of what a change did to the task beyond the action itself: a step that
   * now waits for people (`task.assigned`, naming them) and a task that closed (`task.closed`, with
   * its outcome), which webhooks send under those names.
   */
  function lifecycleEntries(
    before: TaskRow | undefined,
    after: TaskRow,
    operation: string,
    actor: Actor,
    now: Date,
  ): SystemLogEntry[] {
    const entries: SystemLogEntry[] = [];
    const entry = (op: 'task.assigned' | 'task.closed', details: Record<string, unknown>) =>
      entries.push({
        operation: op,
        activity: 'update',
        targetType: 'task',
        targetId: after.id,
        actor,
        occurredAt: now,
        details: { ...logDetails(after), ...details },
      });
    const waiting = currentOf(after);
    if (waiting && waiting.approverIds.length > 0 && waiting.id !== (before && currentOf(before))?.id) {
      entry('task.assigned', {
        policyStepId: waiting.id,
        stepKind: waiting.kind,
        approverIds: waiting.approverIds,
      });
    }
    if (after.state === CLOSED && before?.state !== CLOSED && operation !== 'task.closed') {
      entry('task.closed', { outcomeTime: after.outcome_time });
    }
    return entries;
  }

  async function save(trx: Executor, before: TaskRow, changed: TaskRow, audits: TaskAuditRow[], now: Date) {
    // The timer of the current step, which the task-timer loop finds the task by.
    const after = { ...changed, due_at: dueAtOf(currentOf(changed)) };
    const changes: Partial<TaskRow> = {};
    for (const key of Object.keys(after) as (keyof TaskRow)[]) {
      if (after[key] !== before[key]) (changes as Record<string, unknown>)[key] = after[key];
    }
    await updateTask(trx, before.id, { ...changes, updated_at: now.toISOString() });
    await insertAudits(trx, audits);
  }

  /** Stores a new open task with the next number; what `fields` leaves out is empty. */
  async function insertNewTask(
    trx: Executor,
    now: Date,
    fields: Pick<TaskRow, 'identity_user_id' | 'created_by_user_id' | 'description'> &
      Partial<TaskRow> & { task_type: TaskType },
  ): Promise<TaskRow> {
    await dialect.serialize(trx, 'roster:task-numbers');
    const task: TaskRow = {
      id: newId(now.getTime()),
      numeric_id: await nextNumericId(trx),
      state: OPEN,
      outcome: unspecifiedOutcome(fields.task_type),
      outcome_time: null,
      app_id: '',
      app_entitlement_id: '',
      app_user_id: '',
      grant_duration: null,
      emergency_access: false,
      origin: 'TASK_ORIGIN_API',
      policy_id: '',
      policy_generation: 0,
      policy_steps: [],
      step_instances: [],
      step_approver_ids: [],
      comment_count: 0,
      due_at: null,
      step_base: 0,
      request_data: null,
      access_review_id: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      deleted_at: null,
      ...fields,
    };
    await insertTask(trx, task);
    return task;
  }

  /** Saves what a new task became, and logs its creation (and what followed) in the system log. */
  async function saveCreated(
    trx: Executor,
    task: TaskRow,
    after: TaskRow,
    audits: TaskAuditRow[],
    actor: Actor,
    now: Date,
    details: Record<string, unknown> = {},
  ) {
    await save(trx, task, after, audits, now);
    await deps.systemLog.record(trx, [
      {
        operation: 'task.created',
        activity: 'create',
        targetType: 'task',
        targetId: task.id,
        actor,
        occurredAt: now,
        details: { ...logDetails(task), ...details },
      },
      ...lifecycleEntries(undefined, after, 'task.created', actor, now),
    ]);
  }

  /** Opens a task for `type` and runs its policy as far as it goes without a person. */
  async function open(
    caller: Principal,
    actor: Actor,
    type: TaskType,
    input: GrantTaskInput,
  ): Promise<TaskRow> {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      const entitlement = await requireManualEntitlement(trx, input.appId, input.appEntitlementId);
      let subjectId = input.identityUserId ?? '';
      let appUserId = '';
      if (input.appUserId) {
        const appUser = await findAppUserById(trx, input.appUserId);
        if (!appUser || appUser.app_id !== input.appId) throw notFound('app user', input.appUserId);
        if (subjectId && subjectId !== appUser.identity_user_id) {
          throw invalidArgument('identityUserId and appUserId name different people', 'INVALID_ARGUMENT', {
            field: 'identityUserId',
          });
        }
        subjectId = appUser.identity_user_id;
        appUserId = appUser.id;
      }
      if (!subjectId) subjectId = caller.userId;
      const subject = await findUserById(trx, subjectId);
      if (!subject || subject.deleted_at !== null) throw notFound('user', subjectId);
      if (
        subjectId !== caller.userId &&
        !(await mayRequestFor(trx, caller, input.appId, subject.manager_ids))
      ) {
        throw new AppError(
          'PERMISSION_DENIED',
          'only Super Admins, App Admins of the app and the person’s manager may request access for someone else',
          'PERMISSION_DENIED',
          { permission: 'grants:write' },
        );
      }
      if (type === 'revoke' && !appUserId) {
        appUserId = (await findGrantTargets(trx, input.appId, [subjectId])).get(subjectId) ?? '';
      }
      if (type === 'revoke' && !appUserId) {
        throw new AppError(
          'NOT_FOUND',
          `user ${subjectId} holds nothing in app ${input.appId}`,
          'GRANT_NOT_FOUND',
          {
            id: subjectId,
          },
        );
      }
      if (input.grantDuration && parseDurationMs(input.grantDuration) === undefined) {
        throw invalidArgument('grantDuration must be a duration such as "3600s"', 'INVALID_GRANT_DURATION');
      }
      const policyId =
        type === 'grant'
          ? (input.emergencyAccess && entitlement.emergency_grant_policy_id) ||
            entitlement.grant_policy_id ||
            DEFAULT_GRANT_POLICY_ID
          : entitlement.revoke_policy_id;
      const policy = policyId ? await findPolicyById(trx, policyId) : undefined;
      if (policyId && !policy) throw notFound('policy', policyId);
      // Without a revoke policy a revoke task applies at once (issue 19): it has no steps.
      const steps = policy?.steps ?? [];
      const task = await insertNewTask(trx, now, {
        task_type: type,
        app_id: input.appId,
        app_entitlement_id: input.appEntitlementId,
        app_user_id: appUserId,
        identity_user_id: subjectId,
        created_by_user_id: caller.userId,
        description: input.description ?? '',
        grant_duration: input.grantDuration ?? null,
        emergency_access: input.emergencyAccess === true,
        policy_id: policyId,
        policy_generation: policy?.generation ?? 0,
        policy_steps: steps,
        request_data: type === 'grant' ? requestDataOf(input.requestData, 'requestData') : null,
      });
      const audits = [audit(task, 'created', actor, now, { policyId })];
      const advanced = await advance(trx, task, actor, now, audits);
      await saveCreated(trx, task, advanced, audits, actor, now);
      return advanced;
    });
  }

  async function mayRequestFor(
    trx: Executor,
    caller: Principal,
    appId: string,
    managerIds: readonly string[],
  ) {
    if (caller.permissions.has('grants:write') || managerIds.includes(caller.userId)) return true;
    if (!caller.ownedPermissions.has('grants:write')) return false;
    // An App Admin asks for others only in the apps it owns.
    return (await ownersOf(trx, 'app', appId)).includes(caller.userId);
  }

  /** A comment in the audit trail, counted on the task; an approval's or denial's reason is one. */
  function withComment(
    task: TaskRow,
    comment: string,
    actor: Actor,
    now: Date,
    audits: TaskAuditRow[],
  ): TaskRow {
    if (!comment.trim()) return task;
    audits.push(audit(task, 'comment', actor, now, { comment }));
    return { ...task, comment_count: task.comment_count + 1 };
  }

  /** Runs `change` on the task under a lock, so racing actions end in exactly one outcome. */
  async function act(
    caller: Principal | null,
    actor: Actor,
    id: string,
    operation: TaskOperation,
    change: (trx: Executor, task: TaskRow, now: Date, audits: TaskAuditRow[]) => Promise<TaskRow>,
  ): Promise<TaskRow> {
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      // The system (the task-timer loop) acts on any task; a person on one they may see.
      const seen = caller ? await visibleTask(caller, id, trx) : await findTaskById(trx, id);
      if (!seen) throw notFound('task', id);
      await dialect.serialize(trx, `roster:task:${seen.id}`);
      // Read again under the lock: an action that committed meanwhile is seen.
      const task = (await findTaskById(trx, seen.id)) as TaskRow;
      const audits: TaskAuditRow[] = [];
      const after = await change(trx, task, now, audits);
      await save(trx, task, after, audits, now);
      await deps.systemLog.record(trx, [
        {
          operation,
          activity: 'update',
          targetType: 'task',
          targetId: task.id,
          actor,
          occurredAt: now,
          details: logDetails(after),
        },
        ...lifecycleEntries(task, after, operation, actor, now),
      ]);
      return after;
    });
  }

  /** The current step, which the action must name. */
  function requireStep(task: TaskRow, policyStepId: string): StepInstance {
    if (task.state !== OPEN) throw taskClosed(task.id);
    const current = currentOf(task);
    if (!current || current.id !== policyStepId) {
      throw new AppError(
        'FAILED_PRECONDITION',
        `policyStepId ${JSON.stringify(policyStepId)} is not the task's current step${current ? ` (${current.id})` : ''}`,
        'TASK_STEP_NOT_CURRENT',
        { id: task.id, policyStepId },
      );
    }
    return current;
  }

  const notApprover = (caller: Principal, task: TaskRow) =>
    new AppError(
      'PERMISSION_DENIED',
      task.task_type === 'certify' && task.identity_user_id === caller.userId
        ? 'nobody decides a review of their own access'
        : task.identity_user_id === caller.userId || task.created_by_user_id === caller.userId
          ? 'a requester does not decide their own request'
          : 'the caller is not an approver of the current step',
      'PERMISSION_DENIED',
      { permission: 'approver' },
    );

  /** The current step, which the action must name, and the caller must be able to decide. */
  function requireCurrentStep(caller: Principal, task: TaskRow, policyStepId: string): StepInstance {
    const current = requireStep(task, policyStepId);
    if (!current.approverIds.includes(caller.userId)) throw notApprover(caller, task);
    return current;
  }

  /**
   * Refuses a reassignee the step cannot have: someone unknown, deleted or disabled, outside the
   * approval's `allowedReassignees` when it lists any, the requester unless the step allows
   * self-approval, or, with `requireDistinctApprovers`, someone who approved an earlier step.
   */
  async function checkReassignees(trx: Executor, task: TaskRow, current: StepInstance, userIds: string[]) {
    const approval = current.kind === 'approval' ? current.step.approval : undefined;
    const live = new Set(await liveUserIds(trx, userIds));
    const allowed = approval?.allowedReassignees ?? [];
    const requesters =
      task.task_type === 'certify'
        ? [task.identity_user_id]
        : approval && !allowsSelfApproval(approval)
          ? [task.identity_user_id, task.created_by_user_id]
          : [];
    const earlier = new Set(
      approval?.requireDistinctApprovers === true
        ? instancesOf(task)
            .slice(task.step_base)
            .filter((i) => i.outcome === 'approved')
            .map((i) => i.actorUserId)
        : [],
    );
    for (const userId of userIds) {
      const why = !live.has(userId)
        ? 'is unknown, deleted or disabled'
        : requesters.includes(userId)
          ? 'asked for this access, and the step does not allow self-approval'
          : allowed.length > 0 && !allowed.includes(userId)
            ? "is not among the step's allowedReassignees"
            : earlier.has(userId)
              ? 'approved an earlier step, and the step requires distinct approvers'
              : undefined;
      if (why) {
        throw invalidArgument(`user ${userId} ${why}`, 'REASSIGNEE_NOT_ALLOWED', {
          field: 'newStepUserIds',
          userId,
        });
      }
    }
  }

  function decide(task: TaskRow, outcome: StepInstance['outcome'], by: { userId: string }, now: Date) {
    const instances = instancesOf(task);
    const last = instances[instances.length - 1] as StepInstance;
    last.state = 'DONE';
    last.outcome = outcome;
    last.actorUserId = by.userId;
    last.at = now.toISOString();
    const decided: TaskRow = { ...task, step_instances: instances, step_approver_ids: [] };
    return decided;
  }

  /** Ends the task's current step, when one is active, as `outcome` by `userId`. */
  function endActiveStep(task: TaskRow, outcome: StepInstance['outcome'], userId: string, now: Date) {
    const instances = instancesOf(task);
    const last = instances.at(-1);
    if (last?.state === 'ACTIVE') {
      last.state = 'DONE';
      last.outcome = outcome;
      last.actorUserId = userId;
      last.at = now.toISOString();
    }
    return { ended: { ...task, step_instances: instances }, last };
  }

  /** Records in the instance `id` which instance followed it, once the policy has moved on. */
  function linkNext(task: TaskRow, id: string | undefined): TaskRow {
    const index = task.step_instances.findIndex((instance) => instance.id === id);
    const next = task.step_instances[index + 1];
    if (index < 0 || !next) return task;
    const instances = instancesOf(task);
    (instances[index] as StepInstance).nextStepId = next.id;
    return { ...task, step_instances: instances };
  }

  /**
   * Ends the current step as `outcome` and runs `run`'s steps from the first: a restart, an
   * emergency-access escalation, an escalation that replaces the policy. The instances of the earlier
   * run stay in the history.
   */
  async function restartOn(
    trx: Executor,
    task: TaskRow,
    run: PolicyRun,
    outcome: 'restarted' | 'replaced',
    actor: Actor,
    now: Date,
    audits: TaskAuditRow[],
    changes: Partial<TaskRow> = {},
  ): Promise<TaskRow> {
    const { ended, last } = endActiveStep(task, outcome, actor.userId, now);
    const restarted: TaskRow = {
      ...ended,
      ...changes,
      step_base: ended.step_instances.length,
      step_approver_ids: [],
      policy_id: run.policyId,
      policy_generation: run.generation,
      policy_steps: run.steps,
    };
    await setAssignees(trx, task.id, []);
    return linkNext(await advance(trx, restarted, actor, now, audits), last?.id);
  }

  /**
   * An approval step undecided past its escalation's expiration escalates: its approvers become the
   * escalation's (`reassignToApprovers`), under a new step instance ID, or another policy takes the
   * task's place from its first step (`replacePolicy`).
   */
  async function escalate(
    trx: Executor,
    task: TaskRow,
    current: StepInstance,
    actor: Actor,
    now: Date,
    audits: TaskAuditRow[],
  ): Promise<TaskRow> {
    const approval = current.step.approval;
    const escalation = approval?.escalation;
    const message = escalation?.escalationComment || 'The step was not decided in time and escalated';
    const instances = instancesOf(task);
    const marked = instances.at(-1) as StepInstance;
    marked.escalated = true;
    const replaceId = escalation?.replacePolicy?.policyId ?? '';
    const replacement = replaceId ? await findPolicyById(trx, replaceId) : undefined;
    if (replacement) {
      audits.push(
        audit(task, 'escalation', actor, now, {
          stepId: current.id,
          policyId: replacement.id,
          previousPolicyId: task.policy_id,
          message,
        }),
      );
      return restartOn(
        trx,
        { ...task, step_instances: instances },
        runOf(replacement),
        'replaced',
        actor,
        now,
        audits,
      );
    }
    const requesters = [task.identity_user_id, task.created_by_user_id];
    const named = await liveUserIds(trx, escalation?.reassignToApprovers?.approverIds ?? []);
    const eligible = named.filter(
      (id) => (approval && allowsSelfApproval(approval)) || !requesters.includes(id),
    );
    // With nobody the escalation names able to act, the step keeps its approvers.
    const approverIds = eligible.length > 0 ? eligible : current.approverIds;
    const escalated: StepInstance = { ...marked, id: newId(now.getTime()), approverIds };
    instances[instances.length - 1] = escalated;
    await setAssignees(trx, task.id, approverIds);
    const changed = { ...task, step_instances: instances, step_approver_ids: approverIds };
    audits.push(
      audit(changed, 'escalation', actor, now, {
        oldPolicyStepId: current.id,
        newPolicyStepId: escalated.id,
        previousApproverIds: current.approverIds,
        approverIds,
        message,
      }),
    );
    return changed;
  }

  /**
   * What the current step's timer does when its time has come, or at once when `now` is asked for
   * (ProcessNow): a wait ends and the policy continues; an approval escalates. Undefined when the
   * current step has no timer, or (unless forced) its time has not come.
   */
  async function runTimer(
    trx: Executor,
    task: TaskRow,
    actor: Actor,
    now: Date,
    audits: TaskAuditRow[],
    force: boolean,
  ): Promise<TaskRow | undefined> {
    const current = currentOf(task);
    const due = dueAtOf(current);
    if (!current || due === null || (!force && due > now.toISOString())) return undefined;
    if (current.kind !== 'wait') return escalate(trx, task, current, actor, now, audits);
    let ended = decide(task, force ? 'processed' : 'waited', actor, now);
    audits.push(audit(ended, force ? 'wait_processed' : 'wait_ended', actor, now, { stepId: current.id }));
    const onTimeout = current.step.wait?.commentOnTimeout ?? '';
    if (!force && onTimeout.trim()) ended = withComment(ended, onTimeout, actor, now, audits);
    return advance(trx, ended, actor, now, audits);
  }

  const notAdmin = () =>
    new AppError('PERMISSION_DENIED', 'only a Super Admin may do this to a task', 'PERMISSION_DENIED', {
      permission: 'tasks:write',
    });
  const notRequester = () =>
    new AppError(
      'PERMISSION_DENIED',
      'only the requester or an administrator may do this to a task',
      'PERMISSION_DENIED',
      { permission: 'tasks:write' },
    );

  /** An open task; with a `policyStepId`, it must name the current step. */
  function requireOpen(task: TaskRow, policyStepId: string | undefined): StepInstance | undefined {
    if (task.state !== OPEN) throw taskClosed(task.id);
    return policyStepId ? requireStep(task, policyStepId) : currentOf(task);
  }

  function requireGrantTask(task: TaskRow) {
    if (task.task_type !== 'grant') {
      throw new AppError(
        'FAILED_PRECONDITION',
        `task ${task.id} is a ${task.task_type} task; only a grant task has this`,
        'TASK_NOT_A_GRANT',
        { id: task.id },
      );
    }
  }

  /** Advances one task whose timer is due, as the system, exactly once whoever else tries too. */
  async function runDue(id: string): Promise<boolean> {
    let ran = false;
    const operationOf = (task: TaskRow): TaskOperation =>
      currentOf(task)?.kind === 'wait' ? 'task.wait_ended' : 'task.escalated';
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await dialect.serialize(trx, `roster:task:${id}`);
      // Read under the lock: a process or action that got there first has moved the timer on.
      const task = await findTaskById(trx, id);
      if (!task || task.state !== OPEN) return;
      const audits: TaskAuditRow[] = [];
      const after = await runTimer(trx, task, SYSTEM_ACTOR, now, audits, false);
      if (!after) return;
      const operation = operationOf(task);
      await save(trx, task, after, audits, now);
      await deps.systemLog.record(trx, [
        {
          operation,
          activity: 'update',
          targetType: 'task',
          targetId: task.id,
          actor: SYSTEM_ACTOR,
          occurredAt: now,
          details: logDetails(after),
        },
        ...lifecycleEntries(task, after, operation, SYSTEM_ACTOR, now),
      ]);
      ran = true;
    });
    return ran;
  }

  return {
    actionsFor,

    /** Creates a batch of a campaign's certify tasks in the caller's transaction (the reviews module). */
    createCertifyTasks: (trx: Executor, batch: CertifyBatch, items: readonly CertifyItem[], now: Date) =>
      createCertifyTasks(trx, dialect, batch, items, now),

    countCertifyTasks: (executor: Executor, accessReviewId: string) =>
      countCertifyTasks(executor, accessReviewId),
    listOpenCertifyTaskIds: (accessReviewId: string, afterId: string, limit: number) =>
      listOpenCertifyTaskIds(db, accessReviewId, afterId, limit),

    /**
     * Closes an open certify task as its campaign closes: SKIP cancels it, REVOKE decertifies it and
     * revokes the grant. A task already closed is left as it is (a close that is run again).
     */
    async closeCertifyTask(
      actor: Actor,
      id: string,
      remaining: 'SKIP' | 'REVOKE',
    ): Promise<TaskRow | undefined> {
      try {
        return await act(null, actor, id, 'task.closed', async (trx, task, now, audits) => {
          if (task.state !== OPEN) throw taskClosed(task.id);
          const { ended } = endActiveStep(task, 'cancelled', actor.userId, now);
          const details = { closedWithCampaign: true, remaining };
          audits.push(audit(ended, 'campaign_closed', actor, now, { remaining }));
          return remaining === 'REVOKE'
            ? decertify(trx, ended, actor, now, audits, details)
            : close(trx, ended, 'CANCELLED', actor, now, audits, details);
        });
      } catch (error) {
        if (error instanceof AppError && error.reason === 'TASK_CLOSED') return undefined;
        throw error;
      }
    },

    /** The policy a task runs, as it is now (deleted ones included: the task still names it). */
    policyOf: (task: TaskRow) =>
      task.policy_id
        ? findPolicyById(db, task.policy_id, { includeDeleted: true })
        : Promise.resolve(undefined),

    /** A task's audit trail, oldest first, for someone who may see the task. */
    async audits(
      caller: Principal,
      id: string,
      paging: { pageSize?: number; pageToken?: string },
    ): Promise<Page<TaskAuditRow>> {
      // The page token is refused before anything is read.
      const afterId = decodePageToken(paging.pageToken);
      const task = await visibleTask(caller, id);
      return fetchPage(
        pageSize(paging.pageSize),
        (limit) => listAudits(db, task.id, afterId, limit),
        (last) => encodePageToken(last.id),
      );
    },

    get: (caller: Principal, id: string) => visibleTask(caller, id),

    createGrant: (caller: Principal, actor: Actor, input: GrantTaskInput) =>
      open(caller, actor, 'grant', input),
    createRevoke: (caller: Principal, actor: Actor, input: GrantTaskInput) =>
      open(caller, actor, 'revoke', input),

    approve(caller: Principal, actor: Actor, id: string, policyStepId: string, comment: string) {
      return act(caller, actor, id, 'task.approved', async (trx, task, now, audits) => {
        const current = requireCurrentStep(caller, task, policyStepId);
        if (current.kind === 'approval' && current.step.approval?.requireApprovalReason && !comment.trim()) {
          throw invalidArgument(
            'this step needs a reason to approve: send it as comment',
            'REASON_REQUIRED',
            {
              field: 'comment',
            },
          );
        }
        const decided = decide(task, current.kind === 'provision' ? 'completed' : 'approved', caller, now);
        audits.push(
          audit(decided, current.kind === 'provision' ? 'provisioned' : 'approved', actor, now, {
            stepId: current.id,
          }),
        );
        return advance(trx, withComment(decided, comment, actor, now, audits), actor, now, audits);
      });
    },

    deny(caller: Principal, actor: Actor, id: string, policyStepId: string, comment: string) {
      return act(caller, actor, id, 'task.denied', async (trx, task, now, audits) => {
        const current = requireCurrentStep(caller, task, policyStepId);
        // Decertifying needs a reason unless the policy's approval says so explicitly (issue 20).
        const reasonRequired =
          task.task_type === 'certify'
            ? current.step.approval?.requireDenialReason !== false
            : current.step.approval?.requireDenialReason === true;
        if (current.kind === 'approval' && reasonRequired && !comment.trim()) {
          throw invalidArgument('this step needs a reason to deny: send it as comment', 'REASON_REQUIRED', {
            field: 'comment',
          });
        }
        const decided = decide(task, 'denied', caller, now);
        audits.push(audit(decided, 'denied', actor, now, { stepId: current.id }));
        const commented = withComment(decided, comment, actor, now, audits);
        if (task.task_type === 'certify') return decertify(trx, commented, actor, now, audits);
        return close(trx, commented, 'DENIED', actor, now, audits);
      });
    },

    /**
     * Makes `newStepUserIds` the people the current step waits for. The step gets a new instance ID,
     * so an action naming the old one is refused rather than taken by someone no longer asked.
     */
    reassign(
      caller: Principal,
      actor: Actor,
      id: string,
      policyStepId: string,
      newStepUserIds: readonly string[],
      comment: string,
    ) {
      return act(caller, actor, id, 'task.reassigned', async (trx, task, now, audits) => {
        const current = requireStep(task, policyStepId);
        const admin = caller.permissions.has('tasks:write');
        if (!admin && !current.approverIds.includes(caller.userId)) throw notApprover(caller, task);
        if (!mayReassign(caller, current)) {
          throw new AppError(
            'FAILED_PRECONDITION',
            'the step does not allow reassignment (allowReassignment); only a Super Admin may reassign it',
            'REASSIGNMENT_NOT_ALLOWED',
            { id: task.id, policyStepId },
          );
        }
        const userIds = [...new Set(newStepUserIds)];
        if (userIds.length === 0) {
          throw invalidArgument('newStepUserIds must name at least one user', 'INVALID_ARGUMENT', {
            field: 'newStepUserIds',
          });
        }
        if (current.step.approval?.requireReassignmentReason && !comment.trim()) {
          throw invalidArgument(
            'this step needs a reason to reassign: send it as comment',
            'REASON_REQUIRED',
            { field: 'comment' },
          );
        }
        await checkReassignees(trx, task, current, userIds);
        if (
          userIds.length === current.approverIds.length &&
          userIds.every((u) => current.approverIds.includes(u))
        ) {
          throw new AppError(
            'FAILED_PRECONDITION',
            'the step already waits for exactly these users; nothing would change',
            'REASSIGNMENT_UNCHANGED',
            { id: task.id, policyStepId },
          );
        }
        const instances = instancesOf(task);
        const reassigned: StepInstance = { ...current, id: newId(now.getTime()), approverIds: userIds };
        instances[instances.length - 1] = reassigned;
        await setAssignees(trx, task.id, userIds);
        const changed = { ...task, step_instances: instances, step_approver_ids: userIds };
        audits.push(
          audit(changed, `${current.kind}_reassigned`, actor, now, {
            oldPolicyStepId: current.id,
            newPolicyStepId: reassigned.id,
            previousApproverIds: current.approverIds,
            approverIds: userIds,
          }),
        );
        return withComment(changed, comment, actor, now, audits);
      });
    },

    /**
     * Offboards a person (Super Admins): revokes every grant they hold, in every app, in one
     * transaction with the task, which closes at once, done, and is the ticket of each revocation.
     */
    offboard(caller: Principal, actor: Actor, input: { subjectUserId: string; description?: string | null }) {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const subject = await findUserById(trx, input.subjectUserId);
        if (!subject || subject.deleted_at !== null) throw notFound('user', input.subjectUserId);
        const task = await insertNewTask(trx, now, {
          task_type: 'offboarding',
          identity_user_id: subject.id,
          created_by_user_id: caller.userId,
          description: input.description ?? '',
        });
        const revoked = await revokeHeldGrantsOfUser(trx, deps, subject.id, actor, now, task.id);
        // Nothing to revoke is refused like a revoke request for nothing: no task says it did something.
        if (revoked === 0) {
          throw new AppError('NOT_FOUND', `user ${subject.id} holds no grant to revoke`, 'GRANT_NOT_FOUND', {
            id: subject.id,
          });
        }
        const audits = [audit(task, 'created', actor, now)];
        const closed = await close(trx, task, 'REVOKED', actor, now, audits, { revoked });
        await saveCreated(trx, task, closed, audits, actor, now, { revoked });
        return closed;
      });
    },

    /**
     * Runs every task whose timer is due, `batchSize` at a time, each in its own transaction; returns
     * how many moved on. Several processes may run it at once: each task is re-read under its lock.
     */
    async runDueTimers(batchSize = 100): Promise<number> {
      let moved = 0;
      const tried = new Set<string>();
      // A task that fails is left for the next run; the others still move on.
      let failure: unknown;
      for (;;) {
        const ids = (await findDueTaskIds(db, clock.now().toISOString(), batchSize + tried.size)).filter(
          (id) => !tried.has(id),
        );
        if (ids.length === 0) break;
        for (const id of ids.slice(0, batchSize)) {
          tried.add(id);
          try {
            if (await runDue(id)) moved++;
          } catch (error) {
            failure ??= error;
          }
        }
      }
      if (failure !== undefined) throw failure;
      return moved;
    },

    /** A Super Admin makes the current step's timer fire now: a wait ends, an escalation happens. */
    processNow(caller: Principal, actor: Actor, id: string) {
      return act(caller, actor, id, 'task.processed', async (trx, task, now, audits) => {
        requireOpen(task, undefined);
        if (!caller.permissions.has('tasks:write')) throw notAdmin();
        const after = await runTimer(trx, task, actor, now, audits, true);
        if (!after) {
          throw new AppError(
            'FAILED_PRECONDITION',
            'the current step waits for nothing timed: only a wait step or an approval that escalates can be processed now',
            'TASK_NOTHING_TO_PROCESS',
            { id: task.id },
          );
        }
        return after;
      });
    },

    /** A Super Admin skips the current step; the policy goes on from the next one. */
    skipStep(caller: Principal, actor: Actor, id: string, policyStepId: string, comment: string) {
      return act(caller, actor, id, 'task.step_skipped', async (trx, task, now, audits) => {
        const current = requireStep(task, policyStepId);
        if (!caller.permissions.has('tasks:write')) throw notAdmin();
        const skipped = decide(task, 'skipped', caller, now);
        await setAssignees(trx, task.id, []);
        audits.push(audit(skipped, 'step_skipped', actor, now, { stepId: current.id, kind: current.kind }));
        const advanced = await advance(
          trx,
          withComment(skipped, comment, actor, now, audits),
          actor,
          now,
          audits,
        );
        return linkNext(advanced, current.id);
      });
    },

    /**
     * The requester or a Super Admin starts the task's policy again from its first step, as the task
     * holds it; what was decided before stays in the history (CONTRACT.md §7.26).
     */
    restart(caller: Principal, actor: Actor, id: string, policyStepId: string, comment: string) {
      return act(caller, actor, id, 'task.restarted', async (trx, task, now, audits) => {
        const current = requireOpen(task, policyStepId || undefined);
        if (!mayClose(caller, task)) throw notRequester();
        audits.push(audit(task, 'restarted', actor, now, { oldPolicyStepId: current?.id ?? '' }));
        const commented = withComment(task, comment, actor, now, audits);
        return restartOn(
          trx,
          commented,
          { policyId: task.policy_id, generation: task.policy_generation, steps: task.policy_steps },
          'restarted',
          actor,
          now,
          audits,
        );
      });
    },

    /**
     * The requester (or a Super Admin) moves an open grant task onto its entitlement's emergency grant
     * policy, which runs from its first step; the task is emergency access from then on.
     */
    escalateToEmergency(caller: Principal, actor: Actor, id: string, policyStepId: string, comment: string) {
      return act(caller, actor, id, 'task.escalated_to_emergency', async (trx, task, now, audits) => {
        const current = requireOpen(task, policyStepId || undefined);
        if (!mayClose(caller, task)) throw notRequester();
        requireGrantTask(task);
        const policyId = task.emergency_access ? '' : await emergencyPolicyOf(trx, task);
        if (!policyId) {
          throw new AppError(
            'FAILED_PRECONDITION',
            task.emergency_access
              ? `task ${task.id} is already emergency access`
              : `entitlement ${task.app_entitlement_id} has no emergency grant policy (emergencyGrantPolicyId)`,
            'EMERGENCY_ACCESS_UNAVAILABLE',
            { id: task.id },
          );
        }
        const policy = await findPolicyById(trx, policyId);
        if (!policy) throw notFound('policy', policyId);
        audits.push(
          audit(task, 'escalated_to_emergency', actor, now, {
            oldPolicyId: task.policy_id,
            oldPolicyStepId: current?.id ?? '',
            policyId,
          }),
        );
        const commented = withComment(task, comment, actor, now, audits);
        return restartOn(trx, commented, runOf(policy), 'restarted', actor, now, audits, {
          emergency_access: true,
        });
      });
    },

    /** The requester or a Super Admin replaces the request data of an open grant task. */
    updateRequestData(caller: Principal, actor: Actor, id: string, given: Record<string, unknown>) {
      const data = requestDataOf(given, 'data') ?? {};
      return act(caller, actor, id, 'task.request_data_updated', async (_trx, task, now, audits) => {
        requireOpen(task, undefined);
        if (!mayClose(caller, task)) throw notRequester();
        requireGrantTask(task);
        audits.push(audit(task, 'request_data_updated', actor, now, { keys: Object.keys(data) }));
        return { ...task, request_data: data };
      });
    },

    comment(caller: Principal, actor: Actor, id: string, comment: string) {
      if (!comment.trim())
        throw invalidArgument('comment must not be empty', 'INVALID_ARGUMENT', { field: 'comment' });
      return act(caller, actor, id, 'task.commented', async (_trx, task, now, audits) =>
        withComment(task, comment, actor, now, audits),
      );
    },

    close(caller: Principal, actor: Actor, id: string, comment: string) {
      return act(caller, actor, id, 'task.closed', async (trx, task, now, audits) => {
        if (task.state !== OPEN) throw taskClosed(task.id);
        if (!mayClose(caller, task)) {
          throw new AppError(
            'PERMISSION_DENIED',
            'only the requester or an administrator closes a task',
            'PERMISSION_DENIED',
            {
              permission: 'tasks:write',
            },
          );
        }
        const { ended: withSteps } = endActiveStep(task, 'cancelled', caller.userId, now);
        return close(
          trx,
          withComment(withSteps, comment, actor, now, audits),
          'CANCELLED',
          actor,
          now,
          audits,
        );
      });
    },

    async search(
      caller: Principal,
      filter: Omit<TaskFilter, 'visibleTo'>,
      paging: { pageSize?: number; pageToken?: string },
    ): Promise<Page<TaskRow>> {
      const afterId = decodePageToken(paging.pageToken);
      const visible = caller.permissions.has('tasks:read') ? {} : { visibleTo: caller.userId };
      return fetchPage(
        pageSize(paging.pageSize),
        (limit) => searchTasks(db, { ...filter, ...visible }, afterId, limit),
        (last) => encodePageToken(last.id),
      );
    },
  };
}
