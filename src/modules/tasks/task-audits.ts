import { Type } from 'typebox';
import type { TaskAuditRow } from './tasks.repository.js';

export const TaskAuditView = Type.Object(
  {
    id: Type.String(),
    ticketId: Type.String(),
    created: Type.String(),
    userId: Type.String(),
    eventType: Type.String(),
    source: Type.String(),
    currentState: Type.String(),
    workflowStep: Type.Integer(),
  },
  { additionalProperties: true },
);

/** What an audit entry's `details` may hold, by kind. */
export interface AuditDetails {
  state: string;
  kind?: string;
  approverIds?: string[];
  to?: string;
  why?: string;
  comment?: string;
  previousState?: string;
  outcome?: string;
  oldPolicyStepId?: string;
  newPolicyStepId?: string;
  previousApproverIds?: string[];
  /** How many grants an offboarding revoked. */
  revoked?: number;
  stepId?: string;
  /** When a wait step ends. */
  until?: string;
  /** An escalation's comment. */
  message?: string;
  policyId?: string;
  previousPolicyId?: string;
  oldPolicyId?: string;
}

const people = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const describeStep = (details: AuditDetails): string =>
  details.kind === 'provision'
    ? `Waiting for ${people(details.approverIds?.length ?? 0, 'named person', 'named people')} to confirm the account exists`
    : `Waiting for approval by ${people(details.approverIds?.length ?? 0, 'approver')}`;

const FALLBACK_TO: Record<string, string> = {
  fallback_users: "the step's fallback users",
  app_owners: "the app's owners",
  super_admins: 'the Super Admins',
};

/** One audit entry as ConductorOne's TaskAuditView: its kind becomes the member of the oneof it is. */
export function toTaskAuditView(row: TaskAuditRow) {
  const details = row.details;
  const base = {
    id: row.id,
    ticketId: row.task_id,
    created: row.created_at,
    userId: row.actor_user_id ?? '',
    eventType:
      details.outcome?.endsWith('_ERROR') === true
        ? 'TASK_AUDIT_EVENT_TYPE_ERROR'
        : 'TASK_AUDIT_EVENT_TYPE_NEUTRAL',
    source: 'SOURCE_C1',
    currentState: details.state as string,
    workflowStep: 0,
    metadata: null,
  };
  switch (row.kind) {
    case 'created':
      return { ...base, taskCreated: {} };
    case 'comment':
      return {
        ...base,
        comment: { comment: details.comment, updatedAt: row.created_at, updatedBy: base.userId },
      };
    case 'approved':
      return {
        ...base,
        approvalInstanceChange: {
          instance: {
            state: 'APPROVAL_INSTANCE_STATE_DONE',
            approved: { approvedAt: row.created_at, userId: base.userId },
          },
        },
      };
    case 'denied':
      return {
        ...base,
        approvalInstanceChange: {
          instance: {
            state: 'APPROVAL_INSTANCE_STATE_DONE',
            denied: { deniedAt: row.created_at, userId: base.userId },
          },
        },
      };
    case 'provisioned':
      return { ...base, policyEvaluationStep: { stepComment: 'Provisioning confirmed: the account exists' } };
    case 'step_started':
      return { ...base, policyEvaluationStep: { stepComment: describeStep(details) } };
    case 'step_fallback':
      return {
        ...base,
        policyEvaluationStep: {
          stepComment: `Fell back to ${FALLBACK_TO[details.to ?? ''] ?? details.to}: ${details.why}`,
        },
      };
    case 'approval_reassigned':
    case 'provision_reassigned':
      return {
        ...base,
        [row.kind === 'approval_reassigned' ? 'approvalReassigned' : 'provisionReassigned']: {
          oldPolicyStepId: details.oldPolicyStepId,
          newPolicyStepId: details.newPolicyStepId,
          newUsers: details.approverIds,
        },
      };
    case 'offboarding_outcome':
      return {
        ...base,
        policyEvaluationStep: { stepComment: `Offboarded: revoked ${details.revoked ?? 0} grant(s)` },
      };
    case 'wait_started':
      return { ...base, waitStepWaiting: { stepId: details.stepId, condition: '' } };
    case 'wait_ended':
      return {
        ...base,
        waitStepTimedOut: { stepId: details.stepId, condition: '', timedOutAt: row.created_at },
      };
    case 'wait_processed':
      return {
        ...base,
        waitStepSuccess: { stepId: details.stepId, condition: '', succeededAt: row.created_at },
      };
    case 'escalation':
      return { ...base, slaEscalation: { message: details.message ?? '' } };
    case 'step_skipped':
      return { ...base, stepSkipped: { skippedBy: base.userId } };
    case 'restarted':
      return { ...base, taskRestarted: { oldPolicyStepId: details.oldPolicyStepId ?? '' } };
    case 'escalated_to_emergency':
      return {
        ...base,
        taskEscalated: {
          oldPolicyId: details.oldPolicyId ?? '',
          oldPolicyStepId: details.oldPolicyStepId ?? '',
        },
      };
    case 'request_data_updated':
      return { ...base, policyEvaluationStep: { stepComment: 'The request data was updated' } };
    case 'state_change':
      return { ...base, stateChange: { previousState: details.previousState } };
    case 'grant_outcome':
      return { ...base, grantOutcome: { outcome: details.outcome } };
    case 'revoke_outcome':
      return { ...base, revokeOutcome: { outcome: details.outcome } };
    default:
      return base;
  }
}
