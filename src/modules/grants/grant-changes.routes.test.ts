import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const CHANGES = '/roster/v1/grants/changes';
const MEMBERS = 300;

/**
 * "What changed between D1 and D2" (issue 18, A6): one revocation and one expiry among hundreds of
 * grants are found at once, newest first, counted by kind, and filtered by kind and by person.
 */
describe.each(DIALECTS)('grant changes newest first with totals on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;
  let userIds: string[];
  let revokedUser: string;
  let expiringUser: string;
  let revokedAppUser: string;
  // Times after start-up's and within the admin token's lifetime.
  let T1: Date;
  let T2: Date;

  async function post(body: Record<string, unknown>) {
    const response = await t.request('POST', CHANGES, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }
  async function walk(body: Record<string, unknown>, pageSize = 100) {
    const list: any[] = [];
    let pageToken = '';
    do {
      const page = await post({ ...body, pageSize, pageToken });
      list.push(...page.list);
      pageToken = page.nextPageToken;
    } while (pageToken !== '');
    return list;
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    T1 = new Date(Math.ceil(t.clock.now().getTime() / 1000) * 1000 + 60_000);
    T2 = new Date(T1.getTime() + 600_000);
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: MEMBERS + 1 }, (_, i) => ({
        displayName: `C${i}`,
        email: `c${i}@example.test`,
      })),
    });
    expect(imported.status).toBe(200);
    userIds = imported.body.userIds;
    const base = `/api/v1/apps/${appId}/entitlements/${entitlementId}`;
    t.clock.set(T1);
    const added = await t.request('POST', `${base}/add-manual-user`, { userIds: userIds.slice(0, MEMBERS) });
    expect(added.status).toBe(200);
    expiringUser = userIds[MEMBERS] as string;
    const expiring = await t.request('POST', `${base}/add-manual-user`, {
      userIds: [expiringUser],
      grantDuration: '60s',
    });
    expect(expiring.status).toBe(200);
    await t.drainBulkActions();
    t.clock.set(T2);
    revokedUser = userIds[123] as string;
    const account = await t.request('POST', '/api/v1/search/app_users', { appId, userIds: [revokedUser] });
    revokedAppUser = account.body.list[0].appUser.id;
    const removed = await t.request('DELETE', `${base}/remove-membership`, { appUserId: revokedAppUser });
    expect(removed.status).toBe(200);
    t.clock.advance(60_000);
    expect(await t.container.expirySweeper.runOnce()).toBe(1);
  });

  afterAll(async () => {
    await t.close();
  });

  const refs = () => ({ appEntitlementRefs: [{ appId, id: entitlementId }] });

  it('counts every kind and lists newest first: the expiry and the revocation lead page 1', async () => {
    const first = await post({ ...refs(), pageSize: 10, expandMask: { paths: ['app_user_id'] } });
    expect(first.totals).toEqual({ granted: MEMBERS + 1, revoked: 1, expired: 1 });
    expect(first.list.slice(0, 3).map((c: any) => c.change.kind)).toEqual([
      'GRANT_CHANGE_KIND_EXPIRED',
      'GRANT_CHANGE_KIND_REVOKED',
      'GRANT_CHANGE_KIND_GRANTED',
    ]);
    expect(first.list[1].change).toMatchObject({
      appId,
      appEntitlementId: entitlementId,
      appUserId: revokedAppUser,
    });
    expect(first.list[1].appUserPath).not.toBe('');
    expect(first.nextPageToken).not.toBe('');

    // Every entry once, the official feed's entries in the reverse of its (ascending) order.
    const all = await walk(refs());
    expect(all).toHaveLength(MEMBERS + 3);
    const feed: any[] = [];
    let pageToken = '';
    do {
      const page = await t.request('POST', '/api/v1/grants/feed', { ...refs(), pageSize: 100, pageToken });
      feed.push(...page.body.list);
      pageToken = page.body.nextPageToken;
    } while (pageToken !== '');
    const key = (appUserId: string, date: string) => `${appUserId} ${date}`;
    expect(all.map((c) => key(c.change.appUserId, c.change.date))).toEqual(
      feed.map((f) => key(f.feed.appUserId, f.feed.date)).reverse(),
    );
    expect(feed[0].feed.eventType).toBe('GRANT_EVENT_TYPE_ADDED');
  });

  it('filters by kind (totals still count every kind), by person and by time', async () => {
    const revoked = await walk({ ...refs(), kinds: ['GRANT_CHANGE_KIND_REVOKED'] }, 2);
    expect(revoked.map((c) => c.change.appUserId)).toEqual([revokedAppUser]);
    const ended = await post({
      ...refs(),
      kinds: ['GRANT_CHANGE_KIND_REVOKED', 'GRANT_CHANGE_KIND_EXPIRED'],
    });
    expect(ended.list.map((c: any) => c.change.kind)).toEqual([
      'GRANT_CHANGE_KIND_EXPIRED',
      'GRANT_CHANGE_KIND_REVOKED',
    ]);
    expect(ended.totals).toEqual({ granted: MEMBERS + 1, revoked: 1, expired: 1 });

    const person = await post({ ...refs(), userRefs: [{ id: revokedUser }] });
    expect(person.list.map((c: any) => c.change.kind)).toEqual([
      'GRANT_CHANGE_KIND_REVOKED',
      'GRANT_CHANGE_KIND_GRANTED',
    ]);
    expect(person.totals).toEqual({ granted: 1, revoked: 1, expired: 0 });

    const sinceT2 = await post({ ...refs(), after: T2.toISOString() });
    expect(sinceT2.totals).toEqual({ granted: 0, revoked: 1, expired: 1 });
    expect(sinceT2.list).toHaveLength(2);
    const none = await post({ ...refs(), before: T1.toISOString() });
    expect(none).toMatchObject({
      list: [],
      nextPageToken: '',
      totals: { granted: 0, revoked: 0, expired: 0 },
    });
  });

  it('refuses an unknown kind, an inverted range and a token of another order', async () => {
    expectError(
      await t.request('POST', CHANGES, { kinds: ['GRANT_CHANGE_KIND_LOST'] }),
      400,
      3,
      'INVALID_REQUEST',
    );
    expectError(
      await t.request('POST', CHANGES, { after: T2.toISOString(), before: T1.toISOString() }),
      400,
      3,
      'INVALID_TIME_RANGE',
    );
    const feedPage = await t.request('POST', '/api/v1/grants/feed', { ...refs(), pageSize: 1 });
    expectError(
      await t.request('POST', CHANGES, { ...refs(), pageToken: feedPage.body.nextPageToken }),
      400,
      3,
      'PAGE_TOKEN_DIRECTION_MISMATCH',
    );
  });
});
