import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkItems,
  createApp,
  createEntitlement,
  createUser,
  expectError,
  insertGrant,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const TABLES = [
  'grants',
  'grant_events',
  'app_users',
  'bulk_actions',
  'bulk_action_chunks',
  'bulk_action_items',
  'system_log_events',
  'entitlement_member_sets',
] as const;

describe.each(DIALECTS)('set membership on %s', (dialect) => {
  let t: TestApp;
  let appId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { env: { ROSTER_MAX_ADD_USER_IDS: '10' } });
    appId = (await createApp(t)).id;
  });
  afterAll(() => t.close());

  const urls = (entitlementId: string) => {
    const base = `/api/v1/apps/${appId}/entitlements/${entitlementId}`;
    return {
      add: `${base}/add-manual-user`,
      members: `/roster/v1/apps/${appId}/entitlements/${entitlementId}/members`,
    };
  };

  async function add(entitlementId: string, userIds: string[], extra: Record<string, unknown> = {}) {
    const response = await t.request('POST', urls(entitlementId).add, { userIds, ...extra });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    await t.drainBulkActions();
  }

  async function read(entitlementId: string) {
    const response = await t.request('GET', urls(entitlementId).members);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
    return { ...response.body, etag: response.headers.etag as string };
  }

  const put = (entitlementId: string, userIds: string[], etag?: string, dryRun = false) =>
    t.request(
      'PUT',
      `${urls(entitlementId).members}${dryRun ? '?dryRun=true' : ''}`,
      { userIds },
      {
        headers: etag === undefined ? {} : { 'if-match': etag },
      },
    );

  const appUserOf = async (userId: string) =>
    (
      await t.db
        .selectFrom('app_users')
        .select('id')
        .where('app_id', '=', appId)
        .where('identity_user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).id;

  async function rowCounts() {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const { n } = await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(n);
    }
    return counts;
  }

  it('dry-runs the diff, refusals included, and writes nothing', async () => {
    const entitlement = await createEntitlement(t, appId);
    const [a, b, c] = [await createUser(t), await createUser(t), await createUser(t)];
    await add(entitlement.id, [a.id, b.id]);
    const unlinked = await insertGrant(t, appId, entitlement.id);
    const before = await read(entitlement.id);
    expect(before.userIds).toEqual([a.id, b.id].sort());
    expect(before.unlinkedAppUserIds).toEqual([unlinked.appUserId]);
    const counts = await rowCounts();

    const unknown = '2AAAAAAAAAAAAAAAAAAAAAAAAAA';
    const response = await put(entitlement.id, [b.id, c.id, c.id, 'not an id', unknown], undefined, true);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.headers.etag).toBe(before.etag);
    expect(response.body).toEqual({
      dryRun: true,
      bulkActionId: '',
      toAdd: [c.id],
      toRemove: expect.arrayContaining([await appUserOf(a.id), unlinked.appUserId]),
      failedUsersErrorMap: { 'not an id': 'invalid user id', [unknown]: 'user not found' },
      version: before.version,
    });
    expect(response.body.toRemove).toHaveLength(2);
    expect(await rowCounts()).toEqual(counts);
  });

  it('applies the diff as one SET_MEMBERS bulk action through the runner', async () => {
    const entitlement = await createEntitlement(t, appId);
    const [a, b, c] = [await createUser(t), await createUser(t), await createUser(t)];
    await add(entitlement.id, [a.id, b.id]);
    const aAppUser = await appUserOf(a.id);
    const { etag } = await read(entitlement.id);

    const response = await put(entitlement.id, [b.id, c.id], etag);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      dryRun: false,
      toAdd: [c.id],
      toRemove: [aAppUser],
      failedUsersErrorMap: {},
    });
    const { bulkActionId } = response.body;
    const pending = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', bulkActionId)
      .executeTakeFirstOrThrow();
    expect(pending).toMatchObject({ kind: 'SET_MEMBERS', state: 'BULK_ACTION_STATE_PENDING', total: 2 });
    expect(JSON.parse(pending.work)).toEqual([`add:${c.id}`, `remove:${aAppUser}`]);

    await t.drainBulkActions();
    expect((await read(entitlement.id)).userIds).toEqual([b.id, c.id].sort());
    const done = await t.request('GET', `/roster/v1/bulk_actions/${bulkActionId}`);
    expect(done.body.bulkAction).toMatchObject({
      state: 'BULK_ACTION_STATE_SUCCEEDED',
      processed: 2,
      succeeded: 2,
    });
    const items = await bulkItems(t, bulkActionId);
    expect(
      items
        .map((i) => ({ userId: i.userId, outcome: i.outcome }))
        .sort((x, y) => (x.outcome < y.outcome ? -1 : 1)),
    ).toEqual([
      { userId: c.id, outcome: 'ADDED' },
      { userId: aAppUser, outcome: 'REMOVED' },
    ]);
    // Outcomes are read from the grant history: no success is stored as an item.
    const stored = await t.db
      .selectFrom('bulk_action_items')
      .select('user_id')
      .where('bulk_action_id', '=', bulkActionId)
      .execute();
    expect(stored).toEqual([]);
    // A removal's outcome is one of the catalogue's, so the items can be filtered by it.
    const removedItems = await t.request(
      'GET',
      `/roster/v1/bulk_actions/${bulkActionId}/items?outcome=REMOVED`,
    );
    expect(removedItems.status, JSON.stringify(removedItems.body)).toBe(200);
    expect(removedItems.body.list).toMatchObject([{ userId: aAppUser, outcome: 'REMOVED' }]);
    const removed = await t.db
      .selectFrom('grant_events')
      .selectAll()
      .where('app_user_id', '=', aAppUser)
      .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
      .execute();
    expect(removed).toMatchObject([{ bulk_action_id: bulkActionId, app_entitlement_id: entitlement.id }]);
    const logged = await t.db
      .selectFrom('system_log_events')
      .select('activity')
      .where('bulk_action_id', '=', bulkActionId)
      .execute();
    expect(logged.map((l) => l.activity).sort()).toEqual([
      'bulk_action.created',
      'bulk_action.finished',
      'bulk_action.started',
    ]);
  });

  it('refuses the second of two edits based on one version, before or after the first is applied', async () => {
    const entitlement = await createEntitlement(t, appId);
    const [a, b] = [await createUser(t), await createUser(t)];
    const { etag } = await read(entitlement.id);

    expect((await put(entitlement.id, [a.id], etag)).status).toBe(200);
    const counts = await rowCounts();
    expectError(await put(entitlement.id, [b.id], etag), 412, 9, 'MEMBERSHIP_CHANGED');
    expect(await rowCounts()).toEqual(counts);
    await t.drainBulkActions();
    expectError(await put(entitlement.id, [b.id], etag), 412, 9, 'MEMBERSHIP_CHANGED');
    expectError(await put(entitlement.id, [b.id], etag, true), 412, 9, 'MEMBERSHIP_CHANGED');
    expect((await read(entitlement.id)).userIds).toEqual([a.id]);

    const fresh = await read(entitlement.id);
    expect(fresh.etag).not.toBe(etag);
    expect((await put(entitlement.id, [b.id], fresh.etag)).status).toBe(200);
    await t.drainBulkActions();
    expect((await read(entitlement.id)).userIds).toEqual([b.id]);
  });

  it('keeps the version when a set changes nothing, and moves it when a grant expires', async () => {
    const entitlement = await createEntitlement(t, appId);
    const [a, b] = [await createUser(t), await createUser(t)];
    await add(entitlement.id, [a.id]);
    await add(entitlement.id, [b.id], { grantDuration: '60s' });
    const first = await read(entitlement.id);
    expect((await put(entitlement.id, [a.id, b.id], first.etag)).body).toMatchObject({
      toAdd: [],
      toRemove: [],
    });
    expect((await read(entitlement.id)).etag).toBe(first.etag);

    t.clock.advance(60_000);
    const expired = await read(entitlement.id);
    expect(expired.userIds).toEqual([a.id]);
    expect(expired.etag).not.toBe(first.etag);
    expectError(await put(entitlement.id, [a.id, b.id], first.etag), 412, 9, 'MEMBERSHIP_CHANGED');
    // Sweeping records the expiry without changing the membership, so the version stays.
    expect(await t.container.expirySweeper.runOnce()).toBe(1);
    expect((await read(entitlement.id)).etag).toBe(expired.etag);
    // Setting the expired user back grants anew.
    expect((await put(entitlement.id, [a.id, b.id], expired.etag)).body.toAdd).toEqual([b.id]);
    await t.drainBulkActions();
    expect((await read(entitlement.id)).userIds).toEqual([a.id, b.id].sort());
  });

  it('requires If-Match, enforces the add limit, and answers 404 and 400 in the error format', async () => {
    const entitlement = await createEntitlement(t, appId);
    const user = await createUser(t);
    const counts = await rowCounts();
    expectError(await put(entitlement.id, [user.id]), 428, 9, 'IF_MATCH_REQUIRED');
    const many = Array.from({ length: 11 }, (_, i) => `user-${i}`);
    expectError(await put(entitlement.id, many, '*'), 400, 3, 'TOO_MANY_USER_IDS', { limit: '10' });
    const unknown = '2AAAAAAAAAAAAAAAAAAAAAAAAAA';
    expectError(await put(unknown, [user.id], '*'), 404, 5, 'ENTITLEMENT_NOT_FOUND');
    expectError(await t.request('GET', urls(unknown).members), 404, 5, 'ENTITLEMENT_NOT_FOUND');
    const noList = await t.request('PUT', urls(entitlement.id).members, {}, { headers: { 'if-match': '*' } });
    expectError(noList, 400, 3, 'INVALID_REQUEST');
    expect(await rowCounts()).toEqual(counts);
  });
});
