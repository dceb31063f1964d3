import { type PolicyStep, type StepKind, stepView } from '../policies/index.js';

/**
 * A step of a task's policy once the task reaches it (c1.api.policy.v1.PolicyStepInstance). Its ID is
 * what actions name as `policyStepId`, so an approval meant for one step never lands on another.
 */
export interface StepInstance {
  readonly id: string;
  readonly kind: StepKind;
  readonly step: PolicyStep;
  state: 'ACTIVE' | 'DONE';
  /** Who may decide it: an approval's approvers, a manual provision's provisioners. */
  approverIds: string[];
  /**
   * How the step ended, and by whom and when: `skipped` by a Super Admin, `restarted` when the policy
   * started again (a restart, an emergency-access escalation), `replaced` when an escalation put
   * another policy in its place, `waited` when a wait reached its timeout, `processed` when a Super
   * Admin ended a wait early.
   */
  outcome:
    | 'approved'
    | 'denied'
    | 'completed'
    | 'accepted'
    | 'rejected'
    | 'cancelled'
    | 'skipped'
    | 'restarted'
    | 'replaced'
    | 'waited'
    | 'processed'
    | null;
  actorUserId: string;
  at: string | null;
  /** A wait step: when it started waiting and when it ends. */
  waitStartedAt?: string;
  waitUntil?: string;
  /** An approval with an escalation: when it escalates if still undecided, and whether it has. */
  escalatesAt?: string;
  escalated?: boolean;
  /** The step instance that followed this one when it was skipped, restarted or replaced. */
  nextStepId?: string;
}

export const TASK_STATES = ['TASK_STATE_OPEN', 'TASK_STATE_CLOSED'] as const;

/** When the instance next needs the system while it is current: a wait's end, an escalation. */
export function dueAtOf(instance: StepInstance | undefined): string | null {
  if (instance?.state !== 'ACTIVE') return null;
  if (instance.kind === 'wait') return instance.waitUntil ?? null;
  if (instance.kind === 'approval' && !instance.escalated) return instance.escalatesAt ?? null;
  return null;
}

function escalationView(instance: StepInstance) {
  const escalation = instance.step.approval?.escalation;
  if (!instance.step.approval?.escalationEnabled || !escalation) return null;
  return {
    alreadyEscalated: instance.escalated === true,
    escalationComment: escalation.escalationComment ?? '',
    expiresAt: instance.escalatesAt ?? null,
    ...(escalation.reassignToApprovers
      ? { reassignToApprovers: { approverIds: escalation.reassignToApprovers.approverIds ?? [] } }
      : {}),
    ...(escalation.replacePolicy
      ? { replacePolicy: { policyId: escalation.replacePolicy.policyId ?? '' } }
      : {}),
  };
}

/** The members of the `skipped`, `restarted` and `reassigned` outcomes, as each kind names them. */
function movedOn(instance: StepInstance) {
  const at = instance.at;
  const userId = instance.actorUserId;
  const newPolicyStepId = instance.nextStepId ?? '';
  switch (instance.outcome) {
    case 'skipped':
    case 'cancelled':
      return { skipped: { skippedAt: at, userId, newPolicyStepId } };
    case 'restarted':
      return { restarted: { oldPolicyStepId: instance.id, restartedAt: at, userId } };
    case 'replaced':
      return { reassigned: { reassignedAt: at, userId, newPolicyStepId } };
    default:
      return {};
  }
}

/** A step's instance as the official shape has it. */
export function stepInstanceView(instance: StepInstance, generation: number) {
  const state = instance.state === 'ACTIVE' ? 'POLICY_STEP_STATE_ACTIVE' : 'POLICY_STEP_STATE_DONE';
  const base = { id: instance.id, policyGenerationId: String(generation), state };
  const at = instance.at;
  const step = stepView(instance.step);
  switch (instance.kind) {
    case 'approval':
      return {
        ...base,
        approval: {
          approval: step.approval ?? null,
          state:
            instance.state === 'ACTIVE' ? 'APPROVAL_INSTANCE_STATE_WAITING' : 'APPROVAL_INSTANCE_STATE_DONE',
          ...(instance.outcome === 'approved'
            ? {
                approved: {
                  approvedAt: at,
                  userId: instance.actorUserId,
                  entitlements: [],
                  stepUpTransactionId: '',
                },
              }
            : {}),
          ...(instance.outcome === 'denied'
            ? { denied: { deniedAt: at, userId: instance.actorUserId } }
            : {}),
          ...movedOn(instance),
          escalationInstance: escalationView(instance),
        },
      };
    case 'provision':
      return {
        ...base,
        provision: {
          provision: step.provision ?? null,
          state:
            instance.state === 'ACTIVE'
              ? 'PROVISION_INSTANCE_STATE_WAITING'
              : 'PROVISION_INSTANCE_STATE_DONE',
          ...(instance.outcome === 'completed'
            ? { completed: { completedAt: at, userId: instance.actorUserId, entitlements: [] } }
            : {}),
          ...(instance.outcome === 'denied' ||
          instance.outcome === 'cancelled' ||
          instance.outcome === 'restarted' ||
          instance.outcome === 'replaced'
            ? { cancelled: { cancelledAt: at, cancelledByUserId: instance.actorUserId } }
            : {}),
          ...(instance.outcome === 'skipped'
            ? {
                skipped: {
                  skippedAt: at,
                  userId: instance.actorUserId,
                  newPolicyStepId: instance.nextStepId ?? '',
                },
              }
            : {}),
          externalTicketId: '',
          externalTicketProvisionerConfigId: '',
          notificationId: '',
          webhookId: '',
          webhookInstanceId: '',
        },
      };
    case 'accept':
      return { ...base, accept: { acceptMessage: instance.step.accept?.acceptMessage ?? '' } };
    case 'reject':
      return { ...base, reject: { rejectMessage: instance.step.reject?.rejectMessage ?? '' } };
    case 'wait': {
      const wait = instance.step.wait;
      const outcome = instance.outcome;
      return {
        ...base,
        wait: {
          name: wait?.name ?? '',
          commentOnFirstWait: wait?.commentOnFirstWait ?? '',
          commentOnTimeout: wait?.commentOnTimeout ?? '',
          timeoutDuration: wait?.timeoutDuration ?? null,
          startedWaitingAt: instance.waitStartedAt ?? null,
          timeout: instance.waitUntil ?? null,
          // A wait of a fixed time ends by reaching its timeout; a Super Admin may end it sooner.
          state:
            instance.state === 'ACTIVE'
              ? 'WAIT_INSTANCE_STATE_WAITING'
              : outcome === 'waited'
                ? 'WAIT_INSTANCE_STATE_TIMED_OUT'
                : 'WAIT_INSTANCE_STATE_COMPLETED',
          ...(outcome === 'waited' ? { timedOut: { timedOutAt: at } } : {}),
          ...(outcome === 'processed' ? { succeeded: { succeededAt: at } } : {}),
          ...(outcome !== null && outcome !== 'waited' && outcome !== 'processed'
            ? {
                skipped: {
                  skippedAt: at,
                  userId: instance.actorUserId,
                  newPolicyStepId: instance.nextStepId ?? '',
                },
              }
            : {}),
        },
      };
    }
  }
}
