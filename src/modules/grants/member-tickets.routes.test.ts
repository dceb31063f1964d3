import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';

/**
 * Roster's members page (CONTRACT.md §7.26): each member with the task their grant came from. A
 * request approved through the task API shows its task; a member added by add-manual-user shows "".
 */
describe.each(DIALECTS)('members with their originating tickets on %s', (dialect) => {
  let t: TestApp;
  let requester: Caller;
  let owner: Caller;
  let outsider: Caller;
  let app: any;
  let entitlementId: string;
  let base: string;
  let task: any;
  let manualUserId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    requester = await createCaller(t, []);
    owner = await createCaller(t, [ROLES.appAdmin]);
    outsider = await createCaller(t, []);
    app = await createApp(t, { owners: [owner.user.id] });
    entitlementId = (await createEntitlement(t, app.id)).id;
    base = `/roster/v1/apps/${app.id}/entitlements/${entitlementId}/users`;

    // A member added by hand, then one who asked and was approved.
    manualUserId = (await createUser(t)).id;
    const added = await t.request(
      'POST',
      `/api/v1/apps/${app.id}/entitlements/${entitlementId}/add-manual-user`,
      { userIds: [manualUserId] },
    );
    expect(added.status).toBe(200);
    await t.drainBulkActions();

    const opened = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlementId, description: 'Month-end' },
      { token: requester.token },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    task = opened.body.taskView.task;
    const approved = await t.request(
      'POST',
      `/api/v1/tasks/${task.id}/action/approve`,
      { policyStepId: task.policy.current.id },
      { token: owner.token },
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
  });
  afterAll(() => t.close());

  const byUser = (list: any[]) => new Map(list.map((m) => [m.appUser.appUser.identityUserId, m]));

  it('shows the task that made a grant, and "" for a grant made by add-manual-user', async () => {
    const page = await t.request('GET', base, undefined, { token: owner.token });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.nextPageToken).toBe('');
    expect(page.body.list).toHaveLength(2);
    const members = byUser(page.body.list);
    expect(members.get(requester.user.id)).toMatchObject({
      appUser: { appUser: { appId: app.id, identityUserId: requester.user.id }, appPath: '' },
      appEntitlementUserBindingCreatedAt: expect.any(String),
      appEntitlementUserBindingDeprovisionAt: null,
      grantSources: [],
      originatingTicketId: task.id,
      originatingTicketNumericId: task.numericId,
    });
    expect(members.get(manualUserId)).toMatchObject({
      appUser: { appUser: { identityUserId: manualUserId } },
      originatingTicketId: '',
      originatingTicketNumericId: '',
    });

    // What was stored: the grant names the task, as its ADDED history entry does.
    const grants = await t.db
      .selectFrom('grants')
      .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
      .select(['app_users.identity_user_id', 'grants.ticket_id'])
      .where('grants.app_entitlement_id', '=', entitlementId)
      .where('grants.deleted_at', 'is', null)
      .execute();
    expect(new Map(grants.map((g) => [g.identity_user_id, g.ticket_id]))).toEqual(
      new Map([
        [requester.user.id, task.id],
        [manualUserId, null],
      ]),
    );
    const events = await t.db
      .selectFrom('grant_events')
      .select(['grant_id', 'ticket_id'])
      .where('app_entitlement_id', '=', entitlementId)
      .execute();
    expect(events.filter((e) => e.ticket_id === task.id)).toHaveLength(1);
  });

  it('lists the official view unchanged: no ticket on ListAppEntitlementUsers', async () => {
    const official = await t.request('GET', `/api/v1/apps/${app.id}/entitlements/${entitlementId}/users`);
    expect(official.status).toBe(200);
    for (const item of official.body.list) {
      expect(Object.keys(item).sort()).toEqual([
        'appEntitlementUserBindingCreatedAt',
        'appEntitlementUserBindingDeprovisionAt',
        'appUser',
        'grantSources',
      ]);
    }
  });

  it('pages in grant order and keeps only the app users asked for', async () => {
    const first = await t.request('GET', `${base}?page_size=1`);
    // Page sizes are clamped to at least 10 (§7.8): both fit one page.
    expect(first.body.list).toHaveLength(2);
    const requesterAppUser = byUser(first.body.list).get(requester.user.id).appUser.appUser.id;
    const one = await t.request('GET', `${base}?app_user_ids=${requesterAppUser},unknown`);
    expect(one.status).toBe(200);
    expect(one.body.list.map((m: any) => m.originatingTicketId)).toEqual([task.id]);
    const none = await t.request('GET', `${base}?app_user_ids=,`);
    expect(none.body).toEqual({ list: [], nextPageToken: '' });
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`).join(',');
    expectError(await t.request('GET', `${base}?app_user_ids=${many}`), 400, 3, 'INVALID_ARGUMENT');
  });

  it('is read by those who read grants only', async () => {
    expectError(
      await t.request('GET', base, undefined, { token: outsider.token }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(
      await t.request('GET', `/roster/v1/apps/${app.id}/entitlements/nope/users`),
      404,
      5,
      'ENTITLEMENT_NOT_FOUND',
    );
  });
});
