import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createEntitlement,
  createUser,
  expectError,
  expectNotFound,
  walkPages,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { STRING_LIMITS } from '../../http/strings.js';

const TABLES = [
  'bulk_actions',
  'bulk_action_chunks',
  'bulk_action_items',
  'grants',
  'grant_events',
  'app_users',
  'system_log_events',
  'idempotency_keys',
] as const;

describe.each(DIALECTS)('steering bulk actions on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;
  let addUrl: string;
  let userIds: string[];

  beforeAll(async () => {
    t = await startTestApp(dialect, { env: { ROSTER_MAX_ADD_USER_IDS: '300', ROSTER_BULK_CHUNK_SIZE: '5' } });
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    addUrl = `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`;
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 12 }, (_, i) => ({ displayName: `S${i}`, email: `s${i}@example.com` })),
    });
    userIds = imported.body.userIds;
  });
  afterAll(() => t.close());

  async function rowCounts() {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const row = await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  it('classifies every ID in a dry run and writes nothing', async () => {
    const [member, stranger] = [userIds[0] as string, userIds[1] as string];
    await t.request('POST', addUrl, { userIds: [member] });
    await t.drainBulkActions();
    const before = await rowCounts();
    const response = await t.request('POST', `${addUrl}?dryRun=true`, {
      userIds: [member, stranger, 'bogus', stranger],
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      bulkActionId: '',
      failedUsersErrorMap: { bogus: 'invalid user id' },
      dryRun: { wouldAdd: [stranger], wouldCreateAppUser: [stranger], alreadyMembers: [member] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('replays a keyed add with its original answer and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'add-once-1' };
    const body = { userIds: [userIds[2], userIds[3]] };
    const first = await t.request('POST', addUrl, body, { headers });
    expect(first.status).toBe(200);
    const afterFirst = await rowCounts();
    const again = await t.request('POST', addUrl, body, { headers });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await rowCounts()).toEqual(afterFirst);

    const other = await t.request('POST', addUrl, { userIds: [userIds[4]] }, { headers });
    expectError(other, 409, 10, 'IDEMPOTENCY_KEY_REUSED');
    expect(await rowCounts()).toEqual(afterFirst);

    // Keys belong to their sender's client and expire after 24 hours.
    t.clock.advance(24 * 3600 * 1000 + 1);
    const token = await t.issueAdminToken();
    const later = await t.request('POST', addUrl, body, { headers, token });
    expect(later.status).toBe(200);
    expect(later.body.bulkActionId).not.toBe(first.body.bulkActionId);
    const keys = await t.db
      .selectFrom('idempotency_keys')
      .select('created_at')
      .where('key', '=', 'add-once-1')
      .execute();
    expect(keys).toHaveLength(1);
    t.clock.advance(24 * 3600 * 1000 + 1);
    expect((await t.container.maintenance.runOnce()).idempotencyKeysDeleted).toBe(1);
    await t.drainBulkActions();
  });

  it('replays a keyed removal and refuses an invalid key', async () => {
    const appUser = await t.db
      .selectFrom('app_users')
      .select('id')
      .where('identity_user_id', '=', userIds[2] as string)
      .executeTakeFirstOrThrow();
    const url = `/api/v1/apps/${appId}/entitlements/${entitlementId}/remove-membership`;
    const headers = { 'idempotency-key': 'remove-1' };
    const token = await t.issueAdminToken();
    const first = await t.request('DELETE', url, { appUserId: appUser.id }, { headers, token });
    expect(first).toMatchObject({ status: 200, body: { revokeTaskId: '' } });
    const again = await t.request('DELETE', url, { appUserId: appUser.id }, { headers, token });
    expect(again).toMatchObject({ status: 200, body: { revokeTaskId: '' } });
    const other = await t.request('DELETE', url, { appUserId: 'someone-else' }, { headers, token });
    expectError(other, 409, 10, 'IDEMPOTENCY_KEY_REUSED');
    const bad = await t.request(
      'DELETE',
      url,
      { appUserId: appUser.id },
      { headers: { 'idempotency-key': 'has space' }, token },
    );
    expectError(bad, 400, 3, 'INVALID_IDEMPOTENCY_KEY');
    const removed = await t.db
      .selectFrom('grant_events')
      .select('id')
      .where('app_user_id', '=', appUser.id)
      .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
      .execute();
    expect(removed).toHaveLength(1);
  });
});

describe.each(DIALECTS)('reading bulk actions on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;
  let addUrl: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { env: { ROSTER_BULK_CHUNK_SIZE: '5', ROSTER_BULK_BATCH_SIZE: '5' } });
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    addUrl = `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`;
  });
  afterAll(() => t.close());

  it('lists every item with its outcome, page by page, filtered by outcome', async () => {
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 23 }, (_, i) => ({ displayName: `I${i}`, email: `i${i}@example.com` })),
    });
    const ids: string[] = imported.body.userIds;
    await t.request('POST', addUrl, { userIds: ids.slice(0, 3) });
    await t.drainBulkActions();
    const { body } = await t.request('POST', addUrl, { userIds: [...ids, 'nope'] });
    await t.drainBulkActions();

    const seen: any[] = [];
    let token = '';
    do {
      const page = await t.request(
        'GET',
        `/roster/v1/bulk_actions/${body.bulkActionId}/items?page_size=10${token ? `&page_token=${token}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.list);
      token = page.body.nextPageToken;
    } while (token);
    expect(seen).toHaveLength(24);
    expect(new Set(seen.map((i) => i.userId)).size).toBe(24);
    const outcomes = Object.fromEntries(seen.map((i) => [i.userId, i.outcome]));
    expect(outcomes.nope).toBe('FAILED');
    expect(ids.slice(0, 3).map((id) => outcomes[id])).toEqual([
      'ALREADY_MEMBER',
      'ALREADY_MEMBER',
      'ALREADY_MEMBER',
    ]);
    expect(ids.slice(3).every((id) => outcomes[id] === 'ADDED')).toBe(true);
    const created = seen.find((i) => i.userId === ids[5]);
    expect(created).toMatchObject({
      appUserCreated: true,
      appUserId: expect.stringMatching(/^\w{27}$/),
      error: '',
    });

    const failed = await t.request(
      'GET',
      `/roster/v1/bulk_actions/${body.bulkActionId}/items?outcome=FAILED`,
    );
    expect(failed.body.list).toEqual([
      { userId: 'nope', outcome: 'FAILED', appUserId: '', appUserCreated: false, error: 'invalid user id' },
    ]);
    expectNotFound(
      await t.request('GET', '/roster/v1/bulk_actions/2AAAAAAAAAAAAAAAAAAAAAAAAAA/items'),
      'BULK_ACTION_NOT_FOUND',
      '2AAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
  });

  it('lists bulk actions filtered by state and entitlement', async () => {
    const other = (await createEntitlement(t, appId)).id;
    const user = await createUser(t);
    await t.request('POST', `/api/v1/apps/${appId}/entitlements/${other}/add-manual-user`, {
      userIds: [user.id],
    });
    const pending = await t.request('GET', '/roster/v1/bulk_actions?state=BULK_ACTION_STATE_PENDING');
    expect(pending.body.list.map((a: any) => a.appEntitlementId)).toEqual([other]);
    const mine = await t.request('GET', `/roster/v1/bulk_actions?app_entitlement_id=${entitlementId}`);
    // Newest first: the add of 23 with one refusal, then the add of 3 before it.
    expect(mine.body.list.map((a: any) => a.state)).toEqual([
      'BULK_ACTION_STATE_PARTIALLY_FAILED',
      'BULK_ACTION_STATE_SUCCEEDED',
    ]);
    const wrong = await t.request('GET', '/roster/v1/bulk_actions?state=DONE');
    expectError(wrong, 400, 3, 'INVALID_REQUEST');
    await t.drainBulkActions();
  });

  it('lists bulk actions newest first, keyset-paged, with and without filters', async () => {
    const app = (await createApp(t)).id;
    const entitlement = (await createEntitlement(t, app)).id;
    const user = await createUser(t);
    const url = `/api/v1/apps/${app}/entitlements/${entitlement}/add-manual-user`;
    const created: string[] = [];
    for (let i = 0; i < 27; i++) {
      const response = await t.request('POST', url, { userIds: [user.id] });
      expect(response.status).toBe(200);
      created.push(response.body.bulkActionId);
    }
    const newestFirst = [...created].reverse();
    const stored = await t.db
      .selectFrom('bulk_actions')
      .select('id')
      .where('app_entitlement_id', '=', entitlement)
      .execute();
    expect(stored.map((r) => r.id).sort()).toEqual([...created].sort());

    // The action just run is on page 1, first, even with more than a page of older ones.
    const first = await t.request('GET', '/roster/v1/bulk_actions');
    expect(first.status).toBe(200);
    expect(first.body.list).toHaveLength(25);
    expect(first.body.list[0].id).toBe(created.at(-1));
    expect(first.body.list.slice(0, 25).map((a: any) => a.id)).toEqual(newestFirst.slice(0, 25));
    expect(first.body.nextPageToken).not.toBe('');

    for (const filter of [`app_entitlement_id=${entitlement}`, `app_id=${app}`]) {
      const walked = await walkPages(t, `/roster/v1/bulk_actions?${filter}`, 10);
      expect(walked.map((a) => a.id)).toEqual(newestFirst);
    }
    // Every action, whatever its app, in one descending walk.
    const all = (await walkPages(t, '/roster/v1/bulk_actions', 10)).map((a) => a.id);
    expect(all).toEqual([...all].sort().reverse());
    const pending = await walkPages(t, '/roster/v1/bulk_actions?state=BULK_ACTION_STATE_PENDING', 10);
    expect(pending.map((a) => a.id).slice(0, 27)).toEqual(newestFirst);
    await t.drainBulkActions();
  });

  it('cancels an open action between batches and refuses to cancel a finished one', async () => {
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 20 }, (_, i) => ({ displayName: `C${i}`, email: `c${i}@example.com` })),
    });
    const { body } = await t.request('POST', addUrl, { userIds: imported.body.userIds });
    const cancelled = await t.request('POST', `/roster/v1/bulk_actions/${body.bulkActionId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.bulkAction).toMatchObject({ state: 'BULK_ACTION_STATE_CANCELLED', processed: 0 });
    await t.drainBulkActions();
    const grants = await t.db
      .selectFrom('grants')
      .select('id')
      .where('bulk_action_id', '=', body.bulkActionId)
      .execute();
    expect(grants).toHaveLength(0);
    const again = await t.request('POST', `/roster/v1/bulk_actions/${body.bulkActionId}/cancel`);
    expect(again.body.bulkAction.state).toBe('BULK_ACTION_STATE_CANCELLED');
    const logged = await t.db
      .selectFrom('system_log_events')
      .select('activity')
      .where('target_id', '=', body.bulkActionId)
      .execute();
    expect(logged.map((e) => e.activity).sort()).toEqual(['bulk_action.cancelled', 'bulk_action.created']);

    const finished = (await t.request('GET', `/roster/v1/bulk_actions?state=BULK_ACTION_STATE_SUCCEEDED`))
      .body.list[0];
    expectError(
      await t.request('POST', `/roster/v1/bulk_actions/${finished.id}/cancel`),
      400,
      9,
      'BULK_ACTION_FINISHED',
    );
  });

  it('forgets finished bulk actions after the retention period, but never the grants', async () => {
    const before = await t.db.selectFrom('grants').select('id').execute();
    const actions = await t.db.selectFrom('bulk_actions').select('id').execute();
    expect((await t.container.maintenance.runOnce()).bulkActionsDeleted).toBe(0);
    t.clock.advance(31 * 24 * 3600 * 1000);
    const report = await t.container.maintenance.runOnce();
    expect(report.bulkActionsDeleted).toBe(actions.length);
    expect(await t.db.selectFrom('bulk_action_items').select('user_id').execute()).toHaveLength(0);
    expect(await t.db.selectFrom('bulk_action_chunks').select('seq').execute()).toHaveLength(0);
    expect(await t.db.selectFrom('grants').select('id').execute()).toHaveLength(before.length);
  });

  it('publishes its limits', async () => {
    const token = await t.issueAdminToken();
    const response = await t.request('GET', '/roster/v1/limits', undefined, { token });
    expect(response.body).toEqual({
      limits: {
        maxAddUserIds: 100000,
        maxAddRequestBytes: 16 * 1024 * 1024,
        maxImportUsers: 100000,
        maxImportRequestBytes: 64 * 1024 * 1024,
        maxRequestBytes: 1024 * 1024,
        maxPageSize: 100,
        defaultPageSize: 25,
        idempotencyKeyTtlSeconds: 86400,
        bulkActionRetentionDays: 30,
        maxStringLengths: STRING_LIMITS,
      },
    });
  });
});
