import { type Static, Type } from 'typebox';
import { Expansion } from '../../http/expansion.js';
import { IdString, QueryString, TextString, WordString } from '../../http/strings.js';
import { Duration, Expanded, filterList, NullableTimestamp, Opt, PageBody } from '../../http/wire.js';
import { type PolicyRow, stepView, toPolicy } from '../policies/index.js';
import { stepInstanceView } from './task-steps.js';
import type { TaskRow } from './tasks.repository.js';
import type { TaskActionName } from './tasks.service.js';

const ExpandMask = Opt(Type.Object({ paths: Opt(Type.Array(WordString(), { maxItems: 20 })) }));

export const CreateGrantTaskBody = Type.Object({
  appId: IdString({ minLength: 1 }),
  appEntitlementId: IdString({ minLength: 1 }),
  identityUserId: Opt(IdString()),
  appUserId: Opt(IdString()),
  description: Opt(TextString()),
  grantDuration: Opt(Duration),
  emergencyAccess: Opt(Type.Boolean()),
  expandMask: ExpandMask,
  requestData: Opt(Type.Unknown()),
  source: Opt(Type.Unknown()),
});
export type CreateGrantTaskBody = Static<typeof CreateGrantTaskBody>;

export const CreateRevokeTaskBody = Type.Object({
  appId: IdString({ minLength: 1 }),
  appEntitlementId: IdString({ minLength: 1 }),
  identityUserId: Opt(IdString()),
  appUserId: Opt(IdString()),
  description: Opt(TextString()),
  expandMask: ExpandMask,
});

export const StepActionBody = Type.Object({
  policyStepId: IdString({ minLength: 1 }),
  comment: Opt(TextString()),
  expandMask: ExpandMask,
});

export const ReassignBody = Type.Object({
  policyStepId: IdString({ minLength: 1 }),
  newStepUserIds: Opt(Type.Array(IdString({ minLength: 1 }), { maxItems: 100 })),
  comment: Opt(TextString()),
  expandMask: ExpandMask,
});

export const CreateOffboardingTaskBody = Type.Object({
  subjectUserId: IdString({ minLength: 1 }),
  description: Opt(TextString()),
});

export const CommentBody = Type.Object({ comment: Opt(TextString()), expandMask: ExpandMask });

/** Restart and EscalateToEmergencyAccess: the current step may be named, and a comment given. */
export const OptionalStepBody = Type.Object({
  policyStepId: Opt(IdString()),
  comment: Opt(TextString()),
  expandMask: ExpandMask,
});

export const ProcessNowBody = Type.Object({ expandMask: ExpandMask });

export const UpdateRequestDataBody = Type.Object({
  data: Opt(Type.Record(Type.String(), Type.Unknown())),
  expandMask: ExpandMask,
});

const TaskTypeFilter = Type.Object({
  grant: Opt(Type.Object({})),
  revoke: Opt(Type.Object({})),
  certify: Opt(Type.Object({})),
  offboarding: Opt(Type.Object({})),
});

export const SearchTasksBody = Type.Object({
  ...PageBody,
  refs: Opt(filterList(Type.Object({ id: Opt(IdString()) }))),
  excludeIds: Opt(filterList(IdString())),
  taskStates: Opt(filterList(Type.Enum(['TASK_STATE_UNSPECIFIED', 'TASK_STATE_OPEN', 'TASK_STATE_CLOSED']))),
  taskTypes: Opt(Type.Array(TaskTypeFilter, { maxItems: 4 })),
  applicationIds: Opt(filterList(IdString())),
  appEntitlementIds: Opt(filterList(IdString())),
  accessReviewIds: Opt(filterList(IdString())),
  subjectIds: Opt(filterList(IdString())),
  openerIds: Opt(filterList(IdString())),
  assigneesInIds: Opt(filterList(IdString())),
  myWorkUserIds: Opt(filterList(IdString())),
  createdAfter: Opt(WordString({ format: 'date-time' })),
  createdBefore: Opt(WordString({ format: 'date-time' })),
  query: Opt(QueryString()),
  sortBy: Opt(WordString()),
  expandMask: ExpandMask,
});
export type SearchTasksBody = Static<typeof SearchTasksBody>;

export const TaskAuditsBody = Type.Object({
  taskId: IdString({ minLength: 1 }),
  ...PageBody,
  refs: Opt(Type.Unknown()),
});

const Task = Type.Object({
  id: Type.String(),
  numericId: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  state: Type.String(),
  processing: Type.String(),
  type: Type.Unknown(),
  userId: Type.String(),
  createdByUserId: Type.String(),
  stepApproverIds: Type.Array(Type.String()),
  actions: Type.Array(Type.String()),
  commentCount: Type.Integer(),
  emergencyAccess: Type.Boolean(),
  origin: Type.String(),
  policy: Type.Unknown(),
  policyGenerationId: Type.String(),
  recommendation: Type.String(),
  analysisId: Type.String(),
  annotations: Type.Array(Type.Unknown()),
  externalRefs: Type.Array(Type.Unknown()),
  insightIds: Type.Array(Type.String()),
  data: Type.Unknown(),
  form: Type.Null(),
  createdAt: NullableTimestamp,
  updatedAt: NullableTimestamp,
  deletedAt: NullableTimestamp,
});

export const TaskView = Type.Object({
  task: Task,
  accessReviewPath: Type.String(),
  appPath: Type.String(),
  appUserPath: Type.String(),
  createdByUserPath: Type.String(),
  entitlementsPath: Type.String(),
  identityUserPath: Type.String(),
  insightsPath: Type.String(),
  stepApproversPath: Type.String(),
  userPath: Type.String(),
});

export const TaskViewResponse = Type.Object({ taskView: TaskView, expanded: Expanded });
export const TaskActionResponse = Type.Object({
  taskView: TaskView,
  expanded: Expanded,
  ticketActionId: Type.String(),
});
/** Close names its action `taskActionId` where the other actions say `ticketActionId` (the official spec). */
export const TaskCloseResponse = Type.Object({
  taskView: TaskView,
  expanded: Expanded,
  taskActionId: Type.String(),
});
export const TaskSearchResponse = Type.Object({
  list: Type.Array(TaskView),
  nextPageToken: Type.String(),
  expanded: Expanded,
});

const DISPLAY_NAMES: Record<string, string> = {
  grant: 'Grant request',
  revoke: 'Revoke request',
  offboarding: 'Offboarding',
  certify: 'Access review',
};

/** The member of the task's `type` oneof that its type is. */
function typeOf(task: TaskRow, fields: Record<string, unknown>) {
  switch (task.task_type) {
    case 'grant':
      return { grant: { ...fields, grantDuration: task.grant_duration, source: null } };
    case 'revoke':
      return { revoke: { ...fields, source: null } };
    case 'certify':
      return {
        certify: {
          accessReviewId: task.access_review_id ?? '',
          accessReviewSelection: '',
          ...fields,
        },
      };
    default:
      return {
        offboarding: {
          subjectUserId: task.identity_user_id,
          outcome: task.outcome,
          outcomeTime: task.outcome_time,
        },
      };
  }
}

/** The task as ConductorOne's TaskView carries it, for `caller` (its `actions`). */
/**
 * A task's TaskView. With an `expand`, `appPath` (mask path `app_id`) and `entitlementsPath`
 * (`app_entitlement_ids`) point at the app and entitlement in `expanded` (CONTRACT.md §7.26); the other
 * paths stay "".
 */
export function taskView(
  task: TaskRow,
  actions: TaskActionName[],
  policy: PolicyRow | undefined,
  expand: Expansion = new Expansion(undefined),
) {
  const instances = task.step_instances;
  const steps = task.policy_steps;
  // The steps not reached yet in the current run of the policy (a restart starts them again).
  const reached = instances.length - task.step_base;
  const active = task.state === 'TASK_STATE_OPEN' ? instances.at(-1) : undefined;
  const current = active?.state === 'ACTIVE' ? active : undefined;
  const history = current ? instances.slice(0, -1) : instances;
  const typeFields = {
    appId: task.app_id,
    appEntitlementId: task.app_entitlement_id,
    appUserId: task.app_user_id,
    identityUserId: task.identity_user_id,
    outcome: task.outcome,
    outcomeTime: task.outcome_time,
  };
  return {
    task: {
      id: task.id,
      numericId: String(task.numeric_id),
      displayName: `${DISPLAY_NAMES[task.task_type] ?? 'Task'} ${task.numeric_id}`,
      description: task.description,
      state: task.state,
      processing:
        task.state === 'TASK_STATE_OPEN' ? 'TASK_PROCESSING_TYPE_WAITING' : 'TASK_PROCESSING_TYPE_DONE',
      type: typeOf(task, typeFields),
      userId: task.identity_user_id,
      createdByUserId: task.created_by_user_id,
      stepApproverIds: task.step_approver_ids,
      actions,
      commentCount: task.comment_count,
      emergencyAccess: task.emergency_access,
      origin: task.origin,
      policy: {
        policy: policy ? toPolicy(policy) : null,
        current: current ? stepInstanceView(current, task.policy_generation) : null,
        history: history.map((instance) => stepInstanceView(instance, task.policy_generation)),
        next: steps.slice(reached).map(stepView),
      },
      policyGenerationId: String(task.policy_generation),
      recommendation: 'INSIGHT_RECOMMENDATION_UNSPECIFIED',
      analysisId: '',
      annotations: [],
      externalRefs: [],
      insightIds: [],
      data: task.request_data ?? {},
      form: null,
      createdAt: task.created_at,
      updatedAt: task.updated_at,
      deletedAt: task.deleted_at,
    },
    accessReviewPath: '',
    appPath: expand.path('app_id', 'app', task.app_id),
    appUserPath: '',
    createdByUserPath: '',
    entitlementsPath: expand.path('app_entitlement_ids', 'appEntitlement', task.app_entitlement_id),
    identityUserPath: '',
    insightsPath: '',
    stepApproversPath: '',
    userPath: '',
  };
}
