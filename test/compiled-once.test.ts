import { DefaultQueryCompiler, DefaultQueryExecutor } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodePageToken } from '../src/http/pagination.js';
import { createApp, createEntitlement, createUser, insertGrant } from './fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from './harness.js';

/**
 * The read paths that carry most traffic build and compile each query once per shape and then
 * only bind values: building and compiling a Kysely query costs more JavaScript than running a
 * small one. Every query Kysely compiles passes through its query compiler's compileQuery, so
 * counting those calls across repeated requests counts the queries built per request.
 */
describe.each(DIALECTS)('queries of the hot read paths are compiled once, on %s', (dialect) => {
  let t: TestApp;
  let routes: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // Members with identity users (add-manual-user), and one app user without (written directly).
    const userIds = [(await createUser(t)).id, (await createUser(t)).id, (await createUser(t)).id];
    const appId = (await createApp(t, { owners: userIds.slice(0, 2) })).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    const added = await t.request(
      'POST',
      `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`,
      {
        userIds,
      },
    );
    expect(added.status).toBe(200);
    await t.drainBulkActions();
    await insertGrant(t, appId, entitlementId);
    const userId = userIds[0] as string;
    const members = await t.request('GET', `/api/v1/apps/${appId}/entitlements/${entitlementId}/users`);
    expect(members.body.list).toHaveLength(4);
    // Three of the four members: a list the query is compiled for padded to four values.
    const some = `app_user_ids=${members.body.list
      .slice(1)
      .map((m: { appUser: { appUser: { id: string } } }) => m.appUser.appUser.id)
      .join(',')}`;
    // A token after no ID: every row, read by the query of the pages after the first.
    const after = `page_size=100&page_token=${encodePageToken('0')}`;
    // Also Roster's members page (all members, or those of some app users, as the console's search
    // asks), an app with its owners, a page of an app's entitlements and a page of users.
    const rosterMembers = `/roster/v1/apps/${appId}/entitlements/${entitlementId}/users`;
    routes = {
      entitlement: `/api/v1/apps/${appId}/entitlements/${entitlementId}`,
      members: `/api/v1/apps/${appId}/entitlements/${entitlementId}/users?page_size=100`,
      user: `/api/v1/users/${userId}`,
      'roster members': `${rosterMembers}?page_size=100`,
      'roster members after an ID': `${rosterMembers}?${after}`,
      'roster members of some app users': `${rosterMembers}?page_size=100&${some}`,
      'roster members of some app users after an ID': `${rosterMembers}?${after}&${some}`,
      app: `/api/v1/apps/${appId}`,
      entitlements: `/api/v1/apps/${appId}/entitlements?page_size=100`,
      'entitlements after an ID': `/api/v1/apps/${appId}/entitlements?${after}`,
      users: '/api/v1/users?page_size=100',
      'users after an ID': `/api/v1/users?${after}`,
    };
    const someMembers = await t.request('GET', routes['roster members of some app users'] as string);
    expect(someMembers.body.list).toHaveLength(3);
    expect((await t.request('GET', routes.app as string)).body.app.appOwners).toHaveLength(2);
  });
  afterAll(() => t.close());
  afterEach(() => vi.restoreAllMocks());

  // Each request a few seconds after the last, so the token check loads its principal afresh
  // (PRINCIPAL_CACHE_MS) and its queries are counted too. Each route's requests carry a token issued
  // for them: the default admin token would be re-issued (and its queries counted) once the clock
  // has moved past half its lifetime.
  let token = '';
  const get = (url: string) => {
    t.clock.advance(5_000);
    return t.request('GET', url, undefined, { token });
  };

  it.each([
    'entitlement',
    'members',
    'user',
    'roster members',
    'roster members after an ID',
    'roster members of some app users',
    'roster members of some app users after an ID',
    'app',
    'entitlements',
    'entitlements after an ID',
    'users',
    'users after an ID',
  ])('GET %s: no query compiled after a warm-up', async (name) => {
    const url = routes[name] as string;
    token = await t.issueAdminToken();
    const warm = await get(url);
    expect(warm.status).toBe(200);
    const compiled: string[] = [];
    const original = DefaultQueryCompiler.prototype.compileQuery;
    vi.spyOn(DefaultQueryCompiler.prototype, 'compileQuery').mockImplementation(function (
      this: DefaultQueryCompiler,
      ...args
    ) {
      const query = original.apply(this, args);
      compiled.push(query.sql);
      return query;
    });
    for (let i = 0; i < 100; i++) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(warm.body);
    }
    expect([...new Set(compiled)]).toEqual([]);
    expect(compiled).toHaveLength(0);
  });

  // Queries run per request once the token's principal is cached: an entitlement is one round trip
  // on PostgreSQL (its app is read only when the entitlement is not found), a page of members two
  // (the entitlement, then the page), a user one.
  it.each([
    ['entitlement', 1],
    ['members', 2],
    ['user', 1],
  ])('GET %s: queries run per request: %i', async (name, perRequest) => {
    const url = routes[name] as string;
    token = await t.issueAdminToken();
    expect((await t.request('GET', url, undefined, { token })).status).toBe(200);
    const executed = vi.spyOn(DefaultQueryExecutor.prototype, 'executeQuery');
    for (let i = 0; i < 10; i++) {
      expect((await t.request('GET', url, undefined, { token })).status).toBe(200);
    }
    expect(executed).toHaveBeenCalledTimes(10 * perRequest);
  });
});
