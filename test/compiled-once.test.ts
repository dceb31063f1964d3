import { DefaultQueryCompiler } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
    const appId = (await createApp(t)).id;
    const entitlementId = (await createEntitlement(t, appId)).id;
    // Members with identity users (add-manual-user), and one app user without (written directly).
    const userIds = [(await createUser(t)).id, (await createUser(t)).id, (await createUser(t)).id];
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
    routes = {
      entitlement: `/api/v1/apps/${appId}/entitlements/${entitlementId}`,
      members: `/api/v1/apps/${appId}/entitlements/${entitlementId}/users?page_size=100`,
      user: `/api/v1/users/${userId}`,
    };
  });
  afterAll(() => t.close());
  afterEach(() => vi.restoreAllMocks());

  // Each request a few seconds after the last, so the token check loads its principal afresh
  // (PRINCIPAL_CACHE_MS) and its queries are counted too.
  const get = (url: string) => {
    t.clock.advance(5_000);
    return t.request('GET', url);
  };

  it.each(['entitlement', 'members', 'user'])('GET %s: no query compiled after a warm-up', async (name) => {
    const url = routes[name] as string;
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
});
