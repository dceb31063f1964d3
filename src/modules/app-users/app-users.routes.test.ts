import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
  createUser,
  expectError,
  expectNotFound,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

describe.each(DIALECTS)('app users on %s', (dialect) => {
  let t: TestApp;
  const w = {} as Record<string, any>;

  async function post(url: string, body: unknown) {
    const response = await t.request('POST', url, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  const accountIds = (body: any) => body.list.map((v: any) => v.appUser.id).sort();
  const sorted = (...values: string[]) => [...values].sort();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    w.A = await createApp(t);
    w.B = await createApp(t);
    w.U1 = await createUser(t, { displayName: 'Ada Lovelace' });
    w.U2 = await createUser(t, { displayName: 'Grace Hopper' });
    w.U3 = await createUser(t);
    const EA = await createEntitlement(t, w.A.id);
    const EB = await createEntitlement(t, w.B.id);
    await post(`/api/v1/apps/${w.A.id}/entitlements/${EA.id}/add-manual-user`, {
      userIds: [w.U1.id, w.U2.id],
    });
    await post(`/api/v1/apps/${w.B.id}/entitlements/${EB.id}/add-manual-user`, { userIds: [w.U1.id] });
    await t.drainBulkActions();
    const rows = await t.db.selectFrom('app_users').selectAll().execute();
    const find = (app: any, user: any) =>
      rows.find((r) => r.app_id === app.id && r.identity_user_id === user.id)?.id;
    w.A1 = find(w.A, w.U1);
    w.A2 = find(w.A, w.U2);
    w.B1 = find(w.B, w.U1);
    await t.db
      .updateTable('app_users')
      .set({ app_user_type: 'APP_USER_TYPE_SERVICE_ACCOUNT' })
      .where('id', '=', w.A2)
      .execute();
  });
  afterAll(() => t.close());

  it('lists the accounts of an app and of an identity user in an app', async () => {
    const all = await t.request('GET', `/api/v1/apps/${w.A.id}/app_users`);
    expect(all.status).toBe(200);
    expect(accountIds(all.body)).toEqual(sorted(w.A1, w.A2));
    expect(all.body).toMatchObject({ nextPageToken: '', expanded: [] });
    expect(all.body.list[0]).toMatchObject({ appPath: '', identityUserPath: '', lastUsagePath: '' });
    const mine = await t.request('GET', `/api/v1/apps/${w.A.id}/users/${w.U1.id}/app_users`);
    expect(accountIds(mine.body)).toEqual([w.A1]);
    const none = await t.request('GET', `/api/v1/apps/${w.A.id}/users/${w.U3.id}/app_users`);
    expect(none.body).toEqual({ list: [], nextPageToken: '', expanded: [] });
    expectNotFound(
      await t.request('GET', `/api/v1/apps/${w.A.id}x/app_users`),
      'APP_NOT_FOUND',
      `${w.A.id}x`,
    );
    expectNotFound(
      await t.request('GET', `/api/v1/apps/${w.A.id}/users/nobody/app_users`),
      'USER_NOT_FOUND',
      'nobody',
    );
  });

  it('searches accounts by each filter', async () => {
    const find = async (body: object) => accountIds(await post('/api/v1/search/app_users', body));
    expect(await find({ appId: w.A.id })).toEqual(sorted(w.A1, w.A2));
    expect(await find({ query: 'LOVELACE' })).toEqual(sorted(w.A1, w.B1));
    expect(
      await find({
        refs: [
          { appId: w.B.id, id: w.B1 },
          { appId: w.B.id, id: w.A1 },
        ],
      }),
    ).toEqual([w.B1]);
    expect(await find({ appUserIds: [w.A1, w.A2], excludeAppUserIds: [w.A2] })).toEqual([w.A1]);
    expect(await find({ userIds: [w.U1.id] })).toEqual(sorted(w.A1, w.B1));
    expect(await find({ appUserTypes: ['APP_USER_TYPE_SERVICE_ACCOUNT'] })).toEqual([w.A2]);
    expect(await find({ appId: w.A.id, appUserStatuses: ['STATUS_ENABLED'] })).toEqual(sorted(w.A1, w.A2));
    expect(await find({ appId: w.A.id, appUserStatuses: ['STATUS_DISABLED'] })).toEqual([]);
    // Roster keeps no status details, and every account is trusted.
    expect(await find({ appId: w.A.id, appUserStatusDetails: ['locked'] })).toEqual([]);
    expect(await find({ appId: w.A.id, appUserDomains: ['APP_USER_DOMAIN_EXTERNAL'] })).toEqual([]);
    expect(await find({ appId: w.A.id, appUserDomains: ['APP_USER_DOMAIN_TRUSTED'] })).toEqual(
      sorted(w.A1, w.A2),
    );
  });

  it('expands the app and the identity user of each account, once each', async () => {
    const body = await post('/api/v1/search/app_users', { userIds: [w.U1.id], expandMask: { paths: ['*'] } });
    expect(body.list).toHaveLength(2);
    const types = body.expanded.map((e: any) => e['@type']);
    expect(types.filter((t: string) => t === 'type.googleapis.com/c1.api.user.v1.User')).toHaveLength(1);
    expect(types.filter((t: string) => t === 'type.googleapis.com/c1.api.app.v1.App')).toHaveLength(2);
    for (const view of body.list) {
      const at = (path: string) => body.expanded[Number(path.match(/^\$\.expanded\[(\d+)\]$/)?.[1])];
      expect(at(view.appPath)).toMatchObject({ id: view.appUser.appId });
      expect(at(view.identityUserPath)).toMatchObject({ id: w.U1.id, displayName: 'Ada Lovelace' });
      expect(view.lastUsagePath).toBe('');
    }
    const onlyUser = await post('/api/v1/search/app_users', {
      appUserIds: [w.A1],
      expandMask: { paths: ['identity_user_id'] },
    });
    expect(onlyUser.list[0]).toMatchObject({ appPath: '', identityUserPath: '$.expanded[0]' });
    expect(onlyUser.expanded).toHaveLength(1);
  });

  it('re-links an account to another person and changes its type, with a system-log event', async () => {
    const url = `/api/v1/apps/${w.A.id}/app_users/${w.A1}`;
    t.clock.advance(1_000);
    const response = await t.request('POST', url, {
      appUser: { identityUserId: w.U3.id, displayName: 'ignored' },
      updateMask: 'identityUserId',
      expandMask: { paths: ['identity_user_id'] },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.appUserView.appUser).toMatchObject({ id: w.A1, identityUserId: w.U3.id });
    expect(response.body.expanded).toEqual([expect.objectContaining({ id: w.U3.id })]);
    const row = await t.db
      .selectFrom('app_users')
      .selectAll()
      .where('id', '=', w.A1)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      identity_user_id: w.U3.id,
      app_user_type: 'APP_USER_TYPE_USER',
      display_name: 'Ada Lovelace',
    });
    const updated = () =>
      t.db
        .selectFrom('system_log_events')
        .selectAll()
        .where('target_id', '=', w.A1)
        .where('activity', '=', 'app_user.updated')
        .execute();
    const events = await updated();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ activity: 'app_user.updated', target_type: 'app_user' });
    expect(JSON.parse(events[0]?.event ?? '{}').unmapped).toMatchObject({
      fields: ['identityUserId'],
      previousIdentityUserId: w.U1.id,
      identityUserId: w.U3.id,
    });
    // The account's grants follow it: U3 now reaches the entitlement through A1.
    expect(accountIds(await post('/api/v1/search/app_users', { userIds: [w.U3.id] }))).toEqual([w.A1]);

    // Without a mask, every writable field present; a read-only one in the mask is skipped.
    const typed = await t.request('POST', url, {
      appUser: { appUserType: 'APP_USER_TYPE_SYSTEM_ACCOUNT', email: 'x@y.z' },
    });
    expect(typed.body.appUserView.appUser).toMatchObject({
      appUserType: 'APP_USER_TYPE_SYSTEM_ACCOUNT',
      email: w.U1.email,
    });
    const noop = await t.request('POST', url, { appUser: { email: 'x@y.z' }, updateMask: 'email' });
    expect(noop.status).toBe(200);
    expect(await updated()).toHaveLength(2);
  });

  it('refuses unknown accounts, unknown or deleted users and bad masks', async () => {
    const url = `/api/v1/apps/${w.A.id}/app_users/${w.A2}`;
    expectNotFound(
      await t.request('POST', `/api/v1/apps/${w.B.id}/app_users/${w.A2}`, {}),
      'APP_USER_NOT_FOUND',
      w.A2,
    );
    expectNotFound(
      await t.request('POST', url, { appUser: { identityUserId: 'ghost' }, updateMask: 'identityUserId' }),
      'USER_NOT_FOUND',
      'ghost',
    );
    await t.db
      .updateTable('users')
      .set({ deleted_at: t.clock.now().toISOString() })
      .where('id', '=', w.U2.id)
      .execute();
    expectError(
      await t.request('POST', `/api/v1/apps/${w.B.id}/app_users/${w.B1}`, {
        appUser: { identityUserId: w.U2.id },
      }),
      400,
      3,
      'USER_DELETED',
    );
    expectError(await t.request('POST', url, { updateMask: 'nickname' }), 400, 3, 'INVALID_UPDATE_MASK');
    expectError(
      await t.request('POST', url, { appUser: { appUserType: 'ROBOT' } }),
      400,
      3,
      'INVALID_REQUEST',
    );
    // A masked field left out of the body is cleared: the account is unlinked.
    const unlinked = await t.request('POST', url, { updateMask: 'identity_user_id' });
    expect(unlinked.body.appUserView.appUser.identityUserId).toBe('');
  });
});
