import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';

/**
 * A task's app and entitlement in `expanded` (CONTRACT.md §7.26): a requester with no role, who may
 * not read the catalog, names what they asked for through the task API's expandMask.
 */
describe.each(DIALECTS)('task expansion on %s', (dialect) => {
  let t: TestApp;
  let requester: Caller;
  let owner: Caller;
  let app: any;
  let entitlement: any;
  let task: any;
  const mask = { paths: ['app_id', 'app_entitlement_ids'] };
  const pointed = (body: any, path: string) =>
    body.expanded[Number(/^\$\.expanded\[(\d+)\]$/.exec(path)?.[1])];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    requester = await createCaller(t, []);
    owner = await createCaller(t, [ROLES.appAdmin]);
    app = await createApp(t, { owners: [owner.user.id], displayName: 'Lighthouse' });
    entitlement = await createEntitlement(t, app.id, { displayName: 'Lamp keepers' });
  });
  afterAll(() => t.close());

  it('expands the app and entitlement of a new request for a requester without catalog:read', async () => {
    // The requester may not read the catalog itself.
    const catalog = await t.request(
      'GET',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}`,
      undefined,
      {
        token: requester.token,
      },
    );
    expect(catalog.status).toBe(403);
    const opened = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlement.id, description: 'Night shift', expandMask: mask },
      { token: requester.token },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    task = opened.body.taskView.task;
    const view = opened.body.taskView;
    expect(view.appPath).toBe('$.expanded[0]');
    expect(view.entitlementsPath).toBe('$.expanded[1]');
    expect(pointed(opened.body, view.appPath)).toMatchObject({
      '@type': 'type.googleapis.com/c1.api.app.v1.App',
      id: app.id,
      displayName: 'Lighthouse',
    });
    expect(pointed(opened.body, view.entitlementsPath)).toMatchObject({
      '@type': 'type.googleapis.com/c1.api.app.v1.AppEntitlement',
      id: entitlement.id,
      appId: app.id,
      displayName: 'Lamp keepers',
    });
    // Other paths are not expanded; without a mask nothing is.
    expect(view.userPath).toBe('');
    const plain = await t.request('GET', `/api/v1/tasks/${task.id}`, undefined, { token: requester.token });
    expect(plain.body.expanded).toEqual([]);
    expect(plain.body.taskView.appPath).toBe('');
  });

  it('expands each app and entitlement once in a search, and only for tasks the caller sees', async () => {
    const second = await t.request(
      'POST',
      '/api/v1/task/grant',
      {
        appId: app.id,
        appEntitlementId: (await createEntitlement(t, app.id, { displayName: 'Fog horn' })).id,
      },
      { token: requester.token },
    );
    expect(second.status).toBe(200);
    const mine = await t.request(
      'POST',
      '/api/v1/search/tasks',
      { subjectIds: [requester.user.id], expandMask: { paths: ['*'] } },
      { token: requester.token },
    );
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.list).toHaveLength(2);
    // One app, two entitlements: three objects, the app shared by both views.
    expect(mine.body.expanded).toHaveLength(3);
    const names = mine.body.list.map((v: any) => [
      pointed(mine.body, v.appPath).displayName,
      pointed(mine.body, v.entitlementsPath).displayName,
    ]);
    expect(names.sort()).toEqual([
      ['Lighthouse', 'Fog horn'],
      ['Lighthouse', 'Lamp keepers'],
    ]);
    expect(new Set(mine.body.list.map((v: any) => v.appPath)).size).toBe(1);

    // Someone who sees none of them gets nothing expanded.
    const outsider = await createCaller(t, []);
    const theirs = await t.request(
      'POST',
      '/api/v1/search/tasks',
      { subjectIds: [requester.user.id], expandMask: { paths: ['*'] } },
      { token: outsider.token },
    );
    expect(theirs.body).toMatchObject({ list: [], expanded: [] });
  });

  it('expands on an action answer as asked', async () => {
    const approved = await t.request(
      'POST',
      `/api/v1/tasks/${task.id}/action/approve`,
      { policyStepId: task.policy.current.id, expandMask: { paths: ['appEntitlementIds'] } },
      { token: owner.token },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.taskView.appPath).toBe('');
    expect(approved.body.expanded).toEqual([expect.objectContaining({ id: entitlement.id })]);
  });
});
