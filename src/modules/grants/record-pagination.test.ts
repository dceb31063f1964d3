import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, walkPages } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const USERS = 3_000;

/**
 * Keyset pages over a few thousand rows (CONTRACT.md §7.8): walking every page of each search
 * returns every row exactly once, in the order served. The searches offer no sort direction; the
 * feed is ordered by (date, ID), the others by ID.
 */
describe.each(DIALECTS)('record pagination on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;
  let userIds: string[];

  async function walkSearch(url: string, body: object, pageSize: number): Promise<any[]> {
    const items: any[] = [];
    let pageToken = '';
    for (let pages = 0; pages < 1_000; pages++) {
      const response = await t.request('POST', url, { ...body, pageSize, pageToken });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      items.push(...response.body.list);
      pageToken = response.body.nextPageToken;
      if (pageToken === '') return items;
      expect(response.body.list).toHaveLength(pageSize);
    }
    throw new Error(`${url} never reached its last page`);
  }
  const expectAscendingUnique = (keys: string[]) => {
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([...keys].sort());
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: USERS }, (_, i) => ({
        displayName: `Walker ${i}`,
        email: `walker${i}@example.com`,
      })),
    });
    expect(imported.status).toBe(200);
    userIds = imported.body.userIds;
    // Three batches a minute apart, so the feed holds several instants with many events each.
    for (let i = 0; i < 3; i++) {
      const batch = userIds.slice((i * USERS) / 3, ((i + 1) * USERS) / 3);
      const added = await t.request(
        'POST',
        `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
        {
          userIds: batch,
        },
      );
      expect(added.status).toBe(200);
      await t.drainBulkActions();
      t.clock.advance(60_000);
    }
  });
  afterAll(() => t.close());

  it('walks live grants and past grants', async () => {
    const grants = await walkSearch('/api/v1/search/grants', { appIds: [appId] }, 100);
    expect(grants).toHaveLength(USERS);
    const accounts = grants.map((g) => g.appEntitlementUserBinding.appUser.appUser.id);
    expect(new Set(accounts).size).toBe(USERS);
    const past = await walkSearch(
      '/api/v1/search/past-grants',
      { appEntitlementRefs: [{ appId, id: entitlementId }] },
      99,
    );
    expect(past).toHaveLength(USERS);
    expect(new Set(past.map((h) => h.history.appUserId))).toEqual(new Set(accounts));
  });

  it('walks the grant feed in (date, ID) order', async () => {
    const events = await walkSearch('/api/v1/grants/feed', { appRefs: [{ id: appId }] }, 100);
    expect(events).toHaveLength(USERS);
    const dates = events.map((e) => e.feed.date as string);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(events.map((e) => e.feed.appUserId)).size).toBe(USERS);
    expect(new Set(events.map((e) => e.feed.date)).size).toBe(3);
    const window = await walkSearch(
      '/api/v1/grants/feed',
      { after: events[USERS / 3]?.feed.date, before: events[(2 * USERS) / 3]?.feed.date },
      100,
    );
    expect(window).toHaveLength(USERS / 3);
  });

  it('walks app users, by search and by list, and users by search', async () => {
    const searched = await walkSearch('/api/v1/search/app_users', { appId }, 100);
    expect(searched).toHaveLength(USERS);
    expectAscendingUnique(searched.map((v) => v.appUser.id));
    const listed = await walkPages(t, `/api/v1/apps/${appId}/app_users`, 100);
    expect(listed.map((v: any) => v.appUser.id)).toEqual(searched.map((v) => v.appUser.id));
    const users = await walkSearch('/api/v1/search/users', { query: 'WALKER' }, 100);
    expect(users).toHaveLength(USERS);
    expectAscendingUnique(users.map((v) => v.user.id));
    expect(new Set(users.map((v) => v.user.id))).toEqual(new Set(userIds));
  });
});
