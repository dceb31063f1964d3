import type { Json } from '../api/types';
import { duration } from './numbers';

export type Policy = Json<'/api/v1/policies/{id}', 'get'>['policy'];
export type PolicyStep = NonNullable<NonNullable<Policy['policySteps'][string]>['steps']>[number];
export type Approval = NonNullable<PolicyStep['approval']>;

export const POLICY_TYPE_LABELS: Record<string, string> = {
  POLICY_TYPE_GRANT: 'Grant',
  POLICY_TYPE_REVOKE: 'Revoke',
  POLICY_TYPE_CERTIFY: 'Certify',
};

/** The key `policySteps` keeps a type's steps under: `grant`, `revoke`, `certify`. */
export const stepsKeyOf = (type: string) => type.replace(/^POLICY_TYPE_/, '').toLowerCase();

/** The steps of a policy, in the order they run. */
export const stepsOf = (policy: Policy): PolicyStep[] =>
  policy.policySteps[stepsKeyOf(policy.policyType)]?.steps ?? [];

export const APPROVER_KINDS = [
  { value: 'appOwners', label: "The app's owners" },
  { value: 'entitlementOwners', label: "The entitlement's owners" },
  { value: 'manager', label: "The person's manager" },
  { value: 'self', label: 'The person themself' },
  { value: 'users', label: 'Named people' },
  { value: 'group', label: 'The members of an entitlement' },
] as const;
export type ApproverKind = (typeof APPROVER_KINDS)[number]['value'];

export const approverKindOf = (approval: Approval): ApproverKind =>
  APPROVER_KINDS.find((k) => approval[k.value] !== undefined && approval[k.value] !== null)?.value ??
  'appOwners';

/** Names of the people and entitlements steps refer to, by ID; an ID stands for itself until it is read. */
export type NameOf = (id: string) => string;

const listed = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

function approverWords(approval: Approval, nameOf: NameOf): string {
  switch (approverKindOf(approval)) {
    case 'appOwners':
      return "the app's owners";
    case 'entitlementOwners':
      return "the entitlement's owners";
    case 'manager':
      return "the person's manager";
    case 'self':
      return 'the person themself';
    case 'users':
      return listed((approval.users?.userIds ?? []).map(nameOf));
    case 'group':
      return `the members of ${nameOf(approval.group?.appGroupId ?? '')}`;
  }
}

/** Whether the approver kind lets a requester approve their own request at all. */
const selfApprovalFlagOf = (approval: Approval): boolean | undefined => {
  const kind = approverKindOf(approval);
  if (kind === 'self') return undefined;
  return (
    (approval[kind] as { allowSelfApproval?: boolean | null } | null | undefined)?.allowSelfApproval ?? false
  );
};

/** A step in plain words: "Approval by the app's owners; self-approval not allowed; reason required". */
export function describeStep(step: PolicyStep, nameOf: NameOf): string {
  if (step.approval) {
    const a = step.approval;
    const parts = [`Approval by ${approverWords(a, nameOf)}`];
    const self = selfApprovalFlagOf(a);
    if (self !== undefined) parts.push(self ? 'self-approval allowed' : 'self-approval not allowed');
    if (a.requireApprovalReason) parts.push('reason required');
    if (a.requireDenialReason) parts.push('reason for denial required');
    if (a.requireDistinctApprovers) parts.push('approvers of other steps may not approve');
    if (a.allowReassignment) parts.push('may be reassigned');
    if (a.escalationEnabled && a.escalation?.expiration) {
      parts.push(`escalates after ${duration(Number(a.escalation.expiration) * 60)}`);
    }
    return parts.join('; ');
  }
  if (step.provision) {
    const manual = step.provision.provisionPolicy?.manual;
    const by = `Manual provisioning by ${listed((manual?.userIds ?? []).map(nameOf))}`;
    return manual?.instructions ? `${by}: ${manual.instructions}` : by;
  }
  if (step.wait) return `Wait ${duration(secondsOf(step.wait.timeoutDuration))}`;
  if (step.accept) return step.accept.acceptMessage ? `Accept: ${step.accept.acceptMessage}` : 'Accept';
  if (step.reject) return step.reject.rejectMessage ? `Reject: ${step.reject.rejectMessage}` : 'Reject';
  return 'A step Roster does not run';
}

/** Whole seconds of a wire duration ("3600s"). */
export const secondsOf = (wire: string | null | undefined): number =>
  Math.floor(Number.parseFloat(wire ?? '0'));

/** The user IDs steps name, to read their names once. */
export const peopleOfSteps = (steps: PolicyStep[]): string[] => [
  ...new Set(
    steps.flatMap((s) => [
      ...(s.approval?.users?.userIds ?? []),
      ...(s.provision?.provisionPolicy?.manual?.userIds ?? []),
    ]),
  ),
];
