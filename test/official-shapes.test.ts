import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPER_ADMIN_ROLE } from '../src/lib/roles.js';
import { createApp, createEntitlement, createResource, createResourceType, createUser } from './fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from './harness.js';
import { createCaller, ROLES } from './identity-fixtures.js';

/**
 * ConductorOne emits unpopulated fields (CONTRACT.md §1), and the official SDKs decode its answers
 * expecting them: a User without its `*Sources` lists crashes one. So every field the official
 * response schema names must be in Roster's answer, at every depth, for every read it serves.
 */
const official = JSON.parse(
  readFileSync(new URL('../docs/conductorone-subset.openapi.json', import.meta.url), 'utf8'),
);

/** The task and policy operations (issue 19), from the official spec of the same generator. */
const officialTasks = JSON.parse(
  readFileSync(new URL('../docs/conductorone-tasks.openapi.json', import.meta.url), 'utf8'),
);

/**
 * Members of a protobuf `oneof`, which ConductorOne sends only when set; the generated spec says
 * which they are in each message's description ("contains a oneof named …").
 */
const ONE_OF = new Set(['FacetCategory.value', 'FacetCategory.range']);
for (const [name, schema] of Object.entries(officialTasks.components.schemas as Record<string, any>)) {
  const description: string = schema.description ?? '';
  for (const block of description.split('This message contains a oneof named').slice(1)) {
    for (const [, member] of block.matchAll(/^\s+- (\w+)$/gm))
      ONE_OF.add(`${name.split('.').pop()}.${member}`);
  }
}

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
};

function resolve(schema: Schema | undefined): { schema: Schema | undefined; name: string } {
  let current = schema;
  let name = '';
  while (current?.$ref || (current?.allOf?.length === 1 && !current.properties)) {
    if (current.$ref) {
      name = current.$ref.split('/').pop() ?? '';
      current = official.components.schemas[name] ?? officialTasks.components.schemas[name];
    } else current = current.allOf?.[0];
  }
  return { schema: current, name: name.split('.').pop() ?? '' };
}

/** Every official field missing from `value`, as `where.field`. */
function missingFields(schemaRef: Schema | undefined, value: unknown, where: string): string[] {
  const { schema, name } = resolve(schemaRef);
  if (!schema || value === null || value === undefined) return [];
  if (schema.items) {
    return Array.isArray(value)
      ? value.flatMap((item) => missingFields(schema.items, item, `${where}[]`))
      : [];
  }
  if (typeof schema.additionalProperties === 'object' && typeof value === 'object') {
    const values = Object.entries(value as Record<string, unknown>);
    return values.flatMap(([key, item]) =>
      missingFields(schema.additionalProperties as Schema, item, `${where}.${key}`),
    );
  }
  if (!schema.properties || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return Object.entries(schema.properties).flatMap(([field, fieldSchema]) => {
    if (!(field in record)) return ONE_OF.has(`${name}.${field}`) ? [] : [`${where}.${field}`];
    return missingFields(fieldSchema, record[field], `${where}.${field}`);
  });
}

/** Reads only: operations that change nothing, so one world serves them all. */
const isRead = (method: string, path: string) =>
  method === 'get' || (method === 'post' && /\/search\/|\/grants\/feed$|\/systemlog\/events$/.test(path));

describe.each(DIALECTS)('answers carry every field of the official schema on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('in every read ConductorOne serves, for every entity', async () => {
    const [owner, member, leaver] = [await createUser(t), await createUser(t), await createUser(t)];
    const app = await createApp(t, { owners: [owner.id] });
    const resourceType = await createResourceType(t, app.id);
    const resource = await createResource(t, app.id, resourceType.id, { resourceOwnerUserIds: [owner.id] });
    const entitlement = await createEntitlement(t, app.id, { appEntitlementOwnerIds: [owner.id] });
    await createEntitlement(t, app.id, { appResourceTypeId: resourceType.id, appResourceId: resource.id });
    const entitlementUrl = `/api/v1/apps/${app.id}/entitlements/${entitlement.id}`;
    const added = await t.request('POST', `${entitlementUrl}/add-manual-user`, {
      userIds: [member.id, leaver.id],
    });
    expect(added.status).toBe(200);
    await t.drainBulkActions();
    const appUsers = (await t.request('GET', `/api/v1/apps/${app.id}/app_users`)).body.list;
    const appUserOf = (userId: string) =>
      appUsers.find((view: any) => view.appUser.identityUserId === userId).appUser.id;
    const removed = await t.request('DELETE', `${entitlementUrl}/remove-membership`, {
      appUserId: appUserOf(leaver.id),
    });
    expect(removed.status).toBe(200);
    const client = (await t.request('GET', '/api/v1/iam/personal_clients')).body.list[0];

    const param: Record<string, string> = {
      app_id: app.id,
      app_user_app_id: app.id,
      app_entitlement_id: entitlement.id,
      entitlement_id: entitlement.id,
      app_resource_type_id: resourceType.id,
      resource_type_id: resourceType.id,
      app_resource_id: resource.id,
      resource_id: resource.id,
      app_user_id: appUserOf(member.id),
      user_id: member.id,
      identity_user_id: member.id,
      role_id: SUPER_ADMIN_ROLE.id,
    };
    // `{id}` names whatever the path ends with.
    const idOf = (path: string) =>
      [
        ['/resources/{id}', resource.id],
        ['/resource_types/{id}', resourceType.id],
        ['/entitlements/{id}', entitlement.id],
        ['/personal_clients/{id}', client.id],
        ['/users/{id}', member.id],
        ['/apps/{id}', app.id],
      ].find(([suffix]) => path.endsWith(suffix as string))?.[1] as string;

    const missing: string[] = [];
    let read = 0;
    const empty: string[] = [];
    for (const [path, item] of Object.entries(official.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!isRead(method, path)) continue;
        const url = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          name === 'id' ? idOf(path) : (param[name] ?? name),
        );
        const response = await t.request(
          method.toUpperCase() as 'GET',
          url,
          method === 'post' ? {} : undefined,
        );
        expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(200);
        const schema = operation.responses['200'].content['application/json'].schema;
        missing.push(...missingFields(schema, response.body, operation.operationId));
        if (Array.isArray(response.body.list) && response.body.list.length === 0) empty.push(url);
        read++;
      }
    }
    expect(read).toBeGreaterThanOrEqual(35);
    expect(missing).toEqual([]);
    expect(empty).toEqual([]);
  });

  it('in every policy read, with every kind of step Roster runs', async () => {
    const [approver, provisioner] = [await createUser(t), await createUser(t)];
    const app = await createApp(t);
    const group = await createEntitlement(t, app.id);
    const created = await t.request('POST', '/api/v1/policies', {
      displayName: 'Every step',
      policyType: 'POLICY_TYPE_GRANT',
      policySteps: {
        grant: {
          steps: [
            { approval: { users: { userIds: [approver.id] } } },
            { approval: { manager: { fallback: true, fallbackUserIds: [approver.id] } } },
            { approval: { group: { appId: app.id, appGroupId: group.id } } },
            {
              approval: {
                appOwners: {},
                escalationEnabled: true,
                escalation: { expiration: '60', reassignToApprovers: { approverIds: [approver.id] } },
              },
            },
            { wait: { timeoutDuration: '3600s' } },
            { provision: { provisionPolicy: { manual: { userIds: [provisioner.id] } } } },
            { accept: {} },
          ],
        },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const served = (path: string) =>
      path.startsWith('/api/v1/policies') || path === '/api/v1/search/policies';
    const missing: string[] = [];
    let read = 0;
    for (const [path, item] of Object.entries(officialTasks.paths as Record<string, Record<string, any>>)) {
      if (!served(path)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!isRead(method, path)) continue;
        const url = path.replace('{id}', created.body.policy.id);
        const response = await t.request(
          method.toUpperCase() as 'GET',
          url,
          method === 'post' ? {} : undefined,
        );
        expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(200);
        const schema = operation.responses['200'].content['application/json'].schema;
        missing.push(...missingFields(schema, response.body, operation.operationId));
        read++;
      }
    }
    expect(read).toBe(3);
    expect(missing).toEqual([]);
  });

  it('in every task read: the task, a search and its audit trail', async () => {
    const owner = await createUser(t);
    const app = await createApp(t, { owners: [owner.id] });
    const entitlement = await createEntitlement(t, app.id);
    const opened = await t.request('POST', '/api/v1/task/grant', {
      appId: app.id,
      appEntitlementId: entitlement.id,
      description: 'shapes',
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const taskId = opened.body.taskView.task.id;
    const reads: Array<[string, string, unknown]> = [
      ['get', `/api/v1/tasks/${taskId}`, undefined],
      ['post', '/api/v1/search/tasks', {}],
      ['post', '/api/v1/task/audits', { taskId }],
    ];
    const paths: Record<string, string> = {
      [`/api/v1/tasks/${taskId}`]: '/api/v1/tasks/{id}',
      '/api/v1/search/tasks': '/api/v1/search/tasks',
      '/api/v1/task/audits': '/api/v1/task/audits',
    };
    const missing: string[] = [];
    for (const [method, url, body] of reads) {
      const response = await t.request(method.toUpperCase() as 'GET', url, body);
      expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(200);
      const operation = officialTasks.paths[paths[url] as string][method];
      const schema = operation.responses['200'].content['application/json'].schema;
      missing.push(...missingFields(schema, response.body, operation.operationId));
    }
    expect(missing).toEqual([]);
  });

  it('in every task and policy write Roster serves: opening, acting on and offboarding, and policy changes', async () => {
    const owner = await createCaller(t, [ROLES.appAdmin]);
    const [subject, deputy, leaver] = [await createUser(t), await createUser(t), await createUser(t)];
    const app = await createApp(t, { owners: [owner.user.id] });
    const entitlement = await createEntitlement(t, app.id);
    const missing: string[] = [];
    const served = new Set<string>();
    /** Sends one write and checks its answer against the official 200 schema of `path`. */
    const write = async (
      method: 'POST' | 'DELETE',
      path: string,
      url: string,
      body: unknown,
      token?: string,
    ) => {
      const response = await t.request(method, url, body, token === undefined ? {} : { token });
      expect(response.status, `${method} ${url}: ${JSON.stringify(response.body)}`).toBe(200);
      const operation = officialTasks.paths[path][method.toLowerCase()];
      const schema = operation.responses['200'].content['application/json'].schema;
      missing.push(...missingFields(schema, response.body, operation.operationId));
      served.add(operation.operationId);
      return response.body;
    };
    const open = async () =>
      (
        await write('POST', '/api/v1/task/grant', '/api/v1/task/grant', {
          appId: app.id,
          appEntitlementId: entitlement.id,
          identityUserId: subject.id,
          description: 'shapes',
        })
      ).taskView.task;
    const action = (task: any, name: string, body: Record<string, unknown>, token?: string) =>
      write(
        'POST',
        `/api/v1/tasks/{task_id}/action/${name}`,
        `/api/v1/tasks/${task.id}/action/${name}`,
        body,
        token,
      );

    const first = await open();
    await action(first, 'comment', { comment: 'Needed for the audit' });
    await action(first, 'reassign', {
      policyStepId: first.policy.current.id,
      newStepUserIds: [deputy.id],
      comment: 'Owner away',
    });
    await action(first, 'close', { comment: 'Asked twice' });
    const denied = await open();
    await action(denied, 'deny', { policyStepId: denied.policy.current.id }, owner.token);
    const approved = await open();
    await action(approved, 'approve', { policyStepId: approved.policy.current.id }, owner.token);
    await write('POST', '/api/v1/task/revoke', '/api/v1/task/revoke', {
      appId: app.id,
      appEntitlementId: entitlement.id,
      identityUserId: subject.id,
    });
    // Offboarding revokes what the leaver holds: give them a grant first.
    const added = await t.request(
      'POST',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/add-manual-user`,
      { userIds: [leaver.id] },
    );
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await t.drainBulkActions();
    await write('POST', '/api/v1/task/offboarding', '/api/v1/task/offboarding', {
      subjectUserId: leaver.id,
      description: 'Last day',
    });

    const policy = (
      await write('POST', '/api/v1/policies', '/api/v1/policies', {
        displayName: 'Shapes',
        policyType: 'POLICY_TYPE_GRANT',
        policySteps: { grant: { steps: [{ approval: { users: { userIds: [deputy.id] } } }] } },
      })
    ).policy;
    await write('POST', '/api/v1/policies/{id}', `/api/v1/policies/${policy.id}`, {
      policy: { displayName: 'Shapes, renamed' },
      updateMask: 'displayName',
    });
    await write('DELETE', '/api/v1/policies/{id}', `/api/v1/policies/${policy.id}`, undefined);

    expect([...served].sort()).toEqual([
      'c1.api.policy.v1.Policies.Create',
      'c1.api.policy.v1.Policies.Delete',
      'c1.api.policy.v1.Policies.Update',
      'c1.api.task.v1.TaskActionsService.Approve',
      'c1.api.task.v1.TaskActionsService.Close',
      'c1.api.task.v1.TaskActionsService.Comment',
      'c1.api.task.v1.TaskActionsService.Deny',
      'c1.api.task.v1.TaskActionsService.Reassign',
      'c1.api.task.v1.TaskService.CreateGrantTask',
      'c1.api.task.v1.TaskService.CreateOffboardingTask',
      'c1.api.task.v1.TaskService.CreateRevokeTask',
    ]);
    expect(missing).toEqual([]);
  });

  it('in every task action answer, with waits, escalations, restarts and skips in the steps', async () => {
    const [approver, deputy] = [await createUser(t), await createUser(t)];
    const app = await createApp(t, { owners: [approver.id] });
    const policy = async (steps: unknown[]) =>
      (
        await t.request('POST', '/api/v1/policies', {
          displayName: 'Action shapes',
          policyType: 'POLICY_TYPE_GRANT',
          policySteps: { grant: { steps } },
        })
      ).body.policy.id as string;
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: await policy([
        {
          approval: {
            users: { userIds: [approver.id] },
            escalationEnabled: true,
            escalation: { expiration: '60', reassignToApprovers: { approverIds: [deputy.id] } },
          },
        },
      ]),
      emergencyGrantPolicyId: await policy([{ wait: { timeoutDuration: '3600s' } }]),
    });
    const opened = await t.request('POST', '/api/v1/task/grant', {
      appId: app.id,
      appEntitlementId: entitlement.id,
      requestData: { reason: 'shapes' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const taskId = opened.body.taskView.task.id;
    const current = async () =>
      (await t.request('GET', `/api/v1/tasks/${taskId}`)).body.taskView.task.policy.current.id as string;
    const missing: string[] = [];
    const actions: Array<[string, () => Promise<Record<string, unknown>>]> = [
      ['update-request-data', async () => ({ data: { reason: 'still shapes' } })],
      ['process', async () => ({})],
      ['restart', async () => ({ policyStepId: await current() })],
      ['escalate', async () => ({ comment: 'urgent' })],
      ['skip-step', async () => ({ policyStepId: await current() })],
    ];
    for (const [name, body] of actions) {
      const response = await t.request('POST', `/api/v1/tasks/${taskId}/action/${name}`, await body());
      expect(response.status, `${name}: ${JSON.stringify(response.body)}`).toBe(200);
      const operation = officialTasks.paths[`/api/v1/tasks/{task_id}/action/${name}`].post;
      const schema = operation.responses['200'].content['application/json'].schema;
      missing.push(...missingFields(schema, response.body, operation.operationId));
      if (name === 'escalate') {
        expect(response.body.taskView.task.policy.current.wait.state).toBe('WAIT_INSTANCE_STATE_WAITING');
      }
    }
    const closed = await t.request('GET', `/api/v1/tasks/${taskId}`);
    const history = closed.body.taskView.task.policy.history;
    expect(history.map((h: any) => Object.keys(h).find((k) => ['approval', 'wait'].includes(k)))).toEqual([
      'approval',
      'approval',
      'wait',
    ]);
    expect(history[0].approval.escalationInstance.alreadyEscalated).toBe(true);
    expect(history[2].wait.skipped).toBeTruthy();
    const get = officialTasks.paths['/api/v1/tasks/{id}'].get;
    missing.push(
      ...missingFields(get.responses['200'].content['application/json'].schema, closed.body, get.operationId),
    );
    const audits = await t.request('POST', '/api/v1/task/audits', { taskId });
    const list = officialTasks.paths['/api/v1/task/audits'].post;
    missing.push(
      ...missingFields(
        list.responses['200'].content['application/json'].schema,
        audits.body,
        list.operationId,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('sends every user attribute source as an empty list', async () => {
    const user = await createUser(t);
    const got = (await t.request('GET', `/api/v1/users/${user.id}`)).body.userView.user;
    for (const field of [
      'departmentSources',
      'directoryStatusSources',
      'employmentStatusSources',
      'employmentTypeSources',
      'jobTitleSources',
      'managerSources',
      'usernameSources',
      'emailSources',
      'employeeIdSources',
    ]) {
      expect(got[field], field).toEqual([]);
    }
  });
});
