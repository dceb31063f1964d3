import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkItems, createApp, createEntitlement, createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';

const entitlementUrl = (appId: string, entitlementId: string) =>
  `/api/v1/apps/${appId}/entitlements/${entitlementId}`;

describe.each(DIALECTS)('add-manual-user on %s', (dialect) => {
  let t: TestApp;
  let appId: string;
  let entitlementId: string;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, {
      env: { ROSTER_MAX_ADD_USER_IDS: '50', ROSTER_MAX_ADD_REQUEST_BYTES: '4096' },
    });
    appId = (await createApp(t)).id;
    entitlementId = (await createEntitlement(t, appId)).id;
    url = `${entitlementUrl(appId, entitlementId)}/add-manual-user`;
  });
  afterAll(() => t.close());

  const bulkActionsCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('bulk_actions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('commits a bulk action before answering, then grants the entitlement', async () => {
    const users = [await createUser(t), await createUser(t), await createUser(t)];
    const ids = users.map((u) => u.id);
    const response = await t.request('POST', url, { userIds: ids });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      bulkActionId: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
      failedUsersErrorMap: {},
    });
    const { bulkActionId } = response.body;

    const pending = await t.db
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', bulkActionId)
      .executeTakeFirstOrThrow();
    expect(pending).toMatchObject({
      state: 'BULK_ACTION_STATE_PENDING',
      total: 3,
      processed: 0,
      app_entitlement_id: entitlementId,
    });
    expect(JSON.parse(pending.work)).toEqual(ids);

    await t.drainBulkActions();

    const read = await t.request('GET', `/roster/v1/bulk_actions/${bulkActionId}`);
    expect(read.status).toBe(200);
    expect(read.body.bulkAction).toMatchObject({
      id: bulkActionId,
      state: 'BULK_ACTION_STATE_SUCCEEDED',
      total: 3,
      processed: 3,
      succeeded: 3,
      failed: 0,
      completedAt: expect.any(String),
    });

    const grants = await t.db
      .selectFrom('grants')
      .selectAll()
      .where('app_entitlement_id', '=', entitlementId)
      .execute();
    expect(grants).toHaveLength(3);
    const appUsers = await t.db.selectFrom('app_users').selectAll().where('app_id', '=', appId).execute();
    expect(appUsers.map((a) => a.identity_user_id).sort()).toEqual([...ids].sort());
    expect(appUsers.every((a) => a.app_user_type === 'APP_USER_TYPE_USER')).toBe(true);
    expect(new Set(grants.map((g) => g.app_user_id))).toEqual(new Set(appUsers.map((a) => a.id)));
    const events = await t.db
      .selectFrom('grant_events')
      .selectAll()
      .where('bulk_action_id', '=', bulkActionId)
      .execute();
    expect(events.map((e) => e.event_type)).toEqual(Array(3).fill('GRANT_EVENT_TYPE_ADDED'));
    expect(events.every((e) => e.app_user_created === 1 && e.request_id !== null)).toBe(true);
    expect(events.every((e) => e.actor_user_id !== null && e.actor_client_id !== null)).toBe(true);
    // The system log holds the request and the action's state changes, not a row per member.
    const log = await t.db
      .selectFrom('system_log_events')
      .select(['activity', 'actor_user_id', 'request_id'])
      .where('bulk_action_id', '=', bulkActionId)
      .execute();
    expect(log.map((e) => e.activity).sort()).toEqual([
      'bulk_action.created',
      'bulk_action.finished',
      'bulk_action.started',
    ]);
    expect(log.every((e) => e.actor_user_id !== null && e.request_id !== null)).toBe(true);
    // No item is stored for a success; the outcomes are read from the grant history.
    const stored = await t.db
      .selectFrom('bulk_action_items')
      .selectAll()
      .where('bulk_action_id', '=', bulkActionId)
      .execute();
    expect(stored).toEqual([]);
    const items = await bulkItems(t, bulkActionId);
    expect(items.map((i) => [i.userId, i.outcome, i.appUserCreated])).toEqual(
      [...ids].sort().map((id) => [id, 'ADDED', true]),
    );
  });

  it('writes 3 rows per new member and 2 per member whose app user existed, whatever the size', async () => {
    const tables = [
      'users',
      'apps',
      'app_resource_types',
      'app_resources',
      'app_entitlements',
      'app_users',
      'grants',
      'grant_events',
      'bulk_actions',
      'bulk_action_chunks',
      'bulk_action_items',
      'entitlement_member_sets',
      'api_clients',
      'signing_keys',
      'used_assertions',
      'idempotency_keys',
      'system_log_events',
      'owners',
      'roles',
      'scim_connections',
      'scim_users',
      'scim_groups',
      'console_sessions',
      'console_oidc_logins',
    ] as const;
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of tables) {
        const row = await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        out[table] = Number(row.n);
      }
      return out;
    };
    const delta = (before: Record<string, number>, after: Record<string, number>) =>
      Object.fromEntries(
        tables.filter((n) => after[n] !== before[n]).map((n) => [n, (after[n] ?? 0) - (before[n] ?? 0)]),
      );
    const imported = await t.request('POST', '/roster/v1/users/import', {
      users: Array.from({ length: 40 }, (_, i) => ({
        displayName: `Rows ${i}`,
        email: `rows${i}@example.test`,
      })),
    });
    const userIds = imported.body.userIds as string[];
    const second = (await createEntitlement(t, appId)).id;

    for (const size of [1, 40]) {
      const freshEntitlement = (await createEntitlement(t, appId)).id;
      const target = size === 1 ? freshEntitlement : second;
      const ids = size === 1 ? [userIds[0] as string] : userIds;
      const before = await counts();
      const added = await t.request('POST', `${entitlementUrl(appId, target)}/add-manual-user`, {
        userIds: ids,
      });
      expect(added.status).toBe(200);
      await t.drainBulkActions();
      const newAppUsers = size === 1 ? 1 : 39;
      // Per member: its grant and one grant-history entry, and its app user when one was created;
      // per request: the action, its one chunk, and created/started/finished in the system log.
      expect(delta(before, await counts())).toEqual({
        app_users: newAppUsers,
        grants: size,
        grant_events: size,
        bulk_actions: 1,
        bulk_action_chunks: 1,
        system_log_events: 3,
      });
    }
  });

  it('reports each refused ID, counts duplicates once, and treats existing members as successes', async () => {
    const member = await createUser(t);
    await t.request('POST', url, { userIds: [member.id] });
    await t.drainBulkActions();
    const fresh = await createUser(t);
    const deleted = await createUser(t);
    await t.db
      .updateTable('users')
      .set({ deleted_at: new Date().toISOString() })
      .where('id', '=', deleted.id)
      .execute();
    const disabled = await createUser(t);
    await t.db.updateTable('users').set({ status: 'DISABLED' }).where('id', '=', disabled.id).execute();
    const unknown = '2AAAAAAAAAAAAAAAAAAAAAAAAAA';

    const response = await t.request('POST', url, {
      userIds: [member.id, fresh.id, fresh.id, 'not an id', unknown, deleted.id, disabled.id],
    });
    expect(response.status).toBe(200);
    expect(response.body.failedUsersErrorMap).toEqual({
      'not an id': 'invalid user id',
      [unknown]: 'user not found',
      [deleted.id]: 'user is deleted',
      [disabled.id]: 'user is disabled',
    });
    await t.drainBulkActions();
    const action = await t.request('GET', `/roster/v1/bulk_actions/${response.body.bulkActionId}`);
    expect(action.body.bulkAction).toMatchObject({
      state: 'BULK_ACTION_STATE_PARTIALLY_FAILED',
      total: 6,
      processed: 6,
      succeeded: 2,
      failed: 4,
    });
    const items = await bulkItems(t, response.body.bulkActionId);
    expect(Object.fromEntries(items.map((i) => [i.userId, i.outcome]))).toEqual({
      [member.id]: 'ALREADY_MEMBER',
      [fresh.id]: 'ADDED',
      'not an id': 'FAILED',
      [unknown]: 'FAILED',
      [deleted.id]: 'FAILED',
      [disabled.id]: 'FAILED',
    });
    const memberGrants = await t.db
      .selectFrom('grants')
      .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
      .select('grants.id')
      .where('app_users.identity_user_id', '=', member.id)
      .execute();
    expect(memberGrants).toHaveLength(1);
  });

  /** Rows of the tables an add writes to, to show that a request left nothing behind. */
  const writes = async () => {
    const n = async (table: 'bulk_actions' | 'bulk_action_items' | 'system_log_events' | 'grants') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      bulk_actions: await n('bulk_actions'),
      bulk_action_items: await n('bulk_action_items'),
      system_log_events: await n('system_log_events'),
      grants: await n('grants'),
    };
  };

  it('answers null, absent and empty userIds with no bulk action, and writes nothing', async () => {
    const before = await writes();
    for (const body of [{ userIds: null }, {}, { userIds: [] }, undefined]) {
      const response = await t.request(
        'POST',
        url,
        body,
        body === undefined ? { headers: { 'content-type': 'application/json' }, rawBody: '' } : {},
      );
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ bulkActionId: '', failedUsersErrorMap: {} });
    }
    expect(await writes()).toEqual(before);
  });

  it('answers an add whose every ID is refused with the refusals and no bulk action', async () => {
    const deleted = await createUser(t);
    await t.db
      .updateTable('users')
      .set({ deleted_at: new Date().toISOString() })
      .where('id', '=', deleted.id)
      .execute();
    const unknown = '2AAAAAAAAAAAAAAAAAAAAAAAAAA';
    const before = await writes();
    const response = await t.request('POST', url, { userIds: ['not an id', unknown, deleted.id] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      bulkActionId: '',
      failedUsersErrorMap: {
        'not an id': 'invalid user id',
        [unknown]: 'user not found',
        [deleted.id]: 'user is deleted',
      },
    });
    expect(await writes()).toEqual(before);
  });

  it('keeps the answer of a keyed add that had nothing to do', async () => {
    const user = await createUser(t);
    await t.db.updateTable('users').set({ status: 'DISABLED' }).where('id', '=', user.id).execute();
    const headers = { 'idempotency-key': `nothing-to-do-${dialect}` };
    const before = await writes();
    const first = await t.request('POST', url, { userIds: [user.id] }, { headers });
    expect(first.body).toEqual({ bulkActionId: '', failedUsersErrorMap: { [user.id]: 'user is disabled' } });
    const keys = await t.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', headers['idempotency-key'])
      .execute();
    expect(keys).toHaveLength(1);

    // The user is enabled again; a retry with the same key still answers what the first one did.
    await t.db.updateTable('users').set({ status: 'ENABLED' }).where('id', '=', user.id).execute();
    const retry = await t.request('POST', url, { userIds: [user.id] }, { headers });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await writes()).toEqual(before);
    // The same key with another body is refused, as for any keyed request.
    expect((await t.request('POST', url, { userIds: [] }, { headers })).status).toBe(409);
  });

  it('answers 404 for an unknown app or entitlement, or an entitlement of another app', async () => {
    const before = await bulkActionsCount();
    const unknownApp = await t.request(
      'POST',
      `${entitlementUrl('2AAAAAAAAAAAAAAAAAAAAAAAAAA', entitlementId)}/add-manual-user`,
      { userIds: [] },
    );
    expect(unknownApp.status).toBe(404);
    expect(unknownApp.body).toMatchObject({ code: 5, details: [{ reason: 'APP_NOT_FOUND' }] });
    const unknownEntitlement = await t.request('POST', `${entitlementUrl(appId, 'nope')}/add-manual-user`, {
      userIds: [],
    });
    expect(unknownEntitlement.status).toBe(404);
    expect(unknownEntitlement.body.details[0].reason).toBe('ENTITLEMENT_NOT_FOUND');
    const otherApp = (await createApp(t)).id;
    const elsewhere = await t.request('POST', `${entitlementUrl(otherApp, entitlementId)}/add-manual-user`, {
      userIds: [],
    });
    expect(elsewhere.status).toBe(404);
    expect(await bulkActionsCount()).toBe(before);
  });

  it('refuses an entitlement that is not manually managed with 400 FAILED_PRECONDITION', async () => {
    const other = (await createEntitlement(t, appId)).id;
    await t.db
      .updateTable('app_entitlements')
      .set({ is_manually_managed: 0 })
      .where('id', '=', other)
      .execute();
    const before = await bulkActionsCount();
    const response = await t.request('POST', `${entitlementUrl(appId, other)}/add-manual-user`, {
      userIds: [],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 9,
      details: [{ reason: 'ENTITLEMENT_NOT_MANUALLY_MANAGED' }],
    });
    expect(await bulkActionsCount()).toBe(before);
  });

  it('enforces the published limits at the boundary and stores nothing above them', async () => {
    const before = await bulkActionsCount();
    const atLimit = await t.request('POST', url, { userIds: Array.from({ length: 50 }, (_, i) => `u${i}`) });
    expect(atLimit.status).toBe(200);
    expect(Object.keys(atLimit.body.failedUsersErrorMap)).toHaveLength(50);
    const over = await t.request('POST', url, { userIds: Array.from({ length: 51 }, (_, i) => `u${i}`) });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      code: 3,
      details: [{ reason: 'TOO_MANY_USER_IDS', metadata: { limit: '50' } }],
    });
    // A body of exactly ROSTER_MAX_ADD_REQUEST_BYTES (4096) passes; one byte more is refused.
    // IDs of up to 200 characters, padded so the JSON text has exactly `bytes` characters.
    const sized = (bytes: number) => {
      const ids: string[] = [];
      const length = () => JSON.stringify({ userIds: ids }).length;
      while (bytes - length() > 200) ids.push('y'.repeat(150));
      ids.push('');
      ids[ids.length - 1] = 'z'.repeat(bytes - length());
      return JSON.stringify({ userIds: ids });
    };
    expect(sized(4096)).toHaveLength(4096);
    const headers = { 'content-type': 'application/json' };
    const exact = await t.request('POST', url, undefined, { headers, rawBody: sized(4096) });
    expect(exact.status).toBe(200);
    const tooBig = await t.request('POST', url, undefined, { headers, rawBody: sized(4097) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.details[0]).toMatchObject({
      reason: 'REQUEST_TOO_LARGE',
      metadata: { limitBytes: '4096' },
    });
    // It names the limit and where it is published (CONTRACT.md §7.16).
    expect(tooBig.body.message).toContain('limit of 4096 bytes');
    expect(tooBig.body.message).toContain('GET /roster/v1/limits');
    expect((await t.request('GET', '/roster/v1/limits')).body.limits.maxAddRequestBytes).toBe(4096);
    // The requests within the limits refuse every (made-up) ID, so they too leave no bulk action.
    expect(await bulkActionsCount()).toBe(before);
  });

  it('refuses malformed bodies in the error format and stores nothing', async () => {
    const before = await bulkActionsCount();
    const malformed = await t.request('POST', url, undefined, {
      rawBody: '{"userIds": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 3, details: [{ reason: 'MALFORMED_JSON' }] });
    const tooLong = await t.request('POST', url, { userIds: ['x'.repeat(201)] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0].reason).toBe('INVALID_REQUEST');
    const wrongType = await t.request('POST', url, { userIds: { a: 1 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details[0].reason).toBe('INVALID_REQUEST');
    const unauthenticated = await t.request('POST', url, { userIds: [] }, { token: null });
    expect(unauthenticated.status).toBe(401);
    expect(await bulkActionsCount()).toBe(before);
  });
});
