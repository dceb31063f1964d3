import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { type Approval, approvalKindOf, type PolicyStep, stepKindOf } from '../policies/index.js';
import { findUsersByIds } from '../users/index.js';
import { liveUserIds, membersOf, ownersOfMany } from './approvers.js';
import type { StepInstance } from './task-steps.js';
import { insertTasksInBulk, nextNumericId, type TaskAuditRow, type TaskRow } from './tasks.repository.js';

/** One frozen grant of a campaign: what its certify task is about. */
export interface CertifyItem {
  readonly appId: string;
  readonly appEntitlementId: string;
  readonly appUserId: string;
  /** The person the app user belongs to ('' for an app user linked to nobody). */
  readonly identityUserId: string;
  readonly grantId: string;
  /** When the grant was made, and the task that made it ('' when none): what a reviewer reads. */
  readonly grantedAt: string;
  readonly originatingTicketId: string;
}

/** What every certify task of a batch shares: its campaign, policy, owners and who started it. */
export interface CertifyBatch {
  readonly accessReviewId: string;
  readonly policyId: string;
  readonly policyGeneration: number;
  readonly policySteps: readonly PolicyStep[];
  /** The reviewers of last resort: the campaign's owners (never the Super Admins). */
  readonly campaignOwnerIds: readonly string[];
  readonly createdByUserId: string;
}

/** A CERTIFY policy with no steps is reviewed by the app's owners (issue 20). */
// Its reason rule is stated, so a task's view says what a decertification needs (a reason).
const DEFAULT_CERTIFY_STEP: PolicyStep = {
  approval: { appOwners: {}, requireDenialReason: true },
} as PolicyStep;

/** The steps a certify task runs: the policy's, or one app-owner review when it has none. */
export const certifyStepsOf = (steps: readonly PolicyStep[]): PolicyStep[] =>
  steps.length === 0 ? [DEFAULT_CERTIFY_STEP] : [...steps];

/**
 * Refuses a CERTIFY policy whose first step is not an approval: a certify task starts waiting for
 * its reviewers, whom the batch resolves at once for many tasks.
 */
export function checkCertifySteps(steps: readonly PolicyStep[]): void {
  const first = certifyStepsOf(steps)[0] as PolicyStep;
  if (stepKindOf(first) !== 'approval' || !first.approval) {
    throw new AppError(
      'FAILED_PRECONDITION',
      'the campaign’s CERTIFY policy must begin with an approval step (who reviews)',
      'CERTIFY_POLICY_UNSUPPORTED',
      { field: 'policyId' },
    );
  }
}

/** The reviewers the approval names for each item, before the subject is taken out. */
async function namedReviewers(
  trx: Executor,
  approval: Approval,
  items: readonly CertifyItem[],
  now: string,
): Promise<(item: CertifyItem) => string[]> {
  switch (approvalKindOf(approval)) {
    case 'users': {
      const named = await liveUserIds(trx, approval.users?.userIds ?? []);
      return () => named;
    }
    case 'appOwners': {
      const owners = await ownersOfMany(
        trx,
        'app',
        items.map((i) => i.appId),
      );
      return (item) => owners.get(item.appId) ?? [];
    }
    case 'entitlementOwners': {
      const owners = await ownersOfMany(
        trx,
        'entitlement',
        items.map((i) => i.appEntitlementId),
      );
      return (item) => owners.get(item.appEntitlementId) ?? [];
    }
    case 'manager': {
      const subjects = [...new Set(items.map((i) => i.identityUserId).filter((id) => id !== ''))];
      const users = await findUsersByIds(trx, subjects);
      const live = new Set(await liveUserIds(trx, [...new Set(users.flatMap((u) => u.manager_ids))]));
      const managers = new Map(users.map((u) => [u.id, u.manager_ids.filter((id) => live.has(id))]));
      return (item) => managers.get(item.identityUserId) ?? [];
    }
    case 'group': {
      const members = await membersOf(trx, approval.group?.appGroupId ?? '', now);
      return () => members;
    }
    case 'self':
      // Nobody certifies their own access: a self step names nobody, and the fallback decides.
      return () => [];
  }
}

/** The numeric IDs of the tasks the items' grants came from, in one query. */
async function numericIdsOf(trx: Executor, items: readonly CertifyItem[]): Promise<Map<string, string>> {
  const ids = [...new Set(items.map((item) => item.originatingTicketId).filter((id) => id !== ''))];
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('tasks').select(['id', 'numeric_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, String(row.numeric_id)]));
}

/**
 * Creates one open certify task per item, waiting on the first step's reviewers, with their
 * assignees and their `created` and `step_started` audits, in multi-row statements: reviewers are
 * resolved for the whole batch (app owners of every app in one query, and so on), never per task.
 * Nobody reviews their own access: the subject is taken out of the reviewers whatever the policy
 * says; with nobody left the step falls back to its fallback users, then to the campaign's owners.
 * The caller's transaction holds the batch; returns the tasks created.
 */
export async function createCertifyTasks(
  trx: Executor,
  dialect: DialectFeatures,
  batch: CertifyBatch,
  items: readonly CertifyItem[],
  now: Date,
): Promise<TaskRow[]> {
  if (items.length === 0) return [];
  const at = now.toISOString();
  const steps = certifyStepsOf(batch.policySteps);
  const step = steps[0] as PolicyStep;
  const approval = step.approval as Approval;
  const reviewersOf = await namedReviewers(trx, approval, items, at);
  const kind = approvalKindOf(approval);
  const options = approval[kind] as { fallback?: boolean; fallbackUserIds?: string[] } | null | undefined;
  const fallbackUsers =
    options?.fallback === true ? await liveUserIds(trx, options.fallbackUserIds ?? []) : [];
  const owners = await liveUserIds(trx, batch.campaignOwnerIds);
  const ticketNumbers = await numericIdsOf(trx, items);
  const escalation = approval.escalationEnabled ? approval.escalation : null;
  const escalatesAt = escalation
    ? new Date(now.getTime() + Number(escalation.expiration ?? '0') * 60_000).toISOString()
    : undefined;

  await dialect.serialize(trx, 'roster:task-numbers');
  let numericId = await nextNumericId(trx);
  const tasks: TaskRow[] = [];
  const audits: TaskAuditRow[] = [];
  const audit = (task: TaskRow, kind: string, details: Record<string, unknown>): TaskAuditRow => ({
    id: newId(now.getTime()),
    task_id: task.id,
    kind,
    actor_user_id: null,
    details: { state: task.state, ...details },
    created_at: at,
  });
  for (const item of items) {
    const notSubject = (ids: readonly string[]) => ids.filter((id) => id !== item.identityUserId);
    let approverIds = notSubject(reviewersOf(item));
    let fallback: { to: string; why: string } | null = null;
    if (approverIds.length === 0) {
      const why = 'the step names nobody but the person whose access is reviewed';
      approverIds = notSubject(fallbackUsers);
      fallback = approverIds.length > 0 ? { to: 'fallback_users', why } : null;
      if (approverIds.length === 0) {
        approverIds = notSubject(owners);
        fallback = { to: 'campaign_owners', why };
      }
    }
    const instance: StepInstance = {
      id: newId(now.getTime()),
      kind: 'approval',
      step,
      state: 'ACTIVE',
      approverIds,
      outcome: null,
      actorUserId: '',
      at: null,
      ...(escalatesAt ? { escalatesAt, escalated: false } : {}),
    };
    const task: TaskRow = {
      id: newId(now.getTime()),
      numeric_id: numericId++,
      task_type: 'certify',
      state: 'TASK_STATE_OPEN',
      outcome: 'CERTIFY_OUTCOME_UNSPECIFIED',
      outcome_time: null,
      app_id: item.appId,
      app_entitlement_id: item.appEntitlementId,
      app_user_id: item.appUserId,
      identity_user_id: item.identityUserId,
      created_by_user_id: batch.createdByUserId,
      description: '',
      grant_duration: null,
      emergency_access: false,
      origin: 'TASK_ORIGIN_API',
      policy_id: batch.policyId,
      policy_generation: batch.policyGeneration,
      policy_steps: steps,
      step_instances: [instance],
      step_approver_ids: approverIds,
      comment_count: 0,
      due_at: escalatesAt ?? null,
      step_base: 0,
      // The frozen grant the task is about, so a decertification revokes that grant and no later one;
      // when it was made and by which request, so a reviewer's queue reads them with the task.
      request_data: {
        grantId: item.grantId,
        grantedAt: item.grantedAt,
        originatingTicketId: item.originatingTicketId,
        originatingTicketNumericId: ticketNumbers.get(item.originatingTicketId) ?? '',
      },
      access_review_id: batch.accessReviewId,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    tasks.push(task);
    audits.push(audit(task, 'created', { policyId: batch.policyId, accessReviewId: batch.accessReviewId }));
    if (fallback) audits.push(audit(task, 'step_fallback', { stepId: instance.id, ...fallback }));
    audits.push(audit(task, 'step_started', { stepId: instance.id, kind: 'approval', approverIds }));
  }
  await insertTasksInBulk(trx, dialect.insertRows, tasks, audits);
  return tasks;
}
