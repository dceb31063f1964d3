import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

describe.each(DIALECTS)('entitlement members on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;
  let base: string;
  const userIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    base = `/api/v1/apps/${appId}/entitlements/${entitlementId}`;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 35 }, (_, i) => ({
        displayName: `Member ${i}`,
        email: `member${i}@example.com`,
      })),
    });
    expect(imported.status).toBe(200);
    userIds.push(...imported.body.userIds);
    const added = await t.request('POST', `${base}/add-manual-user`, { userIds });
    expect(added.status).toBe(200);
    await t.drainBulkActions();
  });
  afterAll(() => t.close());

  async function walk(path: string, pageSize: number) {
    const seen: any[] = [];
    let token = '';
    let pages = 0;
    do {
      const query = `?page_size=${pageSize}${token ? `&page_token=${encodeURIComponent(token)}` : ''}`;
      const page = await t.request('GET', `${base}/${path}${query}`);
      expect(page.status).toBe(200);
      expect(typeof page.body.nextPageToken).toBe('string');
      seen.push(...page.body.list);
      token = page.body.nextPageToken;
      pages++;
    } while (token !== '');
    return { seen, pages };
  }

  it('lists grants page by page, each once, with the app user and identity user', async () => {
    const { seen, pages } = await walk('grants', 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(35);
    expect(new Set(seen.map((g) => g.appUserId)).size).toBe(35);
    expect(new Set(seen.map((g) => g.user.id))).toEqual(new Set(userIds));
    for (const g of seen) {
      expect(g).toMatchObject({
        appId,
        appEntitlementId: entitlementId,
        appUser: { appId, id: g.appUserId },
      });
      expect(g.discovered).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });

  it('lists users as AppEntitlementUserViews, page size clamped to 10..100', async () => {
    const { seen, pages } = await walk('users', 1);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(35);
    expect(seen[0]).toMatchObject({
      appUser: { appUser: { appId }, appPath: '' },
      appEntitlementUserBindingCreatedAt: expect.any(String),
      appEntitlementUserBindingDeprovisionAt: null,
    });
    const all = await t.request('GET', `${base}/users?page_size=500`);
    expect(all.body.list).toHaveLength(35);
    expect(all.body.nextPageToken).toBe('');
  });

  it('refuses a page token it did not issue', async () => {
    const response = await t.request('GET', `${base}/grants?page_token=garbage`);
    expect(response.status).toBe(400);
    expect(response.body.details[0].reason).toBe('INVALID_PAGE_TOKEN');
  });

  it('removes a membership with a REMOVED event, idempotently', async () => {
    const appUser = await t.db
      .selectFrom('app_users')
      .selectAll()
      .where('app_id', '=', appId)
      .where('identity_user_id', '=', userIds[0] as string)
      .executeTakeFirstOrThrow();
    const first = await t.request('DELETE', `${base}/remove-membership`, { appUserId: appUser.id });
    expect(first).toMatchObject({ status: 200, body: { revokeTaskId: '' } });
    const grant = await t.db
      .selectFrom('grants')
      .selectAll()
      .where('app_entitlement_id', '=', entitlementId)
      .where('app_user_id', '=', appUser.id)
      .executeTakeFirstOrThrow();
    expect(grant.deleted_at).not.toBeNull();
    const removedEvents = () =>
      t.db
        .selectFrom('grant_events')
        .selectAll()
        .where('app_user_id', '=', appUser.id)
        .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
        .execute();
    expect(await removedEvents()).toHaveLength(1);
    const logged = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('activity', '=', 'grant.removed')
      .where('target_id', '=', grant.id)
      .execute();
    expect(logged).toHaveLength(1);

    const again = await t.request('DELETE', `${base}/remove-membership`, { appUserId: appUser.id });
    expect(again.status).toBe(200);
    expect(await removedEvents()).toHaveLength(1);
    const remaining = await t.request('GET', `${base}/grants?page_size=100`);
    expect(remaining.body.list).toHaveLength(34);

    // Adding the user back creates a new grant; the revoked one stays as history.
    await t.request('POST', `${base}/add-manual-user`, { userIds: [userIds[0]] });
    await t.drainBulkActions();
    const history = await t.db
      .selectFrom('grants')
      .select('deleted_at')
      .where('app_user_id', '=', appUser.id)
      .execute();
    expect(history.map((g) => g.deleted_at === null).sort()).toEqual([false, true]);
  });

  it('answers 404 for an unknown app user or entitlement and 400 without appUserId', async () => {
    const unknownUser = await t.request('DELETE', `${base}/remove-membership`, {
      appUserId: '2AAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body.code).toBe(5);
    const unknownEntitlement = await t.request(
      'DELETE',
      `/api/v1/apps/${appId}/entitlements/2AAAAAAAAAAAAAAAAAAAAAAAAAA/remove-membership`,
      { appUserId: 'x' },
    );
    expect(unknownEntitlement.status).toBe(404);
    const missing = await t.request('DELETE', `${base}/remove-membership`, undefined, {
      headers: { 'content-type': 'application/json' },
      rawBody: '',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe(3);
  });

  it('keeps an app user of another identity out of the grant it did not get', async () => {
    const outsider = await createUser(t);
    const response = await t.request('GET', `${base}/grants?page_size=100`);
    expect(response.body.list.some((g: any) => g.user?.id === outsider.id)).toBe(false);
  });
});
