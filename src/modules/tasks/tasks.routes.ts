import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Expand, type ExpandMaskInput, Expansion } from '../../http/expansion.js';
import { actorOf, type Principal, principalOf } from '../../http/principal.js';
import { IdParam } from '../../http/wire.js';
import { TaskAuditView, toTaskAuditView } from './task-audits.js';
import type { TaskRow } from './tasks.repository.js';
import {
  CommentBody,
  CreateGrantTaskBody,
  CreateOffboardingTaskBody,
  CreateRevokeTaskBody,
  OptionalStepBody,
  ProcessNowBody,
  ReassignBody,
  SearchTasksBody,
  StepActionBody,
  TaskActionResponse,
  TaskAuditsBody,
  TaskCloseResponse,
  TaskSearchResponse,
  TaskViewResponse,
  taskView,
  UpdateRequestDataBody,
} from './tasks.schemas.js';
import type { TasksService } from './tasks.service.js';

const TaskParams = Type.Object({ task_id: IdParam });

/** Tasks (issue 19): ConductorOne's TaskService, TaskSearchService, TaskAudit and TaskActionsService. */
export const tasksRoutes: FastifyPluginAsyncTypebox<{ tasks: TasksService; expansion: Expand }> = async (
  app,
  { tasks, expansion },
) => {
  const config = { permission: 'tasks:self' as const };

  async function view(caller: Principal, task: TaskRow, expand?: Expansion) {
    return taskView(task, await tasks.actionsFor(caller, task), await tasks.policyOf(task), expand);
  }
  /**
   * `{taskView, expanded}`: the app and entitlement of a task the caller may see are expanded when the
   * mask asks, whatever the caller's roles, so a requester can name what they asked for (§7.26).
   */
  const answer = async (caller: Principal, task: TaskRow, mask?: ExpandMaskInput) => {
    const expand = new Expansion(mask);
    const taskView = await view(caller, task, expand);
    return { taskView, expanded: await expansion.resolve(expand) };
  };
  const acted = async (caller: Principal, task: TaskRow, mask: ExpandMaskInput) => ({
    ...(await answer(caller, task, mask)),
    ticketActionId: '',
  });

  app.post(
    '/api/v1/task/grant',
    { config, schema: { body: CreateGrantTaskBody, response: { 200: TaskViewResponse } } },
    async (request) => {
      const caller = principalOf(request);
      return answer(
        caller,
        await tasks.createGrant(caller, actorOf(request), request.body),
        request.body.expandMask,
      );
    },
  );

  app.post(
    '/api/v1/task/revoke',
    { config, schema: { body: CreateRevokeTaskBody, response: { 200: TaskViewResponse } } },
    async (request) => {
      const caller = principalOf(request);
      return answer(
        caller,
        await tasks.createRevoke(caller, actorOf(request), request.body),
        request.body.expandMask,
      );
    },
  );

  app.post(
    '/api/v1/task/offboarding',
    {
      config: { permission: 'tasks:write' as const },
      schema: { body: CreateOffboardingTaskBody, response: { 200: TaskViewResponse } },
    },
    async (request) => {
      const caller = principalOf(request);
      return answer(caller, await tasks.offboard(caller, actorOf(request), request.body));
    },
  );

  app.get(
    '/api/v1/tasks/:id',
    { config, schema: { params: Type.Object({ id: IdParam }), response: { 200: TaskViewResponse } } },
    async (request) => {
      const caller = principalOf(request);
      return answer(caller, await tasks.get(caller, request.params.id));
    },
  );

  app.post(
    '/api/v1/search/tasks',
    { config, schema: { body: SearchTasksBody, response: { 200: TaskSearchResponse } } },
    async (request) => {
      const caller = principalOf(request);
      const body = request.body;
      const types = (body.taskTypes ?? []).flatMap((t) =>
        Object.keys(t).filter((k) => t[k as keyof typeof t] != null),
      );
      const page = await tasks.search(
        caller,
        {
          ids: (body.refs ?? []).map((ref) => ref.id ?? ''),
          excludeIds: body.excludeIds ?? [],
          states: (body.taskStates ?? []).filter((s) => s !== 'TASK_STATE_UNSPECIFIED'),
          types,
          appIds: body.applicationIds ?? [],
          entitlementIds: body.appEntitlementIds ?? [],
          accessReviewIds: body.accessReviewIds ?? [],
          subjectIds: body.subjectIds ?? [],
          openerIds: body.openerIds ?? [],
          assigneeIds: [...(body.assigneesInIds ?? []), ...(body.myWorkUserIds ?? [])],
          createdAfter: body.createdAfter ? new Date(body.createdAfter).toISOString() : '',
          createdBefore: body.createdBefore ? new Date(body.createdBefore).toISOString() : '',
          query: body.query ?? '',
          // Newest first, unless asked for oldest first.
          newestFirst:
            body.sortBy !== 'TASK_SEARCH_SORT_BY_CREATED_AT' &&
            body.sortBy !== 'TASK_SEARCH_SORT_BY_TICKET_ID',
        },
        { pageSize: body.pageSize ?? undefined, pageToken: body.pageToken ?? undefined },
      );
      const expand = new Expansion(body.expandMask);
      const list = [];
      for (const task of page.items) list.push(await view(caller, task, expand));
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(expand) };
    },
  );

  app.post(
    '/api/v1/task/audits',
    {
      config,
      schema: {
        body: TaskAuditsBody,
        response: { 200: Type.Object({ list: Type.Array(TaskAuditView), nextPageToken: Type.String() }) },
      },
    },
    async (request) => {
      const { taskId, pageSize, pageToken } = request.body;
      const page = await tasks.audits(principalOf(request), taskId, {
        pageSize: pageSize ?? undefined,
        pageToken: pageToken ?? undefined,
      });
      return { list: page.items.map(toTaskAuditView), nextPageToken: page.nextPageToken };
    },
  );

  const stepAction = (name: 'approve' | 'deny') =>
    app.post(
      `/api/v1/tasks/:task_id/action/${name}`,
      { config, schema: { params: TaskParams, body: StepActionBody, response: { 200: TaskActionResponse } } },
      async (request) => {
        const caller = principalOf(request);
        const { policyStepId, comment } = request.body;
        const task = await tasks[name](
          caller,
          actorOf(request),
          request.params.task_id,
          policyStepId,
          comment ?? '',
        );
        return acted(caller, task, request.body.expandMask);
      },
    );
  stepAction('approve');
  stepAction('deny');

  app.post(
    '/api/v1/tasks/:task_id/action/reassign',
    { config, schema: { params: TaskParams, body: ReassignBody, response: { 200: TaskActionResponse } } },
    async (request) => {
      const caller = principalOf(request);
      const { policyStepId, newStepUserIds, comment } = request.body;
      const task = await tasks.reassign(
        caller,
        actorOf(request),
        request.params.task_id,
        policyStepId,
        newStepUserIds ?? [],
        comment ?? '',
      );
      return acted(caller, task, request.body.expandMask);
    },
  );

  app.post(
    '/api/v1/tasks/:task_id/action/comment',
    { config, schema: { params: TaskParams, body: CommentBody, response: { 200: TaskActionResponse } } },
    async (request) => {
      const caller = principalOf(request);
      const { task_id } = request.params;
      return acted(
        caller,
        await tasks.comment(caller, actorOf(request), task_id, request.body.comment ?? ''),
        request.body.expandMask,
      );
    },
  );

  // Close answers taskActionId where the other actions answer ticketActionId, as the spec has it.
  app.post(
    '/api/v1/tasks/:task_id/action/close',
    { config, schema: { params: TaskParams, body: CommentBody, response: { 200: TaskCloseResponse } } },
    async (request) => {
      const caller = principalOf(request);
      const { task_id } = request.params;
      const task = await tasks.close(caller, actorOf(request), task_id, request.body.comment ?? '');
      return { ...(await answer(caller, task, request.body.expandMask)), taskActionId: '' };
    },
  );

  // Policy actions (CONTRACT.md §7.26): skip the current step, restart the policy, move to the
  // emergency grant policy, make a timer fire now, replace the request data.
  app.post(
    '/api/v1/tasks/:task_id/action/skip-step',
    { config, schema: { params: TaskParams, body: StepActionBody, response: { 200: TaskActionResponse } } },
    async (request) => {
      const caller = principalOf(request);
      const { policyStepId, comment } = request.body;
      const task = await tasks.skipStep(
        caller,
        actorOf(request),
        request.params.task_id,
        policyStepId,
        comment ?? '',
      );
      return acted(caller, task, request.body.expandMask);
    },
  );

  for (const [name, method] of [
    ['restart', 'restart'],
    ['escalate', 'escalateToEmergency'],
  ] as const) {
    app.post(
      `/api/v1/tasks/:task_id/action/${name}`,
      {
        config,
        schema: { params: TaskParams, body: OptionalStepBody, response: { 200: TaskActionResponse } },
      },
      async (request) => {
        const caller = principalOf(request);
        const { policyStepId, comment } = request.body;
        const task = await tasks[method](
          caller,
          actorOf(request),
          request.params.task_id,
          policyStepId ?? '',
          comment ?? '',
        );
        return acted(caller, task, request.body.expandMask);
      },
    );
  }

  app.post(
    '/api/v1/tasks/:task_id/action/process',
    { config, schema: { params: TaskParams, body: ProcessNowBody, response: { 200: TaskViewResponse } } },
    async (request) => {
      const caller = principalOf(request);
      return answer(
        caller,
        await tasks.processNow(caller, actorOf(request), request.params.task_id),
        request.body.expandMask,
      );
    },
  );

  app.post(
    '/api/v1/tasks/:task_id/action/update-request-data',
    {
      config,
      schema: { params: TaskParams, body: UpdateRequestDataBody, response: { 200: TaskActionResponse } },
    },
    async (request) => {
      const caller = principalOf(request);
      const task = await tasks.updateRequestData(
        caller,
        actorOf(request),
        request.params.task_id,
        request.body.data ?? {},
      );
      return acted(caller, task, request.body.expandMask);
    },
  );
};
