import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { appsKeys } from './apps';
import { api, unwrap } from './client';
import { allPages, listing } from './listing';
import { membersKeys } from './members';
import { type Body, type Json, pointed } from './types';

type WireTaskView = Json<'/api/v1/tasks/{id}', 'get'>['taskView'];
/** A task as one task's answer and a search's both carry it (the console reads no `form`). */
export type Task = Omit<WireTaskView['task'], 'form'>;
export type TaskView = Omit<WireTaskView, 'task'> & { task: Task; names?: TaskNames };

/**
 * The names of a task's app and entitlement, from its `expanded` (CONTRACT.md §7.26): readable by
 * everyone who may see the task, catalog or not. Absent when the object is gone (deleted).
 */
export interface TaskNames {
  readonly app?: string;
  readonly entitlement?: string;
}

/** The expandMask that names a task's app and entitlement. */
const NAMES_MASK = { paths: ['app_id', 'app_entitlement_ids'] };

const namesOf = (
  view: Omit<TaskView, 'names'>,
  expanded: readonly unknown[] | null | undefined,
): TaskNames => ({
  app: pointed<{ displayName?: string }>(expanded ?? [], view.appPath)?.displayName,
  entitlement: pointed<{ displayName?: string }>(expanded ?? [], view.entitlementsPath)?.displayName,
});
export type TaskAudit = Json<'/api/v1/task/audits', 'post'>['list'][number];

/** What a grant or revoke task asks for; the API's schema leaves `type` open (a oneof). */
export interface TaskSubject {
  readonly kind: 'grant' | 'revoke';
  readonly appId: string;
  readonly appEntitlementId: string;
  readonly identityUserId: string;
  readonly outcome: string;
  readonly outcomeTime: string | null;
  readonly grantDuration?: string;
}

export function subjectOf(task: Task): TaskSubject {
  const type = (task.type ?? {}) as { grant?: Omit<TaskSubject, 'kind'>; revoke?: Omit<TaskSubject, 'kind'> };
  if (type.grant) return { kind: 'grant', ...type.grant };
  return {
    kind: 'revoke',
    appId: '',
    appEntitlementId: '',
    identityUserId: '',
    outcome: '',
    outcomeTime: null,
    ...type.revoke,
  };
}

/** The ID of the step an action must name: the current step's instance (CONTRACT.md §7.26). */
export const currentStepIdOf = (task: Task): string =>
  (task.policy as { current?: { id?: string } | null } | null)?.current?.id ?? '';

/** The settings of the current step's approval, if it is one. */
const currentApprovalOf = (task: Task) =>
  (task.policy as { current?: { approval?: { approval?: Record<string, unknown> | null } } } | null)?.current
    ?.approval?.approval;

/** Whether the current step's policy asks for a reason to approve or to deny (a deny always has one). */
export function reasonRequiredOf(task: Task, action: 'approve' | 'deny'): boolean {
  const current = currentApprovalOf(task);
  return action === 'approve'
    ? current?.requireApprovalReason === true
    : current?.requireDenialReason === true;
}

/** Everything read about tasks sits under `all`; everything about one task under `task(id)`. */
export const tasksKeys = {
  all: ['tasks'] as const,
  search: (filter: TaskFilter) => [...tasksKeys.all, 'search', filter] as const,
  task: (id: string) => [...tasksKeys.all, id] as const,
  audits: (id: string) => [...tasksKeys.all, id, 'audits'] as const,
  requestable: (query: string) => [...tasksKeys.all, 'requestable', query] as const,
};

/** An entitlement the signed-in person may ask for, with what they have of it already. */
export type RequestableEntitlement = Json<'/roster/v1/requestable-entitlements', 'post'>['list'][number];

/**
 * What the signed-in person may request for themself, by app then entitlement name; every person
 * may read it, whatever their roles. Under `tasksKeys.all`, so a new request or decision refreshes it.
 */
export const requestableListing = (query: string) =>
  listing(tasksKeys.requestable(query), (pageToken) =>
    unwrap(
      api.POST('/roster/v1/requestable-entitlements', {
        body: { ...(query ? { query } : {}), pageSize: 25, pageToken },
      }),
    ),
  );

export type TaskFilter = Pick<
  Body<'/api/v1/search/tasks', 'post'>,
  'openerIds' | 'subjectIds' | 'myWorkUserIds' | 'taskStates' | 'taskTypes' | 'accessReviewIds'
>;

/** Requests (to grant, to revoke, offboarding): every task but a campaign's certify tasks. */
export const REQUEST_TYPES: TaskFilter['taskTypes'] = [{ grant: {} }, { revoke: {} }, { offboarding: {} }];

/** Tasks matching a filter, newest first, each with the names of its app and entitlement. */
export const tasksListing = (filter: TaskFilter, pageSize = 25) =>
  listing([...tasksKeys.search(filter), pageSize], async (pageToken) => {
    const page = await unwrap(
      api.POST('/api/v1/search/tasks', {
        body: { ...filter, pageSize, pageToken, expandMask: NAMES_MASK },
      }),
    );
    const list: TaskView[] = page.list.map((view) => ({ ...view, names: namesOf(view, page.expanded) }));
    return { list, nextPageToken: page.nextPageToken };
  });

/** The names of one task's app and entitlement (GetTask takes no expandMask; the search does). */
export const taskNamesQueryOptions = (taskId: string) =>
  queryOptions({
    enabled: taskId !== '',
    queryKey: [...tasksKeys.task(taskId), 'names'],
    queryFn: async (): Promise<TaskNames> => {
      const found = await unwrap(
        api.POST('/api/v1/search/tasks', { body: { refs: [{ id: taskId }], expandMask: NAMES_MASK } }),
      );
      const view = found.list[0];
      return view ? namesOf(view, found.expanded) : {};
    },
  });

export const taskQueryOptions = (id: string) =>
  queryOptions({
    queryKey: tasksKeys.task(id),
    queryFn: () => unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id } } })),
  });

/** The task's whole audit trail, oldest first. */
export const taskAuditsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: tasksKeys.audits(id),
    queryFn: () =>
      allPages((pageToken) =>
        unwrap(api.POST('/api/v1/task/audits', { body: { taskId: id, pageSize: 100, pageToken } })),
      ),
  });

/** A change to tasks reloads everything read about them (and the entitlement a grant may have changed). */
function useTaskChange<A, R>(change: (argument: A) => Promise<R>, onSuccess?: (answer: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (answer) => {
      onSuccess?.(answer);
      await queryClient.invalidateQueries({ queryKey: tasksKeys.all });
    },
  });
}

export type GrantRequest = Body<'/api/v1/task/grant', 'post'>;

/** Asks for access; answers the new task's ID. */
export const useRequestGrant = (onSuccess?: (taskId: string) => void) =>
  useTaskChange(
    (body: GrantRequest) => unwrap(api.POST('/api/v1/task/grant', { body })),
    (answer) => onSuccess?.(answer.taskView.task.id),
  );

export type StepAction = 'approve' | 'deny';

/** Approves or denies the current step of a task, with an optional reason. */
export function useDecideTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, action, comment }: { task: Task; action: StepAction; comment?: string }) => {
      const request = {
        params: { path: { task_id: task.id } },
        body: { policyStepId: currentStepIdOf(task), ...(comment ? { comment } : {}) },
      };
      return unwrap(
        action === 'approve'
          ? api.POST('/api/v1/tasks/{task_id}/action/approve', request)
          : api.POST('/api/v1/tasks/{task_id}/action/deny', request),
      );
    },
    onSuccess: async (_answer, { task }) => {
      await queryClient.invalidateQueries({ queryKey: tasksKeys.all });
      // The last approval grants: the entitlement's members and the app's counts change.
      const { appId, appEntitlementId } = subjectOf(task);
      await queryClient.invalidateQueries({ queryKey: membersKeys.entitlement(appId, appEntitlementId) });
      await queryClient.invalidateQueries({ queryKey: appsKeys.app(appId) });
    },
  });
}

/** Hands the current step of a task to other people (when its policy allows it, or a Super Admin). */
export const useReassignTask = (onSuccess?: () => void) =>
  useTaskChange(
    ({ task, userIds, comment }: { task: Task; userIds: string[]; comment?: string }) =>
      unwrap(
        api.POST('/api/v1/tasks/{task_id}/action/reassign', {
          params: { path: { task_id: task.id } },
          body: {
            policyStepId: currentStepIdOf(task),
            newStepUserIds: userIds,
            ...(comment ? { comment } : {}),
          },
        }),
      ),
    onSuccess,
  );

/** Comments on a task, or closes it (a requester withdrawing their request) with an optional comment. */
export const useTaskNote = (taskId: string, action: 'comment' | 'close', onSuccess?: () => void) =>
  useTaskChange(
    (comment: string) =>
      unwrap(
        api.POST(
          action === 'comment'
            ? '/api/v1/tasks/{task_id}/action/comment'
            : '/api/v1/tasks/{task_id}/action/close',
          { params: { path: { task_id: taskId } }, body: comment ? { comment } : {} },
        ),
      ),
    onSuccess,
  );

/** What a certify task is about: a grant frozen by a campaign, when it was made and by which request. */
export interface CertifySubject {
  readonly accessReviewId: string;
  readonly appId: string;
  readonly appEntitlementId: string;
  readonly identityUserId: string;
  readonly outcome: string;
  readonly grantedAt: string;
  /** The task that made the grant, and its number; '' when none (a bulk action, SCIM, an import). */
  readonly originatingTicketId: string;
  readonly originatingTicketNumericId: string;
}

export function certifyOf(task: Task): CertifySubject {
  const certify = ((task.type ?? {}) as { certify?: Partial<CertifySubject> }).certify ?? {};
  const data = (task.data ?? {}) as Partial<CertifySubject>;
  return {
    accessReviewId: certify.accessReviewId ?? '',
    appId: certify.appId ?? '',
    appEntitlementId: certify.appEntitlementId ?? '',
    identityUserId: certify.identityUserId ?? '',
    outcome: certify.outcome ?? '',
    grantedAt: data.grantedAt ?? '',
    originatingTicketId: data.originatingTicketId ?? '',
    originatingTicketNumericId: data.originatingTicketNumericId ?? '',
  };
}

/** A decertification takes a reason unless the step's approval says `requireDenialReason: false`. */
export const decertifyNeedsReason = (task: Task): boolean =>
  currentApprovalOf(task)?.requireDenialReason !== false;

/** A certification takes a reason only when the step's approval asks for one. */
export const certifyNeedsReason = (task: Task): boolean => reasonRequiredOf(task, 'approve');
