import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
  createResource,
  createResourceType,
  createUser,
  expectError,
  expectNotFound,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

describe.each(DIALECTS)('grant search, history and feed on %s', (dialect) => {
  let t: TestApp;
  const w = {} as Record<string, any>;

  async function post(url: string, body: unknown) {
    const response = await t.request('POST', url, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  const sorted = (...values: string[]) => [...values].sort();
  const at = (iso: string) => t.clock.set(new Date(iso));
  async function add(app: any, entitlement: any, user: any) {
    await post(`/api/v1/apps/${app.id}/entitlements/${entitlement.id}/add-manual-user`, {
      userIds: [user.id],
    });
    await t.drainBulkActions();
  }
  async function remove(app: any, entitlement: any, appUserId: string) {
    const response = await t.request(
      'DELETE',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/remove-membership`,
      { appUserId },
    );
    expect(response.status).toBe(200);
  }
  const accountOf = async (app: any, user: any) =>
    (await post('/api/v1/search/app_users', { appId: app.id, userIds: [user.id] })).list[0].appUser
      .id as string;

  // Timeline: Feb 1 U1 gets E1; Feb 15 U2 gets E1; Feb 20 U1 gets F1 (app B); Mar 10 U1 loses E1.
  beforeAll(async () => {
    t = await startTestApp(dialect);
    w.A = await createApp(t);
    w.B = await createApp(t);
    w.T = await createResourceType(t, w.A.id);
    w.R = await createResource(t, w.A.id, w.T.id);
    w.E1 = await createEntitlement(t, w.A.id, { appResourceTypeId: w.T.id, appResourceId: w.R.id });
    w.E2 = await createEntitlement(t, w.A.id);
    w.F1 = await createEntitlement(t, w.B.id);
    w.U1 = await createUser(t);
    w.U2 = await createUser(t);
    w.U3 = await createUser(t);
    at('2026-02-01T09:00:00.000Z');
    await add(w.A, w.E1, w.U1);
    at('2026-02-15T09:00:00.000Z');
    await add(w.A, w.E1, w.U2);
    await add(w.A, w.E2, w.U2);
    at('2026-02-20T09:00:00.000Z');
    await add(w.B, w.F1, w.U1);
    w.AU1 = await accountOf(w.A, w.U1);
    w.AU2 = await accountOf(w.A, w.U2);
    w.BU1 = await accountOf(w.B, w.U1);
    at('2026-03-10T09:00:00.000Z');
    await remove(w.A, w.E1, w.AU1);
  });
  afterAll(() => t.close());

  it('searches live grants by each filter', async () => {
    const find = async (body: object) =>
      (await post('/api/v1/search/grants', body)).list
        .map(
          (g: any) => `${g.entitlement.appEntitlement.id}/${g.appEntitlementUserBinding.appUser.appUser.id}`,
        )
        .sort();
    const pair = (e: any, u: string) => `${e.id}/${u}`;
    expect(await find({})).toEqual(sorted(pair(w.E1, w.AU2), pair(w.E2, w.AU2), pair(w.F1, w.BU1)));
    expect(await find({ appIds: [w.B.id] })).toEqual([pair(w.F1, w.BU1)]);
    expect(await find({ appUserIds: [w.AU2] })).toEqual(sorted(pair(w.E1, w.AU2), pair(w.E2, w.AU2)));
    expect(await find({ entitlementRefs: [{ appId: w.A.id, id: w.E2.id }] })).toEqual([pair(w.E2, w.AU2)]);
    expect(await find({ entitlementRefs: [{ appId: w.B.id, id: w.E2.id }] })).toEqual([]);
    expect(await find({ resourceIds: [w.R.id] })).toEqual([pair(w.E1, w.AU2)]);
    expect(await find({ resourceTypeIds: [w.T.id] })).toEqual([pair(w.E1, w.AU2)]);
    expect(await find({ userId: w.U1.id })).toEqual([pair(w.F1, w.BU1)]);
    const one = await post('/api/v1/search/grants', { userId: w.U1.id, expandMask: { paths: ['app_id'] } });
    expect(one.list[0]).toMatchObject({
      entitlement: { appPath: '$.expanded[0]', appResourcePath: '' },
      appEntitlementUserBinding: {
        appUser: { appPath: '$.expanded[0]' },
        appEntitlementUserBindingCreatedAt: '2026-02-20T09:00:00.000Z',
        appEntitlementUserBindingDeprovisionAt: null,
      },
    });
    expect(one.expanded).toEqual([
      expect.objectContaining({ '@type': 'type.googleapis.com/c1.api.app.v1.App', id: w.B.id }),
    ]);
  });

  it('answers who had an entitlement on 1 March from past grants', async () => {
    const history = await post('/api/v1/search/past-grants', {
      appEntitlementRefs: [{ appId: w.A.id, id: w.E1.id }],
    });
    expect(history.list.map((h: any) => h.history)).toEqual(
      expect.arrayContaining([
        {
          appId: w.A.id,
          appEntitlementId: w.E1.id,
          appUserId: w.AU1,
          grantedAt: '2026-02-01T09:00:00.000Z',
          revokedAt: '2026-03-10T09:00:00.000Z',
        },
        {
          appId: w.A.id,
          appEntitlementId: w.E1.id,
          appUserId: w.AU2,
          grantedAt: '2026-02-15T09:00:00.000Z',
          revokedAt: null,
        },
      ]),
    );
    expect(history.list).toHaveLength(2);
    const heldOn = (day: string) =>
      history.list
        .filter(
          (h: any) =>
            h.history.grantedAt <= day && (h.history.revokedAt === null || h.history.revokedAt > day),
        )
        .map((h: any) => h.history.appUserId)
        .sort();
    expect(heldOn('2026-03-01T00:00:00.000Z')).toEqual(sorted(w.AU1, w.AU2));
    expect(heldOn('2026-03-15T00:00:00.000Z')).toEqual([w.AU2]);
    const find = async (body: object) => (await post('/api/v1/search/past-grants', body)).list.length;
    expect(await find({ appIds: [w.B.id] })).toBe(1);
    expect(await find({ appUserRefs: [{ appId: w.A.id, id: w.AU1 }] })).toBe(1);
    expect(await find({ appUserRefs: [{ appId: w.B.id, id: w.AU1 }] })).toBe(0);
    const expanded = await post('/api/v1/search/past-grants', {
      appUserRefs: [{ id: w.AU1 }],
      expandMask: { paths: ['*'] },
    });
    expect(expanded.list[0]).toMatchObject({
      appPath: '$.expanded[0]',
      appUserPath: '$.expanded[1]',
      entitlementPath: '$.expanded[2]',
    });
    expect(expanded.expanded.map((e: any) => e['@type'])).toEqual([
      'type.googleapis.com/c1.api.app.v1.App',
      'type.googleapis.com/c1.api.app.v1.AppUser',
      'type.googleapis.com/c1.api.app.v1.AppEntitlement',
    ]);
  });

  it('feeds ADDED and REMOVED events between after and before, oldest first', async () => {
    const feed = async (body: object) =>
      (await post('/api/v1/grants/feed', body)).list.map(
        (v: any) => `${v.feed.eventType.replace('GRANT_EVENT_TYPE_', '')} ${v.feed.appUserId} ${v.feed.date}`,
      );
    const all = await feed({});
    expect(all).toHaveLength(5);
    expect(all[0]).toBe(`ADDED ${w.AU1} 2026-02-01T09:00:00.000Z`);
    expect(all[4]).toBe(`REMOVED ${w.AU1} 2026-03-10T09:00:00.000Z`);
    expect(await feed({ after: '2026-02-10T00:00:00Z', before: '2026-02-20T09:00:00Z' })).toHaveLength(2);
    // `after` is inclusive, `before` exclusive: consecutive windows tile.
    expect(await feed({ after: '2026-02-20T09:00:00Z', before: '2026-03-10T09:00:00.000Z' })).toEqual([
      `ADDED ${w.BU1} 2026-02-20T09:00:00.000Z`,
    ]);
    expect(await feed({ after: '2026-03-10T10:00:00+01:00' })).toEqual([
      `REMOVED ${w.AU1} 2026-03-10T09:00:00.000Z`,
    ]);
    expect(await feed({ appRefs: [{ id: w.B.id }] })).toHaveLength(1);
    expect(await feed({ appEntitlementRefs: [{ appId: w.A.id, id: w.E1.id }] })).toHaveLength(3);
    expect(await feed({ appUserRefs: [{ appId: w.A.id, id: w.AU1 }] })).toHaveLength(2);
    expect(await feed({ userRefs: [{ id: w.U1.id }] })).toHaveLength(3);
    expect(await feed({ userRefs: [{ id: w.U3.id }] })).toEqual([]);
    const view = await post('/api/v1/grants/feed', {
      appRefs: [{ id: w.B.id }],
      expandMask: { paths: ['app_entitlement_id'] },
    });
    expect(view.list[0]).toMatchObject({
      feed: { ticketId: '', appEntitlementId: w.F1.id },
      appPath: '',
      entitlementPath: '$.expanded[0]',
      ticketPath: '',
    });
    expect(view.expanded[0]).toMatchObject({ id: w.F1.id, grantCount: '1' });
    expectError(
      await t.request('POST', '/api/v1/grants/feed', {
        after: '2026-03-02T00:00:00Z',
        before: '2026-03-01T00:00:00Z',
      }),
      400,
      3,
      'INVALID_TIME_RANGE',
    );
    expectError(
      await t.request('POST', '/api/v1/grants/feed', { after: 'yesterday' }),
      400,
      3,
      'INVALID_REQUEST',
    );
    expectError(
      await t.request('POST', '/api/v1/grants/feed', { pageToken: 'k1.abc' }),
      400,
      3,
      'INVALID_PAGE_TOKEN',
    );
  });

  it("lists an identity user's accounts with the grant where one exists", async () => {
    // A second, ungranted account of U2 in app A.
    const now = t.clock.now().toISOString();
    await t.db
      .insertInto('app_users')
      .values({
        id: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZ',
        app_id: w.A.id,
        identity_user_id: w.U2.id,
        display_name: 'second',
        email: '',
        username: '',
        app_user_type: 'APP_USER_TYPE_USER',
        status: 'STATUS_ENABLED',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    const url = (user: string) => `/api/v1/apps/${w.A.id}/entitlements/${w.E1.id}/users/${user}/grants`;
    const response = await t.request('GET', url(w.U2.id));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      bindings: [
        {
          appId: w.A.id,
          appEntitlementId: w.E1.id,
          appUserId: w.AU2,
          createdAt: '2026-02-15T09:00:00.000Z',
          deletedAt: null,
          deprovisionAt: null,
          grantSources: [],
        },
        {
          appId: w.A.id,
          appEntitlementId: '',
          appUserId: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZ',
          createdAt: null,
          deletedAt: null,
          deprovisionAt: null,
          grantSources: [],
        },
      ],
    });
    // U1's grant was revoked: the account is listed without grant fields.
    expect((await t.request('GET', url(w.U1.id))).body.bindings).toEqual([
      {
        appId: w.A.id,
        appEntitlementId: '',
        appUserId: w.AU1,
        createdAt: null,
        deletedAt: null,
        deprovisionAt: null,
        grantSources: [],
      },
    ]);
    expect((await t.request('GET', url(w.U3.id))).body).toEqual({ bindings: [] });
    expectNotFound(await t.request('GET', url('ghost')), 'USER_NOT_FOUND', 'ghost');
    expectNotFound(
      await t.request('GET', `/api/v1/apps/${w.B.id}/entitlements/${w.E1.id}/users/${w.U1.id}/grants`),
      'ENTITLEMENT_NOT_FOUND',
      w.E1.id,
    );
  });
});
