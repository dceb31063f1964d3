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
  /** How the step ended, and by whom and when. */
  outcome: 'approved' | 'denied' | 'completed' | 'accepted' | 'rejected' | 'cancelled' | null;
  actorUserId: string;
  at: string | null;
}

export const TASK_STATES = ['TASK_STATE_OPEN', 'TASK_STATE_CLOSED'] as const;

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
          ...(instance.outcome === 'cancelled'
            ? { skipped: { skippedAt: at, userId: instance.actorUserId, newPolicyStepId: '' } }
            : {}),
          escalationInstance: null,
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
          ...(instance.outcome === 'denied' || instance.outcome === 'cancelled'
            ? { cancelled: { cancelledAt: at, cancelledByUserId: instance.actorUserId } }
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
    case 'wait':
      // Tasks are not opened on policies with wait steps yet (tasks.service.ts refuses them).
      return base;
  }
}
