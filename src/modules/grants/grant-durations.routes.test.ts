import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkItems,
  createApp,
  createEntitlement,
  createUser,
  expectError,
  expectNotFound,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('grant durations on %s', (dialect) => {
  let t: TestApp;
  let appId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
  });
  afterAll(() => t.close());

  const base = (entitlementId: string) => `/api/v1/apps/${appId}/entitlements/${entitlementId}`;

  /** Adds users through add-manual-user (with `extra` body fields), runs the action, returns their app user IDs. */
  async function add(entitlementId: string, userIds: string[], extra: Record<string, unknown> = {}) {
    const response = await t.request('POST', `${base(entitlementId)}/add-manual-user`, { userIds, ...extra });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    await t.drainBulkActions();
    const appUsers = await t.db
      .selectFrom('app_users')
      .select(['id', 'identity_user_id'])
      .where('app_id', '=', appId)
      .where('identity_user_id', 'in', userIds)
      .execute();
    return { bulkActionId: response.body.bulkActionId as string, appUserIds: appUsers.map((a) => a.id) };
  }

  const grantsOf = (entitlementId: string, appUserId: string) =>
    t.db
      .selectFrom('grants')
      .selectAll()
      .where('app_entitlement_id', '=', entitlementId)
      .where('app_user_id', '=', appUserId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  const eventsOf = async (entitlementId: string, appUserId: string) =>
    (
      await t.db
        .selectFrom('grant_events')
        .select('event_type')
        .where('app_entitlement_id', '=', entitlementId)
        .where('app_user_id', '=', appUserId)
        .orderBy('occurred_at')
        .execute()
    ).map((e) => e.event_type);

  it('sets and removes a grant duration, answering the binding', async () => {
    const entitlement = await createEntitlement(t, appId);
    const user = await createUser(t);
    const [appUserId] = (await add(entitlement.id, [user.id])).appUserIds as [string];
    const url = `${base(entitlement.id)}/users/${appUserId}`;

    // An offset and nanoseconds are valid RFC 3339; Roster stores UTC with milliseconds.
    const target = new Date(t.clock.now().getTime() + 2 * HOUR);
    const withOffset = `${new Date(target.getTime() + 2 * HOUR).toISOString().slice(0, 19)}.123456789+02:00`;
    const updated = await t.request('POST', `${url}/update-grant-duration`, { newDeprovisionAt: withOffset });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const grant = (await grantsOf(entitlement.id, appUserId))[0] as { created_at: string; id: string };
    const expected = new Date(Math.floor(target.getTime() / 1000) * 1000 + 123).toISOString();
    expect(updated.body).toEqual({
      binding: {
        appId,
        appEntitlementId: entitlement.id,
        appUserId,
        createdAt: grant.created_at,
        deletedAt: null,
        deprovisionAt: expected,
        grantSources: [],
      },
    });
    expect((await grantsOf(entitlement.id, appUserId))[0]?.deprovision_at).toBe(expected);
    const users = await t.request('GET', `${base(entitlement.id)}/users`);
    expect(users.body.list[0].appEntitlementUserBindingDeprovisionAt).toBe(expected);
    const logged = await t.db
      .selectFrom('system_log_events')
      .select('activity')
      .where('target_id', '=', grant.id)
      .where('activity', '=', 'grant.updated')
      .execute();
    expect(logged).toHaveLength(1);

    const removed = await t.request('POST', `${url}/remove-grant-duration`, undefined, {
      headers: { 'content-type': 'application/json' },
      rawBody: '',
    });
    expect(removed.status).toBe(200);
    expect(removed.body.binding).toMatchObject({ appUserId, deprovisionAt: null, deletedAt: null });
    expect((await grantsOf(entitlement.id, appUserId))[0]?.deprovision_at).toBeNull();
  });

  it('refuses a time not in the future, a missing time, and unknown targets', async () => {
    const entitlement = await createEntitlement(t, appId);
    const user = await createUser(t);
    const [appUserId] = (await add(entitlement.id, [user.id])).appUserIds as [string];
    const url = `${base(entitlement.id)}/users/${appUserId}/update-grant-duration`;

    const past = await t.request('POST', url, { newDeprovisionAt: t.clock.now().toISOString() });
    expectError(past, 400, 3, 'DEPROVISION_AT_NOT_IN_FUTURE');
    expectError(await t.request('POST', url, {}), 400, 3, 'DEPROVISION_AT_REQUIRED');
    expectError(await t.request('POST', url, { newDeprovisionAt: 'tomorrow' }), 400, 3, 'INVALID_REQUEST');
    // Year 10000 (after the offset) would not sort as text with the rest: refused.
    const tooLate = await t.request('POST', url, { newDeprovisionAt: '9999-12-31T23:59:59-23:59' });
    expectError(tooLate, 400, 3, 'TIMESTAMP_OUT_OF_RANGE');
    expect((await grantsOf(entitlement.id, appUserId))[0]?.deprovision_at).toBeNull();

    const future = { newDeprovisionAt: new Date(t.clock.now().getTime() + HOUR).toISOString() };
    const unknown = '2AAAAAAAAAAAAAAAAAAAAAAAAAA';
    expectNotFound(
      await t.request('POST', `${base(entitlement.id)}/users/${unknown}/update-grant-duration`, future),
      'APP_USER_NOT_FOUND',
      unknown,
    );
    expectNotFound(
      await t.request('POST', `${base(unknown)}/users/${appUserId}/remove-grant-duration`, {}),
      'ENTITLEMENT_NOT_FOUND',
      unknown,
    );
    // A known app user without a grant of this entitlement.
    const other = await createEntitlement(t, appId);
    expectNotFound(
      await t.request('POST', `${base(other.id)}/users/${appUserId}/update-grant-duration`, future),
      'GRANT_NOT_FOUND',
      appUserId,
    );
  });

  it('stores an add request’s expiry on the bulk action and its grants, over the default duration', async () => {
    const entitlement = await createEntitlement(t, appId, { durationGrant: '86400s' });
    const [u1, u2, u3] = [await createUser(t), await createUser(t), await createUser(t)];
    const now = t.clock.now().getTime();

    const byDefault = await add(entitlement.id, [u1.id]);
    const at = new Date(now + 2 * HOUR).toISOString();
    const byTime = await add(entitlement.id, [u2.id], { deprovisionAt: at });
    const byDuration = await add(entitlement.id, [u3.id], { grantDuration: '600s' });

    const expiry = async (appUserIds: string[]) =>
      (await grantsOf(entitlement.id, appUserIds[0] as string))[0]?.deprovision_at;
    expect(await expiry(byDefault.appUserIds)).toBe(new Date(now + 24 * HOUR).toISOString());
    expect(await expiry(byTime.appUserIds)).toBe(at);
    expect(await expiry(byDuration.appUserIds)).toBe(new Date(now + 600_000).toISOString());
    const actions = await t.db
      .selectFrom('bulk_actions')
      .select(['id', 'deprovision_at'])
      .where('id', 'in', [byDefault.bulkActionId, byTime.bulkActionId])
      .execute();
    expect(Object.fromEntries(actions.map((a) => [a.id, a.deprovision_at]))).toEqual({
      [byDefault.bulkActionId]: null,
      [byTime.bulkActionId]: at,
    });
  });

  it('refuses an add whose expiry is past, malformed or given twice, and commits nothing', async () => {
    const entitlement = await createEntitlement(t, appId);
    const user = await createUser(t);
    const url = `${base(entitlement.id)}/add-manual-user`;
    const before = await t.db.selectFrom('bulk_actions').select('id').execute();
    const now = t.clock.now().toISOString();
    expectError(
      await t.request('POST', url, { userIds: [user.id], deprovisionAt: now }),
      400,
      3,
      'DEPROVISION_AT_NOT_IN_FUTURE',
    );
    expectError(
      await t.request('POST', url, { userIds: [user.id], grantDuration: '10 minutes' }),
      400,
      3,
      'INVALID_GRANT_DURATION',
    );
    expectError(
      await t.request('POST', url, { userIds: [user.id], grantDuration: '60s', deprovisionAt: now }),
      400,
      3,
      'CONFLICTING_GRANT_EXPIRY',
    );
    expect(await t.db.selectFrom('bulk_actions').select('id').execute()).toHaveLength(before.length);
  });

  it('stops reporting a grant the moment it expires; the sweeper then revokes it', async () => {
    const entitlement = await createEntitlement(t, appId);
    const [holder, keeper] = [await createUser(t), await createUser(t)];
    const { appUserIds } = await add(entitlement.id, [holder.id], { grantDuration: '60s' });
    const appUserId = appUserIds[0] as string;
    await add(entitlement.id, [keeper.id]);
    const held = async () => {
      const grants = await t.request('GET', `${base(entitlement.id)}/grants`);
      const users = await t.request('GET', `${base(entitlement.id)}/users`);
      const one = await t.request('GET', base(entitlement.id));
      expect(one.status).toBe(200);
      return {
        grants: grants.body.list.map((g: { appUserId: string }) => g.appUserId).includes(appUserId),
        users: users.body.list
          .map((u: { appUser: { appUser: { id: string } } }) => u.appUser.appUser.id)
          .includes(appUserId),
        count: one.body.appEntitlementView.appEntitlement.grantCount,
      };
    };
    expect(await held()).toEqual({ grants: true, users: true, count: '2' });

    t.clock.advance(59_999);
    expect(await held()).toEqual({ grants: true, users: true, count: '2' });
    t.clock.advance(1);
    expect(await held()).toEqual({ grants: false, users: false, count: '1' });
    const [unswept] = await grantsOf(entitlement.id, appUserId);
    expect(unswept?.deleted_at).toBeNull();

    t.clock.advance(5_000);
    expect(await t.container.expirySweeper.runOnce()).toBe(1);
    const [swept] = await grantsOf(entitlement.id, appUserId);
    expect(swept?.deleted_at).toBe(swept?.deprovision_at);
    expect(await eventsOf(entitlement.id, appUserId)).toEqual([
      'GRANT_EVENT_TYPE_ADDED',
      'GRANT_EVENT_TYPE_REMOVED',
    ]);
    // An expiry is grant history only: no actor, no request, and no system-log event (CONTRACT.md §7.11).
    const removal = await t.db
      .selectFrom('grant_events')
      .selectAll()
      .where('grant_id', '=', swept?.id as string)
      .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
      .executeTakeFirstOrThrow();
    expect(removal).toMatchObject({ actor_user_id: null, actor_client_id: null, request_id: null });
    const logged = await t.db
      .selectFrom('system_log_events')
      .select('id')
      .where('target_id', '=', swept?.id as string)
      .execute();
    expect(logged).toHaveLength(0);
    expect(await t.container.expirySweeper.runOnce()).toBe(0);
    expect(await held()).toEqual({ grants: false, users: false, count: '1' });
  });

  it('grants anew a user whose grant expired but was not swept yet', async () => {
    const entitlement = await createEntitlement(t, appId);
    const user = await createUser(t);
    const appUserId = (await add(entitlement.id, [user.id], { grantDuration: '60s' }))
      .appUserIds[0] as string;
    t.clock.advance(61_000);

    const again = await add(entitlement.id, [user.id]);
    const grants = await grantsOf(entitlement.id, appUserId);
    expect(grants).toHaveLength(2);
    expect(grants[0]?.deleted_at).toBe(grants[0]?.deprovision_at);
    expect(grants[1]).toMatchObject({ deleted_at: null, deprovision_at: null });
    // The expiry and the new grant are recorded in one batch, at the same instant.
    expect(await eventsOf(entitlement.id, appUserId)).toEqual([
      'GRANT_EVENT_TYPE_ADDED',
      expect.any(String),
      expect.any(String),
    ]);
    expect((await eventsOf(entitlement.id, appUserId)).sort()).toEqual([
      'GRANT_EVENT_TYPE_ADDED',
      'GRANT_EVENT_TYPE_ADDED',
      'GRANT_EVENT_TYPE_REMOVED',
    ]);
    const items = await bulkItems(t, again.bulkActionId);
    expect(items).toEqual([expect.objectContaining({ outcome: 'ADDED', appUserId })]);
    expect(await t.container.expirySweeper.runOnce()).toBe(0);
  });
});
