import { type Static, Type } from 'typebox';
import { IdString, NameString, TextString, WordString } from '../../http/strings.js';
import { Duration, Opt } from '../../http/wire.js';
import { invalidArgument } from '../../lib/errors.js';

/**
 * The steps of a policy, in ConductorOne's wire shapes (c1.api.policy.v1.PolicyStep and what it
 * holds), cut to what Roster runs. One schema serves requests and answers: every field is optional
 * and nullable in the official spec; answers carry every field but the unset members of a oneof.
 *
 * Roster runs approval by named users, the app's owners, the entitlement's owners, the subject's
 * manager, the subject themself or the members of an entitlement (`group`); manual provisioning; a
 * wait of a fixed time; accept and reject. What it does not run (expression, webhook and agent
 * approvals, step-up, connector and ticket provisioning, forms, wait conditions, rules) is refused
 * with a 400 naming the field, never stored and ignored.
 */
const Ids = Type.Array(IdString({ minLength: 1 }), { maxItems: 100 });
const Flag = Opt(Type.Boolean());
/** Oneof members Roster refuses: accepted by the schema so the refusal can name them. */
const Unsupported = Opt(Type.Unknown());

const SelfApprovalFlag = { allowSelfApproval: Flag };
const Fallback = { fallback: Flag, fallbackUserIds: Opt(Ids) };

export const Escalation = Type.Object({
  escalationComment: Opt(TextString()),
  /** Minutes the step may stay undecided before it escalates (Roster's reading; CONTRACT.md §7). */
  expiration: Opt(WordString({ pattern: '^[0-9]{1,18}$' })),
  reassignToApprovers: Opt(Type.Object({ approverIds: Opt(Ids) })),
  replacePolicy: Opt(Type.Object({ policyId: Opt(IdString()) })),
});

export const Approval = Type.Object({
  users: Opt(Type.Object({ userIds: Opt(Ids), ...SelfApprovalFlag })),
  appOwners: Opt(Type.Object(SelfApprovalFlag)),
  entitlementOwners: Opt(Type.Object({ ...SelfApprovalFlag, ...Fallback })),
  manager: Opt(Type.Object({ ...SelfApprovalFlag, assignedUserIds: Opt(Ids), ...Fallback })),
  self: Opt(Type.Object({ assignedUserIds: Opt(Ids), ...Fallback })),
  group: Opt(
    Type.Object({ appId: Opt(IdString()), appGroupId: Opt(IdString()), ...SelfApprovalFlag, ...Fallback }),
  ),
  expression: Unsupported,
  webhook: Unsupported,
  agent: Unsupported,
  resourceOwners: Unsupported,
  allowDelegation: Flag,
  allowReassignment: Flag,
  allowedReassignees: Opt(Ids),
  assigned: Flag,
  escalationEnabled: Flag,
  escalation: Opt(Escalation),
  requireApprovalReason: Flag,
  requireDenialReason: Flag,
  requireReassignmentReason: Flag,
  requiresStepUpProviderId: Opt(IdString()),
  /** Roster's extension: one person approves at most one step of a task (CONTRACT.md §7). */
  requireDistinctApprovers: Flag,
});
export type Approval = Static<typeof Approval>;

export const Provision = Type.Object({
  assigned: Flag,
  provisionPolicy: Opt(
    Type.Object({
      manual: Opt(Type.Object({ instructions: Opt(TextString()), userIds: Opt(Ids) })),
      connector: Unsupported,
      delegated: Unsupported,
      externalTicket: Unsupported,
      multiStep: Unsupported,
      unconfigured: Unsupported,
      webhook: Unsupported,
    }),
  ),
  provisionTarget: Unsupported,
});

export const Wait = Type.Object({
  name: Opt(NameString()),
  timeoutDuration: Opt(Duration),
  commentOnFirstWait: Opt(TextString()),
  commentOnTimeout: Opt(TextString()),
  condition: Unsupported,
});

export const PolicyStep = Type.Object({
  approval: Opt(Approval),
  provision: Opt(Provision),
  wait: Opt(Wait),
  accept: Opt(Type.Object({ acceptMessage: Opt(TextString()) })),
  reject: Opt(Type.Object({ rejectMessage: Opt(TextString()) })),
  form: Unsupported,
});
export type PolicyStep = Static<typeof PolicyStep>;

export const POLICY_TYPES = ['POLICY_TYPE_GRANT', 'POLICY_TYPE_REVOKE', 'POLICY_TYPE_CERTIFY'] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

/** The key of `policySteps` for a type: `grant`, `revoke`, `certify`. */
export const stepsKeyOf = (type: PolicyType): string => type.slice('POLICY_TYPE_'.length).toLowerCase();

const STEP_KINDS = ['approval', 'provision', 'wait', 'accept', 'reject'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
const APPROVAL_KINDS = ['users', 'appOwners', 'entitlementOwners', 'manager', 'self', 'group'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

const isSet = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  value !== false &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0);

function refuse(path: string, what: string): never {
  throw invalidArgument(`${path}: ${what}`, 'UNSUPPORTED_POLICY_FIELD', { field: path });
}

/** The one member of a oneof that is set, refusing none or several. */
function oneOf<K extends string>(object: Record<string, unknown>, kinds: readonly K[], path: string): K {
  const set = kinds.filter((kind) => object[kind] !== undefined && object[kind] !== null);
  if (set.length !== 1) {
    refuse(path, set.length === 0 ? `set one of ${kinds.join(', ')}` : `set only one of ${set.join(', ')}`);
  }
  return set[0] as K;
}

function refuseSet(object: Record<string, unknown>, fields: readonly string[], path: string, why: string) {
  for (const field of fields) if (isSet(object[field])) refuse(`${path}.${field}`, why);
}

/** Everything a step refers to, collected while checking it, so the service can check they exist. */
export interface StepReferences {
  readonly userIds: Set<string>;
  readonly entitlements: Array<{ appId: string; appEntitlementId: string; path: string }>;
  readonly policyIds: Array<{ id: string; path: string }>;
}

/**
 * Checks the steps of a policy of `type` and brings them to their stored form: every flag and list
 * present, unset oneof members left out. Refuses what Roster does not run, naming the field.
 */
export function checkSteps(
  type: PolicyType,
  policySteps: Record<string, { steps?: PolicyStep[] | null } | null> | null | undefined,
  references: StepReferences,
): PolicyStep[] {
  const key = stepsKeyOf(type);
  const keys = Object.keys(policySteps ?? {});
  const other = keys.find((k) => k !== key);
  if (other !== undefined) {
    refuse(`policySteps.${other}`, `a ${type} policy keeps its steps under "${key}"`);
  }
  const steps = policySteps?.[key]?.steps ?? [];
  return steps.map((step, index) => {
    const path = `policySteps.${key}.steps[${index}]`;
    const record = step as Record<string, unknown>;
    refuseSet(record, ['form'], path, 'form steps are not supported');
    const kind = oneOf(record, STEP_KINDS, path);
    if ((kind === 'accept' || kind === 'reject') && index !== steps.length - 1) {
      refuse(path, `${kind} ends the policy, so it must be the last step`);
    }
    if (kind === 'provision' && type !== 'POLICY_TYPE_GRANT') {
      refuse(`${path}.provision`, 'only a grant policy provisions');
    }
    return checkStep(kind, step, `${path}.${kind}`, references);
  });
}

function checkStep(kind: StepKind, step: PolicyStep, path: string, references: StepReferences): PolicyStep {
  switch (kind) {
    case 'approval':
      return { approval: checkApproval(step.approval as Approval, path, references) };
    case 'provision':
      return { provision: checkProvision(step.provision as Static<typeof Provision>, path, references) };
    case 'wait':
      return { wait: checkWait(step.wait as Static<typeof Wait>, path) };
    case 'accept':
      return { accept: { acceptMessage: step.accept?.acceptMessage ?? '' } };
    case 'reject':
      return { reject: { rejectMessage: step.reject?.rejectMessage ?? '' } };
  }
}

function checkApproval(approval: Approval, path: string, references: StepReferences): Approval {
  const record = approval as Record<string, unknown>;
  refuseSet(
    record,
    ['expression', 'webhook', 'agent', 'resourceOwners'],
    path,
    'this approver kind is not supported',
  );
  refuseSet(record, ['requiresStepUpProviderId'], path, 'step-up approval is not supported');
  refuseSet(record, ['allowDelegation'], path, 'delegation is not supported');
  const kind = oneOf(record, APPROVAL_KINDS, path);
  const at = `${path}.${kind}`;
  const given = (record[kind] ?? {}) as Record<string, unknown>;
  const ids = (field: string): string[] => {
    const list = [...new Set((given[field] as string[] | null | undefined) ?? [])];
    for (const id of list) references.userIds.add(id);
    return list;
  };
  const allowSelfApproval = given.allowSelfApproval === true;
  const fallback = { fallback: given.fallback === true, fallbackUserIds: ids('fallbackUserIds') };
  let typ: Partial<Approval>;
  switch (kind) {
    case 'users': {
      const userIds = ids('userIds');
      if (userIds.length === 0) refuse(`${at}.userIds`, 'name at least one approver');
      typ = { users: { userIds, allowSelfApproval } };
      break;
    }
    case 'appOwners':
      typ = { appOwners: { allowSelfApproval } };
      break;
    case 'entitlementOwners':
      typ = { entitlementOwners: { allowSelfApproval, ...fallback } };
      break;
    case 'manager':
      typ = { manager: { allowSelfApproval, assignedUserIds: ids('assignedUserIds'), ...fallback } };
      break;
    case 'self':
      typ = { self: { assignedUserIds: ids('assignedUserIds'), ...fallback } };
      break;
    case 'group': {
      const appId = (given.appId as string | null | undefined) ?? '';
      const appGroupId = (given.appGroupId as string | null | undefined) ?? '';
      if (!appId || !appGroupId)
        refuse(at, 'name the entitlement whose members approve: appId and appGroupId');
      references.entitlements.push({ appId, appEntitlementId: appGroupId, path: at });
      typ = { group: { appId, appGroupId, allowSelfApproval, ...fallback } };
      break;
    }
  }
  const allowedReassignees = [...new Set(approval.allowedReassignees ?? [])];
  for (const id of allowedReassignees) references.userIds.add(id);
  const escalationEnabled = approval.escalationEnabled === true;
  let escalation: Static<typeof Escalation> | null = null;
  if (escalationEnabled) escalation = checkEscalation(approval.escalation, `${path}.escalation`, references);
  else if (isSet(approval.escalation))
    refuse(`${path}.escalation`, 'set escalationEnabled to use an escalation');
  return {
    ...typ,
    allowReassignment: approval.allowReassignment === true,
    allowedReassignees,
    assigned: false,
    escalationEnabled,
    escalation,
    requireApprovalReason: approval.requireApprovalReason === true,
    requireDenialReason: approval.requireDenialReason === true,
    requireReassignmentReason: approval.requireReassignmentReason === true,
    requireDistinctApprovers: approval.requireDistinctApprovers === true,
  };
}

/** The longest escalation Roster schedules: a year, in minutes. */
const MAX_ESCALATION_MINUTES = 366 * 24 * 60;

function checkEscalation(
  escalation: Static<typeof Escalation> | null | undefined,
  path: string,
  references: StepReferences,
): Static<typeof Escalation> {
  const minutes = Number(escalation?.expiration ?? '0');
  if (!(minutes >= 1 && minutes <= MAX_ESCALATION_MINUTES)) {
    refuse(`${path}.expiration`, `minutes before the step escalates, 1 to ${MAX_ESCALATION_MINUTES}`);
  }
  const record = (escalation ?? {}) as Record<string, unknown>;
  const kind = oneOf(record, ['reassignToApprovers', 'replacePolicy'] as const, path);
  const base = { escalationComment: escalation?.escalationComment ?? '', expiration: String(minutes) };
  if (kind === 'reassignToApprovers') {
    const approverIds = [...new Set(escalation?.reassignToApprovers?.approverIds ?? [])];
    if (approverIds.length === 0)
      refuse(`${path}.reassignToApprovers.approverIds`, 'name at least one approver');
    for (const id of approverIds) references.userIds.add(id);
    return { ...base, reassignToApprovers: { approverIds } };
  }
  const policyId = escalation?.replacePolicy?.policyId ?? '';
  if (!policyId) refuse(`${path}.replacePolicy.policyId`, 'name the policy that replaces this one');
  references.policyIds.push({ id: policyId, path: `${path}.replacePolicy.policyId` });
  return { ...base, replacePolicy: { policyId } };
}

function checkProvision(
  provision: Static<typeof Provision>,
  path: string,
  references: StepReferences,
): Static<typeof Provision> {
  const policy = (provision.provisionPolicy ?? {}) as Record<string, unknown>;
  refuseSet(
    policy,
    ['connector', 'delegated', 'externalTicket', 'multiStep', 'unconfigured', 'webhook'],
    `${path}.provisionPolicy`,
    'Roster provisions manually: a named person confirms the account exists',
  );
  oneOf(policy, ['manual'] as const, `${path}.provisionPolicy`);
  const userIds = [...new Set(provision.provisionPolicy?.manual?.userIds ?? [])];
  if (userIds.length === 0) {
    refuse(`${path}.provisionPolicy.manual.userIds`, 'name at least one person who provisions');
  }
  for (const id of userIds) references.userIds.add(id);
  return {
    assigned: false,
    provisionPolicy: {
      manual: { instructions: provision.provisionPolicy?.manual?.instructions ?? '', userIds },
    },
  };
}

function checkWait(wait: Static<typeof Wait>, path: string): Static<typeof Wait> {
  refuseSet(
    wait as Record<string, unknown>,
    ['condition'],
    path,
    'wait conditions are not supported; wait a duration',
  );
  if (!wait.timeoutDuration) refuse(`${path}.timeoutDuration`, 'say how long to wait, e.g. "3600s"');
  return {
    name: wait.name ?? '',
    timeoutDuration: wait.timeoutDuration,
    commentOnFirstWait: wait.commentOnFirstWait ?? '',
    commentOnTimeout: wait.commentOnTimeout ?? '',
  };
}

/**
 * A stored step as answers carry it. Unset members of a oneof are left out, as protojson leaves
 * them out even when it emits unpopulated fields (CONTRACT.md §1); every other field is present.
 */
export function stepView(step: PolicyStep): PolicyStep {
  if (step.approval) return { approval: approvalView(step.approval) };
  // The target is set on a task's step instance, never on the policy's step.
  if (step.provision) return { provision: { provisionTarget: null, ...step.provision } };
  return step;
}

function approvalView(approval: Approval): Approval {
  return {
    allowDelegation: false,
    allowReassignment: false,
    allowedReassignees: [],
    assigned: false,
    escalationEnabled: false,
    escalation: null,
    requireApprovalReason: false,
    requireDenialReason: false,
    requireReassignmentReason: false,
    requiresStepUpProviderId: '',
    requireDistinctApprovers: false,
    ...approval,
  };
}

/** Which kind of step this is. */
export const stepKindOf = (step: PolicyStep): StepKind =>
  STEP_KINDS.find((kind) => step[kind] !== undefined && step[kind] !== null) as StepKind;

/** Which kind of approver an approval step names. */
export const approvalKindOf = (approval: Approval): ApprovalKind =>
  APPROVAL_KINDS.find((kind) => approval[kind] !== undefined && approval[kind] !== null) as ApprovalKind;
