import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
  createResource,
  createResourceType,
  createUser,
  expectError,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES } from '../../../test/identity-fixtures.js';

const ids = (list: { id: string }[]) => list.map((u) => u.id);

describe.each(DIALECTS)('owners and the App Admin role on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('stores owners given at app creation and shows them as appOwners', async () => {
    const [u1, u2] = [await createUser(t), await createUser(t)];
    const app = await createApp(t, { owners: [u2.id, u1.id, u1.id] });
    expect(ids(app.appOwners).sort()).toEqual([u1.id, u2.id].sort());
    expect(ids((await t.request('GET', `/api/v1/apps/${app.id}`)).body.app.appOwners).sort()).toEqual(
      [u1.id, u2.id].sort(),
    );
    const rows = await t.db.selectFrom('owners').selectAll().where('app_id', '=', app.id).execute();
    expect(rows).toHaveLength(2);
    expectError(
      await t.request('POST', '/api/v1/apps', { displayName: 'x', owners: ['nobody'] }),
      400,
      3,
      'OWNER_NOT_FOUND',
    );
  });

  it('adds, lists, removes and sets app owners; [] clears; unknown users are refused', async () => {
    const app = await createApp(t);
    const [u1, u2, u3] = [await createUser(t), await createUser(t), await createUser(t)];
    const url = `/api/v1/apps/${app.id}/owners`;
    expect((await t.request('POST', `${url}/${u1.id}`)).body).toEqual({});
    expect((await t.request('POST', `${url}/${u1.id}`, {})).status).toBe(200);
    expect((await t.request('PUT', url, { userIds: [u2.id, u3.id] })).status).toBe(200);
    const listed = await t.request('GET', `${url}?page_size=10`);
    // Listed in ID order (CONTRACT.md §7.8); IDs made in the same second sort in any order.
    expect(ids(listed.body.list)).toEqual([u2.id, u3.id].sort());
    expect(listed.body.nextPageToken).toBe('');
    expect((await t.request('DELETE', `${url}/${u2.id}`, {})).status).toBe(200);
    expect((await t.request('DELETE', `${url}/${u2.id}`, {})).status).toBe(200);
    expect(ids((await t.request('GET', url)).body.list)).toEqual([u3.id]);
    expect((await t.request('PUT', url, { userIds: [] })).status).toBe(200);
    expect((await t.request('GET', url)).body.list).toEqual([]);
    expectError(await t.request('POST', `${url}/nobody`, {}), 400, 3, 'OWNER_NOT_FOUND');
    expectError(await t.request('GET', '/api/v1/apps/nope/owners'), 404, 5, 'APP_NOT_FOUND');
    const events = await t.db
      .selectFrom('system_log_events')
      .select('event')
      .where('target_id', '=', app.id)
      .execute();
    const text = events.map((e) => e.event).join();
    expect(text).toContain('owner.added');
    expect(text).toContain('owner.removed');
  });

  it('manages entitlement owners and resource owners on their published paths', async () => {
    const app = await createApp(t);
    const ent = await createEntitlement(t, app.id);
    const type = await createResourceType(t, app.id);
    const res = await createResource(t, app.id, type.id);
    const [u1, u2] = [await createUser(t), await createUser(t)];
    const e = `/api/v1/apps/${app.id}/entitlements/${ent.id}/owners`;
    expect((await t.request('POST', e, { userId: u1.id })).status).toBe(200);
    expect((await t.request('PUT', e, { userIds: [u1.id, u2.id] })).status).toBe(200);
    expect((await t.request('DELETE', `${e}/${u1.id}`, {})).status).toBe(200);
    expect(ids((await t.request('GET', e)).body.list)).toEqual([u2.id]);
    const r = `/api/v1/apps/${app.id}/resource_types/${type.id}/resource/${res.id}/owners`;
    expect((await t.request('POST', r, { userId: u1.id })).status).toBe(200);
    expect(ids((await t.request('GET', r)).body.list)).toEqual([u1.id]);
    expect((await t.request('DELETE', r, { userId: u1.id })).status).toBe(200);
    expect((await t.request('GET', r)).body.list).toEqual([]);
    const otherApp = await createApp(t);
    expectError(
      await t.request('GET', `/api/v1/apps/${otherApp.id}/entitlements/${ent.id}/owners`),
      404,
      5,
      'ENTITLEMENT_NOT_FOUND',
    );
  });

  it("lets an App Admin manage its own app's catalog and memberships, and nothing else", async () => {
    const admin = await createCaller(t, [ROLES.appAdmin]);
    const own = await createApp(t, { owners: [admin.user.id] });
    const other = await createApp(t);
    const member = await createUser(t);
    const as = { token: admin.token };

    const ent = await t.request('POST', `/api/v1/apps/${own.id}/entitlements`, { displayName: 'Ops' }, as);
    expect(ent.status).toBe(200);
    const entId = ent.body.appEntitlementView.appEntitlement.id;
    const added = await t.request(
      'POST',
      `/api/v1/apps/${own.id}/entitlements/${entId}/add-manual-user`,
      { userIds: [member.id] },
      as,
    );
    expect(added.status).toBe(200);
    await t.drainBulkActions();
    const grants = await t.db
      .selectFrom('grants')
      .selectAll()
      .where('app_entitlement_id', '=', entId)
      .execute();
    expect(grants).toHaveLength(1);
    const removed = await t.request(
      'DELETE',
      `/api/v1/apps/${own.id}/entitlements/${entId}/remove-membership`,
      { appUserId: grants[0]?.app_user_id },
      as,
    );
    expect(removed.status).toBe(200);
    expect(
      (
        await t.request(
          'POST',
          `/api/v1/apps/${own.id}/resource_types`,
          { displayName: 'T', resourceType: 'ROLE' },
          as,
        )
      ).status,
    ).toBe(200);

    expectError(
      await t.request('POST', `/api/v1/apps/${other.id}/entitlements`, { displayName: 'x' }, as),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(
      await t.request('POST', `/api/v1/apps/${own.id}`, { app: { displayName: 'mine' } }, as),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(await t.request('DELETE', `/api/v1/apps/${own.id}`, {}, as), 403, 7, 'PERMISSION_DENIED');
    expectError(
      await t.request('PUT', `/api/v1/apps/${own.id}/owners`, { userIds: [] }, as),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(
      await t.request('POST', '/roster/v1/users', { displayName: 'x', email: 'x@example.test' }, as),
      403,
      7,
      'PERMISSION_DENIED',
    );
    // An entitlement of another app reached through the owned app's path is unknown, not writable.
    const foreign = await createEntitlement(t, other.id);
    const sneaky = await t.request(
      'POST',
      `/api/v1/apps/${own.id}/entitlements/${foreign.id}/add-manual-user`,
      { userIds: [member.id] },
      as,
    );
    expectError(sneaky, 404, 5, 'ENTITLEMENT_NOT_FOUND');
  });

  it('lets an entitlement owner with App Admin manage that entitlement only', async () => {
    const admin = await createCaller(t, [ROLES.appAdmin]);
    const app = await createApp(t);
    const mine = await createEntitlement(t, app.id);
    const theirs = await createEntitlement(t, app.id);
    await t.request('POST', `/api/v1/apps/${app.id}/entitlements/${mine.id}/owners`, {
      userId: admin.user.id,
    });
    const member = await createUser(t);
    const base = `/api/v1/apps/${app.id}/entitlements`;
    expect(
      (
        await t.request(
          'POST',
          `${base}/${mine.id}/add-manual-user`,
          { userIds: [member.id] },
          { token: admin.token },
        )
      ).status,
    ).toBe(200);
    expectError(
      await t.request(
        'POST',
        `${base}/${theirs.id}/add-manual-user`,
        { userIds: [member.id] },
        { token: admin.token },
      ),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(
      await t.request('POST', base, { displayName: 'x' }, { token: admin.token }),
      403,
      7,
      'PERMISSION_DENIED',
    );
  });
});
